/* test-merge.c
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

/* Backups and merging them: per resource the progress changed last wins,
 * in both directions; what only one side has is kept; equal change times
 * keep ours; a second merge of the same file changes nothing; a file that
 * loading would not accept changes nothing; seen lists are joined; entries
 * change in place with notifications; and the result is saved. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "syllabus-store.h"

/* From store-test-utils.c, whose other helpers this program has its own
 * versions of. */
char *read_folder_as_v1 (void);

#define KEY_A "https://example.org/a"
#define KEY_B "https://example.org/b"
#define KEY_C "https://example.org/c"
#define KEY_D "https://example.org/d"
#define KEY_E "https://example.org/e"
#define KEY_X "https://example.org/x"

/* Our progress: A done lately, B started earlier, D skipped. */
static const char ours_json[] =
  "{\"version\": 1, \"topics\": {\"demo\": {\n"
  "  \"seen\": [\"" KEY_A "\", \"" KEY_B "\"],\n"
  "  \"resources\": {\n"
  "    \"" KEY_A "\": {\"title\": \"A\", \"url\": \"" KEY_A "\", \"status\": \"done\",\n"
  "      \"done\": true, \"done-at\": \"2026-01-10T10:00:00Z\",\n"
  "      \"changed-at\": \"2026-01-10T10:00:00Z\"},\n"
  "    \"" KEY_B "\": {\"title\": \"B\", \"url\": \"" KEY_B "\", \"status\": \"in-progress\",\n"
  "      \"started-at\": \"2026-01-05T10:00:00Z\", \"changed-at\": \"2026-01-05T10:00:00Z\"},\n"
  "    \"" KEY_D "\": {\"title\": \"D\", \"url\": \"" KEY_D "\", \"status\": \"skipped\",\n"
  "      \"notes\": \"not for me\", \"changed-at\": \"2026-01-03T10:00:00Z\"}\n"
  "}}}}\n";

/* The other computer's: an older A, a newer B (finished, renamed), C and E
 * that we do not have, the same D, and X in a topic we do not know. */
static const char theirs_json[] =
  "{\"version\": 1, \"topics\": {\n"
  " \"demo\": {\n"
  "  \"seen\": [\"" KEY_B "\", \"" KEY_C "\"],\n"
  "  \"resources\": {\n"
  "    \"" KEY_A "\": {\"title\": \"A\", \"url\": \"" KEY_A "\", \"status\": \"in-progress\",\n"
  "      \"started-at\": \"2026-01-01T10:00:00Z\", \"notes\": \"old\",\n"
  "      \"changed-at\": \"2026-01-01T10:00:00Z\"},\n"
  "    \"" KEY_B "\": {\"title\": \"B, 2nd edition\", \"url\": \"" KEY_B "?ed=2\",\n"
  "      \"status\": \"done\", \"done\": true, \"started-at\": \"2026-01-05T10:00:00Z\",\n"
  "      \"done-at\": \"2026-01-07T10:00:00Z\", \"notes\": \"finished\",\n"
  "      \"changed-at\": \"2026-01-07T10:00:00Z\"},\n"
  "    \"" KEY_C "\": {\"title\": \"C\", \"url\": \"" KEY_C "\", \"status\": \"done\",\n"
  "      \"done-at\": \"2026-01-02T10:00:00Z\", \"changed-at\": \"2026-01-02T10:00:00Z\"},\n"
  "    \"" KEY_D "\": {\"title\": \"D\", \"url\": \"" KEY_D "\", \"status\": \"skipped\",\n"
  "      \"notes\": \"not for me\", \"changed-at\": \"2026-01-03T10:00:00Z\"},\n"
  "    \"" KEY_E "\": {\"title\": \"E\", \"url\": \"" KEY_E "\", \"status\": \"in-progress\",\n"
  "      \"started-at\": \"2026-01-04T10:00:00Z\", \"changed-at\": \"2026-01-04T10:00:00Z\"}\n"
  "  }},\n"
  " \"gone\": {\n"
  "  \"seen\": [\"" KEY_X "\"],\n"
  "  \"resources\": {\n"
  "    \"" KEY_X "\": {\"title\": \"X\", \"url\": \"" KEY_X "\", \"status\": \"done\",\n"
  "      \"done-at\": \"2025-12-01T10:00:00Z\", \"changed-at\": \"2025-12-01T10:00:00Z\"}\n"
  "  }}\n"
  "}}\n";

