/* test-store-folder.c
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

/* The progress folder: topic files' names and format (version 2), saves
 * that write only the topics that changed, the migration of a version 1
 * progress.json (every state a crash can leave, and a migration killed for
 * real), and topics of a newer version. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "store-test-utils.h"
#include "syllabus-store.h"
#include "syllabus-store-private.h"

/* The migration test's file: as many entries as the store is made for. */
#define N_TOPICS 50
#define N_PER_TOPIC 200
#define N_ENTRIES (N_TOPICS * N_PER_TOPIC)

/* Helpers ---------------------------------------------------------------- */

static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", name, NULL);
}

static SyllabusStore *
load_or_fail (void)
{
  g_autoptr(GError) error = NULL;
  SyllabusStore *store = syllabus_store_new (NULL);

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_store_get_loaded (store));

  return store;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static char *
entry_key (guint topic,
           guint i)
{
  return g_strdup_printf ("https://example.org/t%u/r%u", topic, i);
}

static char *
topic_name (guint topic)
{
  /* Some ids that need escaping, as a library's file names may. */
  return topic % 10 == 3 ? g_strdup_printf ("c++ & %u/ünïcode", topic)
                         : g_strdup_printf ("topic-%u", topic);
}

static SyllabusStatus
entry_status (guint i)
{
  static const SyllabusStatus statuses[] = {
    SYLLABUS_STATUS_DONE, SYLLABUS_STATUS_IN_PROGRESS, SYLLABUS_STATUS_SKIPPED,
  };

  return statuses[i % G_N_ELEMENTS (statuses)];
}

/* A version 1 progress.json of @n_topics topics of @n_per_topic entries
 * each, with seen lists, built with json-glib. */
static char *
make_v1 (guint n_topics,
         guint n_per_topic)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_object (builder);
  for (guint t = 0; t < n_topics; t++)
    {
      g_autofree char *id = topic_name (t);

      json_builder_set_member_name (builder, id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seen");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_per_topic; i++)
        {
          g_autofree char *key = entry_key (t, i);

          json_builder_add_string_value (builder, key);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "resources");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_per_topic; i++)
        {
          g_autofree char *key = entry_key (t, i);
          g_autofree char *title = g_strdup_printf ("Resource %u of “%s”", i, id);
          g_autofree char *notes = g_strdup_printf ("notes %u/%u\nwith a \"quote\"", t, i);

          json_builder_set_member_name (builder, key);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, title);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, key);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, syllabus_status_to_string (entry_status (i)));
          json_builder_set_member_name (builder, "done");
          json_builder_add_boolean_value (builder, entry_status (i) == SYLLABUS_STATUS_DONE);
          json_builder_set_member_name (builder, "notes");
          json_builder_add_string_value (builder, notes);
          json_builder_set_member_name (builder, "changed-at");
          json_builder_add_string_value (builder, "2026-01-02T03:04:05Z");
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* Every entry of make_v1() is in @store, as it was written. */
static void
assert_v1_loaded (SyllabusStore *store,
                  guint          n_topics,
                  guint          n_per_topic)
{
  guint n = 0;

  for (guint t = 0; t < n_topics; t++)
    {
      g_autofree char *id = topic_name (t);
      g_autoptr(GPtrArray) list = syllabus_store_list_entries (store, id);

      g_assert_cmpuint (list->len, ==, n_per_topic);
      for (guint i = 0; i < n_per_topic; i++)
        {
          g_autofree char *key = entry_key (t, i);
          g_autofree char *notes = g_strdup_printf ("notes %u/%u\nwith a \"quote\"", t, i);
          SyllabusEntry *entry = syllabus_store_lookup (store, id, key);

          g_assert_nonnull (entry);
          g_assert_cmpint (syllabus_entry_get_status (entry), ==, entry_status (i));
          g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, notes);
          g_assert_nonnull (syllabus_entry_get_changed_at (entry));
          n++;
        }
    }

  g_assert_cmpuint (n, ==, n_topics * n_per_topic);
}

