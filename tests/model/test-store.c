/* test-store.c
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

/* The progress store with a healthy file: what is saved comes back, keys
 * survive edits of the topic, nothing the user did is dropped, and saves
 * happen soon, in order and atomically. Damaged files and failing saves are
 * tested in test-store-damage.c. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "syllabus-store.h"
#include "syllabus-store-private.h"
#include "store-test-utils.h"
#include "syllabus-topic.h"

#define TOPIC_ID "demo"

/* A small topic, then the same topic with its resources reordered and
 * renamed and their links spelled differently, then with one resource
 * gone. */
static const char topic_v1[] =
  "---\n"
  "title: Demo\n"
  "---\n"
  "# Demo\n"
  "\n"
  "## Introduction\n"
  "Something to learn.\n"
  "\n"
  "## Learning Resources\n"
  "\n"
  "### Books\n"
  "- [Book One](https://example.org/one)\n"
  "- [Book Two](https://example.org/two?edition=2)\n"
  "\n"
  "### Videos\n"
  "- [A Video](https://video.example.com/watch?v=abc)\n";

static const char topic_v2[] =
  "---\n"
  "title: Demo, revised\n"
  "---\n"
  "# Demo\n"
  "\n"
  "## Learning Resources\n"
  "\n"
  "### Watch first\n"
  "- [The Video, remastered](HTTPS://Video.Example.COM:443/watch?v=abc)\n"
  "\n"
  "### Read\n"
  "- [Second Book (2nd edition)](https://EXAMPLE.org/two?edition=2)\n"
  "- [The First Book](https://Example.org/one)\n";

static const char topic_v3[] =
  "# Demo\n"
  "\n"
  "## Learning Resources\n"
  "- [Book One](https://example.org/one)\n"
  "- [A Video](https://video.example.com/watch?v=abc)\n";

static SyllabusTopic *
parse_topic (const char *text)
{
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;

  topic = syllabus_topic_new_from_data (TOPIC_ID, "Demo", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  return topic;
}

/* Returns (transfer full) the resource of @topic whose title is @title. */
static SyllabusResource *
find_resource (SyllabusTopic *topic,
               const char    *title)
{
  GListModel *resources = syllabus_topic_get_resources (topic);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      if (g_str_equal (syllabus_resource_get_title (resource), title))
        return g_steal_pointer (&resource);
    }

  g_error ("No resource titled “%s”", title);
  return NULL;
}

static SyllabusStore *
new_loaded_store (void)
{
  g_autoptr(GError) error = NULL;
  SyllabusStore *store = syllabus_store_new (NULL);

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_store_get_loaded (store));
  g_assert_false (syllabus_store_get_read_only (store));
  g_assert_null (syllabus_store_get_problem (store));

  return store;
}

/* The folder's topic files, as the text of one version 1 file. */
static char *
read_progress_file (void)
{
  return read_folder_as_v1 ();
}

static char *
read_topic_file (const char *topic_id)
{
  g_autofree char *path = topic_path (topic_id);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* Returns (transfer full) the parsed progress file, asserting that it is
 * JSON of the documented shape. */
static JsonNode *
parse_progress_file (void)
{
  g_autofree char *contents = read_progress_file ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "version"));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "topics")));

  return json_node_ref (json_parser_get_root (parser));
}

/* Returns (transfer none) the member for @key of @topic_id in @root, or
 * %NULL. */
static JsonObject *
file_entry (JsonNode   *root,
            const char *topic_id,
            const char *key)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *node;

  object = json_object_get_object_member (object, "topics");
  if ((node = json_object_get_member (object, topic_id)) == NULL)
    return NULL;
  object = json_node_get_object (node);
  if ((node = json_object_get_member (object, "resources")) == NULL)
    return NULL;
  object = json_node_get_object (node);
  if ((node = json_object_get_member (object, key)) == NULL)
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* Main loop helpers ------------------------------------------------------ */

static void
run_for (guint ms)
{
  run_until (never, NULL, ms);
}

/* Tests ------------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (topic, "Book Two");
  g_autoptr(GDateTime) done_at = NULL;
  g_autoptr(GDateTime) changed_at_one = NULL;
  g_autoptr(GDateTime) changed_at_two = NULL;
  g_autoptr(GDateTime) before = syllabus_now ();
  g_autoptr(GDateTime) after = NULL;
  const char *notes = "Chapter 3 — “ownership” ✓ 日本語 🦀\n\tsecond line\r\nthird \\ \" line\n";
  SyllabusEntry *entry;

  entry = syllabus_store_get_entry (store, TOPIC_ID, one);
  syllabus_entry_set_done (entry, TRUE);
  syllabus_entry_set_notes (entry, notes);
  g_assert_true (syllabus_store_get_dirty (store));
  done_at = g_date_time_ref (syllabus_entry_get_done_at (entry));
  changed_at_one = g_date_time_ref (syllabus_entry_get_changed_at (entry));

  /* Notes alone, not done. */
  entry = syllabus_store_get_entry (store, TOPIC_ID, two);
  syllabus_entry_set_notes (entry, "later");
  changed_at_two = g_date_time_ref (syllabus_entry_get_changed_at (entry));

  after = syllabus_now ();
  g_assert_cmpint (g_date_time_compare (before, done_at), <=, 0);
  g_assert_cmpint (g_date_time_compare (done_at, after), <=, 0);

  save_or_fail (store);

  again = new_loaded_store ();
  entry = syllabus_store_lookup (again, TOPIC_ID, syllabus_resource_get_key (one));
  g_assert_nonnull (entry);
  g_assert_true (syllabus_entry_get_done (entry));
  g_assert_true (g_date_time_equal (syllabus_entry_get_done_at (entry), done_at));
  g_assert_true (g_date_time_equal (syllabus_entry_get_changed_at (entry), changed_at_one));
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, notes);
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Book One");
  g_assert_cmpstr (syllabus_entry_get_url (entry), ==, "https://example.org/one");
  g_assert_cmpstr (syllabus_entry_get_topic_id (entry), ==, TOPIC_ID);

  entry = syllabus_store_lookup (again, TOPIC_ID, syllabus_resource_get_key (two));
  g_assert_nonnull (entry);
  g_assert_false (syllabus_entry_get_done (entry));
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "later");
  g_assert_true (g_date_time_equal (syllabus_entry_get_changed_at (entry), changed_at_two));

  /* Loading is not a change. */
  g_assert_false (syllabus_store_get_dirty (again));
}

static void
test_done_at_is_iso8601 (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  JsonObject *object;
  const char *text;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  save_or_fail (store);

  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, syllabus_resource_get_key (one));
  g_assert_nonnull (object);
  g_assert_true (json_object_get_boolean_member (object, "done"));
  text = json_object_get_string_member (object, "done-at");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       text, 0, 0));
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (parsed);
  text = json_object_get_string_member (object, "changed-at");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       text, 0, 0));

  /* Not done any more: no time of being done, but a time of change. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), FALSE);
  save_or_fail (store);
  g_clear_pointer (&root, json_node_unref);
  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, syllabus_resource_get_key (one));
  g_assert_nonnull (object);
  g_assert_false (json_object_get_boolean_member (object, "done"));
  g_assert_false (json_object_has_member (object, "done-at"));
  g_assert_true (json_object_has_member (object, "changed-at"));
}

static void
test_stable_ids (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) v1 = parse_topic (topic_v1);
  g_autoptr(SyllabusTopic) v2 = parse_topic (topic_v2);
  g_autoptr(SyllabusResource) one_v1 = find_resource (v1, "Book One");
  g_autoptr(SyllabusResource) video_v1 = find_resource (v1, "A Video");
  g_autoptr(SyllabusResource) one_v2 = find_resource (v2, "The First Book");
  g_autoptr(SyllabusResource) two_v2 = find_resource (v2, "Second Book (2nd edition)");
  g_autoptr(SyllabusResource) video_v2 = find_resource (v2, "The Video, remastered");
  SyllabusEntry *entry;

  /* The parser sees the same resources in another order. */
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (v2)), ==, 3);
  g_assert_cmpstr (syllabus_resource_get_key (one_v1), ==, syllabus_resource_get_key (one_v2));
  g_assert_cmpstr (syllabus_resource_get_key (video_v1), ==, syllabus_resource_get_key (video_v2));

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one_v1), TRUE);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, video_v1), "watch again");

  /* In the same store … */
  entry = syllabus_store_get_entry (store, TOPIC_ID, one_v2);
  g_assert_true (syllabus_entry_get_done (entry));
  entry = syllabus_store_get_entry (store, TOPIC_ID, video_v2);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "watch again");
  entry = syllabus_store_get_entry (store, TOPIC_ID, two_v2);
  g_assert_false (syllabus_entry_get_done (entry));
  save_or_fail (store);

  /* … and after a restart with the edited topic. */
  again = new_loaded_store ();
  entry = syllabus_store_get_entry (again, TOPIC_ID, one_v2);
  g_assert_true (syllabus_entry_get_done (entry));
  entry = syllabus_store_get_entry (again, TOPIC_ID, video_v2);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "watch again");
  entry = syllabus_store_get_entry (again, TOPIC_ID, two_v2);
  g_assert_false (syllabus_entry_get_done (entry));

  /* Progress belongs to its topic: another topic linking the same page
   * starts fresh. */
  entry = syllabus_store_get_entry (again, "other-topic", one_v2);
  g_assert_false (syllabus_entry_get_done (entry));
}

