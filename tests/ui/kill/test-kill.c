/* test-kill.c
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

/* The hard-kill test: "never lose a user's progress".
 *
 * The test (the parent) starts the real application again and again in a
 * child process of this same program, on the virtual screen that meson
 * wraps it in, with a D-Bus session bus and temporary XDG folders of the
 * test's own. The child
 * keeps ticking check boxes and rewriting notes through the real widgets,
 * at random intervals. The parent kills it with SIGKILL at a random moment,
 * then checks that the progress file parses, has the expected shape, and
 * holds every change the child saw saved before the kill. The next round
 * starts the application on the same folder, which proves it starts after a
 * kill and loads exactly what the file holds.
 *
 * The child writes a log that the parent reads after the kill:
 *
 *   state SEQ STATE   after change SEQ (0: as loaded), the progress in memory
 *   saved SEQ         the store turned clean: everything up to change SEQ is
 *                     on disk
 *   problem TEXT      the store reported a problem with the file
 *
 * STATE lists every entry the store holds, sorted, as tab-separated
 * topic, key, status, done and escaped notes; the parent builds the same
 * text from the file. Changes are made, and logged, only from a timer on
 * the main loop, and the store takes its snapshot for a save on the main
 * loop too; so when the store's "dirty" turns FALSE, the state in memory is
 * exactly the state on disk, and "saved SEQ" is true when it is written.
 * Each line is written with one write() before control returns to the main
 * loop, so a change can reach the disk only after its "state" line is in
 * the log.
 *
 * After a kill the file must hold the state of the last "saved" change or
 * of a later one (a save may finish after the last line was logged), and
 * never anything else. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "syllabus-application.h"
#include "syllabus-resource-row.h"
#include "syllabus-store.h"
#include "syllabus-window.h"
#include "ui-test-utils.h"

#define N_ROUNDS 25

/* Every fifth round kills the application while it starts (loading the
 * file, showing the window) rather than while it changes progress. */
#define IS_STARTUP_ROUND(round) ((round) % 5 == 2)

/* A child that the parent failed to kill gives up after this long. */
#define CHILD_LIFETIME_S 60

#define READY_TIMEOUT_S 30

/* The state text, shared by both sides ----------------------------------- */

static void
append_entry (GString    *state,
              const char *topic_id,
              const char *key,
              const char *status,
              gboolean    done,
              const char *notes)
{
  g_autofree char *escaped = g_strescape (notes, NULL);

  if (state->len > 0)
    g_string_append_c (state, '\t');
  g_string_append_printf (state, "%s\t%s\t%s\t%d\t%s", topic_id, key, status, done ? 1 : 0,
                          escaped);
}

/* The child: the real application, changing progress ---------------------- */

typedef struct
{
  SyllabusApplication *app;
  GRand               *rand;
  char                *topic_id;
  int                  log_fd;
  int                  round;
  guint                seq;
  guint                burst_left;
  guint                change_source;
  gboolean             verify_only;
  gboolean             ready;
} Child;

