/* test-store-damage.c
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

/* The progress store facing damaged files and failing saves. Whatever is
 * found where the progress file should be, the program must not crash,
 * must not overwrite it, must keep it under a name the user is told, and
 * must carry on from the last good backup or from nothing. A save that
 * fails must say so, keep the progress in memory and succeed later. */

/* For unshare() and CLONE_NEWNS; must come before any system header. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "syllabus-store.h"
#include "store-test-utils.h"

#define TOPIC_ID "demo"
#define KEY_ONE "https://example.org/one"
#define KEY_TWO "https://example.org/two"

#define KEPT_PATTERN "^progress\\.json\\.damaged-[0-9]{8}-[0-9]{6}(-[0-9]+)?$"
#define KEPT_TOPIC_PATTERN "^demo\\.json\\.damaged-[0-9]{8}-[0-9]{6}(-[0-9]+)?$"

static const char good_json[] =
  "{\n"
  "  \"version\": 1,\n"
  "  \"topics\": {\n"
  "    \"demo\": {\n"
  "      \"resources\": {\n"
  "        \"https://example.org/one\": {\n"
  "          \"title\": \"Book One\",\n"
  "          \"url\": \"https://example.org/one\",\n"
  "          \"done\": true,\n"
  "          \"done-at\": \"2026-01-02T03:04:05Z\",\n"
  "          \"notes\": \"from backup\",\n"
  "          \"changed-at\": \"2026-01-02T03:04:05Z\"\n"
  "        }\n"
  "      }\n"
  "    }\n"
  "  }\n"
  "}\n";

/* The same progress as good_json, as the topic's file in the folder. */
static const char good_topic_json[] =
  "{\n"
  "  \"version\": 2,\n"
  "  \"topic\": \"demo\",\n"
  "  \"resources\": {\n"
  "    \"https://example.org/one\": {\n"
  "      \"title\": \"Book One\",\n"
  "      \"url\": \"https://example.org/one\",\n"
  "      \"done\": true,\n"
  "      \"done-at\": \"2026-01-02T03:04:05Z\",\n"
  "      \"notes\": \"from backup\",\n"
  "      \"changed-at\": \"2026-01-02T03:04:05Z\"\n"
  "    }\n"
  "  }\n"
  "}\n";

/* Another topic's good file, which damage to "demo" must leave alone. */
static const char other_topic_json[] =
  "{\"version\": 2, \"topic\": \"other\", \"resources\": {\"https://example.org/one\":"
  " {\"status\": \"skipped\", \"notes\": \"still here\"}}}\n";

/* Whether the damage cases are made in the topic's file of the folder
 * rather than in the progress.json of version 1 that is migrated. */
static gboolean topic_mode;

/* The prefix of a version 1 file that damages only the topic "demo". */
#define V1_DEMO_PREFIX "{\"version\": 1, \"topics\": {\"demo\": {"

/* The damaged text @text of version 1 as a topic file, or NULL if the
 * damage does not carry over (it is in the version 1 shape itself). */
static char *
topic_text (const char *text)
{
  g_autofree char *stripped = NULL;
  gsize length;

  if (!g_str_has_prefix (text, V1_DEMO_PREFIX))
    return NULL;

  stripped = g_strchomp (g_strdup (text + strlen (V1_DEMO_PREFIX)));
  length = strlen (stripped);
  if (length < 3 || strcmp (stripped + length - 3, "}}}") != 0)
    return NULL;
  stripped[length - 2] = '\0';

  return g_strconcat ("{\"version\": 2, \"topic\": \"demo\", ", stripped, NULL);
}

/* Helpers ---------------------------------------------------------------- */

static char *
backup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.json.bak", NULL);
}

static void
ensure_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  ensure_parent (path);
  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
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

static SyllabusResource *
resource_one (void)
{
  return syllabus_resource_new ("Book One", "https://example.org/one", NULL, 0);
}

static SyllabusResource *
resource_two (void)
{
  return syllabus_resource_new ("Book Two", "https://example.org/two", NULL, 0);
}

static gboolean
store_has_save_error (SyllabusStore *store)
{
  return syllabus_store_get_save_error (store) != NULL;
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  /* Loading only fails when cancelled: problems go to "problem". */
  g_assert_true (syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static SyllabusStore *
load_store (GFile    *file,
            gboolean  async)
{
  SyllabusStore *store = syllabus_store_new (file);

  if (async)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      syllabus_store_load_async (store, NULL, load_ready_cb, loop);
      g_main_loop_run (loop);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (syllabus_store_load (store, &error));
      g_assert_no_error (error);
    }

  g_assert_true (syllabus_store_get_loaded (store));

  return store;
}

/* A store that must find a good file, or none. */
static SyllabusStore *
load_good_store (void)
{
  SyllabusStore *store = load_store (NULL, FALSE);

  g_assert_null (syllabus_store_get_problem (store));
  g_assert_null (syllabus_store_get_kept_file (store));
  g_assert_false (syllabus_store_get_read_only (store));

  return store;
}

static void
tick (SyllabusStore    *store,
      const char       *topic_id,
      SyllabusResource *resource)
{
  SyllabusEntry *entry = syllabus_store_get_entry (store, topic_id, resource);

  syllabus_entry_set_done (entry, !syllabus_entry_get_done (entry));
}

/* Counts the files in @dir that hold progress: the lock file that every
 * writer creates beside the progress file holds none, nor does the log of
 * damaged files kept aside (tested in test-store-writers.c). */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_equal (name, "progress.lock") && !g_str_equal (name, "progress.json.unseen-damage"))
      n++;

  return n;
}

