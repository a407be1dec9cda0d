/* test-store-writers.c
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

/* One writer at a time. A store that may save holds the lock beside the
 * progress file while it lives; a store that finds the lock held by another
 * process (a window while the command line imports, or the other way
 * round) is read-only and touches nothing; a store made for reading
 * (--status, --export) changes nothing in the folder at all. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-test-utils.h"
#include "syllabus-store.h"

#define TOPIC_ID "demo"
#define KEY_ONE "https://example.org/one"
#define KEY_TWO "https://example.org/two"

static const char good_json[] =
  "{\n"
  "  \"version\": 1,\n"
  "  \"topics\": {\n"
  "    \"demo\": {\n"
  "      \"resources\": {\n"
  "        \"https://example.org/one\": {\n"
  "          \"title\": \"Book One\",\n"
  "          \"url\": \"https://example.org/one\",\n"
  "          \"status\": \"done\",\n"
  "          \"done\": true,\n"
  "          \"done-at\": \"2026-01-02T03:04:05Z\",\n"
  "          \"changed-at\": \"2026-01-02T03:04:05Z\"\n"
  "        }\n"
  "      }\n"
  "    }\n"
  "  }\n"
  "}\n";

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
}

static char *
lock_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.lock", NULL);
}

static void
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = data_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* Takes the lock as another process would: through an open of its own,
 * which this process's stores do not know about. Returns the descriptor,
 * or -1 if the lock is held. */
static int
take_lock_elsewhere (void)
{
  g_autofree char *dir = data_dir ();
  g_autofree char *path = lock_path ();
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_assert_cmpint (errno, ==, EWOULDBLOCK);
      g_close (fd, NULL);
      return -1;
    }

  return fd;
}

/* Names and contents of every file in the data folder. */
static GHashTable *
folder_state (void)
{
  g_autofree char *dir = data_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GHashTable *state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *contents = NULL;

      /* The progress folder's files too, by their path in it. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) inner = g_dir_open (path, 0, NULL);
          const char *inner_name;

          g_assert_nonnull (inner);
          g_hash_table_insert (state, g_strconcat (name, "/", NULL), g_strdup (""));
          while ((inner_name = g_dir_read_name (inner)) != NULL)
            {
              g_autofree char *inner_path = g_build_filename (path, inner_name, NULL);

              g_assert_true (g_file_get_contents (inner_path, &contents, NULL, NULL));
              g_hash_table_insert (state, g_strconcat (name, "/", inner_name, NULL), contents);
            }
          continue;
        }

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_hash_table_insert (state, g_strdup (name), contents);
    }

  return state;
}

static void
assert_same_state (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name;
  gpointer contents;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (before, name))
      g_error ("%s appeared in the data folder", (const char *)name);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &contents))
    {
      if (!g_hash_table_contains (after, name))
        g_error ("%s disappeared from the data folder", (const char *)name);
      g_assert_cmpstr (g_hash_table_lookup (after, name), ==, contents);
    }
}

/* A store that may save holds the lock from loading until it is gone, so
 * that an import from the command line, with or without a session bus,
 * finds it. */
static void
test_store_holds_lock (void)
{
  g_autoptr(SyllabusStore) store = syllabus_store_new (NULL);
  g_autoptr(GError) error = NULL;
  int fd;

  write_file ("progress.json", good_json);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_false (syllabus_store_get_locked (store));
  g_assert_false (syllabus_store_get_read_only (store));

  g_assert_cmpint (take_lock_elsewhere (), ==, -1);

  g_clear_object (&store);
  fd = take_lock_elsewhere ();
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
}

/* Another process writes the progress file (an import running, or a window
 * while this is the import): this store shows the progress read-only,
 * refuses to save, leaves that writer's temporary file alone and does not
 * move a file it cannot read. */
static void
test_locked_out (void)
{
  g_autoptr(SyllabusStore) store = syllabus_store_new (NULL);
  g_autoptr(SyllabusResource) two =
    syllabus_resource_new ("Book Two", KEY_TWO, NULL, 0);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  write_file ("progress.json", good_json);
  /* What the other writer is writing this very moment. */
  write_file (".progress.json.syllabus-tmp-Ab12Cd", "{\"version\": 1, \"top");
  fd = take_lock_elsewhere ();
  g_assert_cmpint (fd, >=, 0);
  before = folder_state ();

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_store_get_locked (store));
  g_assert_true (syllabus_store_get_read_only (store));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)));

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), TRUE);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_clear_object (&store);
  after = folder_state ();
  assert_same_state (before, after);
  g_clear_pointer (&after, g_hash_table_unref);

  /* Damaged while the other writer works: left for that writer. */
  write_file ("progress.json", "{\"version\": 1, \"topics\": ");
  g_clear_pointer (&before, g_hash_table_unref);
  before = folder_state ();
  store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_true (syllabus_store_get_locked (store));
  g_assert_nonnull (syllabus_store_get_damage (store));
  g_assert_null (syllabus_store_get_kept_file (store));
  g_clear_object (&store);
  after = folder_state ();
  assert_same_state (before, after);

  g_close (fd, NULL);
}