static gboolean
list_has_key (GPtrArray  *list,
              const char *key)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (syllabus_entry_get_key (g_ptr_array_index (list, i)), key))
      return TRUE;

  return FALSE;
}

static void
test_orphans_kept (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) v1 = parse_topic (topic_v1);
  g_autoptr(SyllabusTopic) v3 = parse_topic (topic_v3);
  g_autoptr(SyllabusResource) one = find_resource (v1, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (v1, "Book Two");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonNode) root = NULL;
  GListModel *resources;
  const char *two_key = syllabus_resource_get_key (two);
  SyllabusEntry *entry;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, two), "half read");
  save_or_fail (store);

  /* Book Two left the topic. Show the new version of the topic, change
   * something else, save. */
  again = new_loaded_store ();
  resources = syllabus_topic_get_resources (v3);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      entry = syllabus_store_get_entry (again, TOPIC_ID, resource);
      g_assert_false (g_str_equal (syllabus_entry_get_key (entry), two_key));
      if (g_str_equal (syllabus_resource_get_title (resource), "A Video"))
        syllabus_entry_set_done (entry, TRUE);
    }
  save_or_fail (again);

  list = syllabus_store_list_entries (again, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_true (list_has_key (list, two_key));
  entry = syllabus_store_lookup (again, TOPIC_ID, two_key);
  g_assert_nonnull (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "half read");
  /* Shown as last seen. */
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Book Two");
  g_assert_cmpstr (syllabus_entry_get_url (entry), ==, "https://example.org/two?edition=2");

  root = parse_progress_file ();
  g_assert_nonnull (file_entry (root, TOPIC_ID, two_key));
  g_assert_cmpstr (json_object_get_string_member (file_entry (root, TOPIC_ID, two_key), "notes"),
                   ==, "half read");

  /* Entries of a topic that is gone altogether are kept too. */
  g_clear_object (&again);
  again = new_loaded_store ();
  g_clear_pointer (&list, g_ptr_array_unref);
  list = syllabus_store_list_entries (again, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 3);
  syllabus_entry_set_done (syllabus_store_get_entry (again, "another", one), TRUE);
  save_or_fail (again);
  g_clear_pointer (&root, json_node_unref);
  root = parse_progress_file ();
  g_assert_nonnull (file_entry (root, TOPIC_ID, two_key));
  g_assert_nonnull (file_entry (root, "another", syllabus_resource_get_key (one)));
}

static void
test_pristine_not_written (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = topic_path (TOPIC_ID);
  GListModel *resources = syllabus_topic_get_resources (topic);
  JsonObject *resources_object;

  /* Showing a topic creates entries but changes nothing. */
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      SyllabusEntry *entry = syllabus_store_get_entry (store, TOPIC_ID, resource);

      g_assert_true (syllabus_entry_is_pristine (entry));
    }
  g_assert_false (syllabus_store_get_dirty (store));
  list = syllabus_store_list_entries (store, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 0);
  save_or_fail (store);
  run_for (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  g_assert_true (syllabus_store_get_dirty (store));
  save_or_fail (store);

  root = parse_progress_file ();
  resources_object = json_object_get_object_member (
    json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (root), "topics"), TOPIC_ID),
    "resources");
  g_assert_cmpuint (json_object_get_size (resources_object), ==, 1);
  g_assert_true (json_object_has_member (resources_object, syllabus_resource_get_key (one)));
}

static void
test_last_seen (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) v1 = parse_topic (topic_v1);
  g_autoptr(SyllabusTopic) v2 = parse_topic (topic_v2);
  g_autoptr(SyllabusResource) two_v1 = find_resource (v1, "Book Two");
  g_autoptr(SyllabusResource) two_v2 = find_resource (v2, "Second Book (2nd edition)");
  g_autoptr(SyllabusResource) video_v2 = find_resource (v2, "The Video, remastered");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  SyllabusEntry *entry;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two_v1), TRUE);
  save_or_fail (store);

  again = new_loaded_store ();
  entry = syllabus_store_lookup (again, TOPIC_ID, syllabus_resource_get_key (two_v2));
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Book Two");

  /* Seeing the renamed resource records its new title and link. */
  entry = syllabus_store_get_entry (again, TOPIC_ID, two_v2);
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Second Book (2nd edition)");
  g_assert_cmpstr (syllabus_entry_get_url (entry), ==, "https://EXAMPLE.org/two?edition=2");
  g_assert_true (syllabus_entry_get_done (entry));
  g_assert_true (syllabus_store_get_dirty (again));

  /* A pristine entry keeps its last-seen title in memory only. */
  entry = syllabus_store_get_entry (again, TOPIC_ID, video_v2);
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "The Video, remastered");
  save_or_fail (again);

  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, syllabus_resource_get_key (two_v2));
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Second Book (2nd edition)");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, "https://EXAMPLE.org/two?edition=2");
  g_assert_null (file_entry (root, TOPIC_ID, syllabus_resource_get_key (video_v2)));

  /* Seeing it again unchanged is no change. */
  syllabus_store_get_entry (again, TOPIC_ID, two_v2);
  g_assert_false (syllabus_store_get_dirty (again));
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static SyllabusStore *
new_store_loaded_async (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SyllabusStore *store = syllabus_store_new (NULL);

  syllabus_store_load_async (store, NULL, load_ready_cb, loop);
  g_assert_false (syllabus_store_get_loaded (store));
  g_main_loop_run (loop);
  g_assert_true (syllabus_store_get_loaded (store));
  g_assert_null (syllabus_store_get_problem (store));

  return store;
}

static void
save_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autoptr(SyllabusStore) store = new_store_loaded_async ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) video = find_resource (topic, "A Video");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SyllabusEntry *entry;

  /* An explicit asynchronous save. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  syllabus_store_save_async (store, NULL, save_ready_cb, loop);
  g_main_loop_run (loop);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_get_save_error (store));

  /* A tick saves by itself, without anyone asking. */
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, video), TRUE);
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_true (run_until (store_is_clean, store, 5000));

  again = new_store_loaded_async ();
  entry = syllabus_store_lookup (again, TOPIC_ID, syllabus_resource_get_key (one));
  g_assert_nonnull (entry);
  g_assert_true (syllabus_entry_get_done (entry));
  entry = syllabus_store_lookup (again, TOPIC_ID, syllabus_resource_get_key (video));
  g_assert_nonnull (entry);
  g_assert_true (syllabus_entry_get_done (entry));
}

static gboolean
file_has_text (const char *text)
{
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  return strstr (contents, text) != NULL;
}

static void
test_notes_debounce (void)
{
  g_autoptr(SyllabusStore) store = new_store_loaded_async ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (topic, "Book Two");
  SyllabusEntry *entry = syllabus_store_get_entry (store, TOPIC_ID, one);
  gint64 start;
  gint64 elapsed_ms;

  /* Typing: each keystroke restarts the pause. */
  syllabus_entry_set_notes (entry, "t");
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_false (file_has_text ("\"t\""));
  run_for (200);
  syllabus_entry_set_notes (entry, "ty");
  run_for (200);
  start = g_get_monotonic_time ();
  syllabus_entry_set_notes (entry, "typed");
  g_assert_false (file_has_text ("typed"));

  g_assert_true (run_until (store_is_clean, store, 3000));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("Notes on disk %" G_GINT64_FORMAT " ms after the last keystroke", elapsed_ms);
  /* Not before the pause ended, and within about a second (generous for
   * slow machines and valgrind). */
  g_assert_cmpint (elapsed_ms, >=, SYLLABUS_STORE_NOTES_DELAY_MS - 50);
  g_assert_cmpint (elapsed_ms, <, 1500);
  g_assert_true (file_has_text ("\"typed\""));

  /* A tick while notes wait is written at once, notes included: typing
   * must not hold back a tick. */
  syllabus_entry_set_notes (entry, "typed more");
  start = g_get_monotonic_time ();
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), TRUE);
  syllabus_entry_set_notes (entry, "typed more still");
  g_assert_true (run_until (store_is_clean, store, 3000));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("Tick on disk after %" G_GINT64_FORMAT " ms", elapsed_ms);
  g_assert_cmpint (elapsed_ms, <, SYLLABUS_STORE_NOTES_DELAY_MS);
  g_assert_true (file_has_text ("\"typed more still\""));
}

static void
test_flush_on_dispose (void)
{
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  SyllabusStore *store = new_loaded_store ();

  /* Notes typed just before the store goes away are not lost. */
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "last words");
  g_assert_false (file_has_text ("last words"));
  g_object_unref (store);
  g_assert_true (file_has_text ("\"last words\""));

  again = new_loaded_store ();
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID,
                                                                    syllabus_resource_get_key (one))),
                   ==, "last words");
}

typedef struct
{
  guint n_done;
  guint n_failed;
} SaveCount;

static void
count_save_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveCount *count = user_data;
  g_autoptr(GError) error = NULL;

  if (syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    count->n_done++;
  else
    count->n_failed++;
}

