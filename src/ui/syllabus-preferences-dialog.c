/* syllabus-preferences-dialog.c
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

/* Preferences: where progress lives. Choosing a folder moves the progress
 * in use into it (syllabus-progress-move.c) before anything is switched:
 * the dialog's "store" changes, which the application hands to its
 * windows, and only then is the setting written, so that a failure leaves
 * the user where they were and the next start where they are now. */

#include "config.h"

#include "syllabus-preferences-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "syllabus-dialogs.h"
#include "syllabus-progress-move.h"

struct _SyllabusPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  /* Template widgets */
  AdwActionRow *folder_row;

  /* Owned references */
  GSettings    *settings;
  SyllabusStore *store;
  /* Cancels the file chooser and the move when the dialog goes */
  GCancellable *cancellable;
  /* The folder being moved to, while a move runs */
  char         *moving_to;
  /* A folder and where it really is, when the document portal handed
   * it over: what the user chose rather than /run/user/UID/doc/ID/NAME */
  char         *host_path_of;
  char         *host_path;
  GCancellable *host_path_cancellable;
};

G_DEFINE_FINAL_TYPE (SyllabusPreferencesDialog, syllabus_preferences_dialog,
                     ADW_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A path as the user reads it: their home folder as "~". */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);
  g_autofree char *display = NULL;

  if (home_len > 1 && g_str_has_prefix (path, home) &&
      (path[home_len] == '\0' || path[home_len] == G_DIR_SEPARATOR))
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);

      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (path);
}

/* The document portal names where its documents really are in this
 * extended attribute; GIO reads it in the "xattr" namespace. */
#define HOST_PATH_ATTRIBUTE "xattr::document-portal.host-path"

static void update (SyllabusPreferencesDialog *self);

static void
host_path_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SyllabusPreferencesDialog) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  const char *host_path;

  info = g_file_query_info_finish (G_FILE (object), result, NULL);
  if (info == NULL || g_cancellable_is_cancelled (self->host_path_cancellable))
    return;

  host_path = g_file_info_get_attribute_string (info, HOST_PATH_ATTRIBUTE);
  if (host_path == NULL || *host_path == '\0')
    return;

  g_free (self->host_path);
  self->host_path = g_strdup (host_path);
  update (self);
}

/* Finds out, once per folder, whether the portal knows it by another name. */
static void
look_up_host_path (SyllabusPreferencesDialog *self,
                   const char                *folder)
{
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (self->host_path_of, folder) == 0)
    return;

  g_cancellable_cancel (self->host_path_cancellable);
  g_clear_object (&self->host_path_cancellable);
  g_clear_pointer (&self->host_path, g_free);
  g_free (self->host_path_of);
  self->host_path_of = g_strdup (folder);

  self->host_path_cancellable = g_cancellable_new ();
  file = g_file_new_for_path (folder);
  g_file_query_info_async (file, HOST_PATH_ATTRIBUTE, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->host_path_cancellable, host_path_cb, g_object_ref (self));
}

static char *
folder_text (SyllabusPreferencesDialog *self,
             const char                *folder)
{
  if (folder == NULL || *folder == '\0')
    {
      g_autoptr(GFile) file = syllabus_store_get_default_file ();
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *shown = display_path (path);

      /* Translators: the progress folder when the user chose none; %s is
       * its path, such as ~/.local/share/syllabus/progress */
      return g_strdup_printf (_("Default (%s)"), shown);
    }

  if (self->host_path != NULL && g_strcmp0 (self->host_path_of, folder) == 0)
    return display_path (self->host_path);

  return display_path (folder);
}

static gboolean
uses_default (SyllabusPreferencesDialog *self)
{
  g_autofree char *folder = NULL;

  if (self->settings == NULL)
    return TRUE;

  folder = g_settings_get_string (self->settings, "progress-folder");

  return *folder == '\0';
}

static void
update (SyllabusPreferencesDialog *self)
{
  g_autofree char *folder = self->settings != NULL
                              ? g_settings_get_string (self->settings, "progress-folder")
                              : g_strdup ("");
  g_autofree char *text = NULL;
  gboolean busy = self->moving_to != NULL;

  if (busy)
    {
      g_autofree char *target = folder_text (self, self->moving_to);

      /* Translators: shown while progress moves; %s is the folder */
      text = g_strdup_printf (_("Moving progress to %s…"), target);
    }
  else
    {
      if (*folder != '\0')
        look_up_host_path (self, folder);
      text = folder_text (self, folder);
    }

  adw_action_row_set_subtitle (self->folder_row, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);

  /* Without a settings schema, a choice could not outlive this run. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.choose-folder",
                                 !busy && self->settings != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.use-default",
                                 !busy && self->settings != NULL && !uses_default (self));
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SyllabusPreferencesDialog) self = user_data;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_steal_pointer (&self->moving_to);
  g_autofree char *shown = folder_text (self, folder);
  g_autofree char *message = NULL;

  store = syllabus_progress_move_finish (result, &error);
  if (store == NULL)
    {
      AdwDialog *alert;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      update (self);
      alert = adw_alert_dialog_new (_("Progress Stays Where It Was"), NULL);
      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                    _("Your progress could not be moved to %s: %s. Nothing was "
                                      "changed."),
                                    shown, error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
      return;
    }

  /* The windows follow the store; then the next start does too. */
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_settings_set_string (self->settings, "progress-folder", folder);
  update (self);

  /* The row above says the whole path; the toast names the folder. */
  if (*folder == '\0')
    message = g_strdup (_("Progress is now kept in the default folder"));
  else
    {
      g_autofree char *name = g_filename_display_basename (folder);

      /* Translators: %s is the name of the folder the user chose */
      message = g_strdup_printf (_("Progress is now kept in “%s”"), name);
    }
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (message));
}

