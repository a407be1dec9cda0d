/* test-preferences.c
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

/* The progress folder the user chooses in Preferences: the application
 * keeps progress there, not in the default folder, and choosing another
 * one while it runs carries the ticks made so far into it. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/xattr.h>

#include "syllabus-preferences-dialog-private.h"
#include "syllabus-resource-row.h"
#include "syllabus-window-private.h"
#include "ui-test-utils.h"

#define RUST_IN_ACTION "https://www.manning.com/books/rust-in-action"
#define PROGRAMMING_RUST \
  "https://www.amazon.com/Programming-Rust-Fast-Systems-Development/dp/1492052590/"

static gboolean
rows_shown (SyllabusApplication *app,
            gpointer             data)
{
  return ui_test_find_row (app, "Rust in Action") != NULL &&
         ui_test_find_row (app, "Programming Rust") != NULL;
}

static void
tick (SyllabusApplication *app,
      const char          *title)
{
  GtkWidget *row = ui_test_find_row (app, title);

  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_row_check_button (row)), TRUE);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("syllabus-sync-XXXXXX", &error);

  g_assert_no_error (error);

  return folder;
}

static char *
default_topic_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress", "rust.json", NULL);
}

/* Whether the topic file rust.json in @folder holds @key as done. */
static gboolean
file_has_done (const char *folder,
               const char *key)
{
  g_autofree char *path = g_build_filename (folder, "rust.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *resources;
  JsonObject *entry;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  resources = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                             "resources");
  g_assert_nonnull (resources);
  entry = json_object_get_object_member (resources, key);

  return entry != NULL && json_object_get_boolean_member_with_default (entry, "done", FALSE);
}

/* The folder is the test's own: whatever the store wrote in it goes. */
static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Started with the setting, the application keeps progress in that folder
 * and writes nothing into the default one. */
static gboolean
tick_in_configured (SyllabusApplication *app,
                    gpointer             data)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  g_autoptr(GFile) folder = g_file_new_for_path (data);

  g_assert_true (syllabus_store_get_shared (store));
  g_assert_true (g_file_equal (syllabus_store_get_file (store), folder));
  tick (app, "Rust in Action");

  /* Quitting saves. */
  return TRUE;
}

static void
test_configured_folder (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *default_file = default_topic_file ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "progress-folder", folder);

  g_assert_true (ui_test_run_app (NULL, rows_shown, tick_in_configured, folder));

  g_assert_true (file_has_done (folder, RUST_IN_ACTION));
  g_assert_false (g_file_test (default_file, G_FILE_TEST_EXISTS));

  remove_folder (folder);
}

/* The buttons of the dialog, each with the name a screen reader says. */
static void
assert_buttons_named (AdwDialog *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) button_rows = g_ptr_array_new ();
  guint named = 0;

  ui_test_collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (button);

      if (g_strcmp0 (label, "_Choose…") == 0)
        {
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               "Choose the progress folder");
          g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
          named++;
        }
    }

  ui_test_collect (GTK_WIDGET (dialog), ADW_TYPE_BUTTON_ROW, FALSE, button_rows);
  g_assert_cmpuint (button_rows->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (button_rows, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Use the default progress folder");
  /* The default is in use already. */
  g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (button_rows, 0)));
  named++;

  g_assert_cmpuint (named, ==, 2);
}

typedef struct
{
  int        step;
  char      *folder;
  AdwDialog *dialog;
} Move;

/* Ticks, opens Preferences, moves to a new folder; the tick is there, the
 * window shows the new store, and what is ticked next goes there too. */