static void log_line (Child      *child,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

/* One write() per line: a kill leaves at most the last line unfinished,
 * and the parent ignores a line without its newline. */
static void
log_line (Child      *child,
          const char *format,
          ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize length;
  gsize written = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (line);
  while (written < length)
    {
      gssize n = write (child->log_fd, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      written += n;
    }
}

static void
collect (GtkWidget *widget,
         GType      type,
         gboolean   mapped_only,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (!mapped_only || gtk_widget_get_mapped (widget)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, mapped_only, found);
}

static SyllabusWindow *
get_window (SyllabusApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return SYLLABUS_IS_WINDOW (window) ? SYLLABUS_WINDOW (window) : NULL;
}

/* The resource rows on screen, once the store is loaded and the list shown. */
static GPtrArray *
get_rows (SyllabusApplication *app)
{
  SyllabusWindow *window = get_window (app);
  GPtrArray *rows = g_ptr_array_new ();

  if (window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
    collect (GTK_WIDGET (window), SYLLABUS_TYPE_RESOURCE_ROW, TRUE, rows);

  return rows;
}

static GtkWidget *
find_one (GtkWidget *row,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (row, type, FALSE, found);
  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

static char *
store_state (Child *child)
{
  SyllabusStore *store = syllabus_application_get_store (child->app);
  g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, child->topic_id);
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      SyllabusEntry *entry = g_ptr_array_index (entries, i);

      append_entry (state, child->topic_id, syllabus_entry_get_key (entry),
                    syllabus_status_to_string (syllabus_entry_get_status (entry)),
                    syllabus_entry_get_done (entry), syllabus_entry_get_notes (entry));
    }

  return g_string_free (state, FALSE);
}

static void
log_state (Child *child)
{
  g_autofree char *state = store_state (child);

  log_line (child, "state %u %s\n", child->seq, state);
}

static gboolean change_cb (gpointer user_data);

static void
schedule_change (Child *child)
{
  guint delay_ms;

  /* Bursts of quick changes, like clicking through a list, each followed
   * by a pause: a short one leaves saves running when the next burst
   * starts, a long one lets even the delayed save of notes finish. */
  if (child->burst_left > 0)
    {
      child->burst_left--;
      delay_ms = g_rand_int_range (child->rand, 1, 25);
    }
  else
    {
      child->burst_left = g_rand_int_range (child->rand, 0, 8);
      if (g_rand_int_range (child->rand, 0, 3) == 0)
        delay_ms = g_rand_int_range (child->rand, 20, 400);
      else
        delay_ms = g_rand_int_range (child->rand, SYLLABUS_STORE_NOTES_DELAY_MS + 50, 1000);
    }

  child->change_source = g_timeout_add (delay_ms, change_cb, child);
}

/* One change through the widgets a user would use. */
static gboolean
change_cb (gpointer user_data)
{
  Child *child = user_data;
  g_autoptr(GPtrArray) rows = get_rows (child->app);
  GtkWidget *row;

  child->change_source = 0;

  g_assert_cmpuint (rows->len, >, 0);
  row = g_ptr_array_index (rows, g_rand_int_range (child->rand, 0, rows->len));
  child->seq++;

  if (g_rand_boolean (child->rand))
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (find_one (row, GTK_TYPE_CHECK_BUTTON));

      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
    }
  else
    {
      SyllabusResource *resource =
        syllabus_resource_row_get_resource (SYLLABUS_RESOURCE_ROW (row));
      GtkTextView *view;
      g_autofree char *notes = NULL;

      syllabus_resource_row_edit_notes (SYLLABUS_RESOURCE_ROW (row));
      view = GTK_TEXT_VIEW (find_one (row, GTK_TYPE_TEXT_VIEW));
      notes = g_strdup_printf ("Round %d, change %u — “%s”\nReread chapter %u.",
                               child->round, child->seq,
                               syllabus_resource_get_title (resource), child->seq % 17);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), notes, -1);
    }

  log_state (child);
  schedule_change (child);

  return G_SOURCE_REMOVE;
}

static void
dirty_changed_cb (SyllabusStore *store,
                  GParamSpec    *pspec,
                  Child         *child)
{
  /* The snapshot of a save is taken on the main loop and changes happen
   * only in change_cb(): once nothing is dirty, memory equals the disk. */
  if (!syllabus_store_get_dirty (store))
    log_line (child, "saved %u\n", child->seq);
}