static char *
progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.json", NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* The progress folder's topic files, as one version 1 text. */
static char *
read_progress (void)
{
  return read_folder_as_v1 ();
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* Returns (transfer full) a file in the test's own folder holding
 * @contents. */
static GFile *
backup_file (const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  write_file (path, contents);
  return g_file_new_for_path (path);
}

static SyllabusStore *
load_store (GFile *file)
{
  g_autoptr(GError) error = NULL;
  SyllabusStore *store = syllabus_store_new (file);

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_store_get_loaded (store));

  return store;
}

/* Our store, loaded from ours_json. */
static SyllabusStore *
load_ours (void)
{
  g_autofree char *path = progress_path ();
  SyllabusStore *store;

  write_file (path, ours_json);
  store = load_store (NULL);
  g_assert_false (syllabus_store_get_read_only (store));
  g_assert_null (syllabus_store_get_problem (store));

  return store;
}

static SyllabusEntry *
lookup (SyllabusStore *store,
        const char    *topic_id,
        const char    *key)
{
  SyllabusEntry *entry = syllabus_store_lookup (store, topic_id, key);

  g_assert_nonnull (entry);
  return entry;
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = NULL;

  if (expected == NULL)
    {
      g_assert_null (time);
      return;
    }

  g_assert_nonnull (time);
  text = g_date_time_format_iso8601 (time);
  g_assert_cmpstr (text, ==, expected);
}

static void
merge_or_fail (SyllabusStore        *store,
               GFile                *file,
               SyllabusMergeSummary *summary)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_merge_file (store, file, summary, &error));
  g_assert_no_error (error);
}

static void
save_or_fail (SyllabusStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (syllabus_store_get_dirty (store));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @flag is set, failing after a few seconds. */
static void
run_until_set (const gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
run_until_clean (SyllabusStore *store)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (syllabus_store_get_dirty (store) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Tests ------------------------------------------------------------------- */

static void
test_newer_wins (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  SyllabusEntry *a = lookup (store, "demo", KEY_A);
  SyllabusEntry *b = lookup (store, "demo", KEY_B);
  SyllabusEntry *d = lookup (store, "demo", KEY_D);
  SyllabusMergeSummary summary;

  merge_or_fail (store, file, &summary);

  g_assert_cmpuint (summary.taken, ==, 1);
  g_assert_cmpuint (summary.kept_newer_here, ==, 1);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (summary.unchanged, ==, 1);
  g_assert_cmpuint (summary.conflicts_kept, ==, 0);
  g_assert_true (syllabus_merge_summary_changed (&summary));

  /* Ours was newer: kept as it was. */
  g_assert_true (lookup (store, "demo", KEY_A) == a);
  g_assert_cmpint (syllabus_entry_get_status (a), ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpstr (syllabus_entry_get_notes (a), ==, "");
  assert_time (syllabus_entry_get_done_at (a), "2026-01-10T10:00:00Z");
  assert_time (syllabus_entry_get_started_at (a), NULL);
  assert_time (syllabus_entry_get_changed_at (a), "2026-01-10T10:00:00Z");

  /* Theirs was newer: taken whole, into the same object. */
  g_assert_true (lookup (store, "demo", KEY_B) == b);
  g_assert_cmpint (syllabus_entry_get_status (b), ==, SYLLABUS_STATUS_DONE);
  g_assert_true (syllabus_entry_get_done (b));
  g_assert_cmpstr (syllabus_entry_get_notes (b), ==, "finished");
  g_assert_cmpstr (syllabus_entry_get_title (b), ==, "B, 2nd edition");
  g_assert_cmpstr (syllabus_entry_get_url (b), ==, KEY_B "?ed=2");
  assert_time (syllabus_entry_get_started_at (b), "2026-01-05T10:00:00Z");
  assert_time (syllabus_entry_get_done_at (b), "2026-01-07T10:00:00Z");
  assert_time (syllabus_entry_get_changed_at (b), "2026-01-07T10:00:00Z");

  g_assert_true (lookup (store, "demo", KEY_D) == d);
  g_assert_cmpint (syllabus_entry_get_status (d), ==, SYLLABUS_STATUS_SKIPPED);
}

/* The other direction: what we merged into the other computer's progress
 * gives the same result there. */
static void
test_newer_wins_other_way (void)
{
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GFile) file = backup_file ("ours.json", ours_json);
  SyllabusMergeSummary summary;
  SyllabusEntry *entry;

  write_file (path, theirs_json);
  store = load_store (NULL);
  merge_or_fail (store, file, &summary);

  g_assert_cmpuint (summary.taken, ==, 1);
  g_assert_cmpuint (summary.kept_newer_here, ==, 1);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.unchanged, ==, 1);

  entry = lookup (store, "demo", KEY_A);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  /* The older notes go with the older progress: the newer state is whole. */
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "");
  assert_time (syllabus_entry_get_started_at (entry), NULL);
  entry = lookup (store, "demo", KEY_B);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "finished");
  g_assert_nonnull (lookup (store, "demo", KEY_C));
  g_assert_nonnull (lookup (store, "gone", KEY_X));
}

