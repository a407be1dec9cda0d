/* test-ui.c
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

/* Runs the real application on a virtual screen (meson wraps this program
 * in xvfb-run and dbus-run-session) with temporary XDG folders, and checks
 * what a user would see and keep. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "syllabus-application.h"
#include "syllabus-resource-row.h"
#include "syllabus-topic-view-private.h"
#include "syllabus-topic-view.h"
#include "syllabus-window.h"
#include "ui-test-utils.h"

static const char *rust_titles[] = {
  "Official Rust Book",
  "Rust in Action",
  "Programming Rust",
  "Learn Rust Programming",
  "Zero to Mastery",
  "Rust by Example",
  "Easy Rust",
};

static gboolean
all_rows_shown (SyllabusApplication *app,
                gpointer             data)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  return rows->len == G_N_ELEMENTS (rust_titles);
}

/* The seven Rust resources are shown as check boxes named by their titles. */
static gboolean
check_named_boxes (SyllabusApplication *app,
                   gpointer             data)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (rust_titles));

  for (guint i = 0; i < G_N_ELEMENTS (rust_titles); i++)
    {
      GtkWidget *row = ui_test_find_row (app, rust_titles[i]);
      GtkWidget *check;

      g_assert_nonnull (row);
      check = ui_test_row_check_button (row);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_ROLE_CHECKBOX);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, rust_titles[i]);
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }

  /* The window says what it shows. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (ui_test_get_window (app))), ==, "Syllabus");
  g_assert_cmpstr (syllabus_topic_get_title (syllabus_window_get_topic (ui_test_get_window (app))), ==,
                   "Rust");

  return TRUE;
}

static void
test_rust_checklist (void)
{
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_named_boxes, NULL));
}

/* Tick, write a note, quit, start again: both are there and in the file. */
static const char note[] = "Chapter 4 on ownership — reread.\nThen the exercises.";

static gboolean
tick_and_write (SyllabusApplication *app,
                gpointer             data)
{
  GtkWidget *row = ui_test_find_row (app, "Rust in Action");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkTextBuffer *buffer;

  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_row_check_button (row)), TRUE);

  /* One click on the notes button opens a named editor. */
  syllabus_resource_row_edit_notes (SYLLABUS_RESOURCE_ROW (row));
  ui_test_collect (row, GTK_TYPE_TEXT_VIEW, FALSE, views);
  g_assert_cmpuint (views->len, ==, 1);
  gtk_test_accessible_assert_property (g_ptr_array_index (views, 0),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Notes for Rust in Action");
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  gtk_text_buffer_set_text (buffer, note, -1);

  /* Quit at once: the note's save is still waiting for a pause in typing,
   * so this checks that quitting writes it. */
  return TRUE;
}

static gboolean
check_kept (SyllabusApplication *app,
            gpointer             data)
{
  GtkWidget *row = ui_test_find_row (app, "Rust in Action");
  SyllabusStore *store = syllabus_application_get_store (app);
  SyllabusEntry *entry;

  g_assert_nonnull (row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_test_row_check_button (row))));
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (ui_test_row_check_button (ui_test_find_row (app, "Programming Rust")))));

  entry = syllabus_store_lookup (store, "rust", "https://www.manning.com/books/rust-in-action");
  g_assert_nonnull (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, note);
  g_assert_null (syllabus_store_get_problem (store));

  return TRUE;
}

static void
test_progress_kept (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *entry;

  g_assert_true (ui_test_run_app (NULL, all_rows_shown, tick_and_write, NULL));

  /* The topic's own file in the progress folder. */
  path = g_build_filename (g_get_user_data_dir (), "syllabus", "progress", "rust.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "version"), ==, 2);

  entry = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "resources"),
    "https://www.manning.com/books/rust-in-action");
  g_assert_nonnull (entry);
  g_assert_true (json_object_get_boolean_member (entry, "done"));
  g_assert_cmpstr (json_object_get_string_member (entry, "notes"), ==, note);
  g_assert_cmpstr (json_object_get_string_member (entry, "title"), ==, "Rust in Action");
  g_assert_nonnull (g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "done-at"),
                                                  NULL));

  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_kept, NULL));
}

