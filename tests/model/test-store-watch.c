/* test-store-watch.c
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

/* The folder watcher of a shared progress folder: what another computer
 * writes into it (as a sync tool delivers it: a file renamed into place)
 * is merged while the store runs; conflict copies are merged and then
 * removed; temporary files are left alone; a note both computers changed
 * keeps both texts; a folder that goes away and comes back loses nothing. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-test-utils.h"
#include "syllabus-store.h"
#include "syllabus-store-private.h"

#define TOPIC "rust"
#define KEY_ONE "https://example.org/one"
#define KEY_TWO "https://example.org/two"
#define KEY_THREE "https://example.org/three"

static char *
shared_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "Sync", "syllabus", name, NULL);
}

static SyllabusStore *
load_shared (void)
{
  g_autofree char *folder = shared_path (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  SyllabusStore *store;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  store = syllabus_store_new_full (file, SYLLABUS_STORE_SHARED);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

/* Puts @text in the shared folder as @name the way a sync tool does:
 * written beside it under a temporary name, then renamed into place. */
static void
deliver (const char *name,
         const char *text)
{
  g_autofree char *path = shared_path (name);
  g_autofree char *temporary_name = g_strdup_printf (".syncthing.%s.tmp", name);
  g_autofree char *temporary = shared_path (temporary_name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (temporary, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (temporary, path), ==, 0);
}

static SyllabusEntry *
tick (SyllabusStore *store,
      const char    *key)
{
  g_autoptr(SyllabusResource) resource = syllabus_resource_new (key, key, NULL, 0);
  SyllabusEntry *entry = syllabus_store_get_entry (store, TOPIC, resource);

  syllabus_entry_set_done (entry, TRUE);
  return entry;
}

/* What run_until() waits for. */
static const char *wanted_key;
static SyllabusStatus wanted_status;

static gboolean
has_wanted_status (SyllabusStore *store)
{
  SyllabusEntry *entry = syllabus_store_lookup (store, TOPIC, wanted_key);

  return entry != NULL && syllabus_entry_get_status (entry) == wanted_status;
}

static gboolean
wait_for_status (SyllabusStore  *store,
                 const char     *key,
                 SyllabusStatus  status)
{
  wanted_key = key;
  wanted_status = status;
  return run_until (has_wanted_status, store, 5000);
}

static char *
read_text (const char *name)
{
  g_autofree char *path = shared_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static guint
count_names (const char *part)
{
  g_autofree char *folder = shared_path (NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += strstr (name, part) != NULL;

  return n;
}

/* Another computer's change lands while the store runs: it is merged
 * within the scan's delay, what only this computer had stays, and the
 * next save writes both. */
static void
test_other_computer (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();
  g_autofree char *text = NULL;
  g_autofree char *local_lock = g_build_filename (g_get_user_data_dir (), "syllabus",
                                                  "progress.lock", NULL);
  gint64 start;

  /* The lock is this computer's, not synced. */
  g_assert_true (g_file_test (local_lock, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_names ("lock"), ==, 0);

  tick (store, KEY_ONE);
  save_or_fail (store);
  /* The look at the folder at start is over: what follows is the
   * monitor's. */
  run_until (never, store, 500);

  start = g_get_monotonic_time ();
  deliver ("rust.json",
           "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"laptop\", \"resources\": {"
           "\"" KEY_TWO "\": {\"status\": \"in-progress\", \"started-at\": \"2030-01-01T00:00:00Z\", "
           "\"changed-at\": \"2030-01-01T00:00:00Z\"}}}");
  g_assert_true (wait_for_status (store, KEY_TWO, SYLLABUS_STATUS_IN_PROGRESS));
  g_test_message ("Merged %.0f ms after it landed", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC, KEY_ONE)));

  g_assert_true (run_until (store_is_clean, store, 5000));
  text = read_text ("rust.json");
  g_assert_nonnull (strstr (text, KEY_ONE));
  g_assert_nonnull (strstr (text, KEY_TWO));
}

/* A conflict copy, left by a sync tool while Syllabus was not running,
 * is merged at start and removed once its content is saved; temporary
 * files, copies of another topic's file and damaged copies stay. */
static void
test_conflict_copies (void)
{
  const char *copy_name = "rust.sync-conflict-20261203-101010-ABCDEFG.json";
  g_autoptr(SyllabusStore) store = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  /* Start the folder with one tick, written by a store of our own. */
  store = load_shared ();
  tick (store, KEY_ONE);
  save_or_fail (store);
  g_clear_object (&store);

  deliver (copy_name,
           "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"laptop\", \"resources\": {"
           "\"" KEY_THREE "\": {\"status\": \"skipped\", \"changed-at\": \"2030-01-01T00:00:00Z\"}}}");
  deliver ("rust (laptop's conflicted copy 2026-12-03).json",
           "{\"version\": 2, \"topic\": \"rust\", \"resources\": {");
  deliver ("other.sync-conflict-20261203-101010-ABCDEFG.json",
           "{\"version\": 2, \"topic\": \"rust\", \"resources\": {"
           "\"" KEY_TWO "\": {\"status\": \"done\", \"changed-at\": \"2030-01-01T00:00:00Z\"}}}");
  path = shared_path (".syncthing.rust.json.tmp");
  g_assert_true (g_file_set_contents (path, "{ half", -1, NULL));

  store = load_shared ();
  g_assert_true (wait_for_status (store, KEY_THREE, SYLLABUS_STATUS_SKIPPED));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC, KEY_ONE)));
  /* Another topic's copy, holding "rust": not merged. */
  g_assert_null (syllabus_store_lookup (store, TOPIC, KEY_TWO));

  g_assert_true (run_until (store_is_clean, store, 5000));
  text = read_text ("rust.json");
  g_assert_nonnull (strstr (text, KEY_THREE));
  g_assert_cmpuint (count_names ("sync-conflict"), ==, 1);
  g_assert_cmpuint (count_names ("other.sync-conflict"), ==, 1);
  g_assert_cmpuint (count_names ("conflicted copy"), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Nothing was lost by removing the copy. */
  g_clear_object (&store);
  store = load_shared ();
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (store, TOPIC, KEY_THREE)),
                   ==, SYLLABUS_STATUS_SKIPPED);
}

