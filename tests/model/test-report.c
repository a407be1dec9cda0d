/* test-report.c
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

/* Progress reports: the Markdown document, exactly, for a small topic in a
 * few states; that its escaping survives a Markdown parser; the aligned
 * text status and the JSON status. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "syllabus-markdown.h"
#include "syllabus-report.h"
#include "syllabus-resource-private.h"
#include "syllabus-topic.h"

static const char demo_topic[] =
  "---\n"
  "title: Demo *Topic* #1\n"
  "---\n"
  "# Demo\n"
  "\n"
  "## Learning Resources\n"
  "\n"
  "### Books\n"
  "- [Book \\[One\\]](https://example.org/one)\n"
  "- [Book\\_Two](https://example.org/two)\n"
  "- [Book Three](https://example.org/three)\n"
  "\n"
  "### Videos\n"
  "- [A Video](https://video.example.com/watch?v=abc)\n"
  "- [Another](https://example.org/four)\n";

static const char second_topic[] =
  "---\n"
  "title: Go\n"
  "---\n"
  "# Go\n"
  "\n"
  "## Learning Resources\n"
  "- [Tour](https://go.dev/tour)\n";

static const char wide_topic[] =
  "---\n"
  "title: 日本語\n"
  "---\n"
  "# Nihongo\n"
  "\n"
  "## Learning Resources\n"
  "- [Kana](https://example.jp/kana)\n"
  "- [Kanji](https://example.jp/kanji)\n";

static SyllabusTopic *
parse_topic (const char *id,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;

  topic = syllabus_topic_new_from_data (id, id, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  return topic;
}

static SyllabusStore *
new_loaded_store (void)
{
  g_autoptr(GError) error = NULL;
  SyllabusStore *store = syllabus_store_new (NULL);

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

static GListModel *
list_of (SyllabusTopic *first,
         ...)
{
  GListStore *list = g_list_store_new (SYLLABUS_TYPE_TOPIC);
  va_list args;

  va_start (args, first);
  for (SyllabusTopic *topic = first; topic != NULL; topic = va_arg (args, SyllabusTopic *))
    g_list_store_append (list, topic);
  va_end (args);

  return G_LIST_MODEL (list);
}

/* Returns (transfer none) the entry for the resource of @topic titled
 * @title. */
static SyllabusEntry *
entry_for (SyllabusStore *store,
           SyllabusTopic *topic,
           const char    *title)
{
  GListModel *resources = syllabus_topic_get_resources (topic);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      if (g_str_equal (syllabus_resource_get_title (resource), title))
        return syllabus_store_get_entry (store, syllabus_topic_get_id (topic), resource);
    }

  g_error ("No resource titled “%s”", title);
  return NULL;
}

/* Gives the resource of @topic titled @title the kind @kind, as the topic
 * parser does for a link text starting "@kind@". */
static void
set_kind (SyllabusTopic *topic,
          const char    *title,
          const char    *kind)
{
  GListModel *resources = syllabus_topic_get_resources (topic);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      if (g_str_equal (syllabus_resource_get_title (resource), title))
        {
          syllabus_resource_set_kind (resource, kind);
          return;
        }
    }

  g_error ("No resource titled “%s”", title);
}