static guint
count_folder (void)
{
  g_autofree char *folder = folder_path ();
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

/* File names ------------------------------------------------------------- */

static void
test_file_names (void)
{
  g_autofree char *long_id = g_strnfill (300, 'x');
  g_autofree char *long_odd = NULL;
  const char *ids[] = { "rust", "c++", "a b/c", ".", "..", ".hidden", "", "日本語",
                        "100%", "a-b", "a%2Db", "with\nnewline", "~tilde", NULL, NULL };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  long_odd = g_strconcat (long_id, "/é", NULL);
  ids[G_N_ELEMENTS (ids) - 2] = long_id;
  ids[G_N_ELEMENTS (ids) - 1] = long_odd;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = _syllabus_store_topic_file_name (ids[i]);
      g_autofree char *back = _syllabus_store_topic_id_from_file_name (name);

      g_test_message ("%s → %s", ids[i], name);
      /* A safe name: one component, not hidden, nor "." or "..". */
      g_assert_true (g_str_has_suffix (name, ".json"));
      g_assert_cmpuint (strlen (name), >, strlen (".json"));
      g_assert_cmpuint (strlen (name), <=, 255);
      g_assert_null (strchr (name, '/'));
      g_assert_cmpint (name[0], !=, '.');
      for (const char *p = name; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || strchr ("._-%~", *p) != NULL);

      /* Reversible, but for an id so long it was cut. */
      if (strlen (ids[i]) < 150)
        g_assert_cmpstr (back, ==, ids[i]);
      else
        g_assert_null (back);

      /* Distinct ids get distinct names. */
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, g_steal_pointer (&name));
    }

  {
    g_autofree char *name = _syllabus_store_topic_file_name ("c++ x");

    g_assert_cmpstr (name, ==, "c%2B%2B%20x.json");
  }

  /* Only the name an id gets is taken for it. */
  {
    const char *foreign[] = { "a%2db.json", "a%2Db.json", "a b.json", "%zz.json", "%0.json",
                              "x.txt", "%00.json" };

    for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
      {
        g_autofree char *id = _syllabus_store_topic_id_from_file_name (foreign[i]);

        g_assert_null (id);
      }
  }
}

/* Format and round trip --------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autoptr(SyllabusStore) store = load_or_fail ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = syllabus_resource_new ("One “1”", "https://example.org/one", NULL, 0);
  g_autoptr(SyllabusResource) two = syllabus_resource_new ("Two", "https://example.org/two", NULL, 0);
  g_autoptr(GListStore) seen = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  g_autofree char *first_backup = g_build_filename (g_get_user_data_dir (), "first.json", NULL);
  g_autofree char *second_backup = g_build_filename (g_get_user_data_dir (), "second.json", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_backup);
  g_autoptr(GFile) second = g_file_new_for_path (second_backup);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *odd_path = topic_path ("c++/odd ..");
  const char *odd = "c++/odd ..";
  SyllabusEntry *entry;

  entry = syllabus_store_get_entry (store, "rust", one);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_notes (entry, "line one\nline \"two\"");
  syllabus_entry_set_status (syllabus_store_get_entry (store, "rust", two), SYLLABUS_STATUS_DONE);
  syllabus_entry_set_status (syllabus_store_get_entry (store, odd, two), SYLLABUS_STATUS_SKIPPED);
  g_list_store_append (seen, one);
  g_list_store_append (seen, two);
  g_hash_table_unref (syllabus_store_mark_seen (store, "rust", G_LIST_MODEL (seen)));
  /* A topic with only a seen list has a file too. */
  g_hash_table_unref (syllabus_store_mark_seen (store, "seen-only", G_LIST_MODEL (seen)));
  save_or_fail (store);
  g_assert_true (syllabus_store_export_backup (store, first, &error));
  g_assert_no_error (error);

  /* One version 2 file per topic, pretty-printed, named for its topic. */
  g_assert_cmpuint (count_folder (), ==, 3);
  g_assert_true (g_file_test (odd_path, G_FILE_TEST_IS_REGULAR));
  file_bytes = read_bytes (odd_path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (file_bytes, NULL), g_bytes_get_size (file_bytes),
                                  "{\n  \"version\" : 2,\n  \"topic\" : \"c++/odd ..\",\n"));
  {
    g_autofree char *text = read_folder_as_v1 ();

    g_assert_nonnull (strstr (text, "line one\\nline \\\"two\\\""));
  }

  /* Read back, everything is the same: the backups are byte for byte. */
  g_clear_object (&store);
  again = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (again));
  entry = syllabus_store_lookup (again, "rust", "https://example.org/one");
  g_assert_nonnull (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "line one\nline \"two\"");
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "One “1”");
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, odd, "https://example.org/two")),
                   ==, SYLLABUS_STATUS_SKIPPED);
  g_assert_true (syllabus_store_export_backup (again, second, &error));
  g_assert_no_error (error);
  first_bytes = read_bytes (first_backup);
  second_bytes = read_bytes (second_backup);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
  /* A backup stays one file of version 1, which every Syllabus imports. */
  g_assert_true (g_str_has_prefix (g_bytes_get_data (first_bytes, NULL), "{\n  \"version\" : 1,"));
}

