/* syllabus-open-flow.c

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

#include "syllabus-open-flow.h"

#include <glib/gi18n.h>

/* Opening a topic file, from the Open button, a drop or the command line:
 * the library copies it into the user's topics. When another topic of the
 * user's has the file's name, and is not a copy of this file nor the same
 * page, the window asks whether the new one replaces it or both are kept;
 * nothing is replaced without the user's word. */

typedef struct
{
  GtkWidget       *parent;
  SyllabusLibrary *library;
  GFile           *file;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->parent);
  g_clear_object (&open->library);
  g_clear_object (&open->file);
  g_free (open);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data);

static void
import (GTask                     *task,
        SyllabusLibraryImportMode  mode)
{
  OpenData *open = g_task_get_task_data (task);

  syllabus_library_import_async (open->library, open->file, mode, g_task_get_cancellable (task),
                                 imported_cb, task);
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             gpointer        user_data)
{
  GTask *task = user_data;

  if (g_str_equal (response, "replace"))
    import (task, SYLLABUS_LIBRARY_IMPORT_REPLACE);
  else if (g_str_equal (response, "keep-both"))
    import (task, SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH);
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The user kept the topic in the way");
      g_object_unref (task);
    }
}

static void
ask (GTask *task)
{
  OpenData *open = g_task_get_task_data (task);
  g_autofree char *id = syllabus_topic_id_for_file (open->file);
  g_autofree char *basename = g_file_get_basename (open->file);
  g_autofree char *display_name = g_filename_display_name (basename);
  SyllabusTopic *in_the_way = syllabus_library_lookup (open->library, id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwAlertDialog *dialog;

  heading = g_strdup_printf (_("Replace “%s”?"),
                             in_the_way != NULL ? syllabus_topic_get_title (in_the_way)
                                                : display_name);
  body = g_strdup_printf (_("Your topics already hold another page from a file named “%s”. "
                            "The file you opened can replace it, keeping the progress of the "
                            "resources both list, or be kept beside it as a topic of its own."),
                          display_name);

  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "keep-both", _("_Keep Both"),
                                  "replace", _("_Replace"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (dialog, "keep-both", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "keep-both");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  /* A window that waits for the file to open is shown to ask. */
  if (GTK_IS_WINDOW (gtk_widget_get_root (open->parent)))
    gtk_window_present (GTK_WINDOW (gtk_widget_get_root (open->parent)));
  adw_dialog_present (ADW_DIALOG (dialog), open->parent);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  SyllabusTopic *topic;
  GError *error = NULL;

  if ((topic = syllabus_library_import_finish (SYLLABUS_LIBRARY (object), result, &error)))
    g_task_return_pointer (task, topic, g_object_unref);
  else if (g_error_matches (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NAME_TAKEN))
    {
      g_error_free (error);
      /* The dialog's answer takes the reference on. */
      ask (task);
      return;
    }
  else
    g_task_return_error (task, error);

  g_object_unref (task);
}

/**
 * syllabus_open_topic_async:
 * @parent: the widget to ask in
 * @library: the library to add the topic to
 * @file: a topic file
 *
 * Copies @file into the user's topics, asking in @parent first whether it
 * replaces another topic of its name. The operation fails with
 * %G_IO_ERROR_CANCELLED when the user chooses neither.
 */
void
syllabus_open_topic_async (GtkWidget           *parent,
                           SyllabusLibrary     *library,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  OpenData *open;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (SYLLABUS_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_open_topic_async);
  open = g_new0 (OpenData, 1);
  open->parent = g_object_ref (parent);
  open->library = g_object_ref (library);
  open->file = g_object_ref (file);
  g_task_set_task_data (task, open, open_data_free);

  import (task, SYLLABUS_LIBRARY_IMPORT_ASK);
}

/**
 * syllabus_open_topic_finish:
 *
 * Returns: (transfer full): the topic as now listed, or %NULL with @error
 *   set
 */
SyllabusTopic *
syllabus_open_topic_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