static GDateTime *
utc (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

/* Puts the demo topic into a known mix of states, with fixed dates. */
static void
fill_demo (SyllabusStore *store,
           SyllabusTopic *topic)
{
  g_autoptr(GDateTime) nov20 = utc ("2026-11-20T09:00:00Z");
  g_autoptr(GDateTime) nov22 = utc ("2026-11-22T23:30:00Z");
  g_autoptr(GDateTime) nov25 = utc ("2026-11-25T12:00:00Z");
  g_autoptr(GDateTime) oct01 = utc ("2026-10-01T08:00:00Z");
  g_autoptr(SyllabusResource) old = NULL;
  g_autoptr(SyllabusResource) odd = NULL;
  g_autoptr(SyllabusResource) undone = NULL;
  SyllabusEntry *entry;

  entry = entry_for (store, topic, "Book [One]");
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  syllabus_entry_set_started_at (entry, nov20);
  syllabus_entry_set_done_at (entry, nov25);
  syllabus_entry_set_notes (entry, "Great book.\r\n\r\nRead *chapter 3* again.\n\n");

  entry = entry_for (store, topic, "Book_Two");
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, nov22);

  entry = entry_for (store, topic, "A Video");
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);

  entry = entry_for (store, topic, "Another");
  syllabus_entry_set_notes (entry, "Maybe later");

  /* Progress for resources the topic no longer lists. */
  old = syllabus_resource_new ("Old <Guide>", "https://example.org/old", NULL, 0);
  entry = syllabus_store_get_entry (store, syllabus_topic_get_id (topic), old);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  syllabus_entry_set_done_at (entry, oct01);

  odd = syllabus_resource_new ("Paren", "https://example.org/a_(b) c", NULL, 0);
  entry = syllabus_store_get_entry (store, syllabus_topic_get_id (topic), odd);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, oct01);
  syllabus_entry_set_notes (entry, "# Not a heading of the report\n```\nunclosed fence");

  /* Ticked, then unticked: it holds nothing and is not reported. */
  undone = syllabus_resource_new ("Undone", "https://example.org/undone", NULL, 0);
  entry = syllabus_store_get_entry (store, syllabus_topic_get_id (topic), undone);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_false (syllabus_entry_is_pristine (entry));
}

static const char expected_fresh[] =
  "# Progress in Syllabus\n"
  "\n"
  "## Demo \\*Topic\\* \\#1\n"
  "\n"
  "0 of 5 done\n"
  "\n"
  "### Not started\n"
  "\n"
  "5 resources are not started yet.\n";

static const char expected_mixed[] =
  "# Progress in Syllabus\n"
  "\n"
  "## Demo \\*Topic\\* \\#1\n"
  "\n"
  "1 of 5 done · 1 in progress · 1 skipped\n"
  "\n"
  "### Done\n"
  "\n"
  "- [Book \\[One\\]](https://example.org/one) — started 2026-11-20, done 2026-11-25\n"
  "  > Great book.\n"
  "  >\n"
  "  > Read *chapter 3* again.\n"
  "\n"
  "### In progress\n"
  "\n"
  "- [Book\\_Two](https://example.org/two) — started 2026-11-22\n"
  "\n"
  "### Skipped\n"
  "\n"
  "- [A Video](https://video.example.com/watch?v=abc)\n"
  "\n"
  "### Not started\n"
  "\n"
  "2 resources are not started yet.\n"
  "\n"
  "Those with notes:\n"
  "\n"
  "- [Another](https://example.org/four)\n"
  "  > Maybe later\n"
  "\n"
  "### No longer in this topic\n"
  "\n"
  "- [Paren](https://example.org/a_\\(b\\)%20c) — in progress, started 2026-10-01\n"
  "  > # Not a heading of the report\n"
  "  > ```\n"
  "  > unclosed fence\n"
  "- [Old \\<Guide\\>](https://example.org/old) — done 2026-10-01\n";

static const char expected_all_done[] =
  "# Progress in Syllabus\n"
  "\n"
  "## Go\n"
  "\n"
  "1 of 1 done\n"
  "\n"
  "### Done\n"
  "\n"
  "- [Tour](https://go.dev/tour) — done 2026-11-25\n";

static void
test_markdown_fresh (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autofree char *report = syllabus_report_markdown (store, topics);

  g_assert_cmpstr (report, ==, expected_fresh);
}

static void
test_markdown_mixed (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autofree char *report = NULL;

  fill_demo (store, topic);
  report = syllabus_report_markdown (store, topics);

  g_assert_cmpstr (report, ==, expected_mixed);
}