static void
test_generations (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (topic, "Book Two");
  SyllabusEntry *entry_one = syllabus_store_get_entry (store, TOPIC_ID, one);
  SaveCount count = { 0, 0 };
  const guint n_saves = 20;

  /* Many saves of older states in flight, then a synchronous save of the
   * newest: whatever order the threads run in, the newest state ends up
   * on disk and stays there. */
  for (guint i = 0; i < n_saves; i++)
    {
      g_autofree char *notes = g_strdup_printf ("older state %u", i);

      syllabus_entry_set_notes (entry_one, notes);
      syllabus_store_save_async (store, NULL, count_save_cb, &count);
    }
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), TRUE);
  syllabus_entry_set_notes (entry_one, "newest");
  save_or_fail (store);

  while (count.n_done + count.n_failed < n_saves)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count.n_failed, ==, 0);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_get_save_error (store));
  g_assert_true (file_has_text ("\"newest\""));
  g_assert_false (file_has_text ("older state"));

  again = new_loaded_store ();
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID,
                                                                    syllabus_resource_get_key (one))),
                   ==, "newest");
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, TOPIC_ID,
                                                                 syllabus_resource_get_key (two))));
}

static void
test_file_format (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *contents = NULL;
  JsonObject *object;
  GStatBuf buf;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  syllabus_entry_set_notes (syllabus_store_get_entry (store, TOPIC_ID, one), "a\nb");
  save_or_fail (store);

  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, syllabus_resource_get_key (one));
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Book One");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, "https://example.org/one");
  g_assert_true (json_object_get_boolean_member (object, "done"));
  g_assert_cmpstr (json_object_get_string_member (object, "notes"), ==, "a\nb");
  g_assert_true (json_object_has_member (object, "done-at"));
  g_assert_true (json_object_has_member (object, "changed-at"));

  contents = read_topic_file (TOPIC_ID);
  g_assert_true (g_str_has_suffix (contents, "}\n"));
  /* Pretty-printed, for a person to read. */
  g_assert_true (g_str_has_prefix (contents, "{\n  \"version\" : 2,\n  \"topic\" : \"demo\",\n"));

  /* Private to the user. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
  g_assert_cmpint (g_stat (parent, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);

  /* No temporary files left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_equal (name, "demo.json") || g_str_equal (name, "demo.json.bak"));
  }
  {
    g_autoptr(GDir) listing = g_dir_open (parent, 0, NULL);
    const char *name;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_equal (name, "progress") || g_str_equal (name, "progress.lock"));
  }
}

static void
test_backup (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (topic, "Book Two");
  g_autofree char *path = topic_path (TOPIC_ID);
  g_autofree char *backup_path = g_strconcat (path, ".bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  GStatBuf buf;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  save_or_fail (store);
  /* A first file has nothing to back up. */
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  first = read_topic_file (TOPIC_ID);

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), TRUE);
  save_or_fail (store);
  second = read_topic_file (TOPIC_ID);
  g_assert_cmpstr (first, !=, second);

  g_assert_true (g_file_get_contents (backup_path, &backup, NULL, NULL));
  g_assert_cmpstr (backup, ==, first);
  g_assert_cmpint (g_stat (backup_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* The backup of a loaded file is made at the first save after loading. */
  g_clear_object (&store);
  store = new_loaded_store ();
  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), FALSE);
  save_or_fail (store);
  g_clear_pointer (&backup, g_free);
  g_assert_true (g_file_get_contents (backup_path, &backup, NULL, NULL));
  g_assert_cmpstr (backup, ==, second);
}

static void
test_unknown_members (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SyllabusEntry *entry;
  const char *contents =
    "{\"version\": 1, \"written-by\": \"someone\", \"topics\": {\"demo\": {\"colour\": 3,"
    " \"resources\": {\"https://example.org/one\": {\"done\": true, \"rating\": [1, {\"x\": null}],"
    " \"notes\": \"kept\", \"done-at\": \"2026-01-02T03:04:05+01:00\"}}}, \"empty\": {}}}";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  store = new_loaded_store ();
  entry = syllabus_store_lookup (store, TOPIC_ID, "https://example.org/one");
  g_assert_nonnull (entry);
  g_assert_true (syllabus_entry_get_done (entry));
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "kept");
  g_assert_cmpint (g_date_time_get_hour (syllabus_entry_get_done_at (entry)), ==, 3);
  g_assert_cmpint (g_date_time_get_utc_offset (syllabus_entry_get_done_at (entry)), ==,
                   G_TIME_SPAN_HOUR);
  /* Never changed here: no change time invented. */
  g_assert_null (syllabus_entry_get_changed_at (entry));
}

/* Topic ids are file names: any bytes, quotes and backslashes included.
 * Whatever the store is given, it writes a file it can read back. */
static void
test_odd_text (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(SyllabusResource) odd = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) every_char = g_string_new (NULL);
  const char *quoted_id = "we\"ird\\id\n";
  const char *latin1_id = "caf\xe9";
  SyllabusEntry *entry;

  odd = syllabus_resource_new ("Title \xff\xfe", "https://example.org/\"q\"\\", NULL, 0);

  entry = syllabus_store_get_entry (store, quoted_id, odd);
  syllabus_entry_set_done (entry, TRUE);
  entry = syllabus_store_get_entry (store, latin1_id, odd);
  syllabus_entry_set_notes (entry, "na\xefve notes");

  /* Every ASCII character, and characters JSON writers treat specially:
   * whatever the writer escapes, the reader takes back. */
  for (int c = 1; c < 128; c++)
    g_string_append_c (every_char, (char)c);
  g_string_append (every_char, "\u2028\u2029\U0001F980\uFEFF");
  entry = syllabus_store_get_entry (store, TOPIC_ID, odd);
  syllabus_entry_set_notes (entry, every_char->str);
  save_or_fail (store);

  again = new_loaded_store ();
  entry = syllabus_store_get_entry (again, quoted_id, odd);
  g_assert_true (syllabus_entry_get_done (entry));
  g_assert_cmpstr (syllabus_entry_get_topic_id (entry), ==, quoted_id);
  entry = syllabus_store_get_entry (again, TOPIC_ID, odd);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, every_char->str);

  /* The same invalid id finds the same progress after a restart. */
  entry = syllabus_store_get_entry (again, latin1_id, odd);
  g_assert_true (g_utf8_validate (syllabus_entry_get_notes (entry), -1, NULL));
  g_assert_true (g_str_has_prefix (syllabus_entry_get_notes (entry), "na"));
  g_assert_true (g_str_has_suffix (syllabus_entry_get_notes (entry), "ve notes"));
  g_assert_true (g_utf8_validate (syllabus_entry_get_topic_id (entry), -1, NULL));
  g_assert_nonnull (syllabus_store_lookup (again, latin1_id, syllabus_resource_get_key (odd)));
  list = syllabus_store_list_entries (again, latin1_id);
  g_assert_cmpuint (list->len, ==, 1);
}

/* Statuses, dates, the "seen" list, counts and orphans ------------------- */

/* Returns (transfer full) a list of resources named by the last part of
 * their link, https://example.org/NAME, in the order given. */
static GListModel *
resource_list (const char *first,
               ...)
{
  GListStore *store = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *url = g_strconcat ("https://example.org/", name, NULL);
      g_autofree char *title = g_strconcat ("Resource ", name, NULL);
      g_autoptr(SyllabusResource) resource = syllabus_resource_new (title, url, NULL, 0);

      g_list_store_append (store, resource);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}

static SyllabusEntry *
entry_at (SyllabusStore *store,
          const char    *topic_id,
          GListModel    *resources,
          guint          position)
{
  g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, position);

  g_assert_nonnull (resource);
  return syllabus_store_get_entry (store, topic_id, resource);
}

/* The key of a resource resource_list() made: its links are normalised
 * already. */
#define KEY_OF(name) ("https://example.org/" name)

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Returns the keys in @new_keys, sorted and joined by spaces. */
static char *
join_keys (GHashTable *new_keys)
{
  g_autofree const char **keys = (const char **)g_hash_table_get_keys_as_array (new_keys, NULL);
  guint n = g_hash_table_size (new_keys);

  g_sort_array (keys, n, sizeof (char *), compare_string_pointers, NULL);
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (keys[i], "https://example.org/"))
      keys[i] += strlen ("https://example.org/");

  return g_strjoinv (" ", (char **)keys);
}

/* Opens @topic_id showing @resources and asserts which were new. */
static void
assert_mark_seen (SyllabusStore *store,
                  const char    *topic_id,
                  GListModel    *resources,
                  const char    *expected_new)
{
  g_autoptr(GHashTable) new_keys = syllabus_store_mark_seen (store, topic_id, resources);
  g_autofree char *joined = join_keys (new_keys);

  g_assert_cmpstr (joined, ==, expected_new);
}