static void
test_added_and_orphans (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autoptr(SyllabusResource) resource_e = syllabus_resource_new ("E", KEY_E, NULL, 0);
  g_autoptr(GPtrArray) gone = NULL;
  SyllabusMergeSummary summary;
  SyllabusEntry *e;
  SyllabusEntry *entry;

  /* A row showing E holds its empty entry: the merge fills that one. */
  e = syllabus_store_get_entry (store, "demo", resource_e);
  g_assert_true (syllabus_entry_is_pristine (e));

  merge_or_fail (store, file, &summary);
  g_assert_cmpuint (summary.added, ==, 3);

  g_assert_true (lookup (store, "demo", KEY_E) == e);
  g_assert_cmpint (syllabus_entry_get_status (e), ==, SYLLABUS_STATUS_IN_PROGRESS);
  assert_time (syllabus_entry_get_started_at (e), "2026-01-04T10:00:00Z");

  entry = lookup (store, "demo", KEY_C);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpstr (syllabus_entry_get_topic_id (entry), ==, "demo");
  g_assert_cmpstr (syllabus_entry_get_key (entry), ==, KEY_C);

  /* A topic this computer does not know keeps its progress too. */
  gone = syllabus_store_list_entries (store, "gone");
  g_assert_cmpuint (gone->len, ==, 1);
  entry = g_ptr_array_index (gone, 0);
  g_assert_cmpstr (syllabus_entry_get_key (entry), ==, KEY_X);
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "X");
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);

  /* What only we had stays. */
  g_assert_cmpint (syllabus_entry_get_status (lookup (store, "demo", KEY_D)), ==,
                   SYLLABUS_STATUS_SKIPPED);

  /* Entries added by the merge are the store's like any other: a change
   * to them is saved. */
  save_or_fail (store);
  syllabus_entry_set_notes (entry, "changed after the merge");
  g_assert_true (syllabus_store_get_dirty (store));
}