static void
test_markdown_several (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) demo = parse_topic ("demo", demo_topic);
  g_autoptr(SyllabusTopic) go = parse_topic ("go", second_topic);
  g_autoptr(GListModel) topics = list_of (go, demo, NULL);
  g_autoptr(GListModel) only_go = list_of (go, NULL);
  g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (SYLLABUS_TYPE_TOPIC));
  g_autoptr(GDateTime) nov25 = utc ("2026-11-25T12:00:00Z");
  g_autofree char *report = NULL;
  g_autofree char *go_report = NULL;
  g_autofree char *empty_report = NULL;
  g_autofree char *expected = NULL;
  SyllabusEntry *entry;

  fill_demo (store, demo);
  entry = entry_for (store, go, "Tour");
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  syllabus_entry_set_done_at (entry, nov25);

  /* One topic gives that topic only; several come in the order given. */
  go_report = syllabus_report_markdown (store, only_go);
  g_assert_cmpstr (go_report, ==, expected_all_done);

  report = syllabus_report_markdown (store, topics);
  expected = g_strconcat (expected_all_done, "\n",
                          expected_mixed + strlen ("# Progress in Syllabus\n\n"), NULL);
  g_assert_cmpstr (report, ==, expected);

  empty_report = syllabus_report_markdown (store, none);
  g_assert_cmpstr (empty_report, ==, "# Progress in Syllabus\n");
}

/* The full report ends with the study of the last twelve months. */
static const char expected_activity[] =
  "\n"
  "## Your Study in the Last 12 Months\n"
  "\n"
  "- 4 days of study\n"
  "- 2 resources finished\n"
  "- Current streak: 3 days\n"
  "- Longest streak: 3 days\n"
  "\n"
  "- October 2026: 0 finished, 1 started\n"
  "- November 2026: 2 finished, 1 started\n";

static void
test_markdown_activity (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autoptr(GDateTime) oct30 = utc ("2026-10-30T10:00:00Z");
  g_autoptr(GDateTime) nov01 = utc ("2026-11-01T10:00:00Z");
  g_autoptr(GDateTime) nov02 = utc ("2026-11-02T10:00:00Z");
  g_autoptr(GDateTime) nov03 = utc ("2026-11-03T10:00:00Z");
  g_autoptr(GDateTime) now = utc ("2026-11-03T20:00:00Z");
  g_autofree char *progress = NULL;
  g_autofree char *report = NULL;

  syllabus_entry_restore (entry_for (store, topic, "Book [One]"), SYLLABUS_STATUS_DONE,
                          oct30, nov02, "", nov02);
  syllabus_entry_restore (entry_for (store, topic, "Book_Two"), SYLLABUS_STATUS_IN_PROGRESS,
                          nov01, NULL, "", nov01);
  syllabus_entry_restore (entry_for (store, topic, "A Video"), SYLLABUS_STATUS_DONE,
                          NULL, nov03, "", nov03);

  progress = syllabus_report_markdown (store, topics);
  report = syllabus_report_markdown_full (store, topics, now);
  g_test_message ("%s", report);
  g_assert_true (g_str_has_prefix (report, progress));
  g_assert_cmpstr (report + strlen (progress), ==, expected_activity);
}

/* A resource's kind follows its link, in brackets that stay text. */
static const char expected_kinds[] =
  "### Done\n"
  "\n"
  "- [Book \\[One\\]](https://example.org/one) \\[Book\\] — started 2026-11-20, done 2026-11-25\n"
  "  > Great book.\n"
  "  >\n"
  "  > Read *chapter 3* again.\n"
  "\n"
  "### In progress\n"
  "\n"
  "- [Book\\_Two](https://example.org/two) \\[Cheat\\*sheet\\] — started 2026-11-22\n"
  "\n"
  "### Skipped\n"
  "\n"
  "- [A Video](https://video.example.com/watch?v=abc) \\[Video\\]\n"
  "  > [video]: https://evil.example.com/\n"
  "\n";