static gboolean
note_has_both (SyllabusStore *store)
{
  SyllabusEntry *entry = syllabus_store_lookup (store, TOPIC, KEY_ONE);
  const char *notes = entry != NULL ? syllabus_entry_get_notes (entry) : "";

  return strstr (notes, "written here") != NULL && strstr (notes, "written on the laptop") != NULL;
}

static gboolean
note_is_tidied (SyllabusStore *store)
{
  return g_strcmp0 (syllabus_entry_get_notes (syllabus_store_lookup (store, TOPIC, KEY_ONE)),
                    "tidied on the laptop") == 0;
}

/* Both computers change one note from the text they agreed on: both
 * texts stay, the later one first, the other under a line saying where it
 * came from; a change on one side only replaces as usual. */
static void
test_note_on_both (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();
  SyllabusEntry *entry = tick (store, KEY_ONE);
  const char *notes;

  syllabus_entry_set_notes (entry, "agreed");
  save_or_fail (store);

  /* Changed here, not saved yet, while the laptop's change lands. */
  syllabus_entry_set_notes (entry, "written here");
  deliver ("rust.json",
           "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"laptop\", \"resources\": {"
           "\"" KEY_ONE "\": {\"status\": \"done\", \"notes\": \"written on the laptop\", "
           "\"changed-at\": \"2030-01-01T00:00:00Z\"}}}");
  g_assert_true (run_until (note_has_both, store, 5000));
  notes = syllabus_entry_get_notes (entry);
  g_test_message ("joined: %s", notes);
  g_assert_true (g_str_has_prefix (notes, "written on the laptop\n\nFrom "));
  g_assert_true (g_str_has_suffix (notes, ":\nwritten here"));

  /* The joined note reaches the file, and stays one note. */
  g_assert_true (run_until (store_is_clean, store, 5000));
  {
    g_autofree char *text = read_text ("rust.json");

    g_assert_nonnull (strstr (text, "written on the laptop"));
    g_assert_nonnull (strstr (text, "written here"));
  }

  /* Only the laptop changed it now: its text replaces ours. */
  deliver ("rust.json",
           "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"laptop\", \"resources\": {"
           "\"" KEY_ONE "\": {\"status\": \"done\", \"notes\": \"tidied on the laptop\", "
           "\"changed-at\": \"2031-01-01T00:00:00Z\"}}}");
  g_assert_true (run_until (note_is_tidied, store, 5000));
  g_assert_true (run_until (store_is_clean, store, 5000));
}