/* What identifies whatever stands at a path: moving it keeps all of this,
 * and so does leaving it alone. For small regular files the bytes too. */
typedef struct
{
  dev_t           dev;
  ino_t           ino;
  mode_t          mode;
  off_t           size;
  struct timespec mtime;
  GBytes         *bytes;
} Fingerprint;

static void
fingerprint_clear (Fingerprint *print)
{
  g_clear_pointer (&print->bytes, g_bytes_unref);
}

static void
fingerprint_take (Fingerprint *print,
                  const char  *path)
{
  struct stat buf;

  g_assert_cmpint (lstat (path, &buf), ==, 0);
  print->dev = buf.st_dev;
  print->ino = buf.st_ino;
  print->mode = buf.st_mode;
  print->size = buf.st_size;
  print->mtime = buf.st_mtim;
  print->bytes = NULL;
  if (S_ISREG (buf.st_mode) && buf.st_size <= 4 * 1024 * 1024)
    print->bytes = read_bytes (path);
}

static void
fingerprint_assert_same (const Fingerprint *print,
                         const char        *path)
{
  Fingerprint now;

  fingerprint_take (&now, path);
  g_assert_cmpuint (now.dev, ==, print->dev);
  g_assert_cmpuint (now.ino, ==, print->ino);
  g_assert_cmpuint (now.mode, ==, print->mode);
  g_assert_cmpint (now.size, ==, print->size);
  g_assert_cmpint (now.mtime.tv_sec, ==, print->mtime.tv_sec);
  g_assert_cmpint (now.mtime.tv_nsec, ==, print->mtime.tv_nsec);
  if (print->bytes != NULL)
    {
      g_assert_nonnull (now.bytes);
      g_assert_true (g_bytes_equal (now.bytes, print->bytes));
    }
  fingerprint_clear (&now);
}

/* The damaged cases ------------------------------------------------------ */

typedef struct
{
  const char *name;
  /* Puts the damaged thing at @path. */
  void      (*make) (const char *path,
                     gconstpointer data);
  gconstpointer data;
} DamageCase;

static void
make_text (const char    *path,
           gconstpointer  data)
{
  g_autofree char *text = topic_mode ? topic_text (data) : NULL;

  write_bytes (path, text != NULL ? text : data, -1);
}

static void
make_random_bytes (const char    *path,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  char buffer[4096];

  for (gsize i = 0; i < sizeof buffer; i++)
    buffer[i] = (char)g_rand_int_range (rand, 0, 256);
  write_bytes (path, buffer, sizeof buffer);
}

static void
make_random_text (const char    *path,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char buffer[4096];

  /* Valid UTF-8, not JSON. */
  for (gsize i = 0; i < sizeof buffer; i++)
    buffer[i] = (char)g_rand_int_range (rand, 0x20, 0x7f);
  write_bytes (path, buffer, sizeof buffer);
}

static void
make_truncated (const char    *path,
                gconstpointer  data)
{
  const char *good = topic_mode ? good_topic_json : good_json;

  write_bytes (path, good, MIN (GPOINTER_TO_UINT (data), strlen (good) - 3));
}

static void
make_nul_bytes (const char    *path,
                gconstpointer  data)
{
  char buffer[100] = { 0 };

  write_bytes (path, buffer, sizeof buffer);
}

static void
make_nul_inside (const char    *path,
                 gconstpointer  data)
{
  const char *good = topic_mode ? good_topic_json : good_json;
  g_autofree char *text = g_strdup (good);

  /* A NUL byte inside the notes, where a space was: the rest is fine. */
  strstr (text, "from backup")[4] = '\0';
  write_bytes (path, text, strlen (good));
}

static void
make_deep (const char    *path,
           gconstpointer  data)
{
  gsize depth = GPOINTER_TO_SIZE (data);
  g_autofree char *text = g_malloc (depth * 2);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  write_bytes (path, text, depth * 2);
}

static void
make_deep_in_member (const char    *path,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"version\": 1, \"topics\": {}, \"extra\": ");

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '}');
  g_string_append (text, "}");
  write_bytes (path, text->str, text->len);
}

