/* syllabus-window-transfer.c
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

/* The window's flows that move progress in and out of Syllabus: a report
 * in Markdown, a backup of the store, and importing a backup by merging it. */

#include "config.h"

#include "syllabus-window-private.h"

#include <glib/gi18n.h>

#include "syllabus-atomic-file.h"
#include "syllabus-dialogs.h"
#include "syllabus-progress-text.h"
#include "syllabus-report.h"
#include "syllabus-study-dialog.h"

static void
toast (SyllabusWindow *self,
       const char     *message)
{
  syllabus_window_add_toast (self, syllabus_window_new_toast (message));
}

typedef struct
{
  SyllabusWindow *window;
  char           *contents;
  gboolean        backup;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_free (data->contents);
  g_free (data);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!syllabus_atomic_file_write_finish (G_FILE (object), result, &error))
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (G_FILE (object));

      message = g_strdup_printf (_("Exported to “%s”"), name);
    }

  toast (data->window, message);
  export_data_free (data);
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GFile) file = syllabus_choose_file_finish (result, NULL);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    {
      export_data_free (data);
      return;
    }

  if (data->backup)
    {
      /* The store writes its own format, atomically. */
      if (!syllabus_store_export_backup (syllabus_window_get_store (data->window), file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not back up: %s"), error->message);

          toast (data->window, message);
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Progress backed up to “%s”"), name);

          toast (data->window, message);
        }
      export_data_free (data);
      return;
    }

  /* Atomic like every write: a failed export leaves the old report
   * whole. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (data->contents, strlen (data->contents));

    syllabus_atomic_file_write_async (file, bytes, 0666, NULL, export_written_cb, data);
  }
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);
  gboolean all = g_variant_get_boolean (parameter);
  g_autoptr(GListStore) one = NULL;
  g_autofree char *name = NULL;
  ExportData *data;
  GListModel *topics;

  if (!all && syllabus_window_get_topic (self) == NULL)
    return;

  if (all)
    {
      topics = syllabus_library_get_topics (syllabus_window_get_library (self));
      name = g_strdup (_("Syllabus progress.md"));
    }
  else
    {
      one = g_list_store_new (SYLLABUS_TYPE_TOPIC);
      g_list_store_append (one, syllabus_window_get_topic (self));
      topics = G_LIST_MODEL (one);
      /* Translators: the file name proposed for a topic's report */
      name = g_strdup_printf (_("%s progress.md"), syllabus_topic_get_title (syllabus_window_get_topic (self)));
    }

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    data->contents = syllabus_report_markdown_full (syllabus_window_get_store (self), topics, now);
  }
  syllabus_choose_file (GTK_WINDOW (self), SYLLABUS_FILE_REPORT, TRUE, _("Export Report"), name,
                        NULL, export_file_chosen_cb, data);
}

static void
export_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name proposed for a backup; %s is the date */
  g_autofree char *name = g_strdup_printf (_("Syllabus backup %s.json"), date);
  ExportData *data = g_new0 (ExportData, 1);

  data->window = g_object_ref (self);
  data->backup = TRUE;
  syllabus_choose_file (GTK_WINDOW (self), SYLLABUS_FILE_BACKUP, TRUE, _("Back Up Progress"), name,
                        NULL, export_file_chosen_cb, data);
}

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SyllabusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SyllabusMergeSummary summary;
  AdwToast *note;

  if (!syllabus_store_merge_file_finish (SYLLABUS_STORE (object), result, &summary, &error))
    message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
  else
    message = syllabus_progress_text_merge (&summary);

  /* The summary stays until read: it says what changed. */
  note = syllabus_window_new_toast (message);
  adw_toast_set_timeout (note, 0);
  syllabus_window_add_toast (self, note);

  /* Progress that came in may belong to resources no longer listed. */
  syllabus_window_update_checklist (self);
}

static void
import_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SyllabusWindow) self = user_data;
  g_autoptr(GFile) file = syllabus_choose_file_finish (result, NULL);

  if (file != NULL)
    syllabus_store_merge_file_async (syllabus_window_get_store (self), file, NULL, merged_cb, g_object_ref (self));
}

static void
import_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  syllabus_choose_file (GTK_WINDOW (widget), SYLLABUS_FILE_BACKUP, FALSE, _("Import Progress"),
                        NULL, NULL, import_file_chosen_cb, g_object_ref (widget));
}
/* "Your Study": the figures the report ends with, drawn. */
static void
show_study_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!syllabus_store_get_loaded (self->store))
    return;

  adw_dialog_present (syllabus_study_dialog_new (self->store, syllabus_library_get_topics (self->library),
                                                 now),
                      widget);
}

void
syllabus_window_transfer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-study", NULL, show_study_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-study", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-report", "b", export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-backup", NULL, export_backup_action);
  gtk_widget_class_install_action (widget_class, "win.import-backup", NULL, import_backup_action);
}