/* A damaged progress file is kept aside and the window says so. */
static gboolean
problem_shown (SyllabusApplication *app,
               gpointer             data)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *kept;
  gboolean named = FALSE;

  if (!all_rows_shown (app, NULL))
    return FALSE;

  kept = syllabus_store_get_kept_file (store);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  /* The bar slides in, so its label may not be mapped yet: look at all
   * labels, and at whether the bar around the one naming the file is
   * revealed. */
  ui_test_collect (GTK_WIDGET (ui_test_get_window (app)), GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), kept) != NULL)
      {
        GtkWidget *revealer = gtk_widget_get_ancestor (g_ptr_array_index (labels, i),
                                                       GTK_TYPE_REVEALER);

        g_assert_nonnull (revealer);
        g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
        named = TRUE;
      }
  g_assert_true (named);

  return TRUE;
}

static gboolean
done_now (SyllabusApplication *app,
          gpointer             data)
{
  return TRUE;
}

static void
test_damaged_file_reported (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"topics\": [", -1, &error));

  g_assert_true (ui_test_run_app (NULL, problem_shown, done_now, NULL));

  /* The damaged bytes are still there, under another name. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "progress.json.damaged-"))
      {
        g_autofree char *kept = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "{\"version\": 1, \"topics\": [");
        found = TRUE;
      }
  g_assert_true (found);
}

/* A damaged topic file is that topic's alone: it is kept aside and the
 * window names it, and another topic's progress is there. */
static gboolean
topic_problem_shown (SyllabusApplication *app,
                     gpointer             data)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  SyllabusEntry *entry;

  if (!problem_shown (app, data))
    return FALSE;

  g_assert_nonnull (strstr (syllabus_store_get_problem (store), "“rust”"));
  g_assert_false (syllabus_store_get_read_only (store));
  entry = syllabus_store_lookup (store, "python", "https://example.org/python-book");
  g_assert_nonnull (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "still here");

  return TRUE;
}

static void
test_damaged_topic_reported (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", "progress", NULL);
  g_autofree char *rust = g_build_filename (dir, "rust.json", NULL);
  g_autofree char *python = g_build_filename (dir, "python.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (rust, "{\"version\": 2, \"topic\": \"rust\", \"res", -1,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (python,
                                      "{\"version\": 2, \"topic\": \"python\", \"resources\": {"
                                      "\"https://example.org/python-book\": {\"status\": \"done\","
                                      " \"notes\": \"still here\"}}}",
                                      -1, &error));
  g_assert_no_error (error);

  g_assert_true (ui_test_run_app (NULL, topic_problem_shown, done_now, NULL));

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "rust.json.damaged-"))
      found = TRUE;
  g_assert_true (found);
  g_assert_true (g_file_test (python, G_FILE_TEST_IS_REGULAR));
}

/* A topic file of a newer version: that topic's checklist is shown, ticked
 * as the file says, and cannot be changed; the store stays writable. */
static gboolean
newer_topic_read_only (SyllabusApplication *app,
                       gpointer             data)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  GtkWidget *row = ui_test_find_row (app, "Rust in Action");
  GtkWidget *check;

  g_assert_nonnull (row);
  check = ui_test_row_check_button (row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (syllabus_store_get_read_only (store));
  g_assert_true (syllabus_store_get_topic_read_only (store, "rust"));
  g_assert_nonnull (strstr (syllabus_store_get_problem (store), "newer version"));

  return TRUE;
}