static void
make_huge_sparse (const char    *path,
                  gconstpointer  data)
{
  int fd;

  ensure_parent (path);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* Starts like a good file: only the size is wrong. */
  g_assert_cmpint (write (fd, good_json, strlen (good_json)), ==, (gssize)strlen (good_json));
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
make_folder (const char    *path,
             gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (path, "inside.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  write_bytes (inside, "keep me", -1);
}

static void
make_fifo (const char    *path,
           gconstpointer  data)
{
  ensure_parent (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
make_symlink_loop (const char    *path,
                   gconstpointer  data)
{
  ensure_parent (path);
  g_assert_cmpint (symlink (path, path), ==, 0);
}

static const DamageCase damage_cases[] = {
  { "random-bytes", make_random_bytes, GUINT_TO_POINTER (42) },
  { "random-bytes-2", make_random_bytes, GUINT_TO_POINTER (4242) },
  { "random-text", make_random_text, NULL },
  { "empty", make_text, "" },
  { "whitespace", make_text, " \n\t\n" },
  { "nul-bytes", make_nul_bytes, NULL },
  { "nul-inside", make_nul_inside, NULL },
  { "truncated-half", make_truncated, GUINT_TO_POINTER (sizeof good_json / 2) },
  { "truncated-end", make_truncated, GUINT_TO_POINTER (sizeof good_json - 3) },
  { "truncated-in-string", make_truncated, GUINT_TO_POINTER (80) },
  { "trailing-garbage", make_text, "{\"version\": 1, \"topics\": {}} {}" },
  { "invalid-utf8", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": true, \"notes\": \"caf\xC3\x28 \xFF\"}}}}}" },
  /* json-glib 1.6 leaks on these; valgrind checks that none reach it. */
  { "lone-surrogate", make_text,
    "{\"version\":1,\"topics\":{\"\":{\"resources\":{\"\":{\"title\":\"\\u0000\\ud800\\u00e9\"}}}}}" },
  { "low-surrogate-first", make_text, "{\"version\": 1, \"topics\": {\"\\udc00\\ud800\": {}}}" },
  { "bad-escape", make_text, "{\"version\": 1, \"topics\": {\"\\x41\": {}}}" },
  { "bad-unicode-escape", make_text, "{\"version\": 1, \"topics\": {\"\\u12G4\": {}}}" },
  { "latin1", make_text, "{\"version\": 1, \"topics\": {\"d\xE9mo\": {}}}" },
  { "single-quotes", make_text, "{'version': 1, 'topics': {}}" },
  { "comment", make_text, "/* progress */ {\"version\": 1, \"topics\": {}}" },
  { "array", make_text, "[1, 2, 3]" },
  { "string", make_text, "\"progress\"" },
  { "number", make_text, "1" },
  { "null", make_text, "null" },
  { "no-version", make_text, "{\"topics\": {}}" },
  { "version-string", make_text, "{\"version\": \"1\", \"topics\": {}}" },
  { "version-float", make_text, "{\"version\": 1.5, \"topics\": {}}" },
  { "version-zero", make_text, "{\"version\": 0, \"topics\": {}}" },
  { "version-negative", make_text, "{\"version\": -3, \"topics\": {}}" },
  { "version-object", make_text, "{\"version\": {}, \"topics\": {}}" },
  { "topics-array", make_text, "{\"version\": 1, \"topics\": []}" },
  { "topics-string", make_text, "{\"version\": 1, \"topics\": \"demo\"}" },
  { "topic-array", make_text, "{\"version\": 1, \"topics\": {\"demo\": [1]}}" },
  { "resources-array", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": [\"https://example.org/one\"]}}}" },
  { "entry-number", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\": 1}}}}" },
  { "entry-null", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\": null}}}}" },
  { "done-string", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": \"yes\"}}}}}" },
  { "done-number", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": 1}}}}}" },
  { "notes-number", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": true, \"notes\": 5}}}}}" },
  { "title-object", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"title\": {\"en\": \"Book\"}}}}}}" },
  { "url-array", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"url\": [\"https://example.org/one\"]}}}}}" },
  { "done-at-garbage", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": true, \"done-at\": \"yesterday\"}}}}}" },
  { "changed-at-number", make_text,
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\"https://example.org/one\":"
    " {\"done\": true, \"changed-at\": 1767323045}}}}}" },
  { "deep-arrays", make_deep, GSIZE_TO_POINTER (1000000) },
  { "deep-in-member", make_deep_in_member, NULL },
  { "huge-sparse", make_huge_sparse, NULL },
  { "folder", make_folder, NULL },
  { "fifo", make_fifo, NULL },
  { "symlink-loop", make_symlink_loop, NULL },
};

typedef struct
{
  const DamageCase *damage;
  gboolean          with_backup;
  gboolean          async;
  /* In the topic's file of the folder, not in progress.json */
  gboolean          topic;
} DamageRun;

/* Whether @damage carries over to a topic file. */
static gboolean
damage_in_topic_file (const DamageCase *damage)
{
  g_autofree char *text = NULL;

  if (damage->make != make_text)
    return TRUE;

  text = topic_text (damage->data);
  return text != NULL;
}

static void
test_damaged (gconstpointer data)
{
  const DamageRun *run = data;
  g_autofree char *legacy = progress_path ();
  g_autofree char *data_dir = g_path_get_dirname (legacy);
  g_autofree char *folder = folder_path ();
  g_autofree char *demo = topic_path (TOPIC_ID);
  g_autofree char *other = topic_path ("other");
  g_autofree char *path = g_strdup (run->topic ? demo : legacy);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *kept = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *kept_dir = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bak_bytes = NULL;
  Fingerprint original;
  Fingerprint other_print;
  const char *problem;
  SyllabusEntry *entry;

  topic_mode = run->topic;
  if (run->topic)
    {
      /* Another topic beside the damaged one, in a folder in charge. */
      write_bytes (other, other_topic_json, -1);
      fingerprint_take (&other_print, other);
    }
  run->damage->make (path, run->damage->data);
  fingerprint_take (&original, path);
  if (run->with_backup)
    {
      write_bytes (bak, run->topic ? good_topic_json : good_json, -1);
      bak_bytes = read_bytes (bak);
    }

  store = load_store (NULL, run->async);

  /* Kept aside under a dated name in the same folder, and the user is
   * told where. */
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_false (syllabus_store_get_read_only (store));
  kept = g_strdup (syllabus_store_get_kept_file (store));
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (problem, kept));
  kept_name = g_path_get_basename (kept);
  kept_dir = g_path_get_dirname (kept);
  g_assert_cmpstr (kept_dir, ==, dir);
  g_assert_true (g_regex_match_simple (run->topic ? KEPT_TOPIC_PATTERN : KEPT_PATTERN, kept_name, 0, 0));
  fingerprint_assert_same (&original, kept);
  if (S_ISDIR (original.mode))
    {
      g_autofree char *inside = g_build_filename (kept, "inside.txt", NULL);
      g_autoptr(GBytes) bytes = read_bytes (inside);

      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "keep me", 7);
    }

  /* Damage to one topic is that topic's only: the other one loads, and
   * its file is left as it was. */
  if (run->topic)
    {
      entry = syllabus_store_lookup (store, "other", KEY_ONE);
      g_assert_nonnull (entry);
      g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
      g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "still here");
      g_assert_nonnull (strstr (problem, "“demo”"));
    }

  list = syllabus_store_list_entries (store, TOPIC_ID);
  if (run->with_backup)
    {
      /* Restored from the backup, and written back at once, so that the
       * next start finds it. */
      g_assert_nonnull (strstr (problem, "backup"));
      g_assert_cmpuint (list->len, ==, 1);
      entry = syllabus_store_lookup (store, TOPIC_ID, KEY_ONE);
      g_assert_nonnull (entry);
      g_assert_true (syllabus_entry_get_done (entry));
      g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "from backup");
      g_assert_true (run_until (store_is_clean, store, 5000));
      g_assert_null (syllabus_store_get_save_error (store));
      g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
      /* The backup stays the last good file until a good file is written
       * over. */
      {
        g_autoptr(GBytes) now = read_bytes (bak);
        g_assert_true (g_bytes_equal (now, bak_bytes));
      }
    }
  else
    {
      g_assert_nonnull (strstr (problem, "empty"));
      g_assert_cmpuint (list->len, ==, 0);
      g_assert_false (syllabus_store_get_dirty (store));
      g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
    }
  fingerprint_assert_same (&original, kept);

  /* Carry on: the next change writes a good file beside the kept one. */
  tick (store, TOPIC_ID, two);
  save_or_fail (store);
  tick (store, "another", one);
  save_or_fail (store);
  fingerprint_assert_same (&original, kept);

  again = load_good_store ();
  entry = syllabus_store_lookup (again, TOPIC_ID, KEY_TWO);
  g_assert_nonnull (entry);
  g_assert_true (syllabus_entry_get_done (entry));
  g_assert_nonnull (syllabus_store_lookup (again, "another", KEY_ONE));
  entry = syllabus_store_lookup (again, TOPIC_ID, KEY_ONE);
  if (run->with_backup)
    g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "from backup");
  else
    g_assert_null (entry);

  if (run->topic)
    {
      /* Exactly the new file, the kept file, the other topic (untouched)
       * and "another"; and the new file's backup if it was written twice:
       * once restored, once ticked (saving "another" wrote only its own
       * file). */
      g_assert_cmpuint (count_files (folder), ==, run->with_backup ? 5 : 4);
      fingerprint_assert_same (&other_print, other);
      fingerprint_clear (&other_print);
    }
  else
    {
      /* The folder the damaged file's backup was migrated into, the kept
       * file and, if there was one, the old backup; in the folder the new
       * file, "another" and, if the file was written twice, its backup. */
      g_assert_cmpuint (count_files (data_dir), ==, run->with_backup ? 3 : 2);
      g_assert_cmpuint (count_files (folder), ==, run->with_backup ? 3 : 2);
    }

  fingerprint_clear (&original);
}