static void
test_markdown_kinds (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autofree char *report = NULL;
  g_autofree char *html = NULL;

  fill_demo (store, topic);
  set_kind (topic, "Book [One]", "book");
  set_kind (topic, "Book_Two", "cheat*sheet");
  set_kind (topic, "A Video", "video");
  /* A note that defines the reference the kind's brackets could make. */
  syllabus_entry_set_notes (entry_for (store, topic, "A Video"), "[video]: https://evil.example.com/");

  report = syllabus_report_markdown (store, topics);
  g_assert_nonnull (strstr (report, expected_kinds));
  /* Resources without a kind are listed as before. */
  g_assert_nonnull (strstr (report, "- [Another](https://example.org/four)\n"));

  html = syllabus_markdown_to_html (report, -1);
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/one\">Book [One]</a> [Book] — "));
  g_assert_nonnull (strstr (html, "</a> [Cheat*sheet] — "));
  g_assert_nonnull (strstr (html, "</a> [Video]"));
  g_assert_null (strstr (html, "evil.example.com/\""));
}

/* The report read by a Markdown parser: the escaped titles come out as
 * written, links go where they should, and the notes stay inside their
 * quote. */
static void
test_markdown_parses (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autofree char *report = NULL;
  g_autofree char *html = NULL;

  fill_demo (store, topic);
  report = syllabus_report_markdown (store, topics);
  html = syllabus_markdown_to_html (report, -1);

  g_assert_nonnull (strstr (html, "<h2 id=\"demo-topic-1\">Demo *Topic* #1</h2>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/one\">Book [One]</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/two\">Book_Two</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/old\">Old &lt;Guide&gt;</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://example.org/a_(b)%20c\">Paren</a>"));
  g_assert_nonnull (strstr (html, "<em>chapter 3</em>"));
  /* The note's "#" is a heading inside the quote, not one of the report;
   * the report has exactly its own headings. */
  g_assert_nonnull (strstr (html, "<blockquote>\n<h1 id=\"not-a-heading-of-the-report\">Not a heading of the report</h1>"));
  g_assert_null (strstr (html, "<h2 id=\"not-a-heading"));
  g_assert_nonnull (strstr (html, "<h3 id=\"no-longer-in-this-topic\">No longer in this topic</h3>"));
}

