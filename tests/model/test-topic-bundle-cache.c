/* test-topic-bundle-cache.c
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

/* A folder topic in the user's topics is built again only when its tree
 * changed: the library reads its folder again at every change in it
 * (syllabus_topic_folder_read()), and an unchanged folder topic is not
 * rebuilt, while a change anywhere in its tree is seen. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bundle-test-utils.h"
#include "syllabus-topic-bundle.h"
#include "syllabus-topic-folder.h"
#include "syllabus-topic.h"

/* Reads the topics folder as the library does, with what the last read
 * found; returns the topics built this time, in @signatures what it found
 * now. */
static GPtrArray *
read_folder (GFile       *folder,
             GHashTable **signatures)
{
  g_autoptr(GHashTable) bundled = g_hash_table_new (g_str_hash, g_str_equal);
  SyllabusFolderRead *read = syllabus_topic_folder_read (folder, bundled, *signatures, NULL);
  GPtrArray *topics = g_ptr_array_ref (read->topics);

  g_assert_cmpstr (read->problem->str, ==, "");
  g_clear_pointer (signatures, g_hash_table_unref);
  *signatures = g_hash_table_ref (read->signatures);
  syllabus_folder_read_free (read);

  return topics;
}

/* Gives @path another modification time, its size unchanged. */
static void
set_mtime (const char *path,
           guint64     seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_bundle_cache (void)
{
  g_autofree char *from = g_build_filename (SRCDIR, "topics", "garden", NULL);
  g_autofree char *topics = g_build_filename (g_get_user_data_dir (), "syllabus", "topics", NULL);
  g_autofree char *path = g_build_filename (topics, "garden", NULL);
  g_autofree char *compost = g_build_filename (path, "1-soil", "2-compost.md", NULL);
  g_autofree char *added = g_build_filename (path, "2-seeds", "4-weeding.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (topics);
  g_autoptr(GHashTable) signatures = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  gsize length;

  copy_tree (from, path);

  /* The first read builds it. */
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 1);
  g_assert_cmpstr (syllabus_topic_get_id (g_ptr_array_index (built, 0)), ==, "garden");
  first = g_strdup (g_hash_table_lookup (signatures, "garden"));
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, "");
  g_clear_pointer (&built, g_ptr_array_unref);

  /* Nothing changed: not built again, the library keeps the topic it has. */
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (signatures, "garden"), ==, first);
  g_clear_pointer (&built, g_ptr_array_unref);

  /* A file two folders down edited, its size the same: built again. */
  g_assert_true (g_file_get_contents (compost, &text, &length, &error));
  g_assert_no_error (error);
  text[strlen ("# ")] = 'K';
  g_assert_true (g_file_set_contents (compost, text, length, &error));
  g_assert_no_error (error);
  set_mtime (compost, 1000000000);
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (signatures, "garden"), !=, first);
  g_clear_pointer (&built, g_ptr_array_unref);

  /* And then not again. */
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 0);
  g_clear_pointer (&built, g_ptr_array_unref);

  /* A file added in a subfolder: built again, with it. */
  g_assert_true (g_file_set_contents (added, "# Weeding\n\n- [Hoes](https://example.org/hoe)\n", -1,
                                      &error));
  g_assert_no_error (error);
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 1);
  g_assert_nonnull (strstr (syllabus_topic_get_introduction (g_ptr_array_index (built, 0)), "Weeding"));
  g_clear_pointer (&built, g_ptr_array_unref);

  /* A file removed: built again. */
  g_assert_cmpint (g_remove (added), ==, 0);
  built = read_folder (folder, &signatures);
  g_assert_cmpuint (built->len, ==, 1);
  g_assert_null (strstr (syllabus_topic_get_introduction (g_ptr_array_index (built, 0)), "Weeding"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle/cache", test_bundle_cache);

  return g_test_run ();
}
