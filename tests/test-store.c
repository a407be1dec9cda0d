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

static char *
progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.json", NULL);
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

static void
save_or_fail (SyllabusStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_get_save_error (store));
}

static char *
read_progress_file (void)
{
  g_autofree char *path = progress_path ();
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

static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
store_is_clean (SyllabusStore *store)
{
  return !syllabus_store_get_dirty (store);
}

/* Runs the main loop until @done returns TRUE or @timeout_ms passed.
 * Returns the last value of @done. */
static gboolean
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

static gboolean
never (SyllabusStore *store)
{
  return FALSE;
}

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
  g_autofree char *path = progress_path ();
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
  g_autofree char *path = progress_path ();
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
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);
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

  contents = read_progress_file ();
  g_assert_true (g_str_has_suffix (contents, "}\n"));

  /* Private to the user. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);

  /* No temporary files left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_nonnull (listing);
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_equal (name, "progress.json") || g_str_equal (name, "progress.json.bak"));
  }
}

static void
test_backup (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic (topic_v1);
  g_autoptr(SyllabusResource) one = find_resource (topic, "Book One");
  g_autoptr(SyllabusResource) two = find_resource (topic, "Book Two");
  g_autofree char *path = progress_path ();
  g_autofree char *backup_path = g_strconcat (path, ".bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  GStatBuf buf;

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, one), TRUE);
  save_or_fail (store);
  /* A first file has nothing to back up. */
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  first = read_progress_file ();

  syllabus_entry_set_done (syllabus_store_get_entry (store, TOPIC_ID, two), TRUE);
  save_or_fail (store);
  second = read_progress_file ();
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/round-trip", test_round_trip);
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

  return g_test_run ();
}