static void
deliver_laptop_note (gpointer data)
{
  deliver ("rust.json",
           "{\"version\": 2, \"topic\": \"rust\", \"computer\": \"laptop\", \"resources\": {"
           "\"" KEY_ONE "\": {\"status\": \"done\", \"notes\": \"written on the laptop\", "
           "\"changed-at\": \"2030-01-01T00:00:00Z\"}, "
           "\"" KEY_TWO "\": {\"status\": \"skipped\", \"changed-at\": \"2030-01-01T00:00:00Z\"}}}");
}

static gboolean
laptop_change_merged (SyllabusStore *store)
{
  SyllabusEntry *entry = syllabus_store_lookup (store, TOPIC, KEY_TWO);

  return note_has_both (store) && entry != NULL &&
         syllabus_entry_get_status (entry) == SYLLABUS_STATUS_SKIPPED;
}

/* The other computer's file lands in the moment between a save looking
 * at the folder and replacing the file: the save does not remove it but
 * keeps it as a conflict copy of its own, which is merged like a sync
 * tool's, both notes kept, and removed once saved. */
static void
test_replaced_while_saving (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();
  SyllabusEntry *entry = tick (store, KEY_ONE);
  g_autofree char *text = NULL;

  syllabus_entry_set_notes (entry, "agreed");
  save_or_fail (store);
  run_until (never, store, 500);

  syllabus_entry_set_notes (entry, "written here");
  store->writer->before_replace = deliver_laptop_note;
  save_or_fail (store);
  g_assert_null (store->writer->before_replace);

  /* Ours is in the file; the laptop's was kept beside it. */
  text = read_text ("rust.json");
  g_assert_nonnull (strstr (text, "written here"));
  g_assert_null (strstr (text, "written on the laptop"));
  g_assert_cmpuint (count_names (".syllabus-conflict-"), ==, 1);
  g_assert_cmpuint (count_names (".syllabus-tmp-"), ==, 0);

  g_assert_true (run_until (laptop_change_merged, store, 5000));
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_clear_pointer (&text, g_free);
  text = read_text ("rust.json");
  g_assert_nonnull (strstr (text, "written here"));
  g_assert_nonnull (strstr (text, "written on the laptop"));
  g_assert_cmpuint (count_names (".syllabus-conflict-"), ==, 0);
}

/* A save that replaced what it had looked at leaves nothing beside it. */
static void
test_replaced_as_expected (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();

  tick (store, KEY_ONE);
  save_or_fail (store);
  tick (store, KEY_TWO);
  save_or_fail (store);
  g_assert_cmpuint (count_names ("rust"), ==, 2);  /* rust.json and its .bak */
  g_assert_cmpuint (count_names ("conflict"), ==, 0);
  g_assert_cmpuint (count_names (".syllabus-tmp-"), ==, 0);
}

static gboolean
note_from_laptop (SyllabusStore *store)
{
  SyllabusEntry *entry = syllabus_store_lookup (store, TOPIC, KEY_ONE);

  return entry != NULL && g_strcmp0 (syllabus_entry_get_notes (entry), "added on the laptop") == 0;
}

/* Change times have seconds only: the other computer's change within
 * the same second as this one's last is still taken, as this computer
 * changed nothing since it wrote the file. */