/* Only what changed is written -------------------------------------------- */

typedef struct
{
  ino_t  ino;
  gint64 mtime_ns;
} Stamp;

static Stamp
stamp_of (const char *topic_id)
{
  g_autofree char *path = topic_path (topic_id);
  GStatBuf buf;
  Stamp stamp;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  stamp.ino = buf.st_ino;
  stamp.mtime_ns = (gint64)buf.st_mtim.tv_sec * 1000000000 + buf.st_mtim.tv_nsec;

  return stamp;
}

static void
assert_stamp (const char *topic_id,
              Stamp       before,
              gboolean    same)
{
  Stamp now = stamp_of (topic_id);

  /* Every write renames a new file into place: a new inode. */
  if (same)
    {
      g_assert_cmpuint (now.ino, ==, before.ino);
      g_assert_cmpint (now.mtime_ns, ==, before.mtime_ns);
    }
  else
    g_assert_cmpuint (now.ino, !=, before.ino);
}

static void
test_only_changed (void)
{
  g_autoptr(SyllabusStore) store = load_or_fail ();
  g_autoptr(SyllabusResource) one = syllabus_resource_new ("One", "https://example.org/one", NULL, 0);
  g_autoptr(SyllabusResource) two = syllabus_resource_new ("Two", "https://example.org/two", NULL, 0);
  g_autoptr(GListStore) seen = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  Stamp a, b, c;
  guint writes;

  syllabus_entry_set_done (syllabus_store_get_entry (store, "a", one), TRUE);
  syllabus_entry_set_done (syllabus_store_get_entry (store, "b", one), TRUE);
  syllabus_entry_set_done (syllabus_store_get_entry (store, "c", one), TRUE);
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 3);
  a = stamp_of ("a");
  b = stamp_of ("b");
  c = stamp_of ("c");

  /* A tick in "b", saved as the window saves: in a thread. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, "b", two), TRUE);
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 4);
  assert_stamp ("a", a, TRUE);
  assert_stamp ("b", b, FALSE);
  assert_stamp ("c", c, TRUE);
  b = stamp_of ("b");

  /* Progress undone is a change of that topic's file only. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, "c", one), FALSE);
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 5);
  assert_stamp ("a", a, TRUE);
  assert_stamp ("b", b, TRUE);
  assert_stamp ("c", c, FALSE);
  c = stamp_of ("c");

  /* A seen list is its topic's too. */
  g_list_store_append (seen, one);
  g_hash_table_unref (syllabus_store_mark_seen (store, "a", G_LIST_MODEL (seen)));
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 6);
  assert_stamp ("a", a, FALSE);
  assert_stamp ("b", b, TRUE);
  assert_stamp ("c", c, TRUE);
  a = stamp_of ("a");

  /* After loading, the first save writes only what changed since. */
  g_clear_object (&store);
  store = load_or_fail ();
  syllabus_entry_set_notes (syllabus_store_get_entry (store, "c", two), "new");
  writes = _syllabus_store_get_n_writes_for_test (store);
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, writes + 1);
  assert_stamp ("a", a, TRUE);
  assert_stamp ("b", b, TRUE);
  assert_stamp ("c", c, FALSE);
}

/* Saves of several topics in threads, one over the other, still leave
 * every change on disk. */
static void
test_parallel_saves (void)
{
  g_autoptr(SyllabusStore) store = load_or_fail ();
  g_autoptr(SyllabusStore) again = NULL;

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", round % 4);
      g_autofree char *url = g_strdup_printf ("https://example.org/%u", round);
      g_autoptr(SyllabusResource) resource = syllabus_resource_new ("R", url, NULL, 0);

      syllabus_entry_set_done (syllabus_store_get_entry (store, id, resource), TRUE);
      syllabus_store_save_async (store, NULL, NULL, NULL);
    }
  g_assert_true (run_until (store_is_clean, store, 10000));
  g_clear_object (&store);

  again = load_or_fail ();
  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", round % 4);
      g_autofree char *url = g_strdup_printf ("https://example.org/%u", round);
      SyllabusEntry *entry = syllabus_store_lookup (again, id, url);

      g_assert_nonnull (entry);
      g_assert_true (syllabus_entry_get_done (entry));
    }
}

/* Migration --------------------------------------------------------------- */

static void
write_v1 (const char *text)
{
  g_autofree char *legacy = progress_path ();

  remove_folder ();
  write_text (legacy, text);
}

