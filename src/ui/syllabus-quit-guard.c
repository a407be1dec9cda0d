/* syllabus-quit-guard.c
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

#include "config.h"

#include "syllabus-quit-guard.h"

#include <glib/gi18n.h>

/* Quitting while progress cannot be written would lose what is only in
 * memory: the window asks first, and offers to try again, to save a
 * backup elsewhere, or to quit all the same. */

static void
quit_application (GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             SyllabusStore  *store)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (dialog), "syllabus-parent");

  if (g_str_equal (response, "retry"))
    {
      if (syllabus_quit_guard_check (parent, store))
        quit_application (parent);
    }
  else if (g_str_equal (response, "backup"))
    {
      gtk_widget_activate_action (parent, "win.export-backup", NULL);
    }
  else if (g_str_equal (response, "quit"))
    {
      quit_application (parent);
    }
}

/**
 * syllabus_quit_guard_check:
 * @parent: the window that would close
 * @store: the progress
 *
 * Writes what is not saved yet. Where that fails, asks in @parent what to
 * do, and quits the application if the user says so.
 *
 * Returns: %TRUE if quitting may go on now, %FALSE if the user is asked
 */
gboolean
syllabus_quit_guard_check (GtkWidget     *parent,
                           SyllabusStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwAlertDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), TRUE);
  g_return_val_if_fail (SYLLABUS_IS_STORE (store), TRUE);

  /* A store with nothing unsaved returns at once. */
  if (!syllabus_store_get_loaded (store) || syllabus_store_get_read_only (store) ||
      syllabus_store_save (store, &error))
    return TRUE;

  body = g_strdup_printf (_("Syllabus could not save your progress: %s. If you quit now, "
                            "the changes made since the last save are lost."),
                          error->message);
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Progress Not Saved"), body));
  adw_alert_dialog_add_responses (dialog,
                                  "backup", _("Save a _Backup…"),
                                  "quit", _("_Quit and Lose Changes"),
                                  "retry", _("_Try Again"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "retry");
  /* Escape keeps the window open, with nothing lost. */
  adw_alert_dialog_set_close_response (dialog, "stay");
  g_object_set_data (G_OBJECT (dialog), "syllabus-parent", parent);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), store, 0);
  adw_dialog_present (ADW_DIALOG (dialog), parent);

  return FALSE;
}