static gboolean
move_folder (SyllabusApplication *app,
             gpointer             data)
{
  Move *move = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusStore *store = syllabus_application_get_store (app);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *default_file = NULL;
  SyllabusEntry *entry;

  switch (move->step)
    {
    case 0:
      tick (app, "Rust in Action");
      g_assert_false (syllabus_store_get_shared (store));

      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      move->dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (SYLLABUS_IS_PREFERENCES_DIALOG (move->dialog));
      assert_buttons_named (move->dialog);

      syllabus_preferences_dialog_use_folder (SYLLABUS_PREFERENCES_DIALOG (move->dialog),
                                              move->folder);
      g_assert_true (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (move->dialog)));
      move->step++;
      return FALSE;

    case 1:
      if (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (move->dialog)))
        return FALSE;

      /* Switched: the application, the window and the setting. */
      folder = g_file_new_for_path (move->folder);
      g_assert_true (g_file_equal (syllabus_store_get_file (store), folder));
      g_assert_true (syllabus_store_get_shared (store));
      g_assert_true (syllabus_window_get_store (window) == store);
      settings = g_settings_new (APPLICATION_ID);
      g_assert_cmpstr (g_settings_get_string (settings, "progress-folder"), ==, move->folder);

      /* The tick came along, in memory and on disk; the old folder keeps
       * its own copy. */
      entry = syllabus_store_lookup (store, "rust", RUST_IN_ACTION);
      g_assert_nonnull (entry);
      g_assert_true (syllabus_entry_get_done (entry));
      g_assert_true (file_has_done (move->folder, RUST_IN_ACTION));
      default_file = default_topic_file ();
      g_assert_true (g_file_test (default_file, G_FILE_TEST_EXISTS));

      /* The rows show the new store's progress and change it. */
      g_assert_true (gtk_check_button_get_active (
        GTK_CHECK_BUTTON (ui_test_row_check_button (ui_test_find_row (app, "Rust in Action")))));
      tick (app, "Programming Rust");
      entry = syllabus_store_lookup (store, "rust", PROGRAMMING_RUST);
      g_assert_nonnull (entry);
      g_assert_true (syllabus_entry_get_done (entry));

      /* The folder in use again: nothing happens. */
      syllabus_preferences_dialog_use_folder (SYLLABUS_PREFERENCES_DIALOG (move->dialog),
                                              move->folder);
      g_assert_false (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (move->dialog)));

      /* And back to the default folder, which "Use Default" does. */
      syllabus_preferences_dialog_use_folder (SYLLABUS_PREFERENCES_DIALOG (move->dialog), "");
      g_assert_true (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (move->dialog)));
      move->step++;
      return FALSE;

    case 2:
      if (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (move->dialog)))
        return FALSE;

      folder = syllabus_store_get_default_file ();
      g_assert_true (g_file_equal (syllabus_store_get_file (store), folder));
      g_assert_false (syllabus_store_get_shared (store));
      g_assert_true (syllabus_window_get_store (window) == store);
      settings = g_settings_new (APPLICATION_ID);
      g_assert_cmpstr (g_settings_get_string (settings, "progress-folder"), ==, "");

      /* What was ticked in the chosen folder came back too. */
      entry = syllabus_store_lookup (store, "rust", PROGRAMMING_RUST);
      g_assert_nonnull (entry);
      g_assert_true (syllabus_entry_get_done (entry));
      g_assert_true (gtk_check_button_get_active (
        GTK_CHECK_BUTTON (ui_test_row_check_button (ui_test_find_row (app, "Programming Rust")))));

      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