static void
test_escape (void)
{
  static const struct { const char *text; const char *escaped; } cases[] = {
    { "plain words", "plain words" },
    { "C# & .NET", "C\\# \\& .NET" },
    { "*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`" },
    { "[link](x) <b> a|b ~x~ \\", "\\[link\\](x) \\<b\\> a\\|b \\~x\\~ \\\\" },
    { "two\nlines\tand\x01", "two lines and " },
    { "Ünïcödé 日本", "Ünïcödé 日本" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = syllabus_report_escape_markdown (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
test_status_text (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) demo = parse_topic ("demo", demo_topic);
  g_autoptr(SyllabusTopic) go = parse_topic ("go", second_topic);
  g_autoptr(SyllabusTopic) wide = parse_topic ("wide", wide_topic);
  g_autoptr(GListModel) topics = list_of (demo, go, wide, NULL);
  g_autoptr(GListModel) none = G_LIST_MODEL (g_list_store_new (SYLLABUS_TYPE_TOPIC));
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  fill_demo (store, demo);
  syllabus_entry_set_status (entry_for (store, wide, "Kana"), SYLLABUS_STATUS_DONE);
  syllabus_entry_set_status (entry_for (store, wide, "Kanji"), SYLLABUS_STATUS_SKIPPED);

  /* Wide characters take two columns each. */
  text = syllabus_report_status_text (store, topics);
  g_assert_cmpstr (text, ==,
                   "Demo *Topic* #1  1 of 5 done · 1 in progress · 1 skipped\n"
                   "Go               0 of 1 done\n"
                   "日本語           1 of 2 done · 1 skipped\n");

  empty = syllabus_report_status_text (store, none);
  g_assert_cmpstr (empty, ==, "");
}

/* Titles reach a terminal: control characters in them could be terminal
 * commands, and are replaced. */
static void
test_status_text_control (void)
{
  static const char hostile[] =
    "---\n"
    "title: Red\x1b[31m\a!\n"
    "---\n"
    "# Red\n";
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) topic = parse_topic ("red", hostile);
  g_autoptr(GListModel) topics = list_of (topic, NULL);
  g_autofree char *text = syllabus_report_status_text (store, topics);

  /* The title does hold them, or this tests nothing. */
  g_assert_nonnull (strchr (syllabus_topic_get_title (topic), '\x1b'));
  g_assert_cmpstr (text, ==, "Red\xef\xbf\xbd[31m\xef\xbf\xbd!  0 of 0 done\n");
}

/* One title of 400,000 characters padded every line of --status to its
 * width (2.8 MB of output): titles are cut at 40 columns, on a character
 * boundary, with an ellipsis. */
static void
test_status_text_long_title (void)
{
  g_autoptr(GString) long_page = g_string_new ("---\ntitle: ");
  g_autoptr(GString) wide_page = g_string_new ("---\ntitle: ");
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) go = parse_topic ("go", second_topic);
  g_autoptr(SyllabusTopic) long_topic = NULL;
  g_autoptr(SyllabusTopic) wide = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 400000; i++)
    g_string_append_c (long_page, 'x');
  g_string_append (long_page, "\n---\n# Long\n");
  /* Wide characters take two columns: the 20th would reach the 40th
   * column, where the ellipsis goes. */
  for (guint i = 0; i < 30; i++)
    g_string_append (wide_page, "日");
  g_string_append (wide_page, "\n---\n# Wide\n");
  long_topic = parse_topic ("long", long_page->str);
  wide = parse_topic ("wide", wide_page->str);
  g_assert_cmpuint (strlen (syllabus_topic_get_title (long_topic)), ==, 400000);
  topics = list_of (long_topic, wide, go, NULL);

  text = syllabus_report_status_text (store, topics);

  for (guint i = 0; i < 39; i++)
    g_string_append_c (expected, 'x');
  g_string_append (expected, "…  0 of 0 done\n");
  for (guint i = 0; i < 19; i++)
    g_string_append (expected, "日");
  g_string_append (expected, "…   0 of 0 done\n");
  g_string_append (expected, "Go                                        0 of 1 done\n");
  g_assert_cmpstr (text, ==, expected->str);
}

static JsonObject *
topic_member (JsonNode *root,
              guint     index)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (root), "topics");

  return json_array_get_object_element (array, index);
}

static JsonObject *
resource_element (JsonObject *topic,
                  const char *member,
                  guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (topic, member), index);
}