/* Returns (transfer none) the "seen" list of @topic_id in @root, or NULL. */
static JsonArray *
file_seen (JsonNode   *root,
           const char *topic_id)
{
  JsonObject *object = json_object_get_object_member (json_node_get_object (root), "topics");
  JsonNode *node;

  if ((node = json_object_get_member (object, topic_id)) == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  if ((node = json_object_get_member (json_node_get_object (node), "seen")) == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_node_get_array (node);
}

/* Returns the "seen" list of @topic_id in the file, joined by spaces, with
 * the common prefix left out. */
static char *
file_seen_joined (const char *topic_id)
{
  g_autoptr(JsonNode) root = parse_progress_file ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  JsonArray *seen = file_seen (root, topic_id);

  if (seen == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (seen); i++)
    {
      const char *key = json_array_get_string_element (seen, i);

      g_assert_true (g_str_has_prefix (key, "https://example.org/"));
      g_strv_builder_add (builder, key + strlen ("https://example.org/"));
    }
  names = g_strv_builder_end (builder);

  return g_strjoinv (" ", names);
}

/* Sets up a version 1 progress.json, without a folder: what Syllabus
 * before topic files left. */
static void
write_progress_file (const char *contents)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  remove_folder ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static GDateTime *
fixed_time (int month)
{
  return g_date_time_new_utc (2026, month, 3, 4, 5, 6);
}

static void
test_status_round_trip (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) resources =
    resource_list ("not-started", "in-progress", "done", "skipped", "ticked", NULL);
  g_autoptr(GDateTime) start = fixed_time (2);
  g_autoptr(GDateTime) finish = fixed_time (3);
  g_autoptr(GDateTime) ticked_at = NULL;
  g_autoptr(JsonNode) root = NULL;
  GDateTime *changed_at[5];
  static const struct {
    const char *key;
    SyllabusStatus status;
    const char *text;
    gboolean has_start;
  } expected[] = {
    { KEY_OF ("not-started"), SYLLABUS_STATUS_NOT_STARTED, "not-started", FALSE },
    { KEY_OF ("in-progress"), SYLLABUS_STATUS_IN_PROGRESS, "in-progress", TRUE },
    { KEY_OF ("done"), SYLLABUS_STATUS_DONE, "done", TRUE },
    { KEY_OF ("skipped"), SYLLABUS_STATUS_SKIPPED, "skipped", TRUE },
    { KEY_OF ("ticked"), SYLLABUS_STATUS_DONE, "done", FALSE },
  };
  SyllabusEntry *entry;

  /* Not started but worth keeping: it has notes. */
  syllabus_entry_set_notes (entry_at (store, TOPIC_ID, resources, 0), "some day");

  entry = entry_at (store, TOPIC_ID, resources, 1);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, start);

  entry = entry_at (store, TOPIC_ID, resources, 2);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, start);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  syllabus_entry_set_done_at (entry, finish);

  entry = entry_at (store, TOPIC_ID, resources, 3);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, start);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);

  /* Ticked without ever being started: a finish and no start. */
  entry = entry_at (store, TOPIC_ID, resources, 4);
  syllabus_entry_set_done (entry, TRUE);
  ticked_at = g_date_time_ref (syllabus_entry_get_done_at (entry));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    changed_at[i] = syllabus_entry_get_changed_at (entry_at (store, TOPIC_ID, resources, i));
  save_or_fail (store);

  /* In the file: the status by name, "done" for older versions, dates in
   * UTC. */
  root = parse_progress_file ();
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *object = file_entry (root, TOPIC_ID, expected[i].key);

      g_test_message ("%s in the file", expected[i].key);
      g_assert_nonnull (object);
      g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, expected[i].text);
      g_assert_true (json_object_get_boolean_member (object, "done") ==
                     (expected[i].status == SYLLABUS_STATUS_DONE));
      if (expected[i].has_start)
        g_assert_cmpstr (json_object_get_string_member (object, "started-at"), ==,
                         "2026-02-03T04:05:06Z");
      else
        g_assert_false (json_object_has_member (object, "started-at"));
      g_assert_true (json_object_has_member (object, "done-at") ==
                     (expected[i].status == SYLLABUS_STATUS_DONE));
      g_assert_true (json_object_has_member (object, "changed-at"));
    }
  g_assert_cmpstr (json_object_get_string_member (file_entry (root, TOPIC_ID, KEY_OF ("done")),
                                                  "done-at"),
                   ==, "2026-03-03T04:05:06Z");

  /* And back. */
  again = new_loaded_store ();
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      entry = syllabus_store_lookup (again, TOPIC_ID, expected[i].key);

      g_test_message ("%s read back", expected[i].key);
      g_assert_nonnull (entry);
      g_assert_cmpint (syllabus_entry_get_status (entry), ==, expected[i].status);
      g_assert_true (syllabus_entry_get_done (entry) == (expected[i].status == SYLLABUS_STATUS_DONE));
      if (expected[i].has_start)
        g_assert_true (g_date_time_equal (syllabus_entry_get_started_at (entry), start));
      else
        g_assert_null (syllabus_entry_get_started_at (entry));
      if (expected[i].status != SYLLABUS_STATUS_DONE)
        g_assert_null (syllabus_entry_get_done_at (entry));
      g_assert_true (g_date_time_equal (syllabus_entry_get_changed_at (entry), changed_at[i]));
    }
  g_assert_cmpstr (syllabus_entry_get_notes (syllabus_store_lookup (again, TOPIC_ID,
                                                                    KEY_OF ("not-started"))),
                   ==, "some day");
  g_assert_true (g_date_time_equal (syllabus_entry_get_done_at (
                                      syllabus_store_lookup (again, TOPIC_ID, KEY_OF ("done"))),
                                    finish));
  g_assert_true (g_date_time_equal (syllabus_entry_get_done_at (
                                      syllabus_store_lookup (again, TOPIC_ID, KEY_OF ("ticked"))),
                                    ticked_at));
  g_assert_false (syllabus_store_get_dirty (again));

  /* Going on from what was read: unticking the one never started leaves
   * it not started, unticking the started one leaves it in progress. */
  entry = syllabus_store_lookup (again, TOPIC_ID, KEY_OF ("ticked"));
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  entry = syllabus_store_lookup (again, TOPIC_ID, KEY_OF ("done"));
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);
  g_assert_true (g_date_time_equal (syllabus_entry_get_started_at (entry), start));
}

/* Files written before statuses existed say only "done". */
static void
test_legacy_done (void)
{
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) finish = g_date_time_new_utc (2025, 12, 24, 18, 0, 0);
  JsonObject *object;
  SyllabusEntry *entry;

  write_progress_file (
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\n"
    "  \"https://example.org/done\": {\"title\": \"Done\", \"done\": true,"
    "    \"done-at\": \"2025-12-24T18:00:00Z\", \"changed-at\": \"2025-12-24T18:00:00Z\"},\n"
    "  \"https://example.org/undone\": {\"done\": false, \"notes\": \"soon\"},\n"
    "  \"https://example.org/nothing\": {\"notes\": \"no done at all\"},\n"
    "  \"https://example.org/bare\": {\"done\": true}\n"
    "}}}}\n");

  store = new_loaded_store ();
  g_assert_false (syllabus_store_get_dirty (store));

  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("done"));
  g_assert_nonnull (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_true (g_date_time_equal (syllabus_entry_get_done_at (entry), finish));
  g_assert_null (syllabus_entry_get_started_at (entry));

  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("undone"));
  g_assert_nonnull (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "soon");

  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("nothing"));
  g_assert_nonnull (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);

  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("bare"));
  g_assert_nonnull (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_null (syllabus_entry_get_done_at (entry));

  /* The next save writes statuses, keeping what was there. */
  syllabus_entry_set_notes (syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("nothing")), "now");
  save_or_fail (store);
  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, KEY_OF ("done"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "done");
  g_assert_true (json_object_get_boolean_member (object, "done"));
  g_assert_cmpstr (json_object_get_string_member (object, "done-at"), ==, "2025-12-24T18:00:00Z");
  object = file_entry (root, TOPIC_ID, KEY_OF ("undone"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "not-started");
  g_assert_false (json_object_get_boolean_member (object, "done"));
  object = file_entry (root, TOPIC_ID, KEY_OF ("bare"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "done");

  again = new_loaded_store ();
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, TOPIC_ID,
                                                                     KEY_OF ("done"))),
                   ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, TOPIC_ID,
                                                                     KEY_OF ("undone"))),
                   ==, SYLLABUS_STATUS_NOT_STARTED);
}

/* Statuses and dates a file may combine. */
static void
test_status_accepted (void)
{
  g_autoptr(SyllabusStore) store = NULL;
  SyllabusEntry *entry;

  write_progress_file (
    "{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {\n"
    "  \"https://example.org/a\": {\"status\": \"done\"},\n"
    "  \"https://example.org/b\": {\"status\": \"skipped\", \"done\": false,"
    "    \"started-at\": \"2026-02-03T04:05:06Z\"},\n"
    "  \"https://example.org/c\": {\"status\": \"in-progress\", \"done\": false},\n"
    "  \"https://example.org/d\": {\"status\": null, \"done\": true},\n"
    "  \"https://example.org/e\": {\"status\": \"skipped\","
    "    \"done-at\": \"2026-02-03T04:05:06Z\"}\n"
    "}}}}\n");

  store = new_loaded_store ();
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("a"))),
                   ==, SYLLABUS_STATUS_DONE);
  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("b"));
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
  g_assert_nonnull (syllabus_entry_get_started_at (entry));
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("c"))),
                   ==, SYLLABUS_STATUS_IN_PROGRESS);
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("d"))),
                   ==, SYLLABUS_STATUS_DONE);
  /* Only a done resource has a finish. */
  entry = syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("e"));
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
  g_assert_null (syllabus_entry_get_done_at (entry));
}

typedef struct
{
  const char *name;
  const char *member;
} StatusDamage;

