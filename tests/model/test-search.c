/* test-search.c
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

/* Search across topics: titles, links and notes, every word, any case,
 * in topic then page order, including progress that left its topic. */

#include "config.h"

#include "syllabus-search.h"

static const char rust[] =
  "---\ntitle: Rust\nweight: 1\n---\n# Rust\n\n## Learning Resources\n\n### Books\n"
  "- [The Rust Programming Language](https://doc.rust-lang.org/book/)\n"
  "- [Rust in Action](https://www.manning.com/books/rust-in-action)\n"
  "### Courses\n- [Zero to Mastery](https://www.youtube.com/watch?v=lzKeecy4OmQ)\n";

static const char python[] =
  "---\ntitle: Python\nweight: 2\n---\n## Learning Resources\n"
  "- [Automate the Boring Stuff](https://automatetheboringstuff.com/)\n"
  "- [Fluent Python](https://www.oreilly.com/library/view/fluent-python-2nd/9781492056348/)\n"
  "- [Élan Vital Über Course](https://example.org/elan)\n";

typedef struct
{
  SyllabusStore *store;
  GListStore    *topics;
} Fixture;

static SyllabusTopic *
topic (const char *id,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic = syllabus_topic_new_from_data (id, id, text, strlen (text), &error);

  g_assert_no_error (error);
  return topic;
}

static SyllabusEntry *
entry_for (Fixture    *fixture,
           const char *topic_id,
           guint       position)
{
  SyllabusTopic *found = NULL;
  g_autoptr(SyllabusResource) resource = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->topics)); i++)
    {
      g_autoptr(SyllabusTopic) candidate = g_list_model_get_item (G_LIST_MODEL (fixture->topics), i);

      if (g_str_equal (syllabus_topic_get_id (candidate), topic_id))
        found = candidate;
    }
  g_assert_nonnull (found);

  resource = g_list_model_get_item (syllabus_topic_get_resources (found), position);
  return syllabus_store_get_entry (fixture->store, topic_id, resource);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) first = topic ("rust", rust);
  g_autoptr(SyllabusTopic) second = topic ("python", python);

  fixture->store = syllabus_store_new (NULL);
  g_assert_true (syllabus_store_load (fixture->store, &error));
  g_assert_no_error (error);

  fixture->topics = g_list_store_new (SYLLABUS_TYPE_TOPIC);
  g_list_store_append (fixture->topics, first);
  g_list_store_append (fixture->topics, second);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->topics);
  g_clear_object (&fixture->store);
}

/* The hits' titles, joined with "|", for compact assertions. */
static char *
search (Fixture    *fixture,
        const char *query,
        guint       max_hits)
{
  g_autoptr(GListModel) hits = syllabus_search (fixture->store, G_LIST_MODEL (fixture->topics),
                                                query, max_hits);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(SyllabusSearchHit) hit = g_list_model_get_item (hits, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, syllabus_search_hit_get_title (hit));
    }

  return g_string_free (titles, FALSE);
}

#define assert_search(fixture, query, expected)                  \
  G_STMT_START {                                                 \
    g_autofree char *found_ = search (fixture, query, 0);        \
    g_assert_cmpstr (found_, ==, expected);                      \
  } G_STMT_END