static void
test_status_json (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) demo = parse_topic ("demo", demo_topic);
  g_autoptr(SyllabusTopic) go = parse_topic ("go", second_topic);
  g_autoptr(GListModel) topics = list_of (demo, go, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonNode *root;
  JsonObject *topic;
  JsonObject *resource;

  fill_demo (store, demo);
  json = syllabus_report_status_json (store, topics);
  g_assert_true (g_str_has_suffix (json, "}\n"));

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "topics")), ==, 2);

  topic = topic_member (root, 0);
  g_assert_cmpstr (json_object_get_string_member (topic, "id"), ==, "demo");
  g_assert_cmpstr (json_object_get_string_member (topic, "title"), ==, "Demo *Topic* #1");
  g_assert_cmpint (json_object_get_int_member (topic, "total"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (topic, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (topic, "in-progress"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (topic, "skipped"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (topic, "not-started"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topic, "resources")),
                    ==, 5);

  /* Every resource, in the topic's order, with its status and dates. */
  resource = resource_element (topic, "resources", 0);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "Book [One]");
  g_assert_cmpstr (json_object_get_string_member (resource, "url"), ==, "https://example.org/one");
  g_assert_cmpstr (json_object_get_string_member (resource, "group"), ==, "Books");
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (resource, "started-at"), ==,
                   "2026-11-20T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (resource, "done-at"), ==,
                   "2026-11-25T12:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (resource, "notes"), ==,
                   "Great book.\r\n\r\nRead *chapter 3* again.\n\n");

  g_assert_false (json_object_has_member (resource, "kind"));

  resource = resource_element (topic, "resources", 2);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "Book Three");
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "not-started");
  g_assert_true (json_object_get_null_member (resource, "started-at"));
  g_assert_true (json_object_get_null_member (resource, "done-at"));
  g_assert_cmpstr (json_object_get_string_member (resource, "notes"), ==, "");

  resource = resource_element (topic, "resources", 3);
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "skipped");
  g_assert_cmpstr (json_object_get_string_member (resource, "group"), ==, "Videos");

  /* Progress that left the topic, apart and not counted. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topic, "orphans")),
                    ==, 2);
  resource = resource_element (topic, "orphans", 0);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "Paren");
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "in-progress");
  g_assert_false (json_object_has_member (resource, "group"));
  resource = resource_element (topic, "orphans", 1);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "Old <Guide>");
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "done");

  topic = topic_member (root, 1);
  g_assert_cmpstr (json_object_get_string_member (topic, "id"), ==, "go");
  g_assert_cmpint (json_object_get_int_member (topic, "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (topic, "not-started"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (topic, "orphans")),
                    ==, 0);
}

/* A resource with a kind has it as a member, in lower case; one without
 * has no such member. */
static void
test_status_json_kinds (void)
{
  g_autoptr(SyllabusStore) store = new_loaded_store ();
  g_autoptr(SyllabusTopic) demo = parse_topic ("demo", demo_topic);
  g_autoptr(GListModel) topics = list_of (demo, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *topic;
  JsonObject *resource;

  fill_demo (store, demo);
  set_kind (demo, "Book [One]", "Book");
  set_kind (demo, "A Video", "video");
  json = syllabus_report_status_json (store, topics);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "version"), ==, 1);
  topic = topic_member (json_parser_get_root (parser), 0);

  resource = resource_element (topic, "resources", 0);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "Book [One]");
  g_assert_cmpstr (json_object_get_string_member (resource, "kind"), ==, "book");
  resource = resource_element (topic, "resources", 1);
  g_assert_false (json_object_has_member (resource, "kind"));
  resource = resource_element (topic, "resources", 3);
  g_assert_cmpstr (json_object_get_string_member (resource, "title"), ==, "A Video");
  g_assert_cmpstr (json_object_get_string_member (resource, "kind"), ==, "video");
  g_assert_cmpstr (json_object_get_string_member (resource, "status"), ==, "skipped");

  /* Progress kept for resources that left the topic has no kind. */
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (topic, "orphans")); i++)
    g_assert_false (json_object_has_member (resource_element (topic, "orphans", i), "kind"));
}

int
main (int   argc,
      char *argv[])
{
  /* Dates in the report are days where the user is: fix where that is. */
  g_setenv ("TZ", "UTC", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/markdown/fresh", test_markdown_fresh);
  g_test_add_func ("/report/markdown/activity", test_markdown_activity);
  g_test_add_func ("/report/markdown/mixed", test_markdown_mixed);
  g_test_add_func ("/report/markdown/several", test_markdown_several);
  g_test_add_func ("/report/markdown/parses", test_markdown_parses);
  g_test_add_func ("/report/markdown/kinds", test_markdown_kinds);
  g_test_add_func ("/report/escape", test_escape);
  g_test_add_func ("/report/status-text", test_status_text);
  g_test_add_func ("/report/status-text-control", test_status_text_control);
  g_test_add_func ("/report/status-text-long-title", test_status_text_long_title);
  g_test_add_func ("/report/status-json", test_status_json);
  g_test_add_func ("/report/status-json/kinds", test_status_json_kinds);

  return g_test_run ();
}