static void
test_same_second (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();
  SyllabusEntry *entry = tick (store, KEY_ONE);
  g_autofree char *changed = NULL;
  g_autofree char *text = NULL;

  save_or_fail (store);
  changed = g_date_time_format_iso8601 (syllabus_entry_get_changed_at (entry));
  text = g_strdup_printf ("{\"version\": 2, \"topic\": \"rust\", \"resources\": {"
                          "\"" KEY_ONE "\": {\"status\": \"done\", \"notes\": \"added on the laptop\", "
                          "\"changed-at\": \"%s\"}}}", changed);
  deliver ("rust.json", text);
  g_assert_true (run_until (note_from_laptop, store, 5000));
  g_assert_true (run_until (store_is_clean, store, 5000));
}

/* The folder goes away (a disk unmounted): saves fail, saying so, with
 * the changes kept in memory; when it is back, they are written, and what
 * it held meanwhile is merged. */
static void
test_folder_gone (void)
{
  g_autoptr(SyllabusStore) store = load_shared ();
  g_autofree char *folder = shared_path (NULL);
  g_autofree char *aside = g_strconcat (folder, "-unmounted", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  tick (store, KEY_ONE);
  save_or_fail (store);

  g_assert_cmpint (g_rename (folder, aside), ==, 0);
  tick (store, KEY_TWO);
  g_assert_false (syllabus_store_save (store, &error));
  g_test_message ("save error: %s", syllabus_store_get_save_error (store));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (syllabus_store_get_save_error (store), folder));
  g_assert_true (syllabus_store_get_dirty (store));
  /* Never made again in its place. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rename (aside, folder), ==, 0);
  g_assert_true (run_until (store_is_clean, store, 10000));
  g_assert_null (syllabus_store_get_save_error (store));
  text = read_text ("rust.json");
  g_assert_nonnull (strstr (text, KEY_ONE));
  g_assert_nonnull (strstr (text, KEY_TWO));
}

/* A shared folder not there at start: said so, loads nothing from it,
 * and never makes it. */
static void
test_folder_missing_at_start (void)
{
  g_autofree char *folder = shared_path (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(SyllabusStore) store = syllabus_store_new_full (file, SYLLABUS_STORE_SHARED);
  g_autoptr(GError) error = NULL;
  const char *problem;

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, folder));
  g_assert_false (syllabus_store_get_read_only (store));
  tick (store, KEY_ONE);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_conflict_names (void)
{
  static const struct { const char *name; const char *target; } cases[] = {
    { "rust.sync-conflict-20261203-101010-ABCDEFG.json", "rust.json" },
    { "rust.md.sync-conflict-20261203-101010-ABCDEFG.json", "rust.md.json" },
    { "rust (conflicted copy 2026-12-03 101010).json", "rust.json" },
    { "rust (laptop's conflicted copy 2026-12-03).json", "rust.json" },
    { "rust (Case Conflict).json", NULL },
    { "rust_conflict-20261203-101010.json", "rust.json" },
    { "rust.syllabus-conflict-20261203-101010.json", "rust.json" },
    { "rust.syllabus-conflict-20261203-101010-2.json", "rust.json" },
    { "rust.syllabus-conflict-2026.json", NULL },
    { "rust.json", NULL },
    { "rust.sync-conflict.json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *target = _syllabus_store_conflict_copy_target (cases[i].name);

      g_assert_cmpstr (target, ==, cases[i].target);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-watch/conflict-names", test_conflict_names);
  g_test_add_func ("/store-watch/other-computer", test_other_computer);
  g_test_add_func ("/store-watch/conflict-copies", test_conflict_copies);
  g_test_add_func ("/store-watch/note-on-both", test_note_on_both);
  g_test_add_func ("/store-watch/same-second", test_same_second);
  g_test_add_func ("/store-watch/replaced-while-saving", test_replaced_while_saving);
  g_test_add_func ("/store-watch/replaced-as-expected", test_replaced_as_expected);
  g_test_add_func ("/store-watch/folder-gone", test_folder_gone);
  g_test_add_func ("/store-watch/folder-missing-at-start", test_folder_missing_at_start);

  return g_test_run ();
}