static void
assert_migrated (GBytes *original)
{
  g_autofree char *legacy = progress_path ();
  g_autofree char *migrated = data_path ("progress.json.v1-migrated");
  g_autofree char *partial = data_path ("progress.partial");
  g_autoptr(GBytes) kept = NULL;

  /* progress.json is kept, renamed, as it was. */
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  kept = read_bytes (migrated);
  g_assert_true (g_bytes_equal (kept, original));
}

static void
test_migrate_large (void)
{
  g_autofree char *text = make_v1 (N_TOPICS, N_PER_TOPIC);
  g_autoptr(GBytes) original = g_bytes_new (text, strlen (text));
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) resource = NULL;
  g_autofree char *key = entry_key (7, 7);
  gint64 start;
  gint64 migrated_us;
  gint64 tick_us;

  write_v1 (text);
  start = g_get_monotonic_time ();
  store = load_or_fail ();
  migrated_us = g_get_monotonic_time () - start;
  g_test_message ("Migrated %u entries in %u topics in %.1f ms", N_ENTRIES, N_TOPICS,
                  migrated_us / 1000.0);
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_false (syllabus_store_get_read_only (store));
  g_assert_false (syllabus_store_get_dirty (store));
  assert_v1_loaded (store, N_TOPICS, N_PER_TOPIC);
  assert_migrated (original);
  g_assert_cmpuint (count_folder (), ==, N_TOPICS);

  /* One tick among ten thousand entries writes one topic. */
  resource = syllabus_resource_new ("Resource 7", key, NULL, 0);
  syllabus_entry_set_status (syllabus_store_get_entry (store, "topic-7", resource),
                             SYLLABUS_STATUS_NOT_STARTED);
  start = g_get_monotonic_time ();
  save_or_fail (store);
  tick_us = g_get_monotonic_time () - start;
  g_test_message ("One tick saved in %.1f ms", tick_us / 1000.0);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 1);
  g_clear_object (&store);

  /* The folder holds everything; progress.json.v1-migrated is not read
   * again, nor changed. */
  again = load_or_fail ();
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, "topic-7", key)), ==,
                   SYLLABUS_STATUS_NOT_STARTED);
  {
    g_autofree char *other_key = entry_key (8, 7);

    g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, "topic-8", other_key)),
                     ==, entry_status (7));
  }
  assert_migrated (original);
}

/* A crash before the folder's rename leaves progress.partial/ beside the
 * untouched progress.json: the next start migrates again. */
static void
test_crash_before_rename (void)
{
  g_autofree char *text = make_v1 (4, 5);
  g_autoptr(GBytes) original = g_bytes_new (text, strlen (text));
  g_autofree char *partial = data_path ("progress.partial");
  g_autofree char *half = g_build_filename (partial, "topic-0.json", NULL);
  g_autofree char *tmp = g_build_filename (partial, ".topic-1.json.syllabus-tmp-Ab12Cd", NULL);
  g_autoptr(SyllabusStore) store = NULL;

  write_v1 (text);
  /* A topic file written, and one being written, with other progress. */
  write_text (half, "{\"version\": 2, \"topic\": \"topic-0\", \"resources\": {}}");
  write_text (tmp, "{\"version\": 2, \"top");

  store = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (store));
  assert_v1_loaded (store, 4, 5);
  assert_migrated (original);
  g_assert_cmpuint (count_folder (), ==, 4);
}

/* A crash after the folder's rename, before progress.json's: the folder
 * is in charge, and progress.json is renamed aside, never read. */
static void
test_crash_after_rename (void)
{
  g_autofree char *text = make_v1 (2, 3);
  g_autofree char *other = make_v1 (1, 1);
  g_autoptr(GBytes) original = g_bytes_new (text, strlen (text));
  g_autofree char *legacy = progress_path ();
  g_autofree char *migrated = data_path ("progress.json.v1-migrated");
  g_autofree char *second = data_path ("progress.json.v1-migrated-2");
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GBytes) kept = NULL;

  write_v1 (text);
  store = load_or_fail ();
  assert_migrated (original);
  g_clear_object (&store);

  /* progress.json back beside the folder, holding something else, and
   * an earlier migration's file in the way of its new name. */
  write_text (legacy, other);
  store = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (store));
  assert_v1_loaded (store, 2, 3);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  kept = read_bytes (migrated);
  g_assert_true (g_bytes_equal (kept, original));
  g_clear_pointer (&kept, g_bytes_unref);
  kept = read_bytes (second);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), other, strlen (other));
}

