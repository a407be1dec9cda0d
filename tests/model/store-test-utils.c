/* store-test-utils.c
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

/* Helpers shared by the store's test programs. */

#include "config.h"

#include "store-test-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "syllabus-store-private.h"

gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
never (SyllabusStore *store)
{
  return FALSE;
}

gboolean
store_is_clean (SyllabusStore *store)
{
  return !syllabus_store_get_dirty (store);
}

char *
progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.json", NULL);
}

void
save_or_fail (SyllabusStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_get_save_error (store));
}

/* Runs the main loop until @done returns TRUE or @timeout_ms passed.
 * Returns the last value of @done. */
gboolean
run_until (gboolean      (*done) (SyllabusStore *),
           SyllabusStore  *store,
           guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, flag_cb, &timed_out);

  while (!done (store) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return done (store);
}

/* The progress folder, g_get_user_data_dir()/syllabus/progress. */
char *
folder_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress", NULL);
}

/* The file of @topic_id in the progress folder. */
char *
topic_path (const char *topic_id)
{
  g_autofree char *folder = folder_path ();
  g_autofree char *name = _syllabus_store_topic_file_name (topic_id);

  return g_build_filename (folder, name, NULL);
}

void
write_text (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* Removes the progress folder and its files: what a test that sets up a
 * version 1 progress.json starts from. */
void
remove_folder (void)
{
  g_autofree char *folder = folder_path ();
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Reads every topic file of the folder, asserting that each is a version
 * 2 file named for its topic, and returns (transfer full) the text of a
 * version 1 file holding the same: what the store's tests of version 1
 * read progress.json for. */
char *
read_folder_as_v1 (void)
{
  g_autofree char *folder = folder_path ();
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autoptr(JsonObject) topics = json_object_new ();
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *file;
      JsonObject *topic;
      const char *topic_id;

      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (folder, name, NULL);
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      file = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (file, "version"), ==, 2);
      topic_id = json_object_get_string_member (file, "topic");
      g_assert_nonnull (topic_id);
      expected = _syllabus_store_topic_file_name (topic_id);
      g_assert_cmpstr (name, ==, expected);

      topic = json_object_new ();
      if (json_object_has_member (file, "seen"))
        json_object_set_member (topic, "seen", json_node_copy (json_object_get_member (file, "seen")));
      json_object_set_member (topic, "resources",
                              json_node_copy (json_object_get_member (file, "resources")));
      json_object_set_object_member (topics, topic_id, topic);
    }

  json_object_set_int_member (root, "version", 1);
  json_object_set_object_member (root, "topics", json_object_ref (topics));
  json_node_set_object (node, root);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
