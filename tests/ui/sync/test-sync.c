/* test-sync.c
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

/* Two computers sharing one progress folder, the way two computers share
 * a Syncthing folder: two instances of the real application, each with a
 * home of its own (its own XDG folders, settings and session bus), with
 * "progress-folder" set to the same folder.
 *
 * The test (the parent) starts each computer as a child of this same
 * program under a session bus of its own, and drives it through a file of
 * commands; the child does each through the real widgets and answers in a
 * log of its own:
 *
 *   tick TITLE            ticks TITLE's check box
 *   note TITLE TEXT       writes TEXT as TITLE's notes, in the editor
 *   expect TITLE STATUS   waits until TITLE shows STATUS
 *   expect-note TITLE T…  waits until TITLE's notes hold every T (| apart)
 *   clean                 waits until everything is saved
 *   quit                  quits
 *
 * and logs "done N TIME" (TIME in µs of the real clock, when it was so)
 * or "failed N WHY". The parent checks: a tick and a note on one show on
 * the other within 2 s, both ways; a note changed on both at once keeps
 * both texts on both; a conflict copy made by hand is merged on both and
 * removed; after both quit and start again, every change is there. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-application.h"
#include "syllabus-resource-row.h"
#include "ui-test-utils.h"

#define STEP_TIMEOUT_US (15 * G_USEC_PER_SEC)
#define SEEN_WITHIN_US (2 * G_USEC_PER_SEC)

/* The child ----------------------------------------------------------------- */

typedef struct
{
  const char *commands_path;
  const char *log_path;
  guint       next;        /* the next command to run, from 1 */
  gint64      started_us;  /* when the running command began */
} Child;

static void
child_log (Child      *child,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
child_log (Child      *child,
           const char *format,
           ...)
{
  g_autofree char *line = NULL;
  va_list args;
  FILE *log;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  log = fopen (child->log_path, "a");
  g_assert_nonnull (log);
  fprintf (log, "%s\n", line);
  fclose (log);
}

static SyllabusEntry *
entry_for_title (SyllabusApplication *app,
                 const char          *title)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  GListModel *resources = syllabus_topic_get_resources (syllabus_window_get_topic (ui_test_get_window (app)));

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      if (g_str_equal (syllabus_resource_get_title (resource), title))
        return syllabus_store_get_entry (store, "rust", resource);
    }

  return NULL;
}

/* Runs @words; returns TRUE when it is done, FALSE to be polled again. */
static gboolean
run_command (SyllabusApplication *app,
             char               **words,
             gboolean            *quit)
{
  const char *command = words[0];
  SyllabusEntry *entry = words[1] != NULL ? entry_for_title (app, words[1]) : NULL;

  if (g_str_equal (command, "tick"))
    {
      GtkWidget *row = ui_test_find_row (app, words[1]);

      g_assert_nonnull (row);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_row_check_button (row)), TRUE);
      return TRUE;
    }

  if (g_str_equal (command, "note"))
    {
      GtkWidget *row = ui_test_find_row (app, words[1]);
      g_autoptr(GPtrArray) views = g_ptr_array_new ();

      g_assert_nonnull (row);
      syllabus_resource_row_edit_notes (SYLLABUS_RESOURCE_ROW (row));
      ui_test_collect (row, GTK_TYPE_TEXT_VIEW, FALSE, views);
      g_assert_cmpuint (views->len, ==, 1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (views, 0)), words[2], -1);
      return TRUE;
    }

  if (g_str_equal (command, "expect"))
    return entry != NULL &&
           g_str_equal (syllabus_status_to_string (syllabus_entry_get_status (entry)), words[2]);

  if (g_str_equal (command, "expect-note"))
    {
      g_auto(GStrv) parts = g_strsplit (words[2], "|", -1);

      if (entry == NULL)
        return FALSE;
      for (guint i = 0; parts[i] != NULL; i++)
        if (strstr (syllabus_entry_get_notes (entry), parts[i]) == NULL)
          return FALSE;
      return TRUE;
    }

  if (g_str_equal (command, "clean"))
    return !syllabus_store_get_dirty (syllabus_application_get_store (app));

  if (g_str_equal (command, "quit"))
    {
      *quit = TRUE;
      return TRUE;
    }

  g_error ("Unknown command %s", command);
}

static gboolean
child_ready (SyllabusApplication *app,
             gpointer             data)
{
  return ui_test_find_row (app, "Rust in Action") != NULL &&
         syllabus_store_get_loaded (syllabus_application_get_store (app));
}