/* A file with brackets in its text is not nested. */
static void
test_brackets_in_strings (void)
{
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(GString) notes = g_string_new ("\"quoted\" \\ ");
  SyllabusEntry *entry;

  for (guint i = 0; i < 5000; i++)
    g_string_append (notes, "[{");

  store = load_good_store ();
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), notes->str);
  save_or_fail (store);

  again = load_good_store ();
  entry = syllabus_store_lookup (again, TOPIC_ID, KEY_ONE);
  g_assert_nonnull (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, notes->str);
}

/* A byte order mark, as some editors write, is not damage. */
static void
test_byte_order_mark (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", good_json, NULL);
  g_autoptr(SyllabusStore) store = NULL;

  write_bytes (path, text, -1);
  store = load_good_store ();
  g_assert_nonnull (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE));
}

/* Damaged twice in the same second: two kept files, both intact. */
static void
test_damaged_twice (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SyllabusStore) first = NULL;
  g_autoptr(SyllabusStore) second = NULL;
  g_autoptr(GBytes) first_kept = NULL;
  g_autoptr(GBytes) second_kept = NULL;

  write_bytes (path, "first damage", -1);
  first = load_store (NULL, FALSE);
  g_assert_nonnull (syllabus_store_get_kept_file (first));

  write_bytes (path, "second damage", -1);
  second = load_store (NULL, FALSE);
  g_assert_nonnull (syllabus_store_get_kept_file (second));
  g_assert_cmpstr (syllabus_store_get_kept_file (first), !=, syllabus_store_get_kept_file (second));

  first_kept = read_bytes (syllabus_store_get_kept_file (first));
  second_kept = read_bytes (syllabus_store_get_kept_file (second));
  g_assert_cmpmem (g_bytes_get_data (first_kept, NULL), g_bytes_get_size (first_kept),
                   "first damage", 12);
  g_assert_cmpmem (g_bytes_get_data (second_kept, NULL), g_bytes_get_size (second_kept),
                   "second damage", 13);
  g_assert_cmpuint (count_files (dir), ==, 2);
}