static const StatusDamage status_damages[] = {
  { "bogus", "\"status\": \"bogus\"" },
  { "capitalised", "\"status\": \"Done\"" },
  { "empty", "\"status\": \"\"" },
  { "number", "\"status\": 2" },
  { "boolean", "\"status\": true" },
  { "done-but-skipped", "\"done\": true, \"status\": \"skipped\"" },
  { "done-but-in-progress", "\"done\": true, \"status\": \"in-progress\"" },
  { "not-done-but-done", "\"done\": false, \"status\": \"done\"" },
  { "started-at-garbage", "\"status\": \"in-progress\", \"started-at\": \"soon\"" },
  { "started-at-number", "\"status\": \"in-progress\", \"started-at\": 20260203" },
};

/* A file whose statuses cannot be trusted is damaged: moved aside, as
 * test-store-damage.c checks for every other kind of damage. */
static void
test_status_damaged (gconstpointer data)
{
  const StatusDamage *damage = data;
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *kept_contents = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_dir = NULL;
  g_autofree char *kept_name = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) resources = resource_list ("one", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  contents = g_strdup_printf ("{\"version\": 1, \"topics\": {\"demo\": {\"resources\": {"
                              "\"https://example.org/one\": {%s, \"notes\": \"mine\"}}}}}\n",
                              damage->member);
  write_progress_file (contents);

  /* The same verdict from the checker. */
  g_assert_false (syllabus_store_parse_data (contents, strlen (contents), NULL, &error));
  g_assert_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED);

  store = syllabus_store_new (NULL);
  g_clear_error (&error);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);

  problem = syllabus_store_get_problem (store);
  g_test_message ("problem: %s", problem);
  g_assert_nonnull (problem);
  g_assert_false (syllabus_store_get_read_only (store));
  kept = g_strdup (syllabus_store_get_kept_file (store));
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (problem, kept));
  kept_dir = g_path_get_dirname (kept);
  kept_name = g_path_get_basename (kept);
  g_assert_cmpstr (kept_dir, ==, dir);
  g_assert_true (g_regex_match_simple ("^progress\\.json\\.damaged-[0-9]{8}-[0-9]{6}(-[0-9]+)?$",
                                       kept_name, 0, 0));
  g_assert_true (g_file_get_contents (kept, &kept_contents, NULL, NULL));
  g_assert_cmpstr (kept_contents, ==, contents);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Nothing half-read. */
  list = syllabus_store_list_entries (store, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (syllabus_store_lookup (store, TOPIC_ID, KEY_OF ("one")));
  g_assert_false (syllabus_store_get_dirty (store));

  /* Carrying on writes a good file beside the kept one. */
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 0), SYLLABUS_STATUS_SKIPPED);
  save_or_fail (store);
  again = new_loaded_store ();
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, TOPIC_ID,
                                                                     KEY_OF ("one"))),
                   ==, SYLLABUS_STATUS_SKIPPED);
  g_clear_pointer (&kept_contents, g_free);
  g_assert_true (g_file_get_contents (kept, &kept_contents, NULL, NULL));
  g_assert_cmpstr (kept_contents, ==, contents);
}

/* Returns the text of @topic_id's seen list in @contents, as written. */
static char *
seen_text (const char *contents,
           const char *topic_id)
{
  g_autofree char *topic = g_strdup_printf ("\"%s\"", topic_id);
  const char *start = strstr (contents, topic);
  const char *end;

  g_assert_nonnull (start);
  start = strstr (start, "\"seen\"");
  g_assert_nonnull (start);
  end = strchr (start, ']');
  g_assert_nonnull (end);

  return g_strndup (start, end + 1 - start);
}

static void
test_seen_round_trip (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) unsorted = resource_list ("z", "a", "m", NULL);
  g_autoptr(GListModel) reordered = resource_list ("m", "z", "a", NULL);
  g_autoptr(GListModel) other = resource_list ("one", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *seen = NULL;
  const char *a;
  const char *m;
  const char *z;

  /* A topic opened but never changed still has a seen list. */
  assert_mark_seen (store, TOPIC_ID, unsorted, "");
  g_assert_true (syllabus_store_get_dirty (store));
  save_or_fail (store);

  /* Sorted in the file, whatever the order of the topic. */
  seen = file_seen_joined (TOPIC_ID);
  g_assert_cmpstr (seen, ==, "a m z");
  contents = read_progress_file ();
  a = strstr (contents, "\"https://example.org/a\"");
  m = strstr (contents, "\"https://example.org/m\"");
  z = strstr (contents, "\"https://example.org/z\"");
  g_assert_true (a != NULL && m != NULL && z != NULL);
  g_assert_true (a < m && m < z);
  first_text = seen_text (contents, TOPIC_ID);

  /* Read back: the same list, so nothing is new and nothing changes. */
  again = new_loaded_store ();
  assert_mark_seen (again, TOPIC_ID, reordered, "");
  g_assert_false (syllabus_store_get_dirty (again));

  /* Stable across saves: another change leaves the list as it was. */
  syllabus_entry_set_done (entry_at (again, "other", other, 0), TRUE);
  assert_mark_seen (again, "other", other, "");
  save_or_fail (again);
  g_clear_pointer (&contents, g_free);
  contents = read_progress_file ();
  second_text = seen_text (contents, TOPIC_ID);
  g_assert_cmpstr (first_text, ==, second_text);
  g_clear_pointer (&seen, g_free);
  seen = file_seen_joined (TOPIC_ID);
  g_assert_cmpstr (seen, ==, "a m z");
  g_clear_pointer (&seen, g_free);
  seen = file_seen_joined ("other");
  g_assert_cmpstr (seen, ==, "one");
  root = parse_progress_file ();
  g_assert_nonnull (file_entry (root, "other", KEY_OF ("one")));
}

static void
dirty_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *n = user_data;

  (*n)++;
}

static void
count_entry_changed_cb (SyllabusStore *store,
                        SyllabusEntry *entry,
                        gpointer       user_data)
{
  guint *n = user_data;

  (*n)++;
}

static void
test_mark_seen (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) abc = resource_list ("a", "b", "c", NULL);
  g_autoptr(GListModel) cba = resource_list ("c", "b", "a", NULL);
  g_autoptr(GListModel) acd = resource_list ("a", "c", "d", NULL);
  g_autoptr(GListModel) abcd = resource_list ("a", "b", "c", "d", NULL);
  g_autoptr(GListModel) just_a = resource_list ("a", NULL);
  g_autoptr(GListModel) ac = resource_list ("a", "c", NULL);
  g_autoptr(GListModel) nothing = resource_list (NULL);
  g_autofree char *seen = NULL;
  guint n_dirty = 0;
  guint n_entry_changed = 0;

  g_signal_connect (store, "notify::dirty", G_CALLBACK (dirty_notify_cb), &n_dirty);
  g_signal_connect (store, "entry-changed", G_CALLBACK (count_entry_changed_cb),
                    &n_entry_changed);

  /* The first time a topic is opened nothing is new, but the list is
   * recorded. */
  assert_mark_seen (store, TOPIC_ID, abc, "");
  g_assert_true (syllabus_store_get_dirty (store));
  save_or_fail (store);

  /* The same list again, in any order: nothing new, nothing to save. */
  n_dirty = 0;
  assert_mark_seen (store, TOPIC_ID, abc, "");
  assert_mark_seen (store, TOPIC_ID, cba, "");
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_cmpuint (n_dirty, ==, 0);

  /* One resource left, another came: the newcomer is new, and the list
   * is what was shown. */
  assert_mark_seen (store, TOPIC_ID, acd, "d");
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_cmpuint (n_dirty, ==, 1);
  /* New once: the next opening shows it as seen. */
  assert_mark_seen (store, TOPIC_ID, acd, "");
  save_or_fail (store);
  seen = file_seen_joined (TOPIC_ID);
  g_assert_cmpstr (seen, ==, "a c d");

  /* What the file says survives a restart. */
  again = new_loaded_store ();
  assert_mark_seen (again, TOPIC_ID, acd, "");
  g_assert_false (syllabus_store_get_dirty (again));

  /* A resource that left and came back is new again. */
  assert_mark_seen (again, TOPIC_ID, abcd, "b");
  g_assert_true (syllabus_store_get_dirty (again));
  save_or_fail (again);

  /* Fewer resources: nothing new, but recorded, so that one coming back
   * is new. */
  assert_mark_seen (again, TOPIC_ID, just_a, "");
  g_assert_true (syllabus_store_get_dirty (again));
  assert_mark_seen (again, TOPIC_ID, ac, "c");
  assert_mark_seen (again, TOPIC_ID, abcd, "b d");

  /* Topics are apart: another topic's first opening has nothing new. */
  assert_mark_seen (again, "other", abcd, "");

  /* An empty topic is seen too: what it gets later is new, after a
   * restart as well. */
  assert_mark_seen (again, "empty", nothing, "");
  save_or_fail (again);
  g_clear_pointer (&seen, g_free);
  seen = file_seen_joined ("empty");
  g_assert_cmpstr (seen, ==, "");
  g_clear_object (&again);
  again = new_loaded_store ();
  assert_mark_seen (again, "empty", just_a, "a");

  /* Seeing is not the user changing an entry. */
  g_assert_cmpuint (n_entry_changed, ==, 0);
}

/* Next up: the first in progress, else the first not started, in page
 * order; nothing once every one is done or skipped. */
