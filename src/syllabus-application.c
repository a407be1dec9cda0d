/* syllabus-application.c

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

#include "syllabus-application.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "syllabus-compat.h"
#include "syllabus-library.h"
#include "syllabus-window.h"

struct _SyllabusApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  SyllabusStore   *store;
  SyllabusLibrary *library;
  GSettings       *settings;

  guint           sigint_source;
  guint           sigterm_source;
};

G_DEFINE_FINAL_TYPE (SyllabusApplication, syllabus_application, ADW_TYPE_APPLICATION)

/* Finds the settings schema installed with the program or, when running
 * from the build tree, the one compiled next to it; without either, the
 * program runs and simply forgets window sizes. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *exe = NULL;

  if (source != NULL &&
      (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  if ((exe = g_file_read_link ("/proc/self/exe", NULL)) != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *data_dir = g_build_filename (dir, "..", "data", NULL);

      if (g_file_test (data_dir, G_FILE_TEST_IS_DIR))
        build_source = g_settings_schema_source_new_from_directory (data_dir, source, FALSE, NULL);
      if (build_source != NULL &&
          (schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, FALSE)) != NULL)
        return g_settings_new_full (schema, NULL, NULL);
    }

  g_debug ("Settings schema %s not found; window state will not be kept", APPLICATION_ID);

  return NULL;
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  /* Quitting runs shutdown, which writes pending progress. */
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_CONTINUE;
}

static void
store_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  /* Problems with the file are shown by the window through the store's
   * properties; only cancellation fails here. */
  if (!syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error))
    g_debug ("Loading progress failed: %s", error->message);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  /* Only a broken shipped topic fails here: a bug, not the user's doing. */
  if (!syllabus_library_load_finish (SYLLABUS_LIBRARY (object), result, &error))
    g_critical ("Shipped topics are broken: %s", error->message);
}

static SyllabusWindow *
get_window (SyllabusApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (syllabus_window_new (GTK_APPLICATION (self), self->store,
                                              self->library, self->settings));

  return SYLLABUS_WINDOW (window);
}

static void
syllabus_application_activate (GApplication *app)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
syllabus_application_open (GApplication  *app,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);
  SyllabusWindow *window = get_window (self);

  /* Each file joins the library; the window shows the last one. */
  for (int i = 0; i < n_files; i++)
    syllabus_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  syllabus_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
syllabus_application_startup (GApplication *app)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (syllabus_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  self->settings = create_settings ();

  self->store = syllabus_store_new (NULL);
  syllabus_store_load_async (self->store, NULL, store_loaded_cb, g_object_ref (self));

  self->library = syllabus_library_new (RESOURCE_PREFIX "/content/", NULL);
  syllabus_library_load_async (self->library, NULL, library_loaded_cb, g_object_ref (self));

  self->sigint_source = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
}

static void
syllabus_application_shutdown (GApplication *app)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  /* Close windows first so that notes being typed reach the store. */
  G_APPLICATION_CLASS (syllabus_application_parent_class)->shutdown (app);

  if (self->store != NULL && syllabus_store_get_loaded (self->store) &&
      !syllabus_store_get_read_only (self->store) &&
      !syllabus_store_save (self->store, &error))
    g_printerr (_("Syllabus could not save your progress: %s\n"), error->message);

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
}

static void
syllabus_application_finalize (GObject *object)
{
  SyllabusApplication *self = (SyllabusApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (syllabus_application_parent_class)->finalize (object);
}

static void
syllabus_application_class_init (SyllabusApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = syllabus_application_finalize;

  app_class->startup = syllabus_application_startup;
  app_class->shutdown = syllabus_application_shutdown;
  app_class->activate = syllabus_application_activate;
  app_class->open = syllabus_application_open;
}

static void
syllabus_application_init (SyllabusApplication *self)
{
}

SyllabusApplication *
syllabus_application_new (void)
{
  return g_object_new (SYLLABUS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * syllabus_application_get_store:
 *
 * Returns: (transfer none) (nullable): the progress store, once started up
 */
SyllabusStore *
syllabus_application_get_store (SyllabusApplication *self)
{
  g_return_val_if_fail (SYLLABUS_IS_APPLICATION (self), NULL);

  return self->store;
}