static void
test_newer_topic_read_only (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", "progress", NULL);
  g_autofree char *rust = g_build_filename (dir, "rust.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (rust,
                                      "{\"version\": 3, \"topic\": \"rust\", \"resources\": {"
                                      "\"https://www.manning.com/books/rust-in-action\": "
                                      "{\"status\": \"done\", \"done\": true}}}",
                                      -1, &error));
  g_assert_no_error (error);

  g_assert_true (ui_test_run_app (NULL, all_rows_shown, newer_topic_read_only, NULL));
}

/* SIGTERM and SIGINT quit cleanly, writing notes still waiting for a pause
 * in typing. */
static gboolean
write_note_and_signal (SyllabusApplication *app,
                       gpointer             data)
{
  GtkWidget *row = ui_test_find_row (app, "Easy Rust");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  g_assert_nonnull (row);
  syllabus_resource_row_edit_notes (SYLLABUS_RESOURCE_ROW (row));
  ui_test_collect (row, GTK_TYPE_TEXT_VIEW, FALSE, views);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)),
                            "typed just before the signal", -1);
  g_assert_true (syllabus_store_get_dirty (syllabus_application_get_store (app)));

  raise (GPOINTER_TO_INT (data));

  /* The signal's handler quits the application; nothing else does. */
  return FALSE;
}

static void
check_note_on_disk (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "syllabus", "progress",
                                            "rust.json", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "typed just before the signal"));
}

static void
run_until_signal (int signum)
{
  /* The application quits because of the signal, not the checks. */
  g_assert_false (ui_test_run_app (NULL, all_rows_shown, write_note_and_signal,
                                   GINT_TO_POINTER (signum)));
  check_note_on_disk ();
}

static void
test_sigterm (void)
{
  run_until_signal (SIGTERM);
}

static void
test_sigint (void)
{
  run_until_signal (SIGINT);
}

/* Starting Syllabus again brings the running one forward: one process, one
 * writer of the progress file. */
static guint activations;

static void
activate_cb (GApplication *app)
{
  activations++;
}

static gboolean
start_second (SyllabusApplication *app,
              gpointer             data)
{
  const char *argv[] = { g_getenv ("SYLLABUS_BINARY"), NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = -1;
  guint before;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean exited = FALSE;

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  before = activations;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);

  /* Serve the second process's D-Bus call while waiting for it to end. */
  while (g_get_monotonic_time () < deadline && !exited)
    {
      g_main_context_iteration (NULL, FALSE);
      exited = waitpid (pid, &status, WNOHANG) == pid;
      g_usleep (10000);
    }
  g_spawn_close_pid (pid);

  g_assert_true (exited);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* Its activation reached this process. */
  while (activations == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (activations, ==, before + 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  return TRUE;
}

static void
test_single_instance (void)
{
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, start_second, NULL));
}

/* A change offers Undo in a toast; every button of it has a name, its
 * close button too. */
static gboolean
check_toast_named (SyllabusApplication *app,
                   gpointer             data)
{
  gboolean *changed = data;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  SyllabusWindow *window = ui_test_get_window (app);

  if (!*changed)
    {
      GtkWidget *row = ui_test_find_row (app, "Rust in Action");

      g_assert_nonnull (row);
      syllabus_entry_set_status (syllabus_resource_row_get_entry (SYLLABUS_RESOURCE_ROW (row)),
                                 SYLLABUS_STATUS_IN_PROGRESS);
      *changed = TRUE;
      return FALSE;
    }

  ui_test_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_icon_name (button), "window-close-symbolic") == 0)
        {
          g_autofree char *mismatch =
            gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Dismiss");

          /* An icon button without a label is named by its tooltip
           * (libadwaita's toasts do that). */
          return mismatch == NULL ||
                 g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), "Dismiss") == 0;
        }
    }

  return FALSE;
}

static void
test_toast_named (void)
{
  gboolean changed = FALSE;

  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_toast_named, &changed));
}

/* The shortcuts dialog is libadwaita's, built from shortcuts-dialog.ui
 * when first asked for (app.shortcuts, Ctrl+?), and lists the shortcuts
 * with their keys. */