static void
test_next_up (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(GListModel) resources = resource_list ("a", "b", "c", "d", NULL);
  g_autoptr(GListModel) nothing = resource_list (NULL);
  SyllabusResource *next;

  next = syllabus_store_get_next_up (store, TOPIC_ID, resources);
  g_assert_cmpstr (syllabus_resource_get_title (next), ==, "Resource a");
  g_object_unref (next);

  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 0), TRUE);
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 1), SYLLABUS_STATUS_SKIPPED);
  next = syllabus_store_get_next_up (store, TOPIC_ID, resources);
  g_assert_cmpstr (syllabus_resource_get_title (next), ==, "Resource c");
  g_object_unref (next);

  /* One in progress further down comes first. */
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 3), SYLLABUS_STATUS_IN_PROGRESS);
  next = syllabus_store_get_next_up (store, TOPIC_ID, resources);
  g_assert_cmpstr (syllabus_resource_get_title (next), ==, "Resource d");
  g_object_unref (next);

  /* Progress of another topic is not this one's. */
  syllabus_entry_set_done (entry_at (store, "other", resources, 2), TRUE);
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 2), TRUE);
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 3), TRUE);
  g_assert_null (syllabus_store_get_next_up (store, TOPIC_ID, resources));
  g_assert_null (syllabus_store_get_next_up (store, TOPIC_ID, nothing));
  next = syllabus_store_get_next_up (store, "other", resources);
  g_assert_cmpstr (syllabus_resource_get_title (next), ==, "Resource a");
  g_object_unref (next);
}

static void
test_count (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) resources = resource_list ("a", "b", "c", "d", "e", "f", "g", NULL);
  g_autoptr(GListModel) gone = resource_list ("gone", NULL);
  g_autoptr(GListModel) nothing = resource_list (NULL);
  SyllabusCounts counts;

  /* Nothing yet, not even entries. */
  syllabus_store_count (store, TOPIC_ID, resources, &counts);
  g_assert_cmpuint (counts.total, ==, 7);
  g_assert_cmpuint (counts.done, ==, 0);
  g_assert_cmpuint (counts.in_progress, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 0);

  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 0), TRUE);
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 1), SYLLABUS_STATUS_DONE);
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 2), SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, resources, 3), SYLLABUS_STATUS_SKIPPED);
  /* Ticked and unticked: an entry, not started. */
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 4), TRUE);
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, resources, 4), FALSE);
  /* f has no entry at all; g an untouched one. */
  entry_at (store, TOPIC_ID, resources, 6);
  /* Progress elsewhere does not count here. */
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, gone, 0), TRUE);
  syllabus_entry_set_done (entry_at (store, "other", resources, 5), TRUE);
  syllabus_entry_set_status (entry_at (store, "other", resources, 6), SYLLABUS_STATUS_SKIPPED);

  /* Poison what a forgetful count would leave. */
  memset (&counts, 0xff, sizeof counts);
  syllabus_store_count (store, TOPIC_ID, resources, &counts);
  g_assert_cmpuint (counts.total, ==, 7);
  g_assert_cmpuint (counts.done, ==, 2);
  g_assert_cmpuint (counts.in_progress, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 1);

  /* The same after a restart. */
  save_or_fail (store);
  again = new_loaded_store ();
  memset (&counts, 0xff, sizeof counts);
  syllabus_store_count (again, TOPIC_ID, resources, &counts);
  g_assert_cmpuint (counts.total, ==, 7);
  g_assert_cmpuint (counts.done, ==, 2);
  g_assert_cmpuint (counts.in_progress, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 1);

  /* Skipped, then done after all: counted as done only. */
  syllabus_entry_set_done (entry_at (again, TOPIC_ID, resources, 3), TRUE);
  syllabus_store_count (again, TOPIC_ID, resources, &counts);
  g_assert_cmpuint (counts.done, ==, 3);
  g_assert_cmpuint (counts.skipped, ==, 0);

  /* A topic with no resources, and one never opened. Counting changes
   * nothing. */
  save_or_fail (again);
  memset (&counts, 0xff, sizeof counts);
  syllabus_store_count (again, TOPIC_ID, nothing, &counts);
  g_assert_cmpuint (counts.total, ==, 0);
  g_assert_cmpuint (counts.done, ==, 0);
  g_assert_cmpuint (counts.in_progress, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 0);
  syllabus_store_count (again, "never-opened", resources, &counts);
  g_assert_cmpuint (counts.total, ==, 7);
  g_assert_cmpuint (counts.done, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 0);

  g_assert_false (syllabus_store_get_dirty (again));
  g_assert_null (syllabus_store_lookup (again, "never-opened", KEY_OF ("a")));
}

typedef struct
{
  guint          n;
  SyllabusEntry *last;
  SyllabusStatus last_status;
  gboolean       dirty;
  SyllabusCounts counts;
  GListModel    *resources;
} EntryChanged;

static void
entry_changed_cb (SyllabusStore *store,
                  SyllabusEntry *entry,
                  EntryChanged  *seen)
{
  seen->n++;
  seen->last = entry;
  seen->last_status = syllabus_entry_get_status (entry);
  seen->dirty = syllabus_store_get_dirty (store);
  /* Views count again when told: the change is there already. */
  if (seen->resources != NULL)
    syllabus_store_count (store, TOPIC_ID, seen->resources, &seen->counts);
}

static void
test_entry_changed (void)
{
  g_autoptr(SyllabusStore) first = new_loaded_store ();
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GListModel) resources = resource_list ("a", "b", NULL);
  g_autoptr(SyllabusResource) renamed =
    syllabus_resource_new ("A, renamed", "https://example.org/a", NULL, 0);
  g_autoptr(GDateTime) start = fixed_time (2);
  g_autoptr(GError) error = NULL;
  EntryChanged seen = { 0 };
  SyllabusEntry *a;
  SyllabusEntry *b;

  syllabus_entry_set_status (entry_at (first, TOPIC_ID, resources, 0), SYLLABUS_STATUS_DONE);
  save_or_fail (first);

  /* Loading is not the user's doing. */
  store = syllabus_store_new (NULL);
  g_signal_connect (store, "entry-changed", G_CALLBACK (entry_changed_cb), &seen);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n, ==, 0);

  /* Nor is seeing a resource under a new title, though it is saved. */
  a = syllabus_store_get_entry (store, TOPIC_ID, renamed);
  g_assert_cmpstr (syllabus_entry_get_title (a), ==, "A, renamed");
  g_assert_true (syllabus_store_get_dirty (store));
  g_assert_cmpuint (seen.n, ==, 0);
  save_or_fail (store);
  syllabus_entry_set_title (a, "A again");
  syllabus_entry_set_url (a, "https://example.org/a?again");
  b = entry_at (store, TOPIC_ID, resources, 1);
  assert_mark_seen (store, TOPIC_ID, resources, "");
  g_assert_cmpuint (seen.n, ==, 0);

  /* Each user change, once, on entries read from the file and new ones. */
  seen.resources = resources;
  syllabus_entry_set_done (a, FALSE);
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_true (seen.last == a);
  g_assert_cmpint (seen.last_status, ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_true (seen.dirty);
  g_assert_cmpuint (seen.counts.done, ==, 0);

  syllabus_entry_set_status (b, SYLLABUS_STATUS_SKIPPED);
  g_assert_cmpuint (seen.n, ==, 2);
  g_assert_true (seen.last == b);
  g_assert_cmpuint (seen.counts.skipped, ==, 1);

  syllabus_entry_set_started_at (b, start);
  g_assert_cmpuint (seen.n, ==, 3);
  syllabus_entry_set_notes (b, "why");
  g_assert_cmpuint (seen.n, ==, 4);
  syllabus_entry_set_done (a, TRUE);
  syllabus_entry_set_done_at (a, start);
  g_assert_cmpuint (seen.n, ==, 6);
  g_assert_true (seen.last == a);
  g_assert_cmpuint (seen.counts.done, ==, 1);

  /* What changes nothing says nothing. */
  syllabus_entry_set_status (b, SYLLABUS_STATUS_SKIPPED);
  syllabus_entry_set_started_at (b, start);
  syllabus_entry_set_done_at (b, start);
  syllabus_entry_set_notes (b, "why");
  syllabus_entry_set_done (a, TRUE);
  syllabus_entry_set_done_at (a, start);
  g_assert_cmpuint (seen.n, ==, 6);
}