/* An older Syllabus, which knows no folder, saved progress.json after the
 * migration: what it holds is merged, said, and saved; the file is
 * renamed aside only once that is saved. */
static void
test_older_version_after (void)
{
  g_autofree char *text = make_v1 (2, 3);
  g_autofree char *legacy = progress_path ();
  g_autofree char *second = data_path ("progress.json.v1-migrated-2");
  g_autofree char *elsewhere = g_build_filename (g_get_user_data_dir (), "older", NULL);
  g_autofree char *changed_key = entry_key (0, 1);
  g_autoptr(GFile) elsewhere_folder = g_file_new_for_path (elsewhere);
  g_autoptr(GFile) legacy_file = g_file_new_for_path (legacy);
  g_autoptr(SyllabusResource) added = syllabus_resource_new ("Added", "https://example.org/added", NULL, 0);
  g_autoptr(SyllabusResource) changed = syllabus_resource_new ("Changed", changed_key, NULL, 0);
  g_autoptr(SyllabusStore) older = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  write_v1 (text);
  store = load_or_fail ();
  g_clear_object (&store);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));

  /* What the older version wrote: a version 1 file (as a backup is), one
   * resource more, another's notes changed now, after the migration's. */
  older = syllabus_store_new_full (elsewhere_folder, SYLLABUS_STORE_FLAGS_NONE);
  g_assert_true (syllabus_store_load (older, &error));
  g_assert_no_error (error);
  syllabus_entry_set_done (syllabus_store_get_entry (older, "topic-0", added), TRUE);
  syllabus_entry_set_notes (syllabus_store_get_entry (older, "topic-0", changed), "from the older one");
  g_assert_true (syllabus_store_export_backup (older, legacy_file, &error));
  g_assert_no_error (error);
  g_clear_object (&older);

  store = load_or_fail ();
  problem = syllabus_store_get_problem (store);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "An older version of Syllabus"));
  g_assert_nonnull (strstr (problem, "2 changes"));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, "topic-0", "https://example.org/added")));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, "topic-0", changed_key)), ==,
                   "from the older one");
  /* Not yet saved: still in charge of what it added. */
  g_assert_true (g_file_test (legacy, G_FILE_TEST_EXISTS));
  save_or_fail (store);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  /* Saved in the folder, and said once. */
  store = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, "topic-0", "https://example.org/added")));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, "topic-0", changed_key)), ==,
                   "from the older one");
  {
    g_autoptr(GPtrArray) list = syllabus_store_list_entries (store, "topic-0");
    g_autoptr(GPtrArray) other = syllabus_store_list_entries (store, "topic-1");

    g_assert_cmpuint (list->len, ==, 4);
    g_assert_cmpuint (other->len, ==, 3);
  }
}

/* --status and --export change nothing: no migration, progress.json read
 * as it is. */
static void
test_reader_does_not_migrate (void)
{
  g_autofree char *text = make_v1 (2, 2);
  g_autofree char *legacy = progress_path ();
  g_autofree char *folder = folder_path ();
  g_autoptr(SyllabusStore) store = syllabus_store_new_for_reading (NULL);
  g_autoptr(GError) error = NULL;

  write_v1 (text);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  assert_v1_loaded (store, 2, 2);
  g_assert_true (g_file_test (legacy, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* A migration killed at any moment: every state it leaves loads with
 * nothing lost. */
static void
check_state_after_kill (GBytes *original)
{
  g_autofree char *legacy = progress_path ();
  g_autofree char *folder = folder_path ();

  /* Either progress.json is in charge, as it was, or the whole folder
   * is: there is no third state. */
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GBytes) now = read_bytes (legacy);

      g_assert_true (g_bytes_equal (now, original));
    }
  else
    {
      g_assert_cmpuint (count_folder (), ==, N_TOPICS);
    }
}

static void
reset_migration (const char *text)
{
  g_autofree char *migrated = data_path ("progress.json.v1-migrated");

  g_unlink (migrated);
  write_v1 (text);
}

static gint64
run_child (const char *program,
           gint64      kill_after_us)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, program, "--migrate-child",
                            g_get_user_data_dir (), NULL);
  g_assert_no_error (error);
  if (kill_after_us >= 0)
    {
      g_usleep (kill_after_us);
      g_subprocess_send_signal (child, SIGKILL);
    }
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  if (kill_after_us < 0)
    g_assert_true (g_subprocess_get_successful (child));

  return g_get_monotonic_time () - start;
}

static const char *program_path;

