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
#include <stdio.h>
#include <stdlib.h>

#include "syllabus-atomic-file.h"
#include "syllabus-dialogs.h"
#include "syllabus-library.h"
#include "syllabus-preferences-dialog.h"
#include "syllabus-progress-move.h"
#include "syllabus-progress-text.h"
#include "syllabus-quit-guard.h"
#include "syllabus-report.h"
#include "syllabus-search-provider.h"
#include "syllabus-window.h"

/* How long a Syllabus the Shell started for its search stays with nothing
 * to do: while the user looks at the results, so that picking one opens
 * it at once. */
#define SERVICE_TIMEOUT_MS (20 * 1000)

struct _SyllabusApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  SyllabusStore   *store;
  SyllabusLibrary *library;
  GSettings       *settings;
  /* On the bus while the application is registered */
  SyllabusSearchProvider *search_provider;

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
  /* Held until the load is over. */
  g_autoptr(GApplication) app G_GNUC_UNUSED = user_data;
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
  /* Held until the load is over. */
  g_autoptr(GApplication) app G_GNUC_UNUSED = user_data;
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

  syllabus_window_present_when_open (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Progress that cannot be written is not dropped without asking. */
  if (window == NULL || syllabus_quit_guard_check (GTK_WIDGET (window), self->store))
    g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  syllabus_show_about (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (user_data))));
}

/* Progress moved to another folder: the windows show the store for it
 * from now on, and quitting saves it. The old store goes once nothing
 * holds it; it was saved before the move. */