/**
 * syllabus_preferences_dialog_use_folder:
 * @folder: an absolute path, or "" for the default folder
 *
 * Moves progress into @folder and switches to it, as choosing it does;
 * nothing happens for the folder in use.
 */
void
syllabus_preferences_dialog_use_folder (SyllabusPreferencesDialog *self,
                                        const char                *folder)
{
  g_return_if_fail (SYLLABUS_IS_PREFERENCES_DIALOG (self));
  g_return_if_fail (folder != NULL);

  if (self->moving_to != NULL || self->settings == NULL ||
      syllabus_progress_store_is_in (self->store, folder))
    return;

  self->moving_to = g_strdup (folder);
  update (self);
  syllabus_progress_move_async (self->store, folder, self->cancellable, moved_cb,
                                g_object_ref (self));
}

/**
 * syllabus_preferences_dialog_get_busy:
 *
 * Returns: whether progress is being moved
 */
gboolean
syllabus_preferences_dialog_get_busy (SyllabusPreferencesDialog *self)
{
  g_return_val_if_fail (SYLLABUS_IS_PREFERENCES_DIALOG (self), FALSE);

  return self->moving_to != NULL;
}

static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SyllabusPreferencesDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Cancelling is no error. */
  if ((file = syllabus_choose_file_finish (result, &error)) == NULL)
    return;

  /* In the Flatpak this is the document portal's path for the folder,
   * which stays granted to the application across restarts. */
  if ((path = g_file_get_path (file)) == NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                        adw_toast_new (_("Progress can only be kept in a local "
                                                         "folder")));
      return;
    }

  syllabus_preferences_dialog_use_folder (self, path);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SyllabusPreferencesDialog *self = SYLLABUS_PREFERENCES_DIALOG (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  syllabus_choose_folder (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                          _("Choose the Progress Folder"), self->cancellable,
                          folder_chosen_cb, g_object_ref (self));
}

static void
use_default_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  syllabus_preferences_dialog_use_folder (SYLLABUS_PREFERENCES_DIALOG (widget), "");
}

static void
syllabus_preferences_dialog_constructed (GObject *object)
{
  SyllabusPreferencesDialog *self = (SyllabusPreferencesDialog *)object;

  G_OBJECT_CLASS (syllabus_preferences_dialog_parent_class)->constructed (object);

  g_assert (SYLLABUS_IS_STORE (self->store));

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::progress-folder", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

static void
syllabus_preferences_dialog_dispose (GObject *object)
{
  SyllabusPreferencesDialog *self = (SyllabusPreferencesDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->host_path_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SYLLABUS_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (syllabus_preferences_dialog_parent_class)->dispose (object);
}

static void
syllabus_preferences_dialog_finalize (GObject *object)
{
  SyllabusPreferencesDialog *self = (SyllabusPreferencesDialog *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->moving_to, g_free);
  g_clear_object (&self->host_path_cancellable);
  g_clear_pointer (&self->host_path_of, g_free);
  g_clear_pointer (&self->host_path, g_free);

  G_OBJECT_CLASS (syllabus_preferences_dialog_parent_class)->finalize (object);
}

static void
syllabus_preferences_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SyllabusPreferencesDialog *self = SYLLABUS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_preferences_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SyllabusPreferencesDialog *self = SYLLABUS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_preferences_dialog_class_init (SyllabusPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = syllabus_preferences_dialog_constructed;
  object_class->dispose = syllabus_preferences_dialog_dispose;
  object_class->finalize = syllabus_preferences_dialog_finalize;
  object_class->get_property = syllabus_preferences_dialog_get_property;
  object_class->set_property = syllabus_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The store in use: it changes when progress has moved to another
   * folder, and whoever opened the dialog hands the new one on. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SYLLABUS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/syllabus-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SyllabusPreferencesDialog, folder_row);

  gtk_widget_class_install_action (widget_class, "preferences.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "preferences.use-default", NULL,
                                   use_default_action);
}

static void
syllabus_preferences_dialog_init (SyllabusPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * syllabus_preferences_dialog_new:
 * @settings: (nullable): the application's settings, if its schema is installed
 * @store: the progress store in use, loaded or loading
 *
 * Returns: (transfer full): a new dialog; present it with adw_dialog_present()
 */
SyllabusPreferencesDialog *
syllabus_preferences_dialog_new (GSettings     *settings,
                                 SyllabusStore *store)
{
  return g_object_new (SYLLABUS_TYPE_PREFERENCES_DIALOG,
                       "settings", settings,
                       "store", store,
                       NULL);
}

/**
 * syllabus_preferences_dialog_get_store:
 *
 * Returns: (transfer none): the progress store in use
 */
SyllabusStore *
syllabus_preferences_dialog_get_store (SyllabusPreferencesDialog *self)
{
  g_return_val_if_fail (SYLLABUS_IS_PREFERENCES_DIALOG (self), NULL);

  return self->store;
}