static void
test_migration_killed (void)
{
  g_autofree char *text = make_v1 (N_TOPICS, N_PER_TOPIC);
  g_autoptr(GBytes) original = g_bytes_new (text, strlen (text));
  guint n_folder = 0;
  guint n_legacy = 0;
  gint64 whole;
#if defined(__SANITIZE_ADDRESS__)
  /* Under the sanitizer one migration takes about 30 s: the first moment,
   * the middle and after the end. */
  static const guint rounds[] = { 0, 5, 11 };
#else
  static const guint rounds[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
#endif

  /* How long a migration takes here, unkilled. */
  reset_migration (text);
  whole = run_child (program_path, -1);
  g_test_message ("A migration in a child takes %.1f ms", whole / 1000.0);
  check_state_after_kill (original);

  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      g_autoptr(SyllabusStore) store = NULL;
      g_autofree char *folder = folder_path ();

      reset_migration (text);
      run_child (program_path, whole * rounds[r] / 10);
      check_state_after_kill (original);
      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        n_folder++;
      else
        n_legacy++;

      store = load_or_fail ();
      g_assert_null (syllabus_store_get_problem (store));
      assert_v1_loaded (store, N_TOPICS, N_PER_TOPIC);
      assert_migrated (original);
    }

  /* Both sides of the rename were seen. */
  g_test_message ("Killed before the rename %u times, after it %u times", n_legacy, n_folder);
  g_assert_cmpuint (n_legacy, >, 0);
  g_assert_cmpuint (n_folder, >, 0);
}

/* Topics of a newer version ----------------------------------------------- */

static void
test_newer_topic (void)
{
  g_autofree char *demo = topic_path ("demo");
  g_autofree char *other = topic_path ("other");
  const char *newer =
    "{\"version\": 3, \"topic\": \"demo\", \"colour\": \"red\", \"resources\": {"
    "\"https://example.org/one\": {\"status\": \"done\", \"rating\": 5}}}\n";
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) two = syllabus_resource_new ("Two", "https://example.org/two", NULL, 0);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GListStore) resources = NULL;
  g_autofree char *backup = g_build_filename (g_get_user_data_dir (), "backup.json", NULL);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup);
  g_autoptr(GError) error = NULL;
  SyllabusMergeSummary summary;
  const char *problem;

  write_text (demo, newer);
  write_text (other, "{\"version\": 2, \"topic\": \"other\", \"resources\": {}}");
  before = read_bytes (demo);

  store = load_or_fail ();
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "newer version"));
  g_assert_nonnull (strstr (problem, "“demo”"));
  g_assert_null (syllabus_store_get_kept_file (store));
  /* Only that topic is frozen: shown, and never written. */
  g_assert_false (syllabus_store_get_read_only (store));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, "demo", "https://example.org/one")));
  g_assert_true (syllabus_store_get_topic_read_only (store, "demo"));
  g_assert_false (syllabus_store_get_topic_read_only (store, "other"));

  /* Opening it changes nothing to save: what its file says was seen
   * stays so. */
  resources = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  g_list_store_append (resources, two);
  g_hash_table_unref (syllabus_store_mark_seen (store, "demo", G_LIST_MODEL (resources)));
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 0);

  /* A backup's progress for it is not taken, and the summary says so. */
  write_text (backup, "{\"version\": 1, \"topics\": {"
                      "\"demo\": {\"resources\": {\"https://example.org/three\": {\"status\": \"done\"}}},"
                      "\"other\": {\"resources\": {\"https://example.org/three\": {\"status\": \"done\"}}}}}");
  g_assert_true (syllabus_store_merge_file (store, backup_file, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.not_merged, ==, 1);
  g_assert_null (syllabus_store_lookup (store, "demo", "https://example.org/three"));
  save_or_fail (store);
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 1);

  /* A change made to it all the same is not dropped in silence: the
   * other topic is written, and the save fails, naming the topic. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, "demo", two), TRUE);
  syllabus_entry_set_done (syllabus_store_get_entry (store, "other", two), TRUE);
  g_assert_false (syllabus_store_save (store, &error));
  g_test_message ("save error: %s", error->message);
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "“demo”"));
  g_clear_error (&error);
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_nonnull (syllabus_store_get_save_error (store));
  g_assert_cmpuint (_syllabus_store_get_n_writes_for_test (store), ==, 2);
  after = read_bytes (demo);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_object (&store);

  store = load_or_fail ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, "other", "https://example.org/two")));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, "other", "https://example.org/three")));
  g_assert_null (syllabus_store_lookup (store, "demo", "https://example.org/two"));
}

/* A long id's file, whose cut name does not tell the id, damaged: its
 * backup tells it and restores it, as for any other topic. */