/* --status and --export: a store made for reading writes and deletes
 * nothing, whatever it finds: the user's progress.json.backup, a temporary
 * file, a damaged progress file; it does not even create the lock. */
static void
test_reader_changes_nothing (void)
{
  const char *damaged = "{\"version\": 1, \"topics\": {\"demo\": ";
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;

  write_file ("progress.json", good_json);
  write_file ("progress.json.backup", "the user's own copy");
  write_file ("progress.json.MyCopy", "another one");
  write_file (".progress.json.syllabus-tmp-Ab12Cd", "{\"version\": 1, \"top");
  before = folder_state ();

  store = syllabus_store_new_for_reading (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_store_get_read_only (store));
  g_assert_false (syllabus_store_get_locked (store));
  g_assert_null (syllabus_store_get_damage (store));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)));
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);

  after = folder_state ();
  assert_same_state (before, after);
  g_clear_pointer (&after, g_hash_table_unref);

  write_file ("progress.json", damaged);
  g_clear_pointer (&before, g_hash_table_unref);
  before = folder_state ();
  store = syllabus_store_new_for_reading (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_error ((GError *)syllabus_store_get_damage (store), SYLLABUS_STORE_ERROR,
                  SYLLABUS_STORE_ERROR_DAMAGED);
  g_assert_null (syllabus_store_get_kept_file (store));
  g_assert_null (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE));
  g_clear_object (&store);

  after = folder_state ();
  assert_same_state (before, after);
}

/* A file written with a later change under a running store, by a program
 * that does not take the lock (an import of an older Syllabus, a sync
 * tool, the user restoring a copy): the store's next save merges it, as
 * an import does, instead of overwriting it. */
static const char changed_json[] =
  "{\n"
  "  \"version\": 2,\n"
  "  \"topic\": \"demo\",\n"
  "  \"resources\": {\n"
  "    \"https://example.org/two\": {\n"
  "      \"title\": \"Book Two\",\n"
  "      \"url\": \"https://example.org/two\",\n"
  "      \"status\": \"done\",\n"
  "      \"done\": true,\n"
  "      \"done-at\": \"2026-11-26T09:00:00Z\",\n"
  "      \"notes\": \"imported behind the window's back\",\n"
  "      \"changed-at\": \"2026-11-26T09:00:00Z\"\n"
  "    }\n"
  "  }\n"
  "}\n";

static void
check_changed_merged (gboolean async)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autoptr(SyllabusStore) store = syllabus_store_new (NULL);
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = syllabus_resource_new ("Book One", KEY_ONE, NULL, 0);
  g_autoptr(SyllabusResource) three =
    syllabus_resource_new ("Book Three", "https://example.org/three", NULL, 0);
  g_autoptr(GError) error = NULL;
  SyllabusEntry *two;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);

  /* The other program replaces the file, as an atomic writer does. */
  g_assert_true (g_file_set_contents (path, changed_json, -1, &error));
  g_assert_no_error (error);

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, three), TRUE);
  if (async)
    g_assert_true (run_until (store_is_clean, store, 5000));
  else
    g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_null (syllabus_store_get_save_error (store));

  /* The running store shows what was merged... */
  two = syllabus_store_lookup (store, TOPIC_ID, KEY_TWO);
  g_assert_nonnull (two);
  g_assert_true (syllabus_entry_get_done (two));

  /* ...and the file holds everything: the other program's change and
   * both of the store's. */
  again = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (again, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID, KEY_ONE)));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID,
                                                                 "https://example.org/three")));
  two = syllabus_store_lookup (again, TOPIC_ID, KEY_TWO);
  g_assert_nonnull (two);
  g_assert_true (syllabus_entry_get_done (two));
  g_assert_cmpstr (syllabus_entry_get_notes (two), ==, "imported behind the window's back");
}