static void
test_idempotent (void)
{
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  SyllabusMergeSummary summary;

  merge_or_fail (store, file, &summary);
  g_assert_true (syllabus_store_get_dirty (store));
  save_or_fail (store);
  first = read_progress ();

  merge_or_fail (store, file, &summary);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.taken, ==, 0);
  g_assert_cmpuint (summary.kept_newer_here, ==, 1);
  g_assert_cmpuint (summary.conflicts_kept, ==, 0);
  g_assert_cmpuint (summary.unchanged, ==, 5);
  g_assert_false (syllabus_merge_summary_changed (&summary));
  g_assert_false (syllabus_store_get_dirty (store));

  save_or_fail (store);
  second = read_progress ();
  g_assert_cmpstr (first, ==, second);
}

static void
test_conflict (void)
{
  static const char ours[] =
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\n"
    "  \"" KEY_A "\": {\"status\": \"done\", \"done-at\": \"2026-02-01T10:00:00Z\",\n"
    "    \"changed-at\": \"2026-02-01T10:00:00Z\"},\n"
    "  \"" KEY_B "\": {\"status\": \"in-progress\", \"notes\": \"ours\"},\n"
    "  \"" KEY_C "\": {\"status\": \"skipped\", \"title\": \"Our title\",\n"
    "    \"changed-at\": \"2026-02-01T10:00:00Z\"},\n"
    "  \"" KEY_D "\": {\"status\": \"skipped\", \"changed-at\": \"2026-02-01T10:00:00Z\"},\n"
    "  \"" KEY_E "\": {\"status\": \"skipped\"}\n"
    "}}}}\n";
  static const char theirs[] =
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\n"
    "  \"" KEY_A "\": {\"status\": \"skipped\", \"changed-at\": \"2026-02-01T10:00:00Z\"},\n"
    "  \"" KEY_B "\": {\"status\": \"in-progress\", \"notes\": \"theirs\"},\n"
    "  \"" KEY_C "\": {\"status\": \"skipped\", \"title\": \"Their title\",\n"
    "    \"changed-at\": \"2026-02-01T10:00:00Z\"},\n"
    "  \"" KEY_D "\": {\"status\": \"done\"},\n"
    "  \"" KEY_E "\": {\"status\": \"done\", \"changed-at\": \"2026-01-01T10:00:00Z\"}\n"
    "}}}}\n";
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs);
  SyllabusMergeSummary summary;

  write_file (path, ours);
  store = load_store (NULL);
  merge_or_fail (store, file, &summary);

  /* A: the same moment, different progress. B: neither knows when, and
   * they differ. C: the same progress, only the title differs. D: only
   * ours says when, so ours is newer. E: only theirs says when. */
  g_assert_cmpuint (summary.conflicts_kept, ==, 2);
  g_assert_cmpuint (summary.unchanged, ==, 1);
  g_assert_cmpuint (summary.kept_newer_here, ==, 1);
  g_assert_cmpuint (summary.taken, ==, 1);
  g_assert_cmpuint (summary.added, ==, 0);

  g_assert_cmpint (syllabus_entry_get_status (lookup (store, "demo", KEY_A)), ==,
                   SYLLABUS_STATUS_DONE);
  g_assert_cmpstr (syllabus_entry_get_notes (lookup (store, "demo", KEY_B)), ==, "ours");
  g_assert_cmpstr (syllabus_entry_get_title (lookup (store, "demo", KEY_C)), ==, "Our title");
  g_assert_cmpint (syllabus_entry_get_status (lookup (store, "demo", KEY_D)), ==,
                   SYLLABUS_STATUS_SKIPPED);
  g_assert_cmpint (syllabus_entry_get_status (lookup (store, "demo", KEY_E)), ==,
                   SYLLABUS_STATUS_DONE);
}