/* Both the file and its backup are damaged: start empty, touch neither. */
static void
test_backup_damaged_too (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *bak = backup_path ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(GPtrArray) list = NULL;
  Fingerprint bak_print;

  write_bytes (path, "{\"version\": 1, \"topics\": ", -1);
  write_bytes (bak, "{\"version\": 1, \"topics\": []}", -1);
  fingerprint_take (&bak_print, bak);

  store = load_store (NULL, FALSE);
  g_assert_nonnull (syllabus_store_get_kept_file (store));
  g_assert_nonnull (strstr (syllabus_store_get_problem (store), "empty"));
  list = syllabus_store_list_entries (store, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 0);

  /* Saving writes the folder and never touches the damaged backup of
   * version 1; the topic's file gets a backup of its own once a good file
   * was written over. */
  tick (store, TOPIC_ID, one);
  save_or_fail (store);
  fingerprint_assert_same (&bak_print, bak);
  {
    g_autofree char *demo = topic_path (TOPIC_ID);
    g_autofree char *demo_bak = g_strconcat (demo, ".bak", NULL);

    g_assert_false (g_file_test (demo_bak, G_FILE_TEST_EXISTS));
    tick (store, TOPIC_ID, one);
    save_or_fail (store);
    g_clear_object (&store);
    fingerprint_assert_same (&bak_print, bak);

    /* The backup is the first good file: restored from when the file
     * itself is damaged. */
    g_assert_cmpint (g_rename (demo, path), ==, 0);
    write_bytes (demo, "damaged", -1);
    store = load_store (NULL, FALSE);
    g_assert_nonnull (strstr (syllabus_store_get_problem (store), "backup"));
    g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)));
  }

  fingerprint_clear (&bak_print);
}

/* A backup from a newer version is not used to restore from. */
static void
test_backup_newer (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *bak = backup_path ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) newer = g_string_new (good_json);
  Fingerprint bak_print;

  g_string_replace (newer, "\"version\": 1", "\"version\": 2", 1);
  write_bytes (path, "\x01\x02\x03", 3);
  write_bytes (bak, newer->str, -1);
  fingerprint_take (&bak_print, bak);

  store = load_store (NULL, FALSE);
  g_assert_nonnull (syllabus_store_get_kept_file (store));
  g_assert_false (syllabus_store_get_read_only (store));
  list = syllabus_store_list_entries (store, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 0);
  fingerprint_assert_same (&bak_print, bak);

  fingerprint_clear (&bak_print);
}

static void
load_cancelled_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

/* Loading cancelled after the file was moved aside still tells the user
 * where it went: a later start would not know. */
static void
test_load_cancelled (void)
{
  g_autofree char *path = progress_path ();
  g_autoptr(SyllabusStore) store = syllabus_store_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) kept = NULL;
  gboolean done = FALSE;

  write_bytes (path, "garbage", -1);
  syllabus_store_load_async (store, cancellable, load_cancelled_cb, &done);
  g_cancellable_cancel (cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (syllabus_store_get_loaded (store));
  g_assert_nonnull (syllabus_store_get_kept_file (store));
  g_assert_nonnull (strstr (syllabus_store_get_problem (store),
                            syllabus_store_get_kept_file (store)));
  kept = read_bytes (syllabus_store_get_kept_file (store));
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "garbage", 7);
}

/* Newer versions ---------------------------------------------------------- */

typedef struct
{
  guint n_done;
  guint n_failed;
  GError *last_error;
} SaveCount;

static void
count_save_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveCount *count = user_data;
  g_autoptr(GError) error = NULL;

  if (syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    {
      count->n_done++;
    }
  else
    {
      count->n_failed++;
      g_clear_error (&count->last_error);
      count->last_error = g_steal_pointer (&error);
    }
}