static void
test_changed_under_it (void)
{
  check_changed_merged (FALSE);
}

static void
test_changed_under_it_async (void)
{
  check_changed_merged (TRUE);
}

/* The other program left a file this one cannot read: the save refuses
 * to overwrite it, says why, and keeps the change in memory. */
static void
test_changed_unreadable (void)
{
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autoptr(SyllabusStore) store = syllabus_store_new (NULL);
  g_autoptr(SyllabusResource) one = syllabus_resource_new ("Book One", KEY_ONE, NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *garbage = "{\"version\": 2, \"topic\": \"demo\", \"resources\": ";

  write_file ("progress.json", good_json);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  write_text (path, garbage);

  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "mine");
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_CHANGED);
  g_test_message ("save-error: %s", syllabus_store_get_save_error (store));
  g_assert_nonnull (syllabus_store_get_save_error (store));
  g_assert_true (syllabus_store_get_dirty (store));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_forget_damage_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
assert_unseen (SyllabusStore *store,
               const char    *kept_file)
{
  const char * const *unseen = syllabus_store_get_unseen_damage (store);

  if (kept_file == NULL)
    {
      g_assert_null (unseen);
      return;
    }

  g_assert_nonnull (unseen);
  g_assert_cmpstr (unseen[0], ==, kept_file);
  g_assert_null (unseen[1]);
}

/* A damaged progress file kept aside stays reported, at every start and to
 * the command line, until the user dismisses the window's message about
 * it: --status had swallowed it, and the window started afterwards showed
 * empty progress without a word. */
static void
test_damage_stays_reported (void)
{
  g_autofree char *dir = data_dir ();
  g_autofree char *log = g_build_filename (dir, "progress.json.unseen-damage", NULL);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  gboolean done = FALSE;

  write_file ("progress.json", "{\"version\": 1, \"topics\": {\"demo\": ");

  /* A reader finds the damage but records nothing. */
  store = syllabus_store_new_for_reading (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_nonnull (syllabus_store_get_damage (store));
  assert_unseen (store, NULL);
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* The first writer keeps the file aside and records it. */
  store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  kept = g_strdup (syllabus_store_get_kept_file (store));
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (syllabus_store_get_problem (store));
  assert_unseen (store, kept);
  g_clear_object (&store);

  /* The next start, and the command line, still know. */
  store = syllabus_store_new_for_reading (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_null (syllabus_store_get_damage (store));
  assert_unseen (store, kept);
  g_clear_object (&store);

  store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_null (syllabus_store_get_kept_file (store));
  assert_unseen (store, kept);

  /* Dismissed in the window: forgotten, the kept file itself stays. */
  syllabus_store_forget_damage_async (store, NULL, forgotten_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  assert_unseen (store, NULL);
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  assert_unseen (store, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-writers/store-holds-lock", test_store_holds_lock);
  g_test_add_func ("/store-writers/locked-out", test_locked_out);
  g_test_add_func ("/store-writers/reader-changes-nothing", test_reader_changes_nothing);
  g_test_add_func ("/store-writers/changed-under-it", test_changed_under_it);
  g_test_add_func ("/store-writers/changed-under-it-async", test_changed_under_it_async);
  g_test_add_func ("/store-writers/changed-unreadable", test_changed_unreadable);
  g_test_add_func ("/store-writers/damage-stays-reported", test_damage_stays_reported);

  return g_test_run ();
}