static void
test_refused (void)
{
  static const struct {
    const char *name;
    const char *contents;
    int         code;
  } cases[] = {
    { "garbage.json", "this is not a backup", SYLLABUS_STORE_ERROR_DAMAGED },
    { "empty.json", "", SYLLABUS_STORE_ERROR_DAMAGED },
    { "truncated.json", "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {",
      SYLLABUS_STORE_ERROR_DAMAGED },
    { "no-version.json", "{\"topics\": {}}", SYLLABUS_STORE_ERROR_DAMAGED },
    { "bad-status.json",
      "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"" KEY_C "\": "
      "{\"status\": \"finished\"}}}}}", SYLLABUS_STORE_ERROR_DAMAGED },
    /* One good entry before a bad one: nothing is half merged. */
    { "half-bad.json",
      "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {"
      "\"" KEY_C "\": {\"status\": \"done\", \"changed-at\": \"2026-03-01T10:00:00Z\"}, "
      "\"" KEY_E "\": {\"status\": \"done\", \"done-at\": \"yesterday\"}}}}}",
      SYLLABUS_STORE_ERROR_DAMAGED },
    /* Version 2 is a topic file's: one that names no topic is damaged. */
    { "not-a-topic.json",
      "{\"version\": 2, \"topics\": {}}", SYLLABUS_STORE_ERROR_DAMAGED },
    { "newer.json",
      "{\"version\": 3, \"topics\": {\"demo\": {\"resources\": {\"" KEY_C "\": "
      "{\"status\": \"done\", \"changed-at\": \"2026-03-01T10:00:00Z\"}}}}}",
      SYLLABUS_STORE_ERROR_NEWER_VERSION },
  };
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autofree char *before = read_progress ();
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  SyllabusEntry *b = lookup (store, "demo", KEY_B);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = backup_file (cases[i].name, cases[i].contents);
      g_autoptr(GError) case_error = NULL;

      g_test_message ("Merging %s", cases[i].name);
      g_assert_false (syllabus_store_merge_file (store, file, NULL, &case_error));
      g_assert_error (case_error, SYLLABUS_STORE_ERROR, cases[i].code);
    }

  missing = g_file_new_build_filename (g_get_user_cache_dir (), "no-such-file.json", NULL);
  g_assert_false (syllabus_store_merge_file (store, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  folder = g_file_new_for_path (g_get_user_cache_dir ());
  g_assert_false (syllabus_store_merge_file (store, folder, NULL, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED);

  /* Nothing changed, in memory or on disk. */
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_lookup (store, "demo", KEY_C));
  g_assert_null (syllabus_store_lookup (store, "demo", KEY_E));
  g_assert_cmpint (syllabus_entry_get_status (b), ==, SYLLABUS_STATUS_IN_PROGRESS);
  /* No save is queued either. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  after = read_progress ();
  g_assert_cmpstr (before, ==, after);
}

/* A backup whose notes are longer than a resource keeps (a 5 MB note once
 * locked the window) is refused at import, naming the resource, and
 * nothing of it is merged. */
static void
test_notes_too_long (void)
{
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autofree char *before = read_progress ();
  g_autofree char *after = NULL;
  g_autofree char *notes = g_strnfill (SYLLABUS_ENTRY_NOTES_MAX + 1, 'n');
  g_autofree char *contents =
    g_strdup_printf ("{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {"
                     "\"" KEY_C "\": {\"title\": \"Long Read\", \"status\": \"done\", "
                     "\"changed-at\": \"2026-03-01T10:00:00Z\", \"notes\": \"%s\"}}}}}",
                     notes);
  g_autoptr(GFile) file = backup_file ("long-notes.json", contents);
  g_autoptr(GError) error = NULL;

  g_assert_false (syllabus_store_merge_file (store, file, NULL, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_NOTES_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Long Read"));
  g_assert_null (syllabus_store_lookup (store, "demo", KEY_C));
  g_clear_error (&error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  after = read_progress ();
  g_assert_cmpstr (before, ==, after);

  /* At the limit, the notes come in whole. */
  notes[SYLLABUS_ENTRY_NOTES_MAX] = '\0';
  g_clear_pointer (&contents, g_free);
  contents = g_strdup_printf ("{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {"
                              "\"" KEY_C "\": {\"title\": \"Long Read\", \"status\": \"done\", "
                              "\"changed-at\": \"2026-03-01T10:00:00Z\", \"notes\": \"%s\"}}}}}",
                              notes);
  g_clear_object (&file);
  file = backup_file ("long-notes.json", contents);
  g_assert_true (syllabus_store_merge_file (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (syllabus_entry_get_notes (syllabus_store_lookup (store, "demo", KEY_C))),
                    ==, SYLLABUS_ENTRY_NOTES_MAX);
}

static void
test_not_writable (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *backup_path = g_build_filename (g_get_user_cache_dir (), "out.json", NULL);
  g_autoptr(SyllabusStore) unloaded = syllabus_store_new (NULL);
  g_autoptr(SyllabusStore) newer = NULL;
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autoptr(GFile) out = g_file_new_for_path (backup_path);
  g_autoptr(GError) error = NULL;

  /* Before loading, merging would be overwritten by the load, and a backup
   * would be empty. */
  g_assert_false (syllabus_store_merge_file (unloaded, file, NULL, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (syllabus_store_export_backup (unloaded, out, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  /* Progress of a newer version is shown read-only: a merge could not be
   * saved. A backup of what is shown can still be made. */
  write_file (path, "{\"version\": 7, \"topics\": {}}");
  newer = load_store (NULL);
  g_assert_true (syllabus_store_get_read_only (newer));
  g_assert_false (syllabus_store_merge_file (newer, file, NULL, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (syllabus_store_lookup (newer, "demo", KEY_C));
  g_assert_true (syllabus_store_export_backup (newer, out, &error));
  g_assert_no_error (error);
}

/* Returns (transfer full) the sorted seen list of @topic_id in the
 * progress file, joined by spaces. */
static char *
seen_in_file (const char *topic_id)
{
  g_autofree char *path = progress_path ();
  g_autofree char *contents = read_progress ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *topic;
  JsonArray *seen;

  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  topic = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                         "topics");
  topic = json_object_get_object_member (topic, topic_id);
  seen = json_object_get_array_member (topic, "seen");
  for (guint i = 0; i < json_array_get_length (seen); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, json_array_get_string_element (seen, i));
    }

  return g_strdup (out->str);
}

static void
test_seen_union (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autoptr(GListStore) resources = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  g_autoptr(GHashTable) new_keys = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *gone = NULL;
  const char *keys[] = { KEY_A, KEY_B, KEY_C, KEY_D };

  merge_or_fail (store, file, NULL);
  save_or_fail (store);

  demo = seen_in_file ("demo");
  g_assert_cmpstr (demo, ==, KEY_A " " KEY_B " " KEY_C);
  gone = seen_in_file ("gone");
  g_assert_cmpstr (gone, ==, KEY_X);

  /* Opening the topic now shows as new only what neither computer saw. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(SyllabusResource) resource = syllabus_resource_new (keys[i], keys[i], NULL, 0);

      g_list_store_append (resources, resource);
    }
  new_keys = syllabus_store_mark_seen (store, "demo", G_LIST_MODEL (resources));
  g_assert_cmpuint (g_hash_table_size (new_keys), ==, 1);
  g_assert_true (g_hash_table_contains (new_keys, KEY_D));
}

typedef struct
{
  GPtrArray *notified;
  guint      entry_changed;
  guint      user_changes;
  gboolean   consistent;
} Watch;

static void
notify_cb (SyllabusEntry *entry,
           GParamSpec    *pspec,
           Watch         *watch)
{
  g_ptr_array_add (watch->notified, g_strdup (pspec->name));

  /* By the time anything is notified, the whole new state is in place. */
  if (syllabus_entry_get_status (entry) != SYLLABUS_STATUS_DONE ||
      g_strcmp0 (syllabus_entry_get_notes (entry), "finished") != 0 ||
      syllabus_entry_get_done_at (entry) == NULL)
    watch->consistent = FALSE;
}

static void
entry_changed_cb (SyllabusStore *store,
                  SyllabusEntry *entry,
                  Watch         *watch)
{
  watch->entry_changed++;
}

static void
user_change_cb (SyllabusEntry *entry,
                gboolean       typing,
                Watch         *watch)
{
  watch->user_changes++;
}

static gboolean
was_notified (Watch      *watch,
              const char *name)
{
  guint index;

  return g_ptr_array_find_with_equal_func (watch->notified, name, g_str_equal, &index);
}

static void
test_in_place_notify (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  Watch watch = { notified, 0, 0, TRUE };
  Watch watch_a = { g_ptr_array_new_with_free_func (g_free), 0, 0, TRUE };
  SyllabusEntry *a = lookup (store, "demo", KEY_A);
  SyllabusEntry *b = lookup (store, "demo", KEY_B);

  g_signal_connect (b, "notify", G_CALLBACK (notify_cb), &watch);
  g_signal_connect (b, "changed", G_CALLBACK (user_change_cb), &watch);
  g_signal_connect (a, "notify", G_CALLBACK (notify_cb), &watch_a);
  g_signal_connect (store, "entry-changed", G_CALLBACK (entry_changed_cb), &watch);

  merge_or_fail (store, file, NULL);

  /* What changed is notified once each; what did not, not at all. */
  g_assert_true (watch.consistent);
  g_assert_true (was_notified (&watch, "status"));
  g_assert_true (was_notified (&watch, "done"));
  g_assert_true (was_notified (&watch, "done-at"));
  g_assert_true (was_notified (&watch, "notes"));
  g_assert_true (was_notified (&watch, "title"));
  g_assert_true (was_notified (&watch, "url"));
  g_assert_true (was_notified (&watch, "changed-at"));
  g_assert_false (was_notified (&watch, "started-at"));
  g_assert_cmpuint (notified->len, ==, 7);
  g_assert_cmpuint (watch_a.notified->len, ==, 0);

  /* The store tells views once per changed entry (B, C, E and X); the
   * merge is not a change of the user's. */
  g_assert_cmpuint (watch.entry_changed, ==, 4);
  g_assert_cmpuint (watch.user_changes, ==, 0);

  g_signal_handlers_disconnect_by_data (b, &watch);
  g_signal_handlers_disconnect_by_data (a, &watch_a);
  g_signal_handlers_disconnect_by_data (store, &watch);
  g_ptr_array_unref (watch_a.notified);
}

static void
test_saved (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  SyllabusEntry *entry;

  merge_or_fail (store, file, NULL);

  /* The merge is saved like any change, without being asked. */
  g_assert_true (syllabus_store_get_dirty (store));
  run_until_clean (store);
  g_assert_null (syllabus_store_get_save_error (store));

  again = load_store (NULL);
  entry = lookup (again, "demo", KEY_B);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "finished");
  assert_time (syllabus_entry_get_changed_at (entry), "2026-01-07T10:00:00Z");
  g_assert_cmpint (syllabus_entry_get_status (lookup (again, "demo", KEY_A)), ==,
                   SYLLABUS_STATUS_DONE);
  g_assert_nonnull (lookup (again, "demo", KEY_C));
  g_assert_nonnull (lookup (again, "gone", KEY_X));
}

typedef struct
{
  gboolean             done;
  gboolean             ok;
  SyllabusMergeSummary summary;
  GError              *error;
} AsyncResult;

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = syllabus_store_merge_file_finish (SYLLABUS_STORE (object), result,
                                                &async->summary, &async->error);
  async->done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(GFile) file = backup_file ("theirs.json", theirs_json);
  g_autoptr(GFile) bad = backup_file ("bad.json", "{\"version\": 1, \"topics\": [");
  AsyncResult async = { 0 };

  syllabus_store_merge_file_async (store, bad, NULL, merged_cb, &async);
  run_until_set (&async.done);
  g_assert_false (async.ok);
  g_assert_error (async.error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED);
  g_clear_error (&async.error);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_lookup (store, "demo", KEY_C));

  memset (&async, 0, sizeof async);
  syllabus_store_merge_file_async (store, file, NULL, merged_cb, &async);
  /* Nothing changes until the file is read and the main loop merges it. */
  g_assert_null (syllabus_store_lookup (store, "demo", KEY_C));
  run_until_set (&async.done);
  g_assert_true (async.ok);
  g_assert_no_error (async.error);
  g_assert_cmpuint (async.summary.added, ==, 3);
  g_assert_cmpuint (async.summary.taken, ==, 1);
  g_assert_cmpuint (async.summary.kept_newer_here, ==, 1);
  g_assert_nonnull (syllabus_store_lookup (store, "demo", KEY_C));
  g_assert_true (syllabus_store_get_dirty (store));
  run_until_clean (store);
}

/* A backup is the progress file's format: merged into an empty store and
 * saved, it gives the very same file. */
static void
test_backup_round_trip (void)
{
  g_autofree char *backup_path = g_build_filename (g_get_user_cache_dir (), "backup.json", NULL);
  g_autofree char *other_path = g_build_filename (g_get_user_cache_dir (), "other",
                                                  "progress.json", NULL);
  g_autoptr(SyllabusStore) store = load_ours ();
  g_autoptr(SyllabusStore) other = NULL;
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_text = NULL;
  g_autofree char *other_text = NULL;
  SyllabusMergeSummary summary;
  GStatBuf buf;

  /* Exporting into a folder that does not exist fails. */
  g_assert_false (syllabus_store_export_backup (store, backup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (syllabus_store_export_backup (store, backup, &error));
  g_assert_no_error (error);
  /* Notes are private. */
  g_assert_cmpint (g_stat (backup_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
  backup_text = read_file (backup_path);
  g_assert_true (syllabus_store_parse_data (backup_text, strlen (backup_text), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (backup_text, "\"seen\""));

  other = load_store (other_file);
  merge_or_fail (other, backup, &summary);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (summary.taken + summary.kept_newer_here + summary.conflicts_kept, ==, 0);
  save_or_fail (other);

  /* Saved into the other folder's topic files and read back from them. */
  g_clear_object (&other);
  other = load_store (other_file);
  {
    g_autofree char *again_path = g_build_filename (g_get_user_cache_dir (), "again.json", NULL);
    g_autoptr(GFile) again = g_file_new_for_path (again_path);

    g_assert_true (syllabus_store_export_backup (other, again, &error));
    g_assert_no_error (error);
    other_text = read_file (again_path);
  }
  g_assert_cmpstr (other_text, ==, backup_text);

  /* Exporting again replaces the backup. */
  syllabus_entry_set_notes (lookup (store, "demo", KEY_A), "new notes");
  g_assert_true (syllabus_store_export_backup (store, backup, &error));
  g_assert_no_error (error);
  g_free (backup_text);
  backup_text = read_file (backup_path);
  g_assert_nonnull (strstr (backup_text, "new notes"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/merge/newer-wins", test_newer_wins);
  g_test_add_func ("/merge/newer-wins-other-way", test_newer_wins_other_way);
  g_test_add_func ("/merge/added-and-orphans", test_added_and_orphans);
  g_test_add_func ("/merge/idempotent", test_idempotent);
  g_test_add_func ("/merge/conflict", test_conflict);
  g_test_add_func ("/merge/refused", test_refused);
  g_test_add_func ("/merge/notes-too-long", test_notes_too_long);
  g_test_add_func ("/merge/not-writable", test_not_writable);
  g_test_add_func ("/merge/seen-union", test_seen_union);
  g_test_add_func ("/merge/in-place-notify", test_in_place_notify);
  g_test_add_func ("/merge/saved", test_saved);
  g_test_add_func ("/merge/async", test_async);
  g_test_add_func ("/merge/backup-round-trip", test_backup_round_trip);

  return g_test_run ();
}