static void
check_newer (const char *contents,
             gboolean    understood)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SaveCount count = { 0, 0, NULL };
  Fingerprint original;
  const char *problem;

  write_bytes (path, contents, -1);
  fingerprint_take (&original, path);

  store = load_store (NULL, TRUE);
  g_assert_true (syllabus_store_get_read_only (store));
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "newer version"));
  g_assert_nonnull (strstr (problem, path));
  g_assert_null (syllabus_store_get_kept_file (store));

  list = syllabus_store_list_entries (store, TOPIC_ID);
  if (understood)
    {
      /* Shown, not changed. */
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)));
    }
  else
    {
      g_assert_cmpuint (list->len, ==, 0);
    }

  /* Saving refuses, even with nothing to save. */
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A change (the window does not offer one, but the API allows it) is
   * neither saved by itself nor on request. */
  tick (store, TOPIC_ID, two);
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_false (run_until (never, store, 700));
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (error->message);
  g_clear_error (&error);

  syllabus_store_save_async (store, NULL, count_save_cb, &count);
  while (count.n_done + count.n_failed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count.n_failed, ==, 1);
  g_assert_error (count.last_error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&count.last_error);

  /* Disposing of the store does not write either. */
  g_clear_object (&store);

  fingerprint_assert_same (&original, path);
  g_assert_cmpuint (count_files (dir), ==, 1);

  fingerprint_clear (&original);
}

static void
test_newer_version (void)
{
  g_autoptr(GString) newer = g_string_new (good_json);

  g_string_replace (newer, "\"version\": 1", "\"version\": 2, \"colours\": {\"demo\": \"red\"}", 1);
  g_string_replace (newer, "\"done\": true,", "\"done\": true, \"rating\": 5,", 1);
  check_newer (newer->str, TRUE);
}

static void
test_newer_version_other_shape (void)
{
  /* A future format may change the shape: still not damaged. */
  check_newer ("{\"version\": 3, \"topics\": [{\"id\": \"demo\", \"done\": [\"one\"]}]}", FALSE);
}

/* A damaged progress.json whose backup cannot be written into the folder
 * (something other than a folder stands where the migration writes it):
 * the damaged file stays in charge, the backup's progress is shown
 * read-only, and the next start, with room to write, restores it. It was
 * once moved aside first, and the next start found nothing. */
static void
test_restore_write_fails (void)
{
  g_autofree char *legacy = progress_path ();
  g_autofree char *bak = backup_path ();
  g_autofree char *partial = g_build_filename (g_get_user_data_dir (), "syllabus",
                                               "progress.partial", NULL);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(GError) error = NULL;
  Fingerprint original;
  const char *problem;

  write_bytes (legacy, "{\"version\": 1, \"topics\": {", -1);
  write_bytes (bak, good_json, -1);
  write_bytes (partial, "in the way", -1);
  fingerprint_take (&original, legacy);

  store = load_store (NULL, FALSE);
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "backup"));
  g_assert_nonnull (strstr (problem, "read-only"));
  g_assert_true (syllabus_store_get_read_only (store));
  g_assert_null (syllabus_store_get_kept_file (store));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)),
                   ==, "from backup");
  tick (store, TOPIC_ID, one);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  fingerprint_assert_same (&original, legacy);

  /* The way is clear at the next start. */
  g_assert_cmpint (g_unlink (partial), ==, 0);
  store = load_store (NULL, FALSE);
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "restored from the last backup"));
  g_assert_nonnull (syllabus_store_get_kept_file (store));
  fingerprint_assert_same (&original, syllabus_store_get_kept_file (store));
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)),
                   ==, "from backup");
  g_clear_object (&store);

  /* And it stays restored. */
  store = load_good_store ();
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)),
                   ==, "from backup");
  fingerprint_clear (&original);
}

/* A progress folder that cannot be listed (no read permission) is not an
 * empty one: it was once loaded as empty and writable, and a save then
 * replaced files it had never read. Root reads any folder, so the test
 * drops to an unprivileged user, in a child of its own. */
static void
test_folder_unlistable (void)
{
  g_autofree char *folder = folder_path ();
  g_autofree char *demo = topic_path (TOPIC_ID);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  Fingerprint original;
  const char *problem;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      /* The child, owning the test's folders, removed them as it ended:
       * what this process removes in its turn. */
      g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
      return;
    }

  write_bytes (demo, good_topic_json, -1);
  fingerprint_take (&original, demo);
  if (geteuid () == 0)
    {
      const uid_t nobody = 65534;
      g_autofree char *dir = g_strdup (folder);

      g_assert_cmpint (chown (demo, nobody, nobody), ==, 0);
      /* Every folder the test made, up to the temporary folder it made
       * them in. */
      for (;;)
        {
          g_autofree char *parent = g_path_get_dirname (dir);

          g_assert_cmpint (chown (dir, nobody, nobody), ==, 0);
          if (strcmp (dir, g_get_tmp_dir ()) == 0 || strcmp (parent, "/") == 0)
            break;
          g_free (dir);
          dir = g_steal_pointer (&parent);
        }
      g_assert_cmpint (setgid (nobody), ==, 0);
      g_assert_cmpint (setuid (nobody), ==, 0);
    }
  g_assert_cmpint (g_chmod (folder, 0300), ==, 0);

  store = load_store (NULL, FALSE);
  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, folder));
  g_assert_true (syllabus_store_get_read_only (store));
  tick (store, TOPIC_ID, two);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  fingerprint_assert_same (&original, demo);
  store = load_good_store ();
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)),
                   ==, "from backup");
  g_assert_null (syllabus_store_lookup (store, TOPIC_ID, KEY_TWO));
  fingerprint_clear (&original);
}