static gboolean
ready_cb (gpointer user_data)
{
  Child *child = user_data;
  SyllabusWindow *window = get_window (child->app);
  SyllabusStore *store = syllabus_application_get_store (child->app);
  g_autoptr(GPtrArray) rows = NULL;
  SyllabusTopic *topic;

  if (window == NULL || store == NULL || !syllabus_store_get_loaded (store) ||
      (topic = syllabus_window_get_topic (window)) == NULL)
    return G_SOURCE_CONTINUE;

  rows = get_rows (child->app);
  if (rows->len == 0 ||
      rows->len != g_list_model_get_n_items (syllabus_topic_get_resources (topic)))
    return G_SOURCE_CONTINUE;

  /* A kill must never leave a file the application cannot read. */
  if (syllabus_store_get_problem (store) != NULL || syllabus_store_get_read_only (store))
    {
      log_line (child, "problem %s\n", syllabus_store_get_problem (store) != NULL
                                       ? syllabus_store_get_problem (store) : "read-only");
      exit (4);
    }

  child->topic_id = g_strdup (syllabus_topic_get_id (topic));
  child->ready = TRUE;
  log_state (child);

  if (child->verify_only)
    {
      g_action_group_activate_action (G_ACTION_GROUP (child->app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  g_signal_connect (store, "notify::dirty", G_CALLBACK (dirty_changed_cb), child);
  /* Start with a burst: the user came to tick things off. */
  child->burst_left = g_rand_int_range (child->rand, 1, 8);
  schedule_change (child);

  return G_SOURCE_REMOVE;
}

static gboolean
lifetime_cb (gpointer user_data)
{
  g_printerr ("test-kill child: not killed after %d s, giving up\n", CHILD_LIFETIME_S);
  exit (3);
}

/* argv: --child changes|verify LOG ROUND SEED */
static int
child_main (int   argc,
            char *argv[])
{
  g_autoptr(SyllabusApplication) app = NULL;
  g_autofree char *name = NULL;
  Child child = { 0 };
  int status;

  g_assert_cmpint (argc, ==, 6);

  /* As in the parent, which g_test_init() set up so. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  name = g_path_get_basename (argv[0]);
  g_set_prgname (name);

  /* The XDG folders are the parent's test folders, passed in the
   * environment; only the system folders are put back. */
  ui_test_use_system_dirs ();

  child.verify_only = g_str_equal (argv[2], "verify");
  child.log_fd = open (argv[3], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  g_assert_cmpint (child.log_fd, >=, 0);
  child.round = atoi (argv[4]);
  child.rand = g_rand_new_with_seed (strtoul (argv[5], NULL, 10));

  /* Every row on screen at once, also once dates and notes make the rows
   * taller: the window opens as large as the virtual screen allows. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_int (settings, "window-width", 1400);
    g_settings_set_int (settings, "window-height", 1100);
  }

  app = syllabus_application_new ();
  child.app = app;

  g_timeout_add (20, ready_cb, &child);
  g_timeout_add_seconds (CHILD_LIFETIME_S, lifetime_cb, NULL);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_true (child.ready);
  g_clear_handle_id (&child.change_source, g_source_remove);
  g_rand_free (child.rand);
  g_free (child.topic_id);
  close (child.log_fd);

  return status;
}

/* The parent: the test ------------------------------------------------------ */

typedef struct
{
  guint  seq;
  char  *state;
} LoggedState;

static void
logged_state_free (gpointer data)
{
  LoggedState *logged = data;

  g_free (logged->state);
  g_free (logged);
}

typedef struct
{
  GPtrArray *states;
  /* The newest change known to be on disk, or -1 */
  gint64     last_saved;
  guint      n_saved;
  char      *problem;
} Log;

static void
log_free (Log *log)
{
  g_ptr_array_unref (log->states);
  g_free (log->problem);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Log, log_free)

static guint
parse_seq (const char *text,
           const char *line)
{
  guint64 seq;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &seq, NULL))
    g_error ("Bad line in the child's log: %s", line);

  return seq;
}

static Log *
read_log (const char *path)
{
  Log *log = g_new0 (Log, 1);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  log->states = g_ptr_array_new_with_free_func (logged_state_free);
  log->last_saved = -1;

  /* A child killed very early may not have opened its log. */
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return log;

  lines = g_strsplit (contents, "\n", -1);
  /* The last piece follows the last newline: empty, or a line the kill
   * cut short. */
  n_lines = MAX (g_strv_length (lines), 1) - 1;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "state "))
        {
          const char *space = strchr (line + 6, ' ');
          g_autofree char *number = NULL;
          LoggedState *logged;

          if (space == NULL)
            g_error ("Bad line in the child's log: %s", line);
          number = g_strndup (line + 6, space - (line + 6));
          logged = g_new0 (LoggedState, 1);
          logged->seq = parse_seq (number, line);
          logged->state = g_strdup (space + 1);
          /* Changes are numbered from 0, as loaded, one by one. */
          g_assert_cmpuint (logged->seq, ==, log->states->len);
          g_ptr_array_add (log->states, logged);
        }
      else if (g_str_has_prefix (line, "saved "))
        {
          guint seq = parse_seq (line + 6, line);

          g_assert_cmpint (seq, >=, log->last_saved);
          g_assert_cmpuint (seq, <, log->states->len);
          log->last_saved = seq;
          log->n_saved++;
        }
      else if (g_str_has_prefix (line, "problem "))
        {
          g_free (log->problem);
          log->problem = g_strdup (line + 8);
        }
      else
        g_error ("Bad line %u in the child's log: “%s”", i + 1, line);
    }

  return log;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);

  return json_node_get_string (node);
}