static void
test_status_orphans (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) before = resource_list ("a", "b", "c", NULL);
  g_autoptr(GListModel) after = resource_list ("a", "d", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) start = fixed_time (2);
  g_autofree char *seen = NULL;
  SyllabusCounts counts;
  SyllabusEntry *entry;
  JsonObject *object;

  assert_mark_seen (store, TOPIC_ID, before, "");
  syllabus_entry_set_status (entry_at (store, TOPIC_ID, before, 0), SYLLABUS_STATUS_IN_PROGRESS);
  entry = entry_at (store, TOPIC_ID, before, 1);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, start);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  syllabus_entry_set_done (entry_at (store, TOPIC_ID, before, 2), TRUE);
  save_or_fail (store);

  /* b and c left the topic, d joined. */
  again = new_loaded_store ();
  assert_mark_seen (again, TOPIC_ID, after, "d");
  syllabus_entry_set_done (entry_at (again, TOPIC_ID, after, 1), TRUE);
  save_or_fail (again);

  /* Kept, with their statuses, sorted by key. */
  list = syllabus_store_list_entries (again, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (syllabus_entry_get_key (g_ptr_array_index (list, 0)), ==, KEY_OF ("a"));
  g_assert_cmpstr (syllabus_entry_get_key (g_ptr_array_index (list, 1)), ==, KEY_OF ("b"));
  g_assert_cmpstr (syllabus_entry_get_key (g_ptr_array_index (list, 2)), ==, KEY_OF ("c"));
  g_assert_cmpstr (syllabus_entry_get_key (g_ptr_array_index (list, 3)), ==, KEY_OF ("d"));
  entry = g_ptr_array_index (list, 1);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
  g_assert_true (g_date_time_equal (syllabus_entry_get_started_at (entry), start));
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Resource b");
  entry = g_ptr_array_index (list, 2);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_nonnull (syllabus_entry_get_done_at (entry));

  root = parse_progress_file ();
  object = file_entry (root, TOPIC_ID, KEY_OF ("b"));
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "skipped");
  g_assert_cmpstr (json_object_get_string_member (object, "started-at"), ==,
                   "2026-02-03T04:05:06Z");
  object = file_entry (root, TOPIC_ID, KEY_OF ("c"));
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "done");
  g_assert_true (json_object_has_member (object, "done-at"));
  /* No longer seen, though kept. */
  seen = file_seen_joined (TOPIC_ID);
  g_assert_cmpstr (seen, ==, "a d");

  /* The topic's count is of its resources only. */
  syllabus_store_count (again, TOPIC_ID, after, &counts);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.done, ==, 1);
  g_assert_cmpuint (counts.in_progress, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 0);

  /* And still there after another restart. */
  g_clear_object (&again);
  g_clear_pointer (&list, g_ptr_array_unref);
  again = new_loaded_store ();
  list = syllabus_store_list_entries (again, TOPIC_ID);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (syllabus_entry_get_status (syllabus_store_lookup (again, TOPIC_ID,
                                                                     KEY_OF ("b"))),
                   ==, SYLLABUS_STATUS_SKIPPED);
}

/* Topic ids are file names, which need not be UTF-8: the seen list of such
 * a topic must not make the file unreadable. */
static void
test_seen_odd_topic_id (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) resources = resource_list ("a", "b", NULL);
  const char *latin1_id = "caf\xe9";

  syllabus_entry_set_done (entry_at (store, latin1_id, resources, 0), TRUE);
  assert_mark_seen (store, latin1_id, resources, "");
  save_or_fail (store);

  /* new_loaded_store() asserts that there is no problem. */
  again = new_loaded_store ();
  g_assert_true (syllabus_entry_get_done (syllabus_store_lookup (again, latin1_id, KEY_OF ("a"))));
  /* And the list was recorded under the same id: nothing is new. */
  assert_mark_seen (again, latin1_id, resources, "");
  g_assert_false (syllabus_store_get_dirty (again));
}

/* The text saving writes ---------------------------------------------------- */

/* Saving keeps the snapshot of every entry it wrote and hands it to the
 * next save while the entry holds the same values. The file must still be,
 * byte for byte, what json-glib prints for the whole tree as the entries
 * hold it now: the plain text is made from snapshots taken afresh, so a
 * kept snapshot that should not have been reused shows. */
static void
assert_fast_is_plain (SyllabusStore *store,
                      char         **plain,
                      gsize         *plain_length)
{
  g_autofree char *fast = NULL;
  gsize fast_length = 0;

  *plain = _syllabus_store_serialize_for_test (store, TRUE, plain_length);

  fast = _syllabus_store_serialize_for_test (store, FALSE, &fast_length);
  g_assert_nonnull (fast);
  g_assert_cmpmem (fast, fast_length, *plain, *plain_length);
}

static JsonNode *
parse_text (const char *text,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* The topic files together hold what a fresh snapshot prints (every
 * topic file is checked by read_folder_as_v1()), and a backup is that
 * text byte for byte. */
static void
assert_file_is_plain (SyllabusStore *store)
{
  g_autofree char *backup_path = g_build_filename (g_get_user_data_dir (), "export.json", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(JsonNode) folder_root = NULL;
  g_autoptr(JsonNode) plain_root = NULL;
  gsize exported_length;
  gsize plain_length;

  assert_fast_is_plain (store, &plain, &plain_length);
  contents = read_folder_as_v1 ();
  folder_root = parse_text (contents, strlen (contents));
  plain_root = parse_text (plain, plain_length);
  g_assert_true (json_node_equal (folder_root, plain_root));

  /* A backup is written the same way. */
  g_assert_true (syllabus_store_export_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup_path, &exported, &exported_length, &error));
  g_assert_cmpmem (exported, exported_length, plain, plain_length);
}

/* A resource of @topic_id whose title and link hold characters that JSON
 * writers escape or treat specially, different for each @i. */
static SyllabusResource *
odd_resource (guint i)
{
  static const char *odd[] = {
    "plain", "\"quoted\"", "back\\slash", "tab\tand\nnewline", "\x01\x02\x1f\x7f",
    "caf\xc3\xa9 \xe2\x80\xa8\xe2\x80\xa9 \xf0\x9f\xa6\x80 \xef\xbb\xbf", "slash/</script>",
    "not UTF-8 \xff\xfe", "", " ", "{\"a\" : [1, 2]},", "\\u0041",
  };
  g_autofree char *title = g_strdup_printf ("Title %u %s", i, odd[i % G_N_ELEMENTS (odd)]);
  g_autofree char *url = g_strdup_printf ("https://example.org/%s/%u?q=%s",
                                          odd[(i + 3) % G_N_ELEMENTS (odd)], i,
                                          odd[(i + 7) % G_N_ELEMENTS (odd)]);

  return syllabus_resource_new (i % 5 == 4 ? "" : title, url, "Group", 0);
}

static SyllabusEntry *
odd_entry (SyllabusStore *store,
           const char    *topic_id,
           guint          i)
{
  g_autoptr(SyllabusResource) resource = odd_resource (i);

  return syllabus_store_get_entry (store, topic_id, resource);
}

/* Gives the entries of @topic_id, 0 to @n - 1, progress of all kinds. */
static void
fill_odd_topic (SyllabusStore *store,
                const char    *topic_id,
                guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      SyllabusEntry *entry = odd_entry (store, topic_id, i);
      g_autofree char *notes = g_strdup_printf ("Notes %u: \"%s\" \\ \x01 \xe2\x80\xa8 \xff end", i,
                                                topic_id);

      switch (i % 4)
        {
        case 0:
          syllabus_entry_set_done (entry, TRUE);
          break;
        case 1:
          syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
          syllabus_entry_set_notes (entry, notes);
          break;
        case 2:
          syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
          break;
        default:
          syllabus_entry_set_notes (entry, notes + (i % 3));
          break;
        }
    }
}

static GListModel *
odd_resources (guint first,
               guint n)
{
  GListStore *list = g_list_store_new (SYLLABUS_TYPE_RESOURCE);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(SyllabusResource) resource = odd_resource (i);

      g_list_store_append (list, resource);
    }

  return G_LIST_MODEL (list);
}

static guint saves_pending;

static void
parallel_save_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error));
  g_assert_no_error (error);
  saves_pending--;
}

/* Saves in several threads at once share the kept snapshots and their
 * texts: the last one on disk holds every change, as read back. */
static void
test_saved_text_parallel (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;

  for (guint t = 0; t < 20; t++)
    {
      g_autofree char *id = g_strdup_printf ("topic-%02u", t);

      fill_odd_topic (store, id, 50);
    }

  for (guint round = 0; round < 30; round++)
    {
      g_autofree char *notes = g_strdup_printf ("Round %u", round);

      for (guint k = 0; k < 8; k++)
        {
          syllabus_entry_set_notes (odd_entry (store, "topic-03", (round + k) % 50), notes);
          saves_pending++;
          syllabus_store_save_async (store, NULL, parallel_save_cb, NULL);
        }
      if (round % 5 == 0)
        save_or_fail (store);
    }
  while (saves_pending > 0)
    g_main_context_iteration (NULL, TRUE);
  save_or_fail (store);
  assert_file_is_plain (store);

  again = new_loaded_store ();
  for (guint i = 0; i < 50; i++)
    {
      const char *notes = syllabus_entry_get_notes (odd_entry (store, "topic-03", i));
      g_autofree char *valid = g_utf8_make_valid (notes, -1);

      g_assert_cmpstr (syllabus_entry_get_notes (odd_entry (again, "topic-03", i)), ==, valid);
    }
}