static void
test_cut_name_restored (void)
{
  g_autofree char *long_id = g_strnfill (300, 'x');
  g_autofree char *path = topic_path (long_id);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *backup_text = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) two = syllabus_resource_new ("Two", "https://example.org/two", NULL, 0);
  g_autofree char *name = g_path_get_basename (path);
  const char *problem;

  g_assert_nonnull (strchr (name, '~'));
  backup_text = g_strdup_printf ("{\"version\": 2, \"topic\": \"%s\", \"resources\": {"
                                 "\"https://example.org/one\": {\"status\": \"done\", "
                                 "\"notes\": \"from backup\"}}}", long_id);
  write_text (path, "{\"version\": 2, \"topic\": ");
  write_text (bak, backup_text);

  store = load_or_fail ();
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "backup"));
  g_assert_nonnull (strstr (problem, long_id));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, long_id, "https://example.org/one")),
                   ==, "from backup");
  g_assert_false (syllabus_store_get_topic_read_only (store, long_id));

  /* Written back at once, and saved with the next change. */
  g_assert_true (run_until (store_is_clean, store, 5000));
  syllabus_entry_set_done (syllabus_store_get_entry (store, long_id, two), TRUE);
  save_or_fail (store);
  g_clear_object (&store);

  store = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, long_id, "https://example.org/one")),
                   ==, "from backup");
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, long_id, "https://example.org/two")));
}

/* The shown topic first ----------------------------------------------------- */

typedef struct
{
  guint          n_signals;
  gboolean       loaded_then;
  gboolean       first_then;
  gboolean       other_then;
  SyllabusEntry *entry_then;
  GMainLoop     *loop;
  /* Whether topic-8's file is changed while the main loop is busy */
  gboolean       change_other;
} FirstLoad;

/* The main loop is busy a while after the first topic came (as it is,
 * laying out and drawing its checklist); meanwhile, topic-8's file
 * changes. The rest, read once the loop is idle, has the change. */
static gboolean
busy_cb (gpointer data)
{
  g_autofree char *path = topic_path ("topic-8");
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  changed = g_string_new (text);
  /* In its seen list, as its key */
  g_assert_cmpuint (g_string_replace (changed, "https://example.org/t8/r0\"",
                                      "https://example.org/t8/late\"", 0), >=, 2);
  g_assert_true (g_file_set_contents (path, changed->str, changed->len, &error));
  g_assert_no_error (error);

  return G_SOURCE_REMOVE;
}