static void
store_moved_cb (SyllabusApplication       *self,
                GParamSpec                *pspec,
                SyllabusPreferencesDialog *dialog)
{
  SyllabusStore *store = syllabus_preferences_dialog_get_store (dialog);

  if (store == self->store)
    return;

  g_set_object (&self->store, store);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SYLLABUS_IS_WINDOW (l->data))
      syllabus_window_set_store (l->data, store);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (user_data);
  SyllabusPreferencesDialog *dialog = syllabus_preferences_dialog_new (self->settings, self->store);

  g_signal_connect_object (dialog, "notify::store", G_CALLBACK (store_moved_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (get_window (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* The store for the folder the user chose in Preferences, or for the
 * default one. */
static SyllabusStore *
create_store (GSettings          *settings,
              SyllabusStoreFlags  flags)
{
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "progress-folder")
                                             : NULL;

  return syllabus_progress_store_new (folder, flags);
}

static void
syllabus_application_startup (GApplication *app)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (syllabus_application_parent_class)->startup (app);

  /* Started by D-Bus for GNOME Shell's search, it stays between the
   * Shell's calls (the results, then their descriptions, then perhaps
   * opening one as the user picks it), not only while one is answered. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SERVICE_TIMEOUT_MS);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->settings = create_settings ();

  self->store = create_store (self->settings, SYLLABUS_STORE_FLAGS_NONE);
  /* The window opens on the topic shown last: its progress is read
   * first, so that its ticks come with its checklist whatever else the
   * library holds. */
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-topic");

      syllabus_store_set_first_topic (self->store, last);
    }
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

/* Command line ------------------------------------------------------------ */

/* The options that work without a window, before any display is opened:
 * handle_local_options runs them in the process that was started and
 * exits. */
static const GOptionEntry command_line_options[] = {
  { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print your progress in each topic and exit"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --status, print JSON for scripts"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a progress report (if FILE ends in .md) or a backup of all progress (otherwise) "
       "to FILE and exit"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge a backup of progress from FILE into yours and exit"), N_("FILE") },
  { NULL }
};

typedef struct
{
  GError   *error;
  gboolean  done;
} Wait;

static void
command_line_library_loaded_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  Wait *load = user_data;

  syllabus_library_load_finish (SYLLABUS_LIBRARY (object), result, &load->error);
  load->done = TRUE;
}

/* Loads the library as the window shows it, blocking: the command line has
 * nothing else to do meanwhile. Its own main context keeps the wait from
 * running anything else. */
static gboolean
load_library_sync (SyllabusLibrary  *library,
                   GError          **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Wait load = { NULL, FALSE };

  g_main_context_push_thread_default (context);
  syllabus_library_load_async (library, NULL, command_line_library_loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  if (load.error != NULL)
    {
      g_propagate_error (error, load.error);
      return FALSE;
    }

  return TRUE;
}

/* Whether Syllabus runs already, as the owner of its name on the session
 * bus. Without a session bus no running instance can be found, and none
 * can be unique either. */
static gboolean
is_running (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if ((bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)) == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static gboolean
is_markdown_name (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return g_str_has_suffix (folded, ".md") || g_str_has_suffix (folded, ".markdown");
}

static int
fail (const char   *what,
      const char   *path,
      const GError *error)
{
  g_autofree char *display = path != NULL ? g_filename_display_name (path) : NULL;

  if (display != NULL)
    g_printerr ("%s: %s: %s\n", what, display, error->message);
  else
    g_printerr ("%s: %s\n", what, error->message);

  return EXIT_FAILURE;
}

/* A progress file that cannot be read shows as no progress at all: a
 * report or a backup made from it would look like lost progress, and a
 * script's good backup would be replaced by an empty one. So would one
 * made after the damaged file was kept aside, until the user has seen the
 * window's message about it. Returns FALSE after saying so. */
static gboolean
check_not_damaged (SyllabusStore *store,
                   gboolean       reports)
{
  const GError *damage = syllabus_store_get_damage (store);
  const char * const *unseen = syllabus_store_get_unseen_damage (store);
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (reports && unseen != NULL && unseen[0] != NULL)
    {
      for (guint i = 0; unseen[i] != NULL; i++)
        {
          g_autofree char *kept = g_filename_display_name (unseen[i]);

          g_clear_pointer (&message, g_free);
          message = g_strdup_printf (_("Your progress file could not be read and was kept as "
                                       "%s. What Syllabus would show or export now lacks the "
                                       "progress it held, so nothing was shown or exported. Open "
                                       "Syllabus, read its message about the file and dismiss "
                                       "it to go on."),
                                     kept);
          g_printerr ("%s\n", message);
        }
      return FALSE;
    }

  /* An import moved the file aside and says so through the problem. */
  if (damage == NULL || syllabus_store_get_kept_file (store) != NULL)
    return TRUE;

  path = g_file_get_path (syllabus_store_get_file (store));
  display = g_filename_display_name (path);
  message = g_strdup_printf (_("Your progress file %s cannot be read: %s. Nothing was shown or "
                               "exported, and the file was left as it is. Start Syllabus: it keeps "
                               "the file aside and restores your progress from the last backup "
                               "if there is one."),
                             display, damage->message);
  g_printerr ("%s\n", message);

  return FALSE;
}

/* Runs the command line options: --import first, so that --export and
 * --status show what it merged, then --export, then --status. */
static int
run_command_line (gboolean    status,
                  gboolean    json,
                  const char *export_path,
                  const char *import_path)
{
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusLibrary) library = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics;

  /* The running instance keeps progress in memory and saves it over the
   * file: what is merged here behind its back would be lost. Asking it to
   * merge instead would need its window; the user is told to quit it. */
  if (import_path != NULL && is_running ())
    {
      g_printerr ("%s\n", _("Syllabus is running. Quit it before importing progress, "
                            "or it would save over what is imported."));
      return EXIT_FAILURE;
    }

  /* Only --import writes. --status and --export change nothing in the
   * data folder: they take no lock, remove nothing and leave a damaged
   * file where it is. */
  settings = create_settings ();
  store = create_store (settings, import_path != NULL ? SYLLABUS_STORE_FLAGS_NONE
                                                      : SYLLABUS_STORE_READ_ONLY);
  if (!syllabus_store_load (store, &error))
    return fail (_("Could not read your progress"), NULL, error);

  /* Without a session bus a running Syllabus is not found above; its lock
   * is found whatever the bus. */
  if (syllabus_store_get_locked (store))
    {
      g_printerr ("%s\n", _("Another Syllabus is changing your progress: a window, or an import "
                            "still running. Quit it before importing progress; nothing was "
                            "imported."));
      return EXIT_FAILURE;
    }

  if (!check_not_damaged (store, status || export_path != NULL))
    return EXIT_FAILURE;

  if (syllabus_store_get_problem (store) != NULL)
    g_printerr ("%s\n", syllabus_store_get_problem (store));

  library = syllabus_library_new (RESOURCE_PREFIX "/content/", NULL);
  if (!load_library_sync (library, &error))
    return fail (_("Could not read the topics"), NULL, error);
  if (syllabus_library_get_problem (library) != NULL)
    g_printerr ("%s\n", syllabus_library_get_problem (library));
  topics = syllabus_library_get_topics (library);

  if (import_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
      g_autofree char *summary_text = NULL;
      SyllabusMergeSummary summary;

      if (!syllabus_store_merge_file (store, file, &summary, &error))
        return fail (_("Could not import progress"), import_path, error);
      if (!syllabus_store_save (store, &error))
        return fail (_("Could not save your progress"), NULL, error);

      summary_text = syllabus_progress_text_merge (&summary);
      g_print ("%s\n", summary_text);
    }

  if (export_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_path);
      gboolean written;

      if (is_markdown_name (export_path))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *report = syllabus_report_markdown_full (store, topics, now);

          /* Atomic like every write: a failed export leaves the old
           * report whole. */
          written = syllabus_atomic_file_write (file, report, strlen (report), 0666, NULL,
                                                &error);
        }
      else
        written = syllabus_store_export_backup (store, file, &error);

      if (!written)
        return fail (_("Could not export progress"), export_path, error);
    }

  if (status)
    {
      g_autofree char *text = json ? syllabus_report_status_json (store, topics)
                                   : syllabus_report_status_text (store, topics);

      /* JSON is UTF-8 whatever the terminal: it goes out unconverted. */
      if (json)
        fputs (text, stdout);
      else
        g_print ("%s", text);
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("%s\n", _("Could not write the output"));
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static int
syllabus_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  gboolean status = g_variant_dict_contains (options, "status");
  gboolean json = g_variant_dict_contains (options, "json");
  const char *export_path = NULL;
  const char *import_path = NULL;

  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);

  if (!status && !json && export_path == NULL && import_path == NULL)
    {
      if (G_APPLICATION_CLASS (syllabus_application_parent_class)->handle_local_options != NULL)
        return G_APPLICATION_CLASS (syllabus_application_parent_class)->handle_local_options (app, options);
      return -1;
    }

  if (json && !status)
    {
      g_printerr ("%s\n", _("--json only goes with --status"));
      return EXIT_FAILURE;
    }

  return run_command_line (status, json, export_path, import_path);
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

/* GNOME Shell's search asks on the application's own bus name. */
static gboolean
syllabus_application_dbus_register (GApplication     *app,
                                    GDBusConnection  *connection,
                                    const char       *object_path,
                                    GError          **error)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);

  if (!G_APPLICATION_CLASS (syllabus_application_parent_class)->dbus_register (app, connection,
                                                                                object_path, error))
    return FALSE;

  self->search_provider = syllabus_search_provider_new (self);
  return syllabus_search_provider_export (self->search_provider, connection, error);
}