/* A file that can neither be read nor moved aside ------------------------- */

static void
test_unmovable (void)
{
  g_autofree char *stem = g_strnfill (235, 'p');
  g_autofree char *long_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(GError) error = NULL;
  Fingerprint original;
  const char *problem;

  /* Root may rename anything, but no one may make a name longer than the
   * file system allows: with a file name of 240 bytes, the dated name of
   * the kept file cannot be made, so moving the file aside fails. */
  long_name = g_strconcat (stem, ".json", NULL);
  path = g_build_filename (g_get_user_data_dir (), "syllabus", long_name, NULL);
  write_bytes (path, "\xFF\xFE not progress", -1);
  fingerprint_take (&original, path);

  file = g_file_new_for_path (path);
  store = load_store (file, FALSE);

  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, path));
  g_assert_null (syllabus_store_get_kept_file (store));
  g_assert_true (syllabus_store_get_read_only (store));

  tick (store, TOPIC_ID, one);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  fingerprint_assert_same (&original, path);
  fingerprint_clear (&original);
}

/* Failing saves ----------------------------------------------------------- */

/* The folder of the progress file cannot be made, because a file stands
 * where it should be: root cannot get around that. */
static void
test_save_folder_blocked (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "syllabus", "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *save_error;

  write_bytes (blocker, "in the way", -1);

  /* Nothing to lose there: it loads as an empty store. */
  store = load_store (file, FALSE);
  g_assert_null (syllabus_store_get_problem (store));
  g_assert_false (syllabus_store_get_read_only (store));

  /* The save made by itself fails and says so. */
  tick (store, TOPIC_ID, one);
  g_assert_true (run_until (store_has_save_error, store, 5000));
  save_error = syllabus_store_get_save_error (store);
  g_test_message ("save-error: %s", save_error);
  g_assert_nonnull (strstr (save_error, blocker));
  g_assert_true (syllabus_store_get_dirty (store));

  /* So does a requested one; the progress stays in memory. */
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_clear_error (&error);
  g_assert_nonnull (syllabus_store_get_save_error (store));
  list = syllabus_store_list_entries (store, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (store, TOPIC_ID, KEY_ONE)));

  /* The cause goes away; the next change saves everything. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, two), "retry");
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_assert_null (syllabus_store_get_save_error (store));

  again = load_store (file, FALSE);
  g_assert_null (syllabus_store_get_problem (again));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID, KEY_ONE)));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID, KEY_TWO)),
                   ==, "retry");
}

/* The file system refuses to take the whole file (a file size limit, which
 * root is subject to, stands in for a full disk): the old file stays as it
 * was, whole. */
static void
test_save_write_fails (void)
{
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit;
  struct rlimit small_limit;
  void (*old_handler) (int);
  Fingerprint original;
  gboolean saved;

  write_bytes (path, good_topic_json, -1);
  fingerprint_take (&original, path);
  store = load_good_store ();
  tick (store, TOPIC_ID, two);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small_limit = old_limit;
  small_limit.rlim_cur = 16;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  saved = syllabus_store_save (store, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (syllabus_store_get_save_error (store));
  g_assert_true (syllabus_store_get_dirty (store));
  fingerprint_assert_same (&original, path);
  /* No partial temporary file is left; the backup is the old file. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "after");
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_assert_null (syllabus_store_get_save_error (store));

  again = load_good_store ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID, KEY_TWO)));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID, KEY_ONE)),
                   ==, "after");

  fingerprint_clear (&original);
}

/* Whether this process may mount a file system in a mount namespace of its
 * own: tried in a forked child that does nothing else. */
static gboolean
can_mount_tmpfs (const char *target)
{
  pid_t pid;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (target, 0700), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Success is reported by a program of its own: under valgrind, this
       * child's own exit would report the parent's memory as leaked. */
      if (unshare (CLONE_NEWNS) == 0 &&
          mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
          mount ("tmpfs", target, "tmpfs", 0, "size=64k") == 0)
        execl ("/bin/true", "true", (char *)NULL);
      _exit (1);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A full disk, for real: a tiny tmpfs, mounted in a mount namespace of a
 * subprocess so that it disappears with it whatever happens. */
static void
test_save_disk_full (void)
{
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *filler = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  Fingerprint original;
  char block[4096] = { 0 };
  int fd;

  if (!g_test_subprocess ())
    {
      if (!can_mount_tmpfs (dir))
        {
          g_test_skip ("Cannot mount a tmpfs here");
          return;
        }

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
  g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0700"), ==, 0);

  store = load_good_store ();
  tick (store, TOPIC_ID, one);
  save_or_fail (store);
  fingerprint_take (&original, path);

  /* Fill the disk. */
  filler = g_build_filename (dir, "filler", NULL);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);

  tick (store, TOPIC_ID, two);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "a note that needs room");
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_test_message ("save-error: %s", syllabus_store_get_save_error (store));
  g_assert_nonnull (syllabus_store_get_save_error (store));
  g_assert_true (syllabus_store_get_dirty (store));
  fingerprint_assert_same (&original, path);

  /* Room again: the next change saves everything. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  tick (store, "another", one);
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_assert_null (syllabus_store_get_save_error (store));

  again = load_good_store ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID, KEY_TWO)));
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, "another", KEY_ONE)));
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID, KEY_ONE)),
                   ==, "a note that needs room");

  g_clear_object (&store);
  g_clear_object (&again);
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  fingerprint_clear (&original);
}

/* Starts an asynchronous save whose result is held back in @context until
 * the caller dispatches it, and waits until the thread has finished. */
static void
save_async_held (SyllabusStore *store,
                 GMainContext  *context,
                 SaveCount     *count)
{
  g_main_context_push_thread_default (context);
  syllabus_store_save_async (store, NULL, count_save_cb, count);
  g_main_context_pop_thread_default (context);

  while (!g_main_context_pending (context))
    g_usleep (1000);
}

static void
dispatch_held (GMainContext *context,
               SaveCount    *count)
{
  g_main_context_push_thread_default (context);
  while (count->n_done + count->n_failed == 0)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
}

/* An older save's success, reported late, does not hide the failure of a
 * newer one. */
static void
test_late_success (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, "-moved", NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SyllabusStore) store = load_good_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  g_autoptr(GError) error = NULL;
  SaveCount count = { 0, 0, NULL };

  tick (store, TOPIC_ID, one);
  save_async_held (store, context, &count);

  /* The folder is replaced by a file: the next save fails. */
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  write_bytes (dir, "in the way", -1);
  tick (store, TOPIC_ID, two);
  g_assert_false (syllabus_store_save (store, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (syllabus_store_get_save_error (store));

  dispatch_held (context, &count);
  g_assert_cmpuint (count.n_done, ==, 1);
  g_assert_nonnull (syllabus_store_get_save_error (store));
  g_assert_true (syllabus_store_get_dirty (store));

  /* Put right, the next change saves both. */
  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "fixed");
  g_assert_true (run_until (store_is_clean, store, 5000));
  g_assert_null (syllabus_store_get_save_error (store));
  again = load_good_store ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID, KEY_TWO)));
}