static void
assert_time (JsonObject *object,
             const char *name)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (member_string (object, name), NULL);

  g_assert_nonnull (time);
}

static GList *
sorted_members (JsonObject *object)
{
  return g_list_sort (json_object_get_members (object), (GCompareFunc)strcmp);
}

/* Reads one topic file as the application does, checks its shape and
 * appends its entries to @state. */
static void
append_topic_file (const char *path,
                   GString    *state)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GList) keys = NULL;
  JsonObject *root;
  JsonObject *resources;
  JsonNode *node;
  const char *topic_id;
  guint n_entries = 0;
  guint n_counted = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* The application would load it as it is. */
  g_assert_true (syllabus_store_parse_data (contents, length, &n_entries, &error));
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  node = json_object_get_member (root, "version");
  g_assert_nonnull (node);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, SYLLABUS_STORE_VERSION);
  topic_id = member_string (root, "topic");

  resources = member_object (root, "resources");
  keys = sorted_members (resources);
  for (const GList *k = keys; k != NULL; k = k->next)
    {
      JsonObject *entry = member_object (resources, k->data);
      SyllabusStatus status;
      const char *notes = "";
      gboolean done;

      node = json_object_get_member (entry, "done");
      g_assert_nonnull (node);
      g_assert_true (json_node_get_value_type (node) == G_TYPE_BOOLEAN);
      done = json_node_get_boolean (node);

      g_assert_cmpstr (member_string (entry, "title"), !=, "");
      g_assert_cmpstr (member_string (entry, "url"), !=, "");
      assert_time (entry, "changed-at");
      if (done)
        assert_time (entry, "done-at");
      if (json_object_has_member (entry, "notes"))
        notes = member_string (entry, "notes");

      g_assert_true (syllabus_status_from_string (member_string (entry, "status"), &status));

      append_entry (state, topic_id, k->data, member_string (entry, "status"), done, notes);
      n_counted++;
    }

  g_assert_cmpuint (n_counted, ==, n_entries);
}

/* Whether @name in the progress folder is a topic file. */
static gboolean
is_topic_file (const char *name)
{
  return name[0] != '.' && g_str_has_suffix (name, ".json");
}

/* Reads the topic files of the progress folder @folder as the application
 * does, checks their shape and returns their state text; "" when there is
 * none. */
static char *
file_state (const char *folder,
            gboolean   *exists)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *state = g_string_new (NULL);
  const char *name;

  *exists = FALSE;
  if (listing == NULL)
    return g_string_free (state, FALSE);

  while ((name = g_dir_read_name (listing)) != NULL)
    if (is_topic_file (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      append_topic_file (path, state);
      *exists = TRUE;
    }

  return g_string_free (state, FALSE);
}

/* Checks the data folder and the progress folder in it: no file was ever
 * found damaged, and a backup, if any, is a good topic file. Returns the
 * number of other files, left over by writes that a kill interrupted. */
static guint
check_folder (const char *dir,
              GHashTable *seen)
{
  g_autofree char *folder = g_build_filename (dir, "progress", NULL);
  const char *dirs[] = { dir, folder };
  guint n_leftovers = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) listing = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      listing = g_dir_open (dirs[d], 0, &error);
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        continue;
      g_assert_no_error (error);

      while ((name = g_dir_read_name (listing)) != NULL)
        {
          /* The lock every writer holds stays, empty, beside the folder. */
          if (d == 0 && (g_str_equal (name, "progress") || g_str_equal (name, "progress.lock")))
            continue;
          if (d == 1 && is_topic_file (name))
            continue;

          if (strstr (name, ".damaged-") != NULL)
            g_error ("The application found its progress file damaged after a kill: %s", name);

          if (d == 1 && g_str_has_suffix (name, ".json.bak") && name[0] != '.')
            {
              g_autofree char *path = g_build_filename (dirs[d], name, NULL);
              g_autoptr(GString) state = g_string_new (NULL);

              append_topic_file (path, state);
              continue;
            }

          if (g_hash_table_add (seen, g_strdup (name)))
            g_test_message ("Left over by an interrupted write: %s", name);
          n_leftovers++;
        }
    }

  return n_leftovers;
}