static gboolean
check_shortcuts_dialog (SyllabusApplication *app,
                        gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  AdwDialog *dialog;
  guint n_shortcuts = 0;

  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_SHORTCUTS_DIALOG (dialog));

  /* Every shortcut it lists has its keys. */
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/shortcuts-dialog.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (ADW_IS_SHORTCUTS_ITEM (l->data))
      {
        const char *accelerator = adw_shortcuts_item_get_accelerator (l->data);

        g_assert_nonnull (accelerator);
        g_assert_cmpstr (accelerator, !=, "");
        n_shortcuts++;
      }
  g_assert_cmpuint (n_shortcuts, >=, 10);

  adw_dialog_force_close (dialog);

  return TRUE;
}

static void
test_shortcuts_dialog (void)
{
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_shortcuts_dialog, NULL));
}

static gboolean
focus_within (GtkWidget *focus,
              GtkWidget *widget)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The topic page is one stop in GTK's focus chain. The focus coming back
 * with Shift+Tab lands on the web view, not on the text box WebKitGTK keeps
 * inside it (which would keep every Tab after); and when WebKit hands the
 * focus back at an end of the page, GTK's next stop is the pane after it,
 * or before it, as F6 goes. The keys themselves, through WebKit, are the
 * keyboard journey's. */
static gboolean
check_page_focus_chain (SyllabusApplication *app,
                        gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *row = ui_test_find_row (app, rust_titles[0]);
  GtkWidget *checklist = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);
  GtkWidget *topic_view, *web_view, *focus;

  ui_test_collect (GTK_WIDGET (window), SYLLABUS_TYPE_TOPIC_VIEW, TRUE, views);
  g_assert_cmpuint (views->len, ==, 1);
  topic_view = g_ptr_array_index (views, 0);
  web_view = GTK_WIDGET (_syllabus_topic_view_get_web_view (SYLLABUS_TOPIC_VIEW (topic_view)));
  g_assert_nonnull (checklist);

  /* Shift+Tab from the checklist into the page. */
  g_assert_true (gtk_widget_grab_focus (ui_test_row_check_button (row)));
  g_assert_true (gtk_widget_child_focus (topic_view, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == web_view);

  /* Tab past the page's end: on to the checklist. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus_within (focus, checklist));

  /* Tab from the pane before it comes in on the web view too; Shift+Tab
   * before the page's start goes back out of it, not into the checklist. */
  g_assert_true (gtk_widget_child_focus (topic_view, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == web_view);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus_within (focus, topic_view));
  g_assert_false (focus_within (focus, checklist));

  return TRUE;
}

static void
test_page_focus_chain (void)
{
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_page_focus_chain, NULL));
}

/* Long notes (a backup's notes may run to the limit) show as a short
 * preview under the title: the row is cut before layout, not drawn as a
 * label thousands of pixels high. */
static gboolean
check_long_note_preview (SyllabusApplication *app,
                         gpointer             data)
{
  GtkWidget *row = ui_test_find_row (app, "Rust in Action");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  gint64 started;
  int height = 0;

  g_assert_nonnull (row);
  while (notes->len < SYLLABUS_ENTRY_NOTES_MAX - 64)
    g_string_append (notes, "A line of notes about ownership and borrowing.\n");

  started = g_get_monotonic_time ();
  syllabus_entry_set_notes (syllabus_resource_row_get_entry (SYLLABUS_RESOURCE_ROW (row)), notes->str);
  ui_test_collect (row, GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "notes"))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (label));

          g_assert_true (g_str_has_prefix (text, "A line of notes about ownership"));
          g_assert_true (g_str_has_suffix (text, "…"));
          g_assert_cmpint (g_utf8_strlen (text, -1), <=, 241);
          gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 400, NULL, &height, NULL, NULL);
        }
    }
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (height, <, 200);
  /* Laid out at once, not after seconds inside Pango. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);

  return TRUE;
}

static void
test_long_note_preview (void)
{
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, check_long_note_preview, NULL));
}

/* Quitting while progress cannot be saved asks first (a tick made while
 * the data folder could not be written was lost on Ctrl+Q), and only the
 * user's "Quit and Lose Changes" quits. */