/* An older save's failure, reported late, is not shown once newer progress
 * is on disk. */
static void
test_late_failure (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusResource) one = resource_one ();
  g_autoptr(SyllabusResource) two = resource_two ();
  SaveCount count = { 0, 0, NULL };

  write_bytes (blocker, "in the way", -1);
  store = load_store (file, FALSE);
  g_assert_null (syllabus_store_get_problem (store));

  tick (store, TOPIC_ID, one);
  save_async_held (store, context, &count);

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  tick (store, TOPIC_ID, two);
  save_or_fail (store);

  dispatch_held (context, &count);
  g_assert_cmpuint (count.n_failed, ==, 1);
  g_assert_nonnull (count.last_error);
  g_clear_error (&count.last_error);
  g_assert_null (syllabus_store_get_save_error (store));
  g_assert_false (syllabus_store_get_dirty (store));
}

/* Registration ------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      for (guint variant = 0; variant < 3; variant++)
        {
          DamageRun *run = g_new0 (DamageRun, 1);
          g_autofree char *name = NULL;

          run->damage = &damage_cases[i];
          run->with_backup = variant != 0;
          run->async = variant == 2;
          name = g_strdup_printf ("/store-damage/%s/%s", damage_cases[i].name,
                                  variant == 0 ? "no-backup"
                                  : variant == 1 ? "backup" : "backup-async");
          g_test_add_data_func (name, run, test_damaged);
          g_ptr_array_add (runs, run);

          if (!damage_in_topic_file (&damage_cases[i]))
            continue;
          run = g_memdup2 (run, sizeof *run);
          run->topic = TRUE;
          g_free (name);
          name = g_strdup_printf ("/store-damage/topic/%s/%s", damage_cases[i].name,
                                  variant == 0 ? "no-backup"
                                  : variant == 1 ? "backup" : "backup-async");
          g_test_add_data_func (name, run, test_damaged);
          g_ptr_array_add (runs, run);
        }
    }

  g_test_add_func ("/store-damage/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/store-damage/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/store-damage/damaged-twice", test_damaged_twice);
  g_test_add_func ("/store-damage/backup-damaged-too", test_backup_damaged_too);
  g_test_add_func ("/store-damage/backup-newer", test_backup_newer);
  g_test_add_func ("/store-damage/load-cancelled", test_load_cancelled);
  g_test_add_func ("/store-damage/newer-version", test_newer_version);
  g_test_add_func ("/store-damage/newer-version-other-shape", test_newer_version_other_shape);
  g_test_add_func ("/store-damage/unmovable", test_unmovable);
  g_test_add_func ("/store-damage/restore-write-fails", test_restore_write_fails);
  g_test_add_func ("/store-damage/folder-unlistable", test_folder_unlistable);
  g_test_add_func ("/store-damage/save/folder-blocked", test_save_folder_blocked);
  g_test_add_func ("/store-damage/save/write-fails", test_save_write_fails);
  g_test_add_func ("/store-damage/save/disk-full", test_save_disk_full);
  g_test_add_func ("/store-damage/save/late-success", test_late_success);
  g_test_add_func ("/store-damage/save/late-failure", test_late_failure);

  return g_test_run ();
}