static void
test_saved_text_is_plain (void)
{
  static const char *topic_ids[] = {
    "demo", "we\"ird\\id\n", "caf\xe9", "\xc3\xbc-topic", "tab\tid", "\x01", "zz", "/slash",
  };
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusStore) again = NULL;
  g_autoptr(GListModel) seen = odd_resources (0, 30);
  g_autoptr(GListModel) nothing = odd_resources (0, 0);
  g_autoptr(GListModel) more_seen = odd_resources (5, 40);
  g_autofree char *empty = NULL;
  gsize empty_length;
  SyllabusEntry *entry;

  /* No topics at all. */
  assert_fast_is_plain (store, &empty, &empty_length);

  /* Topics with entries and a seen list, entries only, an empty seen list
   * only, a seen list only; entries whose resources are not in the seen
   * list (orphans). */
  for (guint t = 0; t < G_N_ELEMENTS (topic_ids); t++)
    fill_odd_topic (store, topic_ids[t], 3 + t * 7);
  g_hash_table_unref (syllabus_store_mark_seen (store, "demo", seen));
  g_hash_table_unref (syllabus_store_mark_seen (store, "caf\xe9", seen));
  g_hash_table_unref (syllabus_store_mark_seen (store, "empty-seen", nothing));
  g_hash_table_unref (syllabus_store_mark_seen (store, "seen-only", more_seen));
  save_or_fail (store);
  assert_file_is_plain (store);

  /* Many topics. */
  for (guint t = 0; t < 60; t++)
    {
      g_autofree char *id = g_strdup_printf ("topic-%02u", t);

      fill_odd_topic (store, id, t % 6);
    }
  save_or_fail (store);
  assert_file_is_plain (store);

  /* One change among many, then several, then one undone: the other
   * entries are written from the texts kept. */
  entry = odd_entry (store, "demo", 1);
  syllabus_entry_set_notes (entry, "Changed \"notes\"\n");
  save_or_fail (store);
  assert_file_is_plain (store);

  syllabus_entry_set_status (odd_entry (store, "zz", 4), SYLLABUS_STATUS_DONE);
  syllabus_entry_set_done (odd_entry (store, "zz", 0), FALSE);
  syllabus_entry_set_notes (odd_entry (store, "\x01", 2), "");
  syllabus_entry_set_notes (odd_entry (store, "tab\tid", 3), "\xff\xfe still not UTF-8");
  g_hash_table_unref (syllabus_store_mark_seen (store, "demo", more_seen));
  g_hash_table_unref (syllabus_store_mark_seen (store, "empty-seen", seen));
  save_or_fail (store);
  assert_file_is_plain (store);

  entry = odd_entry (store, "demo", 1);
  g_assert_true (syllabus_entry_can_undo (entry));
  syllabus_entry_undo (entry);
  save_or_fail (store);
  assert_file_is_plain (store);

  /* A resource seen under a new title: its entry is written anew. */
  {
    g_autoptr(SyllabusResource) renamed = odd_resource (2);
    g_autoptr(SyllabusResource) resource =
      syllabus_resource_new ("A new \"title\" \xe2\x80\xa8", syllabus_resource_get_url (renamed), NULL, 0);

    syllabus_store_get_entry (store, "zz", resource);
  }
  save_or_fail (store);
  assert_file_is_plain (store);

  /* Only the link as written changes (the same address, so the same
   * entry), and only which resources a seen list holds, not how many. */
  {
    g_autoptr(SyllabusResource) original = syllabus_resource_new ("Linked", "https://example.org/linked",
                                                                   NULL, 0);
    g_autoptr(SyllabusResource) relinked = syllabus_resource_new ("Linked", "HTTPS://Example.org/linked",
                                                                   NULL, 0);

    g_assert_cmpstr (syllabus_resource_get_key (relinked), ==, syllabus_resource_get_key (original));
    syllabus_entry_set_notes (syllabus_store_get_entry (store, "zz", original), "Linked notes");
    save_or_fail (store);
    assert_file_is_plain (store);
    entry = syllabus_store_get_entry (store, "zz", relinked);
    g_assert_cmpstr (syllabus_entry_get_url (entry), ==, "HTTPS://Example.org/linked");
  }
  save_or_fail (store);
  assert_file_is_plain (store);
  {
    g_autoptr(GListModel) shifted = odd_resources (6, 40);

    g_hash_table_unref (syllabus_store_mark_seen (store, "seen-only", shifted));
  }
  save_or_fail (store);
  assert_file_is_plain (store);

  /* Entries merged from a file: without a title or a link, with dates
   * that have microseconds or another offset, seen lists joined. */
  {
    g_autofree char *merge_path = g_build_filename (g_get_user_data_dir (), "merge.json", NULL);
    g_autoptr(GFile) merge_file = g_file_new_for_path (merge_path);
    g_autoptr(GError) error = NULL;
    const char *merged =
      "{\"version\": 1, \"topics\": {"
      "  \"merged\": {\"seen\": [\"https://example.org/m\\u0000x\", \"\"], \"resources\": {"
      "    \"https://example.org/m1\": {\"done\": true},"
      "    \"https://example.org/m2\": {\"status\": \"in-progress\","
      "      \"started-at\": \"2026-11-25T12:00:00.123456+02:00\", \"notes\": \"\\ud83e\\udd80\","
      "      \"changed-at\": \"2026-11-25T12:00:01Z\"},"
      "    \"\": {\"status\": \"skipped\", \"changed-at\": \"2026-11-25T12:00:01Z\"}}},"
      "  \"demo\": {\"seen\": [\"https://example.org/only-in-merge\"]}}}";

    g_assert_true (g_file_set_contents (merge_path, merged, -1, &error));
    g_assert_true (syllabus_store_merge_file (store, merge_file, NULL, &error));
    g_assert_no_error (error);
    save_or_fail (store);
    assert_file_is_plain (store);
  }

  /* Saved in a thread. */
  syllabus_entry_set_notes (odd_entry (store, "/slash", 5), "async");
  g_assert_true (run_until (store_is_clean, store, 5000));
  assert_file_is_plain (store);

  /* After a restart, from what was read. */
  g_clear_object (&store);
  again = new_loaded_store ();
  syllabus_entry_set_notes (odd_entry (again, "demo", 0), "after a restart");
  save_or_fail (again);
  assert_file_is_plain (again);
  g_hash_table_unref (syllabus_store_mark_seen (again, "seen-only", seen));
  save_or_fail (again);
  assert_file_is_plain (again);
}

/* Temporary files left by a save that a kill interrupted are removed on
 * load; nothing else in the folder is touched: not the user's own
 * progress.json.backup or progress.json.MyCopy, which a clean-up that took
 * any "progress.json." and six letters for a leftover deleted, nor a
 * leftover of an older version whose name a user could have chosen. */
static void
test_leftover_temporary_files (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "syllabus", NULL);
  const char *leftovers[] = { ".progress.json.syllabus-tmp-Ab12Cd",
                              ".progress.json.syllabus-tmp-zzzzzz",
                              ".progress.json.bak.syllabus-tmp-0a1B2c" };
  const char *kept[] = { "progress.json.backup", "progress.json.MyCopy", "progress.json.Ab12Cd",
                         "progress.json.bak.tmp", "progress.json.damaged-20261125-120000",
                         "progress.json.bak", "progress.json.toolong1", "progress.json.ab-12c",
                         ".progress.json.syllabus-tmp-toolong", ".notes.txt.syllabus-tmp-Ab12Cd",
                         "notes.txt" };
  g_autoptr(SyllabusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_build_filename (dir, leftovers[i], NULL);

      g_assert_true (g_file_set_contents (path, "{\"version\": 1", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "{\"version\": 1}", -1, NULL));
    }

  store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);

  /* The user's files first: these are what must never go. */
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_build_filename (dir, leftovers[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/round-trip", test_round_trip);
  g_test_add_func ("/store/next-up", test_next_up);
  g_test_add_func ("/store/iso8601", test_done_at_is_iso8601);
  g_test_add_func ("/store/stable-ids", test_stable_ids);
  g_test_add_func ("/store/orphans-kept", test_orphans_kept);
  g_test_add_func ("/store/pristine-not-written", test_pristine_not_written);
  g_test_add_func ("/store/last-seen", test_last_seen);
  g_test_add_func ("/store/async", test_async);
  g_test_add_func ("/store/notes-debounce", test_notes_debounce);
  g_test_add_func ("/store/flush-on-dispose", test_flush_on_dispose);
  g_test_add_func ("/store/generations", test_generations);
  g_test_add_func ("/store/file-format", test_file_format);
  g_test_add_func ("/store/backup", test_backup);
  g_test_add_func ("/store/unknown-members", test_unknown_members);
  g_test_add_func ("/store/odd-text", test_odd_text);
  g_test_add_func ("/store/status-round-trip", test_status_round_trip);
  g_test_add_func ("/store/legacy-done", test_legacy_done);
  g_test_add_func ("/store/status-accepted", test_status_accepted);
  for (gsize i = 0; i < G_N_ELEMENTS (status_damages); i++)
    {
      g_autofree char *name = g_strconcat ("/store/status-damaged/", status_damages[i].name, NULL);

      g_test_add_data_func (name, &status_damages[i], test_status_damaged);
    }
  g_test_add_func ("/store/seen-round-trip", test_seen_round_trip);
  g_test_add_func ("/store/mark-seen", test_mark_seen);
  g_test_add_func ("/store/count", test_count);
  g_test_add_func ("/store/entry-changed", test_entry_changed);
  g_test_add_func ("/store/status-orphans", test_status_orphans);

  g_test_add_func ("/store/seen-odd-topic-id", test_seen_odd_topic_id);
  g_test_add_func ("/store/leftover-temporary-files", test_leftover_temporary_files);
  g_test_add_func ("/store/saved-text-is-plain", test_saved_text_is_plain);
  g_test_add_func ("/store/saved-text-parallel", test_saved_text_parallel);

  return g_test_run ();
}
