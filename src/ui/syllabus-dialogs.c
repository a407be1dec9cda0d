/* syllabus-dialogs.c
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

#include "syllabus-dialogs.h"

#include <glib/gi18n.h>

static void
launch_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_debug ("Could not open link: %s", error->message);
}

/**
 * syllabus_show_uri:
 * @parent: the widget asking
 * @uri: the address to open in the user's browser or mail program
 *
 * Opens @uri with the user's default program, through the OpenURI portal
 * inside Flatpak.
 */
void
syllabus_show_uri (GtkWidget  *parent,
                   const char *uri)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (parent);

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           NULL, launch_ready_cb, NULL);
}

/**
 * syllabus_show_about:
 * @parent: the widget to show the about dialog over
 */
void
syllabus_show_about (GtkWidget *parent)
{
  static const char *developers[] = { "The Syllabus developers", NULL };
  AdwAboutDialog *about = ADW_ABOUT_DIALOG (adw_about_dialog_new ());

  adw_about_dialog_set_application_name (about, _("Syllabus"));
  adw_about_dialog_set_application_icon (about, APPLICATION_ID);
  adw_about_dialog_set_version (about, PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (about, _("The Syllabus developers"));
  adw_about_dialog_set_developers (about, developers);
  adw_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (about, "https://github.com/syllabus/syllabus");
  adw_about_dialog_set_issue_url (about, "https://github.com/syllabus/syllabus/issues");
  adw_about_dialog_set_comments (about, _("Study from curated learning pages and keep track of what you finished."));
  /* Translators: put your names here, one per line */
  adw_about_dialog_set_translator_credits (about, _("translator-credits"));

  adw_dialog_present (ADW_DIALOG (about), parent);
}

static GtkFileFilter *
make_filter (SyllabusFileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (kind)
    {
    case SYLLABUS_FILE_BACKUP:
      gtk_file_filter_set_name (filter, _("Progress Backups (JSON)"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
      break;
    case SYLLABUS_FILE_TOPIC:
    case SYLLABUS_FILE_REPORT:
    default:
      gtk_file_filter_set_name (filter, kind == SYLLABUS_FILE_TOPIC ? _("Topics (Markdown)")
                                                                    : _("Reports (Markdown)"));
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
      break;
    }

  return filter;
}

/* What the file dialog was asked for, its task's data */
enum
{
  CHOOSE_OPEN,
  CHOOSE_SAVE,
  CHOOSE_FOLDER,
};

static void
file_dialog_ready_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == CHOOSE_SAVE)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  else if (GPOINTER_TO_INT (g_task_get_task_data (task)) == CHOOSE_FOLDER)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * syllabus_choose_file:
 * @kind: what the file holds, which sets the filter
 * @save: whether the file is to be written
 * @title: the dialog's title
 * @initial_name: (nullable): the proposed name, when saving
 *
 * Asks the user for a file, through the file chooser portal where there is
 * one.
 */
void
syllabus_choose_file (GtkWindow           *parent,
                      SyllabusFileKind     kind,
                      gboolean             save,
                      const char          *title,
                      const char          *initial_name,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = make_filter (kind);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_task_set_task_data (task, GINT_TO_POINTER (save ? CHOOSE_SAVE : CHOOSE_OPEN), NULL);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  if (save)
    {
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, file_dialog_ready_cb, task);
    }
  else
    {
      gtk_file_dialog_open (dialog, parent, cancellable, file_dialog_ready_cb, task);
    }
}

/**
 * syllabus_choose_folder:
 * @title: the dialog's title
 *
 * Asks the user for a folder, through the file chooser portal where there
 * is one. Finish with syllabus_choose_file_finish().
 */
void
syllabus_choose_folder (GtkWindow           *parent,
                        const char          *title,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  g_task_set_task_data (task, GINT_TO_POINTER (CHOOSE_FOLDER), NULL);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_select_folder (dialog, parent, cancellable, file_dialog_ready_cb, task);
}

/**
 * syllabus_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the chosen file, or %NULL when the
 *   user cancelled
 */
GFile *
syllabus_choose_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
confirm_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     gpointer        user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_strcmp0 (response, "confirm") == 0);
}

/**
 * syllabus_confirm:
 * @confirm_label: the label of the destructive button, with a mnemonic
 *
 * Asks the user to confirm a destructive action.
 */
void
syllabus_confirm (GtkWidget           *parent,
                  const char          *heading,
                  const char          *body,
                  const char          *confirm_label,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));

  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "confirm", confirm_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), task);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

gboolean
syllabus_confirm_finish (GAsyncResult *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}