static void
syllabus_application_dbus_unregister (GApplication    *app,
                                      GDBusConnection *connection,
                                      const char      *object_path)
{
  SyllabusApplication *self = SYLLABUS_APPLICATION (app);

  if (self->search_provider != NULL)
    {
      syllabus_search_provider_unexport (self->search_provider);
      g_clear_object (&self->search_provider);
    }

  G_APPLICATION_CLASS (syllabus_application_parent_class)->dbus_unregister (app, connection,
                                                                            object_path);
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
  app_class->handle_local_options = syllabus_application_handle_local_options;
  app_class->dbus_register = syllabus_application_dbus_register;
  app_class->dbus_unregister = syllabus_application_dbus_unregister;
}

static void
syllabus_application_init (SyllabusApplication *self)
{
  GApplication *app = G_APPLICATION (self);

  g_application_add_main_option_entries (app, command_line_options);
  /* Translators: the files that --help says Syllabus opens */
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
  g_application_set_option_context_summary (app, _("Open topic files, or show, export and "
                                                   "import your progress."));
  g_application_set_option_context_description (app,
    _("--export writes a Markdown report of your progress when FILE ends in .md, and "
      "otherwise a backup of all your progress as JSON, which --import merges on another "
      "computer: for each resource, the progress changed last wins. --import refuses to run "
      "while Syllabus is open. These options never open a window."));
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

/**
 * syllabus_application_get_library:
 *
 * Returns: (transfer none) (nullable): the library of topics, once started
 *   up
 */
SyllabusLibrary *
syllabus_application_get_library (SyllabusApplication *self)
{
  g_return_val_if_fail (SYLLABUS_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * syllabus_application_get_main_window:
 *
 * Returns: (transfer none): the window the user worked in last, made if
 *   there is none; not presented
 */
SyllabusWindow *
syllabus_application_get_main_window (SyllabusApplication *self)
{
  g_return_val_if_fail (SYLLABUS_IS_APPLICATION (self), NULL);

  return get_window (self);
}