static gboolean
quit_while_unsaved (SyllabusApplication *app,
                    gpointer             data)
{
  int *step = data;
  SyllabusStore *store = syllabus_application_get_store (app);
  SyllabusWindow *window = ui_test_get_window (app);
  AdwDialog *dialog;

  switch ((*step)++)
    {
    case 0:
      {
        g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
        g_autofree char *moved = g_strconcat (folder, "-moved", NULL);
        GtkWidget *row = ui_test_find_row (app, "Rust in Action");

        /* The data folder becomes a file: nothing can be written there. */
        g_assert_cmpint (g_rename (folder, moved), ==, 0);
        g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));
        syllabus_entry_set_status (syllabus_resource_row_get_entry (SYLLABUS_RESOURCE_ROW (row)),
                                   SYLLABUS_STATUS_DONE);
        return FALSE;
      }
    case 1:
      /* Until the save has failed. */
      if (syllabus_store_get_save_error (store) == NULL)
        (*step)--;
      return FALSE;
    case 2:
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
      g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "retry"));
      g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "backup"));
      /* Escape keeps the window and the changes. */
      g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "stay");
      g_assert_true (syllabus_store_get_dirty (store));
      return FALSE;
    case 3:
      /* Still open: the question waits for an answer. */
      g_assert_nonnull (ui_test_get_window (app));
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
      g_signal_emit_by_name (dialog, "response::quit", "quit");
      return FALSE;
    default:
      return FALSE;
    }
}

static void
test_quit_while_unsaved (void)
{
  int step = 0;

  /* The application quits by the user's answer, not by the checks. */
  g_assert_false (ui_test_run_app (NULL, all_rows_shown, quit_while_unsaved, &step));
  g_assert_cmpint (step, >=, 4);
}

/* The status menu's items are radio menu items named by their statuses,
 * the entry's checked; choosing one sets it and closes the menu. */
static const char * const statuses[] = { "Not Started", "In Progress", "Done", "Skipped" };

typedef struct
{
  int            step;
  GtkMenuButton *button;
} StatusMenuState;

static GtkWidget *
status_menu_item (GtkMenuButton *button,
                  guint          index)
{
  g_autoptr(GPtrArray) items = ui_test_menu_items (button, statuses, G_N_ELEMENTS (statuses));

  return g_ptr_array_index (items, index);
}

/* The items are radio items named by the statuses, @checked's checked. */
static void
assert_status_checked (GtkMenuButton *button,
                       guint          checked)
{
  g_autoptr(GPtrArray) items = ui_test_menu_items (button, statuses, G_N_ELEMENTS (statuses));

  for (guint i = 0; i < items->len; i++)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (g_ptr_array_index (items, i)),
                                      GTK_ACCESSIBLE_STATE_CHECKED,
                                      i == checked ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                   : GTK_ACCESSIBLE_TRISTATE_FALSE);
}

static gboolean
choose_status (SyllabusApplication *app,
               gpointer             data)
{
  StatusMenuState *state = data;
  GtkWidget *row = ui_test_find_row (app, "Programming Rust");
  GtkWidget *popover;

  g_assert_nonnull (row);
  switch (state->step)
    {
    case 0:
      state->button = ui_test_find_menu_button (row, "status", TRUE);
      gtk_menu_button_popup (state->button);
      state->step++;
      return FALSE;

    case 1:
      if (!ui_test_popover_shown (state->button))
        return FALSE;
      assert_status_checked (state->button, 0);
      gtk_widget_activate (status_menu_item (state->button, 1));
      state->step++;
      return FALSE;

    default:
      popover = GTK_WIDGET (gtk_menu_button_get_popover (state->button));
      if (gtk_widget_get_visible (popover))
        return FALSE;
      g_assert_cmpint (syllabus_entry_get_status (syllabus_resource_row_get_entry (SYLLABUS_RESOURCE_ROW (row))),
                       ==, SYLLABUS_STATUS_IN_PROGRESS);
      assert_status_checked (state->button, 1);
      return TRUE;
    }
}