static void
topic_loaded_cb (SyllabusStore *store,
                 const char    *topic_id,
                 FirstLoad     *first)
{
  g_autoptr(SyllabusResource) two = syllabus_resource_new ("Two", "https://example.org/two", NULL, 0);

  first->n_signals++;
  g_assert_cmpstr (topic_id, ==, "topic-7");
  first->loaded_then = syllabus_store_get_loaded (store);
  first->first_then = syllabus_store_get_topic_loaded (store, "topic-7");
  first->other_then = syllabus_store_get_topic_loaded (store, "topic-8");
  first->entry_then = syllabus_store_lookup (store, "topic-7", "https://example.org/t7/r0");
  /* A tick in the first moments, before the rest is in. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, "topic-7", two), TRUE);
  if (first->change_other)
    g_idle_add (busy_cb, NULL);
}

static void
first_load_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FirstLoad *first = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (first->loop);
}

/* Every topic of make_v1 (20, 20) is in, topic-7 with one tick more. */
static void
assert_counts (SyllabusStore *store)
{
  for (guint t = 0; t < 20; t++)
    {
      g_autofree char *id = topic_name (t);
      g_autoptr(GPtrArray) list = syllabus_store_list_entries (store, id);

      g_assert_cmpuint (list->len, ==, t == 7 ? 21 : 20);
    }
}

/* syllabus_store_set_first_topic(): that topic's progress is in, and
 * says so, before the rest; the rest is read only once the main loop is
 * done with it; its entries stay the same objects when the rest comes; a
 * change made meanwhile is saved; a damaged first file is left to the
 * whole load, which moves it aside as usual. */
static void
test_first_topic (void)
{
  g_autofree char *text = make_v1 (20, 20);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  FirstLoad first = { 0 };

  /* A folder of twenty topics, migrated by a store of its own. */
  write_v1 (text);
  g_clear_object (&store);
  store = load_or_fail ();
  g_clear_object (&store);

  store = syllabus_store_new (NULL);
  syllabus_store_set_first_topic (store, "topic-7");
  g_signal_connect (store, "topic-loaded", G_CALLBACK (topic_loaded_cb), &first);
  first.loop = g_main_loop_new (NULL, FALSE);
  first.change_other = TRUE;
  syllabus_store_load_async (store, NULL, first_load_done_cb, &first);
  g_main_loop_run (first.loop);
  first.change_other = FALSE;

  g_assert_cmpuint (first.n_signals, ==, 1);
  g_assert_nonnull (syllabus_store_lookup (store, "topic-8", "https://example.org/t8/late"));
  g_assert_null (syllabus_store_lookup (store, "topic-8", "https://example.org/t8/r0"));
  g_assert_false (first.loaded_then);
  g_assert_true (first.first_then);
  g_assert_false (first.other_then);
  g_assert_nonnull (first.entry_then);
  g_assert_true (syllabus_store_lookup (store, "topic-7", "https://example.org/t7/r0") == first.entry_then);
  assert_counts (store);
  g_assert_true (syllabus_store_get_topic_loaded (store, "topic-8"));
  g_assert_null (syllabus_store_get_problem (store));

  g_assert_true (run_until (store_is_clean, store, 5000));
  g_clear_object (&store);
  again = load_or_fail ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, "topic-7", "https://example.org/two")));
  assert_counts (again);
  g_clear_object (&again);

  /* A damaged first file: no early signal, moved aside as ever. */
  {
    g_autofree char *path = topic_path ("topic-7");

    write_text (path, "{ not progress");
    first.n_signals = 0;
    store = syllabus_store_new (NULL);
    syllabus_store_set_first_topic (store, "topic-7");
    g_signal_connect (store, "topic-loaded", G_CALLBACK (topic_loaded_cb), &first);
    syllabus_store_load_async (store, NULL, first_load_done_cb, &first);
    g_main_loop_run (first.loop);
    g_assert_cmpuint (first.n_signals, ==, 0);
    g_assert_nonnull (syllabus_store_get_kept_file (store));
    g_assert_nonnull (strstr (syllabus_store_get_problem (store), "topic-7"));
  }

  g_main_loop_unref (first.loop);
}

/* Files in the folder that are not ours are left alone, and not read. */
static void
test_foreign_files (void)
{
  const char *names[] = { "rust (copy).json", "notes.txt", "a%2db.json", "renamed.json" };
  g_autofree char *folder = folder_path ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) one = syllabus_resource_new ("One", "https://example.org/one", NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      /* "renamed.json" holds another topic's progress. */
      write_text (path, "{\"version\": 2, \"topic\": \"rust\", \"resources\": {"
                        "\"https://example.org/one\": {\"status\": \"done\"}}}");
    }

  store = load_or_fail ();
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_null (syllabus_store_lookup (store, "rust", "https://example.org/one"));
  syllabus_entry_set_done (syllabus_store_get_entry (store, "rust", one), TRUE);
  save_or_fail (store);
  g_assert_cmpuint (count_folder (), ==, G_N_ELEMENTS (names) + 1);
}

/* The child of test_migration_killed(): migrates and exits. */
static int
migrate_child (const char *data_dir)
{
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  store = syllabus_store_new (NULL);
  if (!syllabus_store_load (store, &error))
    return 1;

  return syllabus_store_get_problem (store) == NULL ? 0 : 2;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--migrate-child") == 0)
    return migrate_child (argv[2]);

  program_path = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-folder/file-names", test_file_names);
  g_test_add_func ("/store-folder/round-trip", test_round_trip);
  g_test_add_func ("/store-folder/only-changed", test_only_changed);
  g_test_add_func ("/store-folder/parallel-saves", test_parallel_saves);
  g_test_add_func ("/store-folder/migrate/large", test_migrate_large);
  g_test_add_func ("/store-folder/migrate/crash-before-rename", test_crash_before_rename);
  g_test_add_func ("/store-folder/migrate/crash-after-rename", test_crash_after_rename);
  g_test_add_func ("/store-folder/migrate/older-version-after", test_older_version_after);
  g_test_add_func ("/store-folder/migrate/reader-does-not-migrate", test_reader_does_not_migrate);
  g_test_add_func ("/store-folder/migrate/killed", test_migration_killed);
  g_test_add_func ("/store-folder/newer-topic", test_newer_topic);
  g_test_add_func ("/store-folder/cut-name-restored", test_cut_name_restored);
  g_test_add_func ("/store-folder/first-topic", test_first_topic);
  g_test_add_func ("/store-folder/foreign-files", test_foreign_files);

  return g_test_run ();
}
