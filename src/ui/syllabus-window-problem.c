/* syllabus-window-problem.c
 *
 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's problem bar: what went wrong with the progress file, the
 * library or saving, shown until dismissed (a save error until it is
 * fixed), and the files a folder topic left out, while it is shown. */

#include "config.h"

#include "syllabus-window-private.h"

#include <glib/gi18n.h>

/* At most this many left-out files are named: the rest are counted. */
#define MAX_NAMED_PROBLEMS 3

static void
append_topic_problems (SyllabusWindow *self,
                       GString        *text)
{
  guint n;

  if (self->topic == NULL || (n = syllabus_topic_get_n_problems (self->topic)) == 0 ||
      g_strcmp0 (self->topic_problems_dismissed, syllabus_topic_get_id (self->topic)) == 0)
    return;

  for (guint i = 0; i < MIN (n, MAX_NAMED_PROBLEMS); i++)
    {
      g_autofree char *name =
        g_filename_display_name (syllabus_topic_get_problem_path (self->topic, i));

      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the first %s is a file's path, the second why it
       * could not be read */
      g_string_append_printf (text, _("%s was left out of the topic: %s"), name,
                              syllabus_topic_get_problem_error (self->topic, i)->message);
    }

  if (n > MAX_NAMED_PROBLEMS)
    {
      guint rest = n - MAX_NAMED_PROBLEMS;

      g_string_append (text, "\n");
      g_string_append_printf (text,
                              ngettext ("%u more file was left out of the topic.",
                                        "%u more files were left out of the topic.", rest),
                              rest);
    }
}

void
syllabus_window_update_problem (SyllabusWindow *self)
{
  const char *problem = syllabus_store_get_problem (self->store);
  const char *save_error = syllabus_store_get_save_error (self->store);
  const char *library_problem = syllabus_library_get_problem (self->library);
  g_autoptr(GString) text = g_string_new (NULL);

  if (problem != NULL && !self->problem_dismissed)
    g_string_append (text, problem);

  if (!self->problem_dismissed)
    {
      const char * const *unseen = syllabus_store_get_unseen_damage (self->store);
      const char *kept_now = syllabus_store_get_kept_file (self->store);

      /* Files kept aside at an earlier start, or by the command line,
       * stay in the banner until it is dismissed; this start's is named
       * by the problem above. */
      for (guint i = 0; unseen != NULL && unseen[i] != NULL; i++)
        {
          g_autofree char *kept = NULL;

          if (g_strcmp0 (unseen[i], kept_now) == 0)
            continue;

          kept = g_filename_display_name (unseen[i]);
          if (text->len > 0)
            g_string_append (text, "\n");
          g_string_append_printf (text,
                                  _("Your progress file could not be read at an earlier start "
                                    "and was kept as %s; progress that only it held is missing. "
                                    "Dismiss this message once you have looked at it."),
                                  kept);
        }
    }

  if (syllabus_store_get_locked (self->store) && !self->problem_dismissed)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, _("Another Syllabus is changing your progress. It is shown "
                               "read-only here and changes are not saved; quit the other one "
                               "and start Syllabus again."));
    }

  if (library_problem != NULL && !self->problem_dismissed)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, library_problem);
    }

  append_topic_problems (self, text);

  if (save_error != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, save_error);
    }

  if (text->len > 0)
    gtk_label_set_text (self->problem_label, text->str);
  gtk_revealer_set_reveal_child (self->problem_revealer, text->len > 0);
}

static void
damage_forgotten_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A store that may not write keeps showing it at the next start: no
   * harm is done. */
  if (!syllabus_store_forget_damage_finish (SYLLABUS_STORE (object), result, &error))
    g_debug ("Could not forget the damaged files: %s", error->message);
}

static void
dismiss_problem_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  self->problem_dismissed = TRUE;
  g_free (self->topic_problems_dismissed);
  self->topic_problems_dismissed = self->topic != NULL ? g_strdup (syllabus_topic_get_id (self->topic))
                                                       : NULL;
  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);

  /* Seen now: later starts and the command line stop reporting it. */
  if (syllabus_store_get_unseen_damage (self->store) != NULL)
    syllabus_store_forget_damage_async (self->store, NULL, damage_forgotten_cb, NULL);
}

void
syllabus_window_problem_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.dismiss-problem", NULL,
                                   dismiss_problem_action);
}