test_move_while_running (void)
{
  Move move = { 0, make_folder (), NULL };

  g_assert_true (ui_test_run_app (NULL, rows_shown, move_folder, &move));

  /* Quitting saved the second tick into the new folder, not the old. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *path = g_build_filename (move.folder, "rust.json", NULL);
    g_autoptr(GError) error = NULL;
    JsonObject *resources;
    guint done = 0;
    GList *members;

    g_assert_true (json_parser_load_from_file (parser, path, &error));
    g_assert_no_error (error);
    resources = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                               "resources");
    members = json_object_get_members (resources);
    for (GList *l = members; l != NULL; l = l->next)
      done += json_object_get_boolean_member_with_default (
        json_object_get_object_member (resources, l->data), "done", FALSE);
    g_list_free (members);
    g_assert_cmpuint (done, ==, 2);
    g_assert_true (file_has_done (move.folder, PROGRAMMING_RUST));
  }

  remove_folder (move.folder);
  g_free (move.folder);
}

/* Progress that cannot be saved before the move stays where it is, and
 * the user is told: the store, the window and the setting are unchanged. */
typedef struct
{
  int        step;
  char      *folder;
  AdwDialog *dialog;
  SyllabusStore *store;
} Refused;

static gboolean
refuse_move (SyllabusApplication *app,
             gpointer             data)
{
  Refused *refused = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusStore *store = syllabus_application_get_store (app);
  g_autoptr(GFile) progress = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *alert;

  switch (refused->step)
    {
    case 0:
      /* Even root cannot write a file below one that is not a folder. */
      progress = syllabus_store_get_default_file ();
      g_assert_true (g_file_make_directory_with_parents (progress, NULL, &error) ||
                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
      g_clear_error (&error);
      {
        g_autofree char *path = g_file_get_path (progress);
        g_autofree char *aside = g_strconcat (path, ".aside", NULL);

        g_assert_cmpint (g_rename (path, aside), ==, 0);
        g_assert_true (g_file_set_contents (path, "not a folder", -1, &error));
        g_assert_no_error (error);
      }
      tick (app, "Rust in Action");

      refused->store = store;
      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      refused->dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (SYLLABUS_IS_PREFERENCES_DIALOG (refused->dialog));
      syllabus_preferences_dialog_use_folder (SYLLABUS_PREFERENCES_DIALOG (refused->dialog),
                                              refused->folder);
      refused->step++;
      return FALSE;

    case 1:
      if (syllabus_preferences_dialog_get_busy (SYLLABUS_PREFERENCES_DIALOG (refused->dialog)))
        return FALSE;

      alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (ADW_IS_ALERT_DIALOG (alert));
      g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==,
                       "Progress Stays Where It Was");

      g_assert_true (store == refused->store);
      g_assert_true (syllabus_window_get_store (window) == store);
      g_assert_false (syllabus_store_get_shared (store));
      settings = g_settings_new (APPLICATION_ID);
      g_assert_cmpstr (g_settings_get_string (settings, "progress-folder"), ==, "");
      g_assert_false (file_has_done (refused->folder, RUST_IN_ACTION));

      /* Put the folder back, so that quitting saves. */
      {
        g_autoptr(GFile) file = syllabus_store_get_default_file ();
        g_autofree char *path = g_file_get_path (file);
        g_autofree char *aside = g_strconcat (path, ".aside", NULL);

        g_assert_cmpint (g_remove (path), ==, 0);
        g_assert_cmpint (g_rename (aside, path), ==, 0);
      }
      adw_dialog_force_close (alert);

      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
test_move_refused (void)
{
  Refused refused = { 0, make_folder (), NULL, NULL };

  g_assert_true (ui_test_run_app (NULL, rows_shown, refuse_move, &refused));

  remove_folder (refused.folder);
  g_free (refused.folder);
}

/* A folder the document portal handed over is shown where it really is,
 * as the portal's extended attribute names it, not as
 * /run/user/UID/doc/ID/NAME. */
#define HOST_PATH "/srv/shared/Sync"

static gboolean
portal_name_shown (SyllabusApplication *app,
                   gpointer             data)
{
  AdwDialog **dialog = data;
  SyllabusWindow *window = ui_test_get_window (app);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (*dialog == NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (SYLLABUS_IS_PREFERENCES_DIALOG (*dialog));
    }

  ui_test_collect (GTK_WIDGET (*dialog), ADW_TYPE_ACTION_ROW, FALSE, rows);
  for (guint i = 0; i < rows->len; i++)
    if (!ADW_IS_BUTTON_ROW (g_ptr_array_index (rows, i)) &&
        g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), HOST_PATH) == 0)
      {
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (rows, i)),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, HOST_PATH);
        return TRUE;
      }

  /* Polled until shown; the run's time limit fails the test otherwise. */
  return FALSE;
}

static void
test_portal_name (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwDialog *dialog = NULL;

  if (setxattr (folder, "user.document-portal.host-path", HOST_PATH, strlen (HOST_PATH), 0) != 0)
    {
      g_autofree char *why = g_strdup_printf ("no user extended attributes here: %s",
                                              g_strerror (errno));

      g_test_skip (why);
      remove_folder (folder);
      return;
    }

  g_settings_set_string (settings, "progress-folder", folder);
  g_assert_true (ui_test_run_app (NULL, rows_shown, portal_name_shown, &dialog));

  remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/preferences/configured-folder", test_configured_folder);
  ui_test_add ("/preferences/move", test_move_while_running);
  ui_test_add ("/preferences/move-refused", test_move_refused);
  ui_test_add ("/preferences/portal-name", test_portal_name);

  return g_test_run ();
}