static char *exe_path;

static GPid
spawn_child (const char *mode,
             const char *log_path,
             int         round)
{
  g_autofree char *round_text = g_strdup_printf ("%d", round);
  g_autofree char *seed_text = g_strdup_printf ("%u", (guint)g_test_rand_int ());
  const char *argv[] = { exe_path, "--child", mode, log_path, round_text, seed_text, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int stdout_fd;
  GPid pid;

  /* GLib points the XDG variables of a test program at /dev/null and keeps
   * each test's temporary folders to itself: hand them to the child. */
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);

  /* The child's standard output goes to standard error, away from the
   * test's TAP output. GLib closes the descriptor it is given for the
   * child's output there, so it gets a copy, not standard error itself. */
  stdout_fd = dup (STDERR_FILENO);
  g_assert_cmpint (stdout_fd, >, STDERR_FILENO);
  g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *)envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    -1, stdout_fd, -1, NULL, NULL, 0,
                                    &pid, NULL, NULL, NULL, &error);
  close (stdout_fd);
  g_assert_no_error (error);

  return pid;
}

/* Fails the test if the child ended by itself. */
static void
assert_running (GPid        pid,
                const char *log_path)
{
  int status;

  if (waitpid (pid, &status, WNOHANG) == pid)
    {
      g_autoptr(Log) log = read_log (log_path);

      if (log->problem != NULL)
        g_test_message ("The application reported: %s", log->problem);
      g_error ("The application ended before it was killed (%s %d)",
               WIFEXITED (status) ? "exit status" : "signal",
               WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
    }
}

static void
run_for (GPid        pid,
         const char *log_path,
         guint       ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      assert_running (pid, log_path);
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
log_is_ready (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) &&
         g_str_has_prefix (contents, "state 0 ") && strchr (contents, '\n') != NULL;
}

static void
wait_ready (GPid        pid,
            const char *log_path)
{
  gint64 end = g_get_monotonic_time () + READY_TIMEOUT_S * G_TIME_SPAN_SECOND;

  while (!log_is_ready (log_path))
    {
      assert_running (pid, log_path);
      if (g_get_monotonic_time () > end)
        {
          kill (pid, SIGKILL);
          g_error ("The application did not show its checklist within %d s", READY_TIMEOUT_S);
        }
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

/* Before a new instance starts, the killed one's name must have left the
 * bus, or the new one would only pass its activation to a dead process. */
static void
wait_name_released (GDBusConnection *bus)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;
      gboolean owned;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", APPLICATION_ID),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                           -1, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (!owned)
        return;

      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

static void
test_kill_rounds (void)
{
  g_autoptr(GTestDBus) dbus = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
  g_autofree char *path = g_build_filename (dir, "progress", NULL);
  g_autofree char *last_state = g_strdup ("");
  g_autofree char *verify_log = NULL;
  g_autoptr(Log) log = NULL;
  g_autoptr(GHashTable) leftovers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean file_exists = FALSE;
  guint n_kills = 0;
  guint n_ready = 0;
  guint n_changes = 0;
  guint n_saved = 0;
  guint n_rounds_saved = 0;
  guint n_leftovers = 0;
  GPid pid;
  int status;

  /* A session bus of the test's own, with the accessibility bus as its
   * only service (GTK and WebKit's web process use it as on a desktop):
   * the application and WebKit work without portals, and no desktop
   * service started by one round lingers into the next or writes into the
   * test's output. */
  display = g_strdup (g_getenv ("DISPLAY"));
  g_assert_nonnull (display);
  dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (dbus, SRCDIR "/services");
  g_test_dbus_up (dbus);
  /* GTestDBus hides the display, which the application needs. */
  g_setenv ("DISPLAY", display, TRUE);
  bus = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (dbus),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);

  /* The children's logs go there. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  for (int round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *log_name = g_strdup_printf ("kill-%02d.log", round);
      g_autofree char *log_path = g_build_filename (g_get_user_cache_dir (), log_name, NULL);
      g_autofree char *state = NULL;
      g_autoptr(Log) round_log = NULL;
      const char *saved_state = NULL;
      gboolean exists;
      gint64 matched = -2;
      guint ms;

      wait_name_released (bus);
      pid = spawn_child ("changes", log_path, round);

      if (IS_STARTUP_ROUND (round))
        ms = g_test_rand_int_range (20, 1000);
      else
        {
          wait_ready (pid, log_path);
          ms = g_test_rand_int_range (300, 3000);
        }
      run_for (pid, log_path, ms);

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      n_kills++;

      round_log = read_log (log_path);
      g_assert_null (round_log->problem);

      /* The application loaded exactly what the last kill left. */
      if (round_log->states->len > 0)
        {
          LoggedState *loaded = g_ptr_array_index (round_log->states, 0);

          g_assert_cmpstr (loaded->state, ==, last_state);
          n_ready++;
        }
      else
        g_assert_true (IS_STARTUP_ROUND (round));

      state = file_state (path, &exists);
      /* Once written, the file is never missing, not even for a moment. */
      if (file_exists)
        g_assert_true (exists);

      /* The file holds the last state logged as saved, or a later one. */
      if (round_log->last_saved < 0 && g_str_equal (state, last_state))
        matched = -1;
      for (guint i = MAX (round_log->last_saved, 0);
           matched == -2 && i < round_log->states->len; i++)
        {
          LoggedState *logged = g_ptr_array_index (round_log->states, i);

          if (g_str_equal (logged->state, state))
            matched = logged->seq;
        }

      if (round_log->last_saved >= 0)
        {
          LoggedState *logged = g_ptr_array_index (round_log->states, round_log->last_saved);

          saved_state = logged->state;
          n_rounds_saved++;
        }
      if (matched == -2)
        {
          const char *expected = saved_state != NULL ? saved_state : last_state;

          g_test_message ("Round %d: the file holds none of the states since change %"
                          G_GINT64_FORMAT ", the last one saved", round, round_log->last_saved);
          g_assert_cmpstr (state, ==, expected);
        }

      n_leftovers = check_folder (dir, leftovers);
      n_changes += round_log->states->len > 0 ? round_log->states->len - 1 : 0;
      n_saved += round_log->n_saved;

      g_test_message ("Round %d: killed %u ms after %s; %u changes, %u saves logged, "
                      "last saved change %" G_GINT64_FORMAT ", file holds change %" G_GINT64_FORMAT
                      "; %u files left over",
                      round, ms, IS_STARTUP_ROUND (round) ? "starting" : "showing the window",
                      round_log->states->len > 0 ? round_log->states->len - 1 : 0,
                      round_log->n_saved, round_log->last_saved, matched, n_leftovers);

      g_free (last_state);
      last_state = g_steal_pointer (&state);
      file_exists = exists;
    }

  /* After all these kills, the application starts, shows the progress the
   * file holds, and quits normally. */
  wait_name_released (bus);
  verify_log = g_build_filename (g_get_user_cache_dir (), "verify.log", NULL);
  pid = spawn_child ("verify", verify_log, N_ROUNDS);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  log = read_log (verify_log);
  g_assert_null (log->problem);
  g_assert_cmpuint (log->states->len, ==, 1);
  g_assert_cmpstr (((LoggedState *)g_ptr_array_index (log->states, 0))->state, ==, last_state);

  g_test_message ("%d rounds, %u kills survived, %u started fully, %u changes made, "
                  "%u saves logged, %u rounds checked against a logged save, "
                  "%u files left over by interrupted writes",
                  N_ROUNDS, n_kills, n_ready, n_changes, n_saved, n_rounds_saved, n_leftovers);

  /* The test proves something only if saves happened and were checked. */
  g_assert_cmpuint (n_kills, ==, N_ROUNDS);
  g_assert_true (file_exists);
  g_assert_cmpuint (n_saved, >=, N_ROUNDS / 2);
  g_assert_cmpuint (n_rounds_saved, >=, N_ROUNDS / 3);

  g_dbus_connection_close_sync (bus, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&bus);
  g_test_dbus_down (dbus);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return child_main (argc, argv);

  ui_test_init (&argc, &argv);

  exe_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (exe_path);

  /* A short path: see ui-test-utils.c. */
  g_test_add_func ("/kill/rounds", test_kill_rounds);

  return g_test_run ();
}