static void
test_titles (Fixture       *fixture,
             gconstpointer  data)
{
  assert_search (fixture, "rust", "The Rust Programming Language|Rust in Action");
  assert_search (fixture, "RUST action", "Rust in Action");
  assert_search (fixture, "  python   fluent ", "Fluent Python");
  assert_search (fixture, "action rust", "Rust in Action");
  assert_search (fixture, "nothing like this", "");
  assert_search (fixture, "", "");
  assert_search (fixture, "   ", "");
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(SyllabusSearchHit) hit = NULL;

  assert_search (fixture, "manning", "Rust in Action");
  assert_search (fixture, "youtube.com", "Zero to Mastery");

  hits = syllabus_search (fixture->store, G_LIST_MODEL (fixture->topics), "oreilly", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (syllabus_topic_get_id (syllabus_search_hit_get_topic (hit)), ==, "python");
  g_assert_cmpint (syllabus_search_hit_get_fields (hit), ==, SYLLABUS_SEARCH_LINK);
  g_assert_null (syllabus_search_hit_get_snippet (hit));
  g_assert_cmpstr (syllabus_search_hit_get_key (hit), ==,
                   "https://www.oreilly.com/library/view/fluent-python-2nd/9781492056348/");
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(SyllabusSearchHit) hit = NULL;

  syllabus_entry_set_notes (entry_for (fixture, "rust", 1),
                            "Chapter 4 on Ownership — reread.\nThen the exercises.");
  syllabus_entry_set_notes (entry_for (fixture, "python", 0), "Do the exercises on weekends");

  assert_search (fixture, "ownership", "Rust in Action");
  assert_search (fixture, "exercises", "Rust in Action|Automate the Boring Stuff");
  /* Words may come from different fields of the same resource. */
  assert_search (fixture, "manning reread", "Rust in Action");
  assert_search (fixture, "manning weekends", "");

  hits = syllabus_search (fixture->store, G_LIST_MODEL (fixture->topics), "ownership", 0);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (syllabus_search_hit_get_fields (hit), ==, SYLLABUS_SEARCH_NOTES);
  /* The snippet is the first line of the notes. */
  g_assert_cmpstr (syllabus_search_hit_get_snippet (hit), ==, "Chapter 4 on Ownership — reread.");
}

static void
test_long_snippet (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(SyllabusSearchHit) hit = NULL;
  g_autoptr(GString) notes = g_string_new ("needle ");

  for (guint i = 0; i < 40; i++)
    g_string_append (notes, "été ");
  syllabus_entry_set_notes (entry_for (fixture, "rust", 0), notes->str);

  hits = syllabus_search (fixture->store, G_LIST_MODEL (fixture->topics), "needle", 0);
  hit = g_list_model_get_item (hits, 0);
  g_assert_true (g_utf8_validate (syllabus_search_hit_get_snippet (hit), -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (syllabus_search_hit_get_snippet (hit), -1), ==, 81);
  g_assert_true (g_str_has_suffix (syllabus_search_hit_get_snippet (hit), "…"));
}

static void
test_case_and_composition (Fixture       *fixture,
                           gconstpointer  data)
{
  /* Decomposed "É" (E + combining acute) finds the composed title. */
  assert_search (fixture, "E\xcc\x81lan", "Élan Vital Über Course");
  assert_search (fixture, "über", "Élan Vital Über Course");
  assert_search (fixture, "ÜBER ÉLAN", "Élan Vital Über Course");
  /* ASCII words take a quicker way, to the same ends: an ASCII word in a
   * title that is not, a word that is not in an ASCII title. */
  assert_search (fixture, "VITAL course", "Élan Vital Über Course");
  assert_search (fixture, "FLUENT", "Fluent Python");
  assert_search (fixture, "fluént", "");
}

static void
test_orphans (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SyllabusTopic) smaller = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(SyllabusSearchHit) hit = NULL;
  static const char fewer[] =
    "---\ntitle: Rust\nweight: 1\n---\n## Learning Resources\n"
    "- [The Rust Programming Language](https://doc.rust-lang.org/book/)\n";

  syllabus_entry_set_notes (entry_for (fixture, "rust", 1), "borrowed from the library");

  /* Rust in Action leaves the topic; its notes stay searchable. */
  smaller = topic ("rust", fewer);
  g_list_store_remove (fixture->topics, 0);
  g_list_store_insert (fixture->topics, 0, smaller);

  hits = syllabus_search (fixture->store, G_LIST_MODEL (fixture->topics), "borrowed", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (syllabus_search_hit_get_title (hit), ==, "Rust in Action");
  g_assert_true (syllabus_search_hit_get_topic (hit) == smaller);

  /* It is listed after the topic's own resources. */
  assert_search (fixture, "rust", "The Rust Programming Language|Rust in Action");
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *one = search (fixture, "https", 1);
  g_autofree char *two = search (fixture, "https", 2);
  g_autofree char *all = search (fixture, "https", 0);

  g_assert_cmpstr (one, ==, "The Rust Programming Language");
  g_assert_cmpstr (two, ==, "The Rust Programming Language|Rust in Action");
  g_assert_cmpstr (all, ==, "The Rust Programming Language|Rust in Action|Zero to Mastery|"
                            "Automate the Boring Stuff|Fluent Python|Élan Vital Über Course");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/titles", test_titles);
  ADD ("/search/links", test_links);
  ADD ("/search/notes", test_notes);
  ADD ("/search/long-snippet", test_long_snippet);
  ADD ("/search/case-and-composition", test_case_and_composition);
  ADD ("/search/orphans", test_orphans);
  ADD ("/search/limit", test_limit);

#undef ADD

  return g_test_run ();
}