static void
test_status_menu (void)
{
  StatusMenuState state = { 0, NULL };

  ui_test_allow_popovers ();
  g_assert_true (ui_test_run_app (NULL, all_rows_shown, choose_status, &state));
}

/* Next up: under the Rust topic's title in the sidebar, the first
 * resource not started; once one is in progress, that one; its button
 * opens it, focused. */
static GtkWidget *
next_up_button (SyllabusApplication *app,
                const char          *topic_id)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_test_collect (GTK_WIDGET (ui_test_get_window (app)), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "syllabus-topic-id"), topic_id) == 0)
      return buttons->pdata[i];

  return NULL;
}

static gboolean
next_up_ready (SyllabusApplication *app,
               gpointer             data)
{
  return ui_test_find_row (app, "Rust in Action") != NULL && next_up_button (app, "rust") != NULL;
}

static gboolean
focus_in (SyllabusApplication *app,
          GtkWidget           *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ui_test_get_window (app)));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static gboolean
follow_next_up (SyllabusApplication *app,
                gpointer             data)
{
  guint *step = data;
  GtkWidget *button = next_up_button (app, "rust");
  SyllabusStore *store = syllabus_application_get_store (app);
  GtkLabel *next_label;

  g_assert_nonnull (button);
  /* The row: [title / next up] [progress] [button] */
  next_label = GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (
    gtk_widget_get_first_child (gtk_widget_get_parent (button)))));

  switch ((*step)++)
    {
    case 0:
      g_assert_cmpstr (gtk_label_get_text (next_label), ==, "Next: Official Rust Book");
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Open Next: Official Rust Book");
      /* Rust in Action started: it is next, before the first not started. */
      {
        g_autoptr(SyllabusResource) second = g_list_model_get_item (
          syllabus_topic_get_resources (syllabus_window_get_topic (ui_test_get_window (app))), 1);

        syllabus_entry_set_status (syllabus_store_get_entry (store, "rust", second),
                                   SYLLABUS_STATUS_IN_PROGRESS);
      }
      return FALSE;

    case 1:
      g_assert_cmpstr (gtk_label_get_text (next_label), ==, "Next: Rust in Action");
      g_signal_emit_by_name (button, "clicked");
      return FALSE;

    default:
      /* Focused once the list has laid out its rows. */
      return focus_in (app, ui_test_find_row (app, "Rust in Action"));
    }
}

static void
test_next_up (void)
{
  guint step = 0;

  g_assert_true (ui_test_run_app (NULL, next_up_ready, follow_next_up, &step));
  g_assert_cmpuint (step, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/ui/checklist", test_rust_checklist);
  ui_test_add ("/ui/kept", test_progress_kept);
  ui_test_add ("/ui/damaged", test_damaged_file_reported);
  ui_test_add ("/ui/damaged-topic", test_damaged_topic_reported);
  ui_test_add ("/ui/newer-topic", test_newer_topic_read_only);
  ui_test_add ("/ui/sigterm", test_sigterm);
  ui_test_add ("/ui/sigint", test_sigint);
  ui_test_add ("/ui/single", test_single_instance);
  ui_test_add ("/ui/toast", test_toast_named);
  ui_test_add ("/ui/shortcuts", test_shortcuts_dialog);
  ui_test_add ("/ui/page-focus", test_page_focus_chain);
  ui_test_add ("/ui/long-note", test_long_note_preview);
  ui_test_add ("/ui/quit-unsaved", test_quit_while_unsaved);
  ui_test_add ("/ui/status-menu", test_status_menu);
  ui_test_add ("/ui/next-up", test_next_up);

  return g_test_run ();
}