static gboolean
child_act (SyllabusApplication *app,
           gpointer             data)
{
  Child *child = data;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) words = NULL;
  gboolean quit = FALSE;

  if (!g_file_get_contents (child->commands_path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) <= child->next || *lines[child->next - 1] == '\0')
    return FALSE;

  /* TAB between the command's words: titles and notes hold spaces. */
  words = g_strsplit (lines[child->next - 1], "\t", 3);
  if (child->started_us == 0)
    child->started_us = g_get_real_time ();

  if (!run_command (app, words, &quit))
    {
      if (g_get_real_time () - child->started_us > STEP_TIMEOUT_US)
        {
          SyllabusStore *store = syllabus_application_get_store (app);
          g_autofree char *folder = g_file_get_path (syllabus_store_get_file (store));
          SyllabusEntry *entry = words[1] != NULL ? entry_for_title (app, words[1]) : NULL;

          /* What the store holds instead, to tell why. */
          child_log (child, "failed %u timed out; the store of %s (problem: %s) holds %s, “%s”",
                     child->next, folder, syllabus_store_get_problem (store),
                     entry != NULL ? syllabus_status_to_string (syllabus_entry_get_status (entry)) : "nothing",
                     entry != NULL ? syllabus_entry_get_notes (entry) : "");
          return TRUE;
        }
      return FALSE;
    }

  child_log (child, "done %u %" G_GINT64_FORMAT, child->next, g_get_real_time ());
  child->next++;
  child->started_us = 0;

  return quit;
}

static int
run_child (const char *shared,
           const char *commands_path,
           const char *log_path)
{
  g_autoptr(GSettings) settings = NULL;
  Child child = { commands_path, log_path, 1, 0 };

  /* As in the UI tests: a warning or critical of the application fails
   * the child, and so the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  ui_test_use_system_dirs ();
  /* The computer's setting, as Preferences leaves it. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "progress-folder", shared);

  ui_test_run_app (NULL, child_ready, child_act, &child);
  return 0;
}

/* The parent ---------------------------------------------------------------- */

typedef struct
{
  const char   *name;
  char         *home;
  char         *commands;
  char         *log;
  guint         sent;
  GSubprocess  *process;
} Computer;

static const char *program_path;
static char *shared;

static void
start (Computer *computer)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  static const char *const folders[][2] = {
    { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (computer->home, folders[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, folders[i][0], dir, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "HOME", computer->home, TRUE);
  g_assert_true (g_file_set_contents (computer->commands, "", 0, NULL));
  g_assert_true (g_file_set_contents (computer->log, "", 0, NULL));
  computer->sent = 0;

  /* A session bus of its own: another computer's session. */
  computer->process = g_subprocess_launcher_spawn (launcher, &error, "dbus-run-session", "--",
                                                   program_path, "--computer", shared,
                                                   computer->commands, computer->log, NULL);
  g_assert_no_error (error);
}

/* Sends one command; returns its number. */
static guint
send (Computer   *computer,
      const char *command,
      const char *title,
      const char *argument)
{
  g_autofree char *line = g_strjoin ("\t", command, title, argument, NULL);
  FILE *file = fopen (computer->commands, "a");

  g_assert_nonnull (file);
  fprintf (file, "%s\n", line);
  fclose (file);

  return ++computer->sent;
}

/* Waits for command @n's answer; returns when it was done (µs, real). */
static gint64
wait_done (Computer *computer,
           guint     n)
{
  g_autofree char *done = g_strdup_printf ("done %u ", n);
  g_autofree char *failed = g_strdup_printf ("failed %u ", n);
  gint64 deadline = g_get_monotonic_time () + 2 * STEP_TIMEOUT_US;

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *log = NULL;
      const char *line;

      g_assert_true (g_file_get_contents (computer->log, &log, NULL, NULL));
      if ((line = strstr (log, failed)) != NULL)
        {
          g_autofree char *path = g_build_filename (shared, "rust.json", NULL);
          g_autofree char *file = NULL;

          g_file_get_contents (path, &file, NULL, NULL);
          g_error ("%s: command %u failed: %s\nThe shared rust.json holds:\n%s", computer->name, n,
                   line, file);
        }
      if ((line = strstr (log, done)) != NULL)
        return g_ascii_strtoll (line + strlen (done), NULL, 10);
      g_usleep (20 * 1000);
    }

  g_error ("%s did not answer command %u", computer->name, n);
}

static gint64
run (Computer   *computer,
     const char *command,
     const char *title,
     const char *argument)
{
  return wait_done (computer, send (computer, command, title, argument));
}

static void
quit (Computer *computer)
{
  g_autoptr(GError) error = NULL;

  run (computer, "quit", NULL, NULL);
  g_assert_true (g_subprocess_wait (computer->process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (computer->process));
  g_clear_object (&computer->process);
}

static guint
count_conflict_copies (void)
{
  g_autoptr(GDir) dir = g_dir_open (shared, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += strstr (name, "conflict-") != NULL;

  return n;
}

static void
test_two_computers (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("syllabus-sync-XXXXXX", NULL);
  Computer laptop = { "laptop" };
  Computer desktop = { "desktop" };
  Computer *both[] = { &laptop, &desktop };
  gint64 done_at, seen_at;

  shared = g_build_filename (tmp, "Sync", "syllabus", NULL);
  g_assert_cmpint (g_mkdir_with_parents (shared, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      both[i]->home = g_build_filename (tmp, both[i]->name, NULL);
      both[i]->commands = g_build_filename (tmp, both[i]->name, "commands", NULL);
      both[i]->log = g_build_filename (tmp, both[i]->name, "log", NULL);
      g_assert_cmpint (g_mkdir_with_parents (both[i]->home, 0700), ==, 0);
      start (both[i]);
    }

  /* A tick and a note on the laptop reach the desktop within 2 s. */
  run (&laptop, "tick", "Rust in Action", NULL);
  run (&laptop, "note", "Rust in Action", "Read chapter 1 on the train");
  done_at = run (&laptop, "clean", NULL, NULL);
  seen_at = run (&desktop, "expect-note", "Rust in Action", "Read chapter 1 on the train");
  run (&desktop, "expect", "Rust in Action", "done");
  g_test_message ("the laptop's tick and note shown on the desktop %.0f ms after they were saved",
                  (seen_at - done_at) / 1000.0);
  g_assert_cmpint (seen_at - done_at, <, SEEN_WITHIN_US);

  /* And the other way. */
  run (&desktop, "tick", "Programming Rust", NULL);
  done_at = run (&desktop, "clean", NULL, NULL);
  seen_at = run (&laptop, "expect", "Programming Rust", "done");
  g_test_message ("the desktop's tick shown on the laptop %.0f ms after it was saved",
                  (seen_at - done_at) / 1000.0);
  g_assert_cmpint (seen_at - done_at, <, SEEN_WITHIN_US);

  /* The same note, changed on both at once: both texts stay, on both.
   * Both save at about the same moment, into one folder: whichever
   * replaces the other's file keeps it as a conflict copy. */
  send (&laptop, "note", "Official Rust Book", "Laptop: chapters 1 to 3");
  send (&desktop, "note", "Official Rust Book", "Desktop: skip chapter 2");
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    run (both[i], "expect-note", "Official Rust Book", "Laptop: chapters 1 to 3|Desktop: skip chapter 2|From ");

  /* A conflict copy made by hand, as Syncthing names it: merged on both,
   * then removed. */
  {
    g_autofree char *copy = g_build_filename (shared, "rust.sync-conflict-20261203-101010-TESTDEV.json", NULL);

    g_assert_true (g_file_set_contents (copy,
      "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"phone\", \"resources\": {"
      "\"https://www.youtube.com/watch?v=BpPEoZW5IiY\": {\"status\": \"skipped\", "
      "\"changed-at\": \"2030-01-01T00:00:00Z\"}}}", -1, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    run (both[i], "expect", "Learn Rust Programming", "skipped");
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    run (both[i], "clean", NULL, NULL);
  for (guint i = 0; i < 100 && count_conflict_copies () > 0; i++)
    g_usleep (100 * 1000);
  g_assert_cmpuint (count_conflict_copies (), ==, 0);

  /* Quit both and start both again: every change is there. */
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    quit (both[i]);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      start (both[i]);
      run (both[i], "expect", "Rust in Action", "done");
      run (both[i], "expect-note", "Rust in Action", "Read chapter 1 on the train");
      run (both[i], "expect", "Programming Rust", "done");
      run (both[i], "expect-note", "Official Rust Book", "Laptop: chapters 1 to 3|Desktop: skip chapter 2");
      run (both[i], "expect", "Learn Rust Programming", "skipped");
      quit (both[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_free (both[i]->home);
      g_free (both[i]->commands);
      g_free (both[i]->log);
    }
  g_clear_pointer (&shared, g_free);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--computer"))
    return run_child (argv[2], argv[3], argv[4]);

  program_path = argv[0];
  ui_test_init (&argc, &argv);
  g_test_add_func ("/sync/two-computers", test_two_computers);

  return g_test_run ();
}
