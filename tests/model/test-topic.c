/* test-topic.c
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

/* The topic parser: front matter, title, introduction and the checklist
 * taken from the "Learning Resources" section. The pages it reads are the
 * shipped content/rust.md, the files in tests/model/topics/ and small pages
 * written inline. */

#include "config.h"

#include <string.h>

#include "syllabus-library.h"
#include "syllabus-markdown.h"
#include "syllabus-resource.h"
#include "syllabus-topic.h"

typedef struct
{
  const char *title;
  const char *url;
  const char *host;   /* NULL: the link has no host */
  const char *group;  /* NULL: listed before any subheading */
  gboolean    first_in_group;
  const char *key;    /* NULL: the normalised URL */
} ExpectedResource;

/* Helpers ---------------------------------------------------------------- */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contents);

  return contents;
}

static char *
rust_path (void)
{
  return g_build_filename (SRCDIR, "..", "..", "content", "rust.md", NULL);
}

static char *
topic_path (const char *name)
{
  return g_build_filename (SRCDIR, "topics", name, NULL);
}

/* The introduction's HTML, rendered in the same walk that finds the
 * resources, is what rendering the introduction's Markdown on its own
 * gives. Every page parsed by these tests is held to it. */
static void
assert_introduction_html (SyllabusTopic *topic)
{
  g_autofree char *expected = syllabus_markdown_to_html (syllabus_topic_get_introduction (topic), -1);

  g_assert_cmpstr (syllabus_topic_get_introduction_html (topic), ==, expected);
}

static SyllabusTopic *
parse_len (const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;

  topic = syllabus_topic_new_from_data ("test", "Fallback", text, length, &error);
  g_assert_no_error (error);
  g_assert_true (SYLLABUS_IS_TOPIC (topic));
  assert_introduction_html (topic);

  return topic;
}

static SyllabusTopic *
parse (const char *text)
{
  return parse_len (text, strlen (text));
}

static SyllabusTopic *
parse_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;
  gsize length;

  contents = read_file (path, &length);
  if (g_str_has_suffix (basename, ".md"))
    basename[strlen (basename) - 3] = '\0';

  topic = syllabus_topic_new_from_data (basename, basename, contents, length, &error);
  g_assert_no_error (error);
  g_assert_true (SYLLABUS_IS_TOPIC (topic));
  assert_introduction_html (topic);

  return topic;
}

static SyllabusTopic *
parse_test_topic (const char *name)
{
  g_autofree char *path = topic_path (name);

  return parse_file (path);
}

/* The list model holds a reference, so the item stays alive. */
static SyllabusResource *
resource_at (SyllabusTopic *topic,
             guint          position)
{
  GListModel *resources = syllabus_topic_get_resources (topic);
  g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, position);

  g_assert_nonnull (resource);

  return resource;
}

static void
assert_resources (SyllabusTopic          *topic,
                  const ExpectedResource *expected,
                  guint                   n_expected)
{
  GListModel *resources = syllabus_topic_get_resources (topic);
  guint previous_index = 0;

  g_assert_true (g_list_model_get_item_type (resources) == SYLLABUS_TYPE_RESOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, n_expected);
  g_assert_null (g_list_model_get_item (resources, n_expected));

  for (guint i = 0; i < n_expected; i++)
    {
      SyllabusResource *resource = resource_at (topic, i);
      g_autofree char *key = expected[i].key != NULL ? g_strdup (expected[i].key)
                                                     : syllabus_normalize_url (expected[i].url);

      g_test_message ("resource %u: %s", i, expected[i].title);
      g_assert_cmpstr (syllabus_resource_get_title (resource), ==, expected[i].title);
      g_assert_cmpstr (syllabus_resource_get_url (resource), ==, expected[i].url);
      g_assert_cmpstr (syllabus_resource_get_key (resource), ==, key);
      g_assert_cmpstr (syllabus_resource_get_host (resource), ==, expected[i].host);
      g_assert_cmpstr (syllabus_resource_get_group (resource), ==, expected[i].group);
      g_assert_cmpint (syllabus_resource_get_first_in_group (resource), ==,
                       expected[i].first_in_group);

      /* Groups are numbered in page order; a new group starts exactly
       * where first_in_group says so. */
      if (i > 0)
        {
          if (expected[i].first_in_group)
            g_assert_cmpuint (syllabus_resource_get_group_index (resource), >, previous_index);
          else
            g_assert_cmpuint (syllabus_resource_get_group_index (resource), ==, previous_index);
        }
      previous_index = syllabus_resource_get_group_index (resource);
    }
}

/* Checks that two topics read the same resources, titles and metadata. */
static void
assert_same_topic (SyllabusTopic *a,
                   SyllabusTopic *b)
{
  GListModel *ra = syllabus_topic_get_resources (a);
  GListModel *rb = syllabus_topic_get_resources (b);

  g_assert_cmpstr (syllabus_topic_get_title (a), ==, syllabus_topic_get_title (b));
  g_assert_cmpint (syllabus_topic_get_weight (a), ==, syllabus_topic_get_weight (b));
  g_assert_cmpint (syllabus_topic_has_resources_section (a), ==,
                   syllabus_topic_has_resources_section (b));
  g_assert_cmpuint (g_list_model_get_n_items (ra), ==, g_list_model_get_n_items (rb));

  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      SyllabusResource *x = resource_at (a, i);
      SyllabusResource *y = resource_at (b, i);

      g_assert_cmpstr (syllabus_resource_get_title (x), ==, syllabus_resource_get_title (y));
      g_assert_cmpstr (syllabus_resource_get_url (x), ==, syllabus_resource_get_url (y));
      g_assert_cmpstr (syllabus_resource_get_key (x), ==, syllabus_resource_get_key (y));
      g_assert_cmpstr (syllabus_resource_get_host (x), ==, syllabus_resource_get_host (y));
      g_assert_cmpstr (syllabus_resource_get_group (x), ==, syllabus_resource_get_group (y));
      g_assert_cmpuint (syllabus_resource_get_group_index (x), ==,
                        syllabus_resource_get_group_index (y));
      g_assert_cmpint (syllabus_resource_get_first_in_group (x), ==,
                       syllabus_resource_get_first_in_group (y));
    }
}

/* Turns every "\n" into "\r\n". */
static char *
to_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static void
assert_no_carriage_return (SyllabusTopic *topic)
{
  GListModel *resources = syllabus_topic_get_resources (topic);

  g_assert_null (strchr (syllabus_topic_get_title (topic), '\r'));
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      SyllabusResource *resource = resource_at (topic, i);

      g_assert_null (strchr (syllabus_resource_get_title (resource), '\r'));
      g_assert_null (strchr (syllabus_resource_get_url (resource), '\r'));
      if (syllabus_resource_get_group (resource) != NULL)
        g_assert_null (strchr (syllabus_resource_get_group (resource), '\r'));
    }
}

/* The shipped topic ------------------------------------------------------ */

static const ExpectedResource rust_resources[] = {
  { "Official Rust Book", "https://doc.rust-lang.org/book/", "doc.rust-lang.org", "Books", TRUE },
  { "Rust in Action", "https://www.manning.com/books/rust-in-action", "manning.com", "Books", FALSE },
  { "Programming Rust", "https://www.amazon.com/Programming-Rust-Fast-Systems-Development/dp/1492052590/",
    "amazon.com", "Books", FALSE },
  { "Learn Rust Programming", "https://www.youtube.com/watch?v=BpPEoZW5IiY", "youtube.com", "Courses", TRUE },
  { "Zero to Mastery", "https://www.youtube.com/watch?v=lzKeecy4OmQ", "youtube.com", "Courses", FALSE },
  { "Rust by Example", "https://doc.rust-lang.org/rust-by-example/", "doc.rust-lang.org", "Miscellaneous", TRUE },
  { "Easy Rust", "https://dhghomon.github.io/easy_rust/", "dhghomon.github.io", "Miscellaneous", FALSE },
};

static void
assert_rust_topic (SyllabusTopic *topic)
{
  const char *intro = syllabus_topic_get_introduction (topic);

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Rust");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 1000);
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "title"), ==, "Rust");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "weight"), ==, "1000");
  g_assert_true (syllabus_topic_has_resources_section (topic));

  g_assert_nonnull (strstr (intro, "Introduction"));
  g_assert_nonnull (strstr (intro, "# Rust"));
  g_assert_nonnull (strstr (intro, "scalable data processing pipelines."));
  g_assert_null (strstr (intro, "Learning Resources"));
  g_assert_null (strstr (intro, "Rust in Action"));
  g_assert_null (strstr (intro, "### Books"));
  /* The front matter is not part of the page. */
  g_assert_null (strstr (intro, "weight:"));
  g_assert_null (strstr (intro, "---"));

  assert_resources (topic, rust_resources, G_N_ELEMENTS (rust_resources));
}

static void
test_topic_rust (void)
{
  g_autofree char *path = rust_path ();
  g_autoptr(SyllabusTopic) topic = parse_file (path);

  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "rust");
  assert_rust_topic (topic);

  /* Three groups, numbered in order. */
  g_assert_cmpuint (syllabus_resource_get_group_index (resource_at (topic, 0)), <,
                    syllabus_resource_get_group_index (resource_at (topic, 3)));
  g_assert_cmpuint (syllabus_resource_get_group_index (resource_at (topic, 3)), <,
                    syllabus_resource_get_group_index (resource_at (topic, 5)));

  /* A topic from the file is not tied to a folder until loaded from one. */
  g_assert_null (syllabus_topic_get_base_uri (topic));
}

static void
test_topic_rust_properties (void)
{
  g_autofree char *path = rust_path ();
  g_autoptr(SyllabusTopic) topic = parse_file (path);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autofree char *host = NULL;
  g_autofree char *group = NULL;
  gint64 weight = 0;

  g_object_get (topic, "id", &id, "title", &title, "weight", &weight, NULL);
  g_assert_cmpstr (id, ==, "rust");
  g_assert_cmpstr (title, ==, "Rust");
  g_assert_cmpint (weight, ==, 1000);

  g_clear_pointer (&title, g_free);
  g_object_get (resource_at (topic, 1),
                "title", &title, "url", &url, "key", &key, "host", &host, "group", &group,
                NULL);
  g_assert_cmpstr (title, ==, "Rust in Action");
  g_assert_cmpstr (url, ==, "https://www.manning.com/books/rust-in-action");
  g_assert_cmpstr (key, ==, "https://www.manning.com/books/rust-in-action");
  g_assert_cmpstr (host, ==, "manning.com");
  g_assert_cmpstr (group, ==, "Books");
}

/* The same page with Windows line endings, a byte order mark, or both,
 * reads the same. */
static void
test_topic_rust_variants (void)
{
  g_autofree char *path = rust_path ();
  g_autofree char *contents = read_file (path, NULL);
  g_autofree char *crlf = to_crlf (contents);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
  g_autofree char *bom_crlf = g_strconcat ("\xEF\xBB\xBF", crlf, NULL);
  g_autoptr(SyllabusTopic) plain = parse (contents);
  g_autoptr(SyllabusTopic) topic_crlf = parse (crlf);
  g_autoptr(SyllabusTopic) topic_bom = parse (bom);
  g_autoptr(SyllabusTopic) topic_bom_crlf = parse (bom_crlf);

  g_assert_nonnull (strstr (crlf, "\r\n"));

  assert_rust_topic (topic_crlf);
  assert_rust_topic (topic_bom);
  assert_rust_topic (topic_bom_crlf);
  assert_same_topic (plain, topic_crlf);
  assert_same_topic (plain, topic_bom);
  assert_same_topic (plain, topic_bom_crlf);

  assert_no_carriage_return (topic_crlf);
  assert_no_carriage_return (topic_bom_crlf);
  g_assert_cmpstr (syllabus_topic_get_metadata (topic_crlf, "title"), ==, "Rust");

  /* The mark is not part of the introduction. */
  g_assert_cmpstr (syllabus_topic_get_introduction (topic_bom), ==,
                   syllabus_topic_get_introduction (plain));
  g_assert_false (g_str_has_prefix (syllabus_topic_get_introduction (topic_bom_crlf), "\xEF\xBB\xBF"));
}

/* A page of every shape ------------------------------------------------- */

static const ExpectedResource varied_resources[] = {
  /* A numbered list, inline markup in the link text. */
  { "The first book", "https://Example.COM:443/Book?ed=2#ch1", "example.com", "Reading", TRUE },
  { "Strong and emphasis", "https://www.oreilly.com/strong", "oreilly.com", "Reading", FALSE },
  /* The first link of an item with text around it; not the second. */
  { "a link in an item", "https://example.net/in-item", "example.net", "Reading", FALSE },
  /* Nested lists, below an item without a link. */
  { "Nested talk", "https://talks.example.com/nested", "talks.example.com", "Videos & Talks", TRUE },
  { "Deeper still", "https://talks.example.com/deeper", "talks.example.com", "Videos & Talks", FALSE },
  /* Bare links are titled with their address. */
  { "https://bare.example.com/path", "https://bare.example.com/path", "bare.example.com", "Videos & Talks", FALSE },
  { "https://autolink.example.com/page", "https://autolink.example.com/page", "autolink.example.com",
    "Videos & Talks", FALSE },
  /* Entities are decoded. */
  { "Café & Crème", "https://example.com/cafe", "example.com", "Videos & Talks", FALSE },
  /* A deeper subheading starts a group of its own. */
  { "プログラミング言語 Rust", "https://doc.rust-jp.rs/book-ja/", "doc.rust-jp.rs", "日本語の資料", TRUE },
  { "Été à Zürich", "https://example.ch/ete", "example.ch", "日本語の資料", FALSE },
};

static void
test_topic_varied (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("varied.md");
  const char *intro = syllabus_topic_get_introduction (topic);

  /* Front matter: quoted values, a colon in a value, a key's case. */
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Data: the basics");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 20);
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "author"), ==, "Ada Lovelace");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "summary"), ==, "A page: with colons: inside");
  g_assert_null (syllabus_topic_get_metadata (topic, "# a comment line is not a key."));
  g_assert_null (syllabus_topic_get_metadata (topic, "missing"));

  /* The case of the heading does not matter. */
  g_assert_true (syllabus_topic_has_resources_section (topic));
  assert_resources (topic, varied_resources, G_N_ELEMENTS (varied_resources));

  /* The section ends at the next "##": what follows is introduction. */
  g_assert_true (g_str_has_prefix (intro, "\n# A heading that is not the title\n"));
  g_assert_nonnull (strstr (intro, "Intro paragraph with a [link](https://example.org/intro)"));
  g_assert_nonnull (strstr (intro, "## Practice\n\nExercises after the section"));
  g_assert_true (g_str_has_suffix (intro, "[a link](https://example.org/practice).\n"));
  g_assert_null (strstr (intro, "learning RESOURCES"));
  g_assert_null (strstr (intro, "paragraph link"));
  g_assert_null (strstr (intro, "### Reading"));
  g_assert_null (strstr (intro, "Nested talk"));
  g_assert_null (strstr (intro, "日本語"));
}

static const ExpectedResource level_one_resources[] = {
  { "Tour of Go", "https://go.dev/tour/", "go.dev", "Start here", TRUE },
  { "Effective Go", "https://go.dev/doc/effective_go", "go.dev", "Then", TRUE },
  { "The Go Memory Model", "https://go.dev/ref/mem", "go.dev", "Deeper", TRUE },
};

static void
test_topic_level_one (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("level-one.md");
  const char *intro = syllabus_topic_get_introduction (topic);

  /* No front matter: the first level-1 heading is the title. */
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Go");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, G_MAXINT64);
  g_assert_null (syllabus_topic_get_metadata (topic, "title"));

  /* "# LEARNING   Resources": any case, any spacing, level 1; "##" stays
   * inside it, the next "#" ends it. */
  g_assert_true (syllabus_topic_has_resources_section (topic));
  assert_resources (topic, level_one_resources, G_N_ELEMENTS (level_one_resources));

  g_assert_cmpstr (intro, ==,
                   "# Go\n\nGo is a small language. There is no front matter on this page.\n\n"
                   "# Afterword\n\nBack in the introduction.\n");
}

static void
test_topic_no_resources_section (void)
{
  g_autofree char *path = topic_path ("no-resources.md");
  g_autofree char *contents = read_file (path, NULL);
  g_autoptr(SyllabusTopic) topic = parse_file (path);
  const char *body = strstr (contents, "\n---\n") + strlen ("\n---\n");
  g_autoptr(SyllabusTopic) by_section = NULL;
  g_autoptr(SyllabusResource) first = NULL;
  g_autoptr(SyllabusResource) second = NULL;
  g_autofree char *with_rule = NULL;

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Without a checklist");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 5);

  /* "Resources" and "Learning Resources and more" are other headings:
   * without a section, the page's lists of links are the checklist,
   * grouped under their headings. */
  g_assert_false (syllabus_topic_has_resources_section (topic));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 2);
  first = g_list_model_get_item (syllabus_topic_get_resources (topic), 0);
  second = g_list_model_get_item (syllabus_topic_get_resources (topic), 1);
  g_assert_cmpstr (syllabus_resource_get_title (first), ==, "Not a learning resource");
  g_assert_cmpstr (syllabus_resource_get_group (first), ==, "Resources");
  g_assert_cmpstr (syllabus_resource_get_group (second), ==, "Learning Resources and more");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, body);

  /* With "resources: section" it has none. */
  with_rule = g_strconcat ("---\nresources: section\n---\n", body, NULL);
  by_section = parse (with_rule);
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (by_section)), ==, 0);
}

static void
test_topic_empty_section (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("empty-section.md");

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Empty");
  g_assert_true (syllabus_topic_has_resources_section (topic));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 0);
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==,
                   "# Empty\n\nIntroduction.\n\n## Next\n\nText after an empty section.\n");
}

static const ExpectedResource duplicate_resources[] = {
  { "The original", "https://Example.com:443/page", "example.com", "First", TRUE },
  { "Another page", "https://example.com/other", "example.com", "First", FALSE },
  { "A copy with other spelling", "HTTPS://EXAMPLE.COM/page", "example.com", "Second", TRUE,
    "https://example.com/page#2" },
  { "Same as another", "https://example.com/other", "example.com", "Second", FALSE,
    "https://example.com/other#2" },
  { "A new one", "https://example.com/new", "example.com", "Second", FALSE },
};

/* An author who lists the same address twice (duplicates.md) sees both
 * lines: the second gets a key of its own, the address with "#2", so that
 * each line keeps its own progress. */
static void
test_topic_duplicates (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("duplicates.md");
  g_autoptr(SyllabusTopic) again = parse_test_topic ("duplicates.md");

  assert_resources (topic, duplicate_resources, G_N_ELEMENTS (duplicate_resources));
  g_assert_cmpstr (syllabus_resource_get_key (resource_at (topic, 0)), ==, "https://example.com/page");

  /* The same keys each time the file is read. */
  assert_resources (again, duplicate_resources, G_N_ELEMENTS (duplicate_resources));
}

static const ExpectedResource ungrouped_resources[] = {
  { "Before any subheading", "https://example.com/one", "example.com", NULL, TRUE },
  { "Also before", "https://example.com/two", "example.com", NULL, FALSE },
  { "In a group", "https://example.com/three", "example.com", "More", TRUE },
  { "Also in it", "https://example.com/four", "example.com", "More", FALSE },
};

static void
test_topic_ungrouped (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("ungrouped.md");

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Ungrouped");
  assert_resources (topic, ungrouped_resources, G_N_ELEMENTS (ungrouped_resources));
  g_assert_cmpuint (syllabus_resource_get_group_index (resource_at (topic, 0)), ==, 0);
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "\n");
}

static void
test_topic_unclosed_front_matter (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("unclosed.md");
  const char *intro = syllabus_topic_get_introduction (topic);

  g_assert_null (syllabus_topic_get_metadata (topic, "title"));
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Real title");
  g_assert_true (g_str_has_prefix (intro, "---\ntitle: Not front matter\n\n# Real title\n"));
  g_assert_null (strstr (intro, "Only one"));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 1);
}

static const ExpectedResource crlf_resources[] = {
  { "First book", "https://books.example.com/first", "books.example.com", "Books", TRUE },
  { "Second book", "https://books.example.com/second", "books.example.com", "Books", FALSE },
};

static void
test_topic_crlf_file (void)
{
  g_autofree char *path = topic_path ("crlf.md");
  g_autofree char *contents = read_file (path, NULL);
  g_autoptr(SyllabusTopic) topic = parse_file (path);
  const char *intro = syllabus_topic_get_introduction (topic);

  /* If git turned the file's line endings into "\n", this test would
   * check nothing: see .gitattributes. */
  g_assert_nonnull (strstr (contents, "---\r\ntitle:"));

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Windows line endings");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "title"), ==, "Windows line endings");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 3);
  g_assert_true (syllabus_topic_has_resources_section (topic));
  assert_resources (topic, crlf_resources, G_N_ELEMENTS (crlf_resources));
  assert_no_carriage_return (topic);
  g_assert_cmpstr (intro, ==,
                   "\r\n# CRLF\r\n\r\nIntroduction.\r\n\r\n## After\r\n\r\nBack in the introduction.\r\n");
}

/* Whatever the test page, the parser keeps its promises: the section's
 * heading and links never leak into the introduction, every resource has
 * a title and an address, and the first of a group says so. */
static void
test_topic_every_test_page (void)
{
  g_autofree char *folder = g_build_filename (SRCDIR, "topics", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_pages = 0;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(SyllabusTopic) topic = NULL;
      g_autofree char *folded = NULL;
      GListModel *resources;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      g_test_message ("page %s", name);
      path = g_build_filename (folder, name, NULL);
      topic = parse_file (path);
      resources = syllabus_topic_get_resources (topic);
      folded = g_utf8_casefold (syllabus_topic_get_introduction (topic), -1);
      n_pages++;

      g_assert_cmpstr (syllabus_topic_get_title (topic), !=, "");
      if (syllabus_topic_has_resources_section (topic))
        g_assert_null (strstr (folded, "learning resources"));

      for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
        {
          SyllabusResource *resource = resource_at (topic, i);

          g_assert_cmpstr (syllabus_resource_get_title (resource), !=, "");
          g_assert_cmpstr (syllabus_resource_get_url (resource), !=, "");
          /* The section's links leave the introduction; a page's own
           * lists stay in it. */
          if (syllabus_topic_has_resources_section (topic))
            g_assert_null (strstr (syllabus_topic_get_introduction (topic),
                                   syllabus_resource_get_url (resource)));
          else
            g_assert_nonnull (strstr (syllabus_topic_get_introduction (topic),
                                      syllabus_resource_get_url (resource)));
          if (i == 0)
            g_assert_true (syllabus_resource_get_first_in_group (resource));
        }
    }

  g_assert_cmpuint (n_pages, >=, 8);
}

/* The shipped pages: their introductions' HTML is rendered in the walk
 * that finds their resources (parse_file() compares it with rendering the
 * introduction's Markdown alone). */
static void
test_topic_content_html (void)
{
  g_autofree char *folder = g_build_filename (SRCDIR, "..", "..", "content", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_pages = 0;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(SyllabusTopic) topic = NULL;
      const char *html;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      g_test_message ("page %s", name);
      path = g_build_filename (folder, name, NULL);
      topic = parse_file (path);
      html = syllabus_topic_get_introduction_html (topic);
      n_pages++;

      g_assert_true (g_utf8_validate (html, -1, NULL));
      g_assert_nonnull (strstr (html, "<h2 id=\"introduction\">Introduction</h2>"));
      g_assert_null (strstr (html, "Learning Resources"));
    }

  g_assert_cmpuint (n_pages, >=, 6);
}

/* Where the section starts and ends, the one-pass HTML leaves out exactly
 * what get_introduction() leaves out (parse() checks). */
static void
test_topic_introduction_html_bounds (void)
{
  static const struct { const char *page; const char *html; } cases[] = {
    { "Intro.\n\n## Learning Resources\n\n- [a](https://a.example/)\n\n## After\n\nMore.\n",
      "<p>Intro.</p>\n<h2 id=\"after\">After</h2>\n<p>More.</p>\n" },
    /* Subheadings of the section, deeper than it, are part of it. */
    { "## Learning Resources\n### Books\n- [a](https://a.example/)\n#### Deeper\n# Top\n",
      "<h1 id=\"top\">Top</h1>\n" },
    /* A setext heading, and the section running to the end of the page. */
    { "Intro *em*\n\nLearning   resources\n===\n\n- [a](https://a.example/)\n",
      "<p>Intro <em>em</em></p>\n" },
    /* A heading ends the section even when it is empty. */
    { "## Learning Resources\n- [a](https://a.example/)\n##\nAfter.\n",
      "<h2></h2>\n<p>After.</p>\n" },
    /* Headings inside blocks are neither the section nor its end. */
    { "> ## Learning Resources\n\n- ## Learning Resources\n",
      "<blockquote>\n<h2 id=\"learning-resources\">Learning Resources</h2>\n</blockquote>\n"
      "<ul>\n<li><h2 id=\"learning-resources-1\">Learning Resources</h2>\n</li>\n</ul>\n" },
    { "## Learning Resources\n> ## Quoted\n- [a](https://a.example/)\n## Learning Resources\n",
      "<h2 id=\"learning-resources\">Learning Resources</h2>\n" },
    /* Images in the introduction, local and remote. */
    { "![local](a.png) ![remote](https://e.com/r.png)\n## Learning Resources\n![x](b.png)\n",
      "<p><img src=\"a.png\" alt=\"local\"> "
      "<span class=\"remote-image\" role=\"img\" aria-label=\"remote\">remote</span></p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SyllabusTopic) topic = NULL;

      g_test_message ("page %u", i);
      topic = parse (cases[i].page);
      g_assert_cmpstr (syllabus_topic_get_introduction_html (topic), ==, cases[i].html);
    }
}

/* Where the introduction's HTML differs from rendering its text alone, it
 * follows the page as written. First: a link reference defined in the
 * resources section is still defined. */
static void
test_topic_introduction_html_references (void)
{
  static const char page[] =
    "See [the guide][guide].\n"
    "\n"
    "## Learning Resources\n"
    "\n"
    "- [The guide][guide]\n"
    "\n"
    "[guide]: https://guide.example/\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autofree char *alone = NULL;

  topic = syllabus_topic_new_from_data ("test", NULL, page, strlen (page), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_introduction_html (topic), ==,
                   "<p>See <a href=\"https://guide.example/\">the guide</a>.</p>\n");

  alone = syllabus_markdown_to_html (syllabus_topic_get_introduction (topic), -1);
  g_assert_cmpstr (alone, ==, "<p>See [the guide][guide].</p>\n");
}

/* Second: the text before the section and the text after it stay apart.
 * Joined, "Next" would continue the paragraph before the section and the
 * two would make one setext heading. */
static void
test_topic_introduction_html_apart (void)
{
  static const char page[] =
    "Intro para\n"
    "## Learning Resources\n"
    "- [a](https://a.example/)\n"
    "\n"
    "Next\n"
    "----\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autofree char *alone = NULL;

  topic = syllabus_topic_new_from_data ("test", NULL, page, strlen (page), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "Intro para\nNext\n----\n");
  g_assert_cmpstr (syllabus_topic_get_introduction_html (topic), ==,
                   "<p>Intro para</p>\n<h2 id=\"next\">Next</h2>\n");
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 1);

  alone = syllabus_markdown_to_html (syllabus_topic_get_introduction (topic), -1);
  g_assert_cmpstr (alone, ==, "<h2 id=\"intro-para-next\">Intro para\nNext</h2>\n");
}

/* Pages written inline ------------------------------------------------- */

static void
test_topic_title (void)
{
  struct {
    const char *page;
    const char *title;
  } cases[] = {
    { "---\ntitle: From front matter\n---\n# Heading\n", "From front matter" },
    { "---\ntitle: 'Single quotes'\n---\n", "Single quotes" },
    { "---\ntitle: \"A \\\"quoted\\\" title\"\n---\n", "A \\\"quoted\\\" title" },
    { "---\nTITLE:   Spaced and upper-case key   \n---\n", "Spaced and upper-case key" },
    { "---\ntitle:\n---\n# From the heading\n", "From the heading" },
    { "---\nweight: 1\n---\n# From the heading\n", "From the heading" },
    { "Text first.\n\n## Second level\n\n# First *level* one\n\n# Another one\n", "First level one" },
    { "Setext title\n============\n\nBody.\n", "Setext title" },
    { "# Caf&eacute; `code`\n", "Café code" },
    { "#\n\n# Not empty\n", "Not empty" },
    { "> # In a quote\n\nNo top-level heading.\n", "Fallback" },
    { "- # In a list\n", "Fallback" },
    { "## Only second level\n", "Fallback" },
    { "", "Fallback" },
    { "# プログラミング\n", "プログラミング" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SyllabusTopic) topic = NULL;

      g_test_message ("case %u", i);
      topic = parse (cases[i].page);
      g_assert_cmpstr (syllabus_topic_get_title (topic), ==, cases[i].title);
    }
}

static void
test_topic_title_fallback_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;

  /* Without a fallback title, the id stands in. */
  topic = syllabus_topic_new_from_data ("the-id", NULL, "Text.\n", 6, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "the-id");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "the-id");
}

static void
test_topic_weight (void)
{
  struct {
    const char *value;
    gint64      weight;
  } cases[] = {
    { "0", 0 },
    { "42", 42 },
    { " 42 ", 42 },
    { "-5", -5 },
    { "\"7\"", 7 },
    { "2147483647", G_MAXINT },
    { "-2147483648", G_MININT },
    /* Beyond 32 bits: the number it is. A weight of 99999999999 had been
     * ignored, and the topic sorted last. */
    { "99999999999", G_GINT64_CONSTANT (99999999999) },
    { "-99999999999", G_GINT64_CONSTANT (-99999999999) },
    { "2147483648", G_GINT64_CONSTANT (2147483648) },
    /* Beyond 64 bits: the nearest 64-bit number. */
    { "99999999999999999999999", G_MAXINT64 },
    { "-99999999999999999999999", G_MININT64 },
    /* Not a whole number: sorted last, as if absent. */
    { "abc", G_MAXINT64 },
    { "12abc", G_MAXINT64 },
    { "1.5", G_MAXINT64 },
    { "", G_MAXINT64 },
    { "0x10", G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf ("---\ntitle: T\nweight: %s\n---\nBody\n", cases[i].value);
      g_autoptr(SyllabusTopic) topic = NULL;
      gint64 property = 0;

      g_test_message ("weight \"%s\"", cases[i].value);
      topic = parse (page);
      g_assert_cmpint (syllabus_topic_get_weight (topic), ==, cases[i].weight);
      g_object_get (topic, "weight", &property, NULL);
      g_assert_cmpint (property, ==, cases[i].weight);
      g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "T");
      g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "Body\n");
    }

  {
    g_autoptr(SyllabusTopic) topic = parse ("No front matter.\n");

    g_assert_cmpint (syllabus_topic_get_weight (topic), ==, G_MAXINT64);
  }

  /* A large weight sorts before no weight, a large negative one first. */
  {
    g_autoptr(SyllabusTopic) large = parse ("---\ntitle: Z\nweight: 99999999999\n---\n");
    g_autoptr(SyllabusTopic) none = parse ("---\ntitle: A\n---\n");
    g_autoptr(SyllabusTopic) small = parse ("---\ntitle: Y\nweight: -99999999999\n---\n");

    g_assert_cmpint (syllabus_topic_compare (large, none), <, 0);
    g_assert_cmpint (syllabus_topic_compare (small, large), <, 0);
  }
}

static void
test_topic_front_matter (void)
{
  g_autoptr(SyllabusTopic) topic = NULL;

  /* Fences with trailing blanks, lines without a colon, empty keys, and a
   * key given twice (the last wins). */
  topic = parse ("---   \n"
                 "title: Keys\n"
                 "no colon here\n"
                 ": no key\n"
                 "url: https://example.com:8080/a\n"
                 "tags: [a, b]\n"
                 "Title2: x\n"
                 "dup: first\n"
                 "dup: second\n"
                 "empty:\n"
                 "---\t\n"
                 "# Heading\n");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Keys");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "url"), ==, "https://example.com:8080/a");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "tags"), ==, "[a, b]");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "title2"), ==, "x");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "dup"), ==, "second");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "empty"), ==, "");
  g_assert_null (syllabus_topic_get_metadata (topic, ""));
  g_assert_null (syllabus_topic_get_metadata (topic, "no colon here"));
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# Heading\n");
  g_clear_object (&topic);

  /* Front matter only counts at the very start of the page. */
  topic = parse ("\n---\ntitle: Late\n---\n# Heading\n");
  g_assert_null (syllabus_topic_get_metadata (topic, "title"));
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Heading");
  g_clear_object (&topic);

  /* "----" is not a fence. */
  topic = parse ("----\ntitle: Four\n----\n# Heading\n");
  g_assert_null (syllabus_topic_get_metadata (topic, "title"));
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Heading");
  g_clear_object (&topic);

  /* Empty front matter, and front matter that ends the file. */
  topic = parse ("---\n---\n# Heading\n");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Heading");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# Heading\n");
  g_clear_object (&topic);

  topic = parse ("---\ntitle: Only metadata\n---");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Only metadata");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "");
  g_assert_false (syllabus_topic_has_resources_section (topic));
  g_clear_object (&topic);

  /* Unclosed: all of it is Markdown, nothing is metadata. */
  topic = parse ("---\ntitle: Never closed\nweight: 1\n");
  g_assert_null (syllabus_topic_get_metadata (topic, "title"));
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, G_MAXINT64);
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Fallback");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "---\ntitle: Never closed\nweight: 1\n");
}

static void
test_topic_introduction (void)
{
  struct {
    const char *page;
    const char *introduction;
    gboolean    has_section;
    guint       n_resources;  /* by "resources: section" */
    guint       n_auto;       /* without a rule: the page's lists without a section */
  } cases[] = {
    /* No section: the whole body. */
    { "# T\n\nText.\n", "# T\n\nText.\n", FALSE, 0, 0 },
    /* A section that runs to the end of the page. */
    { "# T\n\nText.\n\n## Learning Resources\n- [A](https://a.example/)\n",
      "# T\n\nText.\n\n", TRUE, 1, 1 },
    /* A section that ends at a heading of the same level... */
    { "# T\n\n## Learning Resources\n- [A](https://a.example/)\n\n## After\nMore.\n",
      "# T\n\n## After\nMore.\n", TRUE, 1, 1 },
    /* ... or of a higher one. */
    { "# T\n\n## Learning Resources\n- [A](https://a.example/)\n# After\nMore.\n",
      "# T\n\n# After\nMore.\n", TRUE, 1, 1 },
    /* A deeper heading stays inside. */
    { "## Learning Resources\n### Sub\n- [A](https://a.example/)\n#### Deeper\n- [B](https://b.example/)\n",
      "", TRUE, 2, 2 },
    /* A setext heading opens the section, and one closes it. */
    { "Intro.\n\nLearning Resources\n------------------\n\n- [A](https://a.example/)\n\nAfter\n-----\nMore.\n",
      "Intro.\n\nAfter\n-----\nMore.\n", TRUE, 1, 1 },
    /* Closing hashes and indentation are part of the heading's line. */
    { "Intro.\n\n   ## Learning Resources ##\n- [A](https://a.example/)\n ## Next ##\nMore.\n",
      "Intro.\n\n ## Next ##\nMore.\n", TRUE, 1, 1 },
    /* A heading in a quote or a list is not the section. */
    { "> ## Learning Resources\n> - [A](https://a.example/)\n",
      "> ## Learning Resources\n> - [A](https://a.example/)\n", FALSE, 0, 1 },
    { "- ## Learning Resources\n  - [A](https://a.example/)\n",
      "- ## Learning Resources\n  - [A](https://a.example/)\n", FALSE, 0, 1 },
    /* A heading with other words is not the section. */
    { "## Learning Resources (optional)\n- [A](https://a.example/)\n",
      "## Learning Resources (optional)\n- [A](https://a.example/)\n", FALSE, 0, 1 },
    /* Inline markup in the heading does not matter. */
    { "## *Learning* `Resources`\n- [A](https://a.example/)\n", "", TRUE, 1, 1 },
    /* Only the first section is the checklist. */
    { "## Learning Resources\n- [A](https://a.example/)\n## learning resources\n- [B](https://b.example/)\n",
      "## learning resources\n- [B](https://b.example/)\n", TRUE, 1, 1 },
    /* An empty heading ends the section too, on its own line: what
     * follows it, even without text, is introduction again. */
    { "## Learning Resources\n- [A](https://a.example/)\n##\n\n[r]: https://r.example/\n---\n"
      "```\ncode\n```\nAfter [x][r]\n",
      "##\n\n[r]: https://r.example/\n---\n```\ncode\n```\nAfter [x][r]\n", TRUE, 1, 1 },
    { "## Learning Resources\n- [A](https://a.example/)\n\nText.\n   #   ##  \nAfter\n",
      "   #   ##  \nAfter\n", TRUE, 1, 1 },
    { "## Learning Resources\n###\n- [A](https://a.example/)\n", "", TRUE, 1, 1 },
    /* Code that looks like a heading is not one. */
    { "```\n## Learning Resources\n- [A](https://a.example/)\n```\n",
      "```\n## Learning Resources\n- [A](https://a.example/)\n```\n", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SyllabusTopic) topic = NULL;
      g_autoptr(SyllabusTopic) section = NULL;
      g_autofree char *with_rule = g_strconcat ("---\nresources: section\n---\n", cases[i].page, NULL);

      g_test_message ("case %u", i);
      topic = parse (cases[i].page);
      g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, cases[i].introduction);
      g_assert_cmpint (syllabus_topic_has_resources_section (topic), ==, cases[i].has_section);
      g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==,
                        cases[i].n_auto);

      section = parse (with_rule);
      g_assert_cmpstr (syllabus_topic_get_introduction (section), ==, cases[i].introduction);
      g_assert_cmpint (syllabus_topic_has_resources_section (section), ==, cases[i].has_section);
      g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (section)), ==,
                        cases[i].n_resources);
    }
}

/* Which links are resources, and what they are called. */
static void
test_topic_link_titles (void)
{
  struct {
    const char *item;
    const char *title;  /* NULL: not a resource */
    const char *url;
  } cases[] = {
    { "- [Plain](https://example.com/a)", "Plain", "https://example.com/a" },
    { "- [*Emphasis* and _more_](https://example.com/a)", "Emphasis and more", "https://example.com/a" },
    { "- [**Strong** __too__](https://example.com/a)", "Strong too", "https://example.com/a" },
    { "- [Use `cargo build`](https://example.com/a)", "Use cargo build", "https://example.com/a" },
    { "- [~~Old~~ new](https://example.com/a)", "Old new", "https://example.com/a" },
    { "- [Tom &amp; Jerry](https://example.com/a)", "Tom & Jerry", "https://example.com/a" },
    { "- [Caf&eacute; &#233; &#xE9;](https://example.com/a)", "Café é é", "https://example.com/a" },
    { "- [&lt;tag&gt; &quot;q&quot;](https://example.com/a)", "<tag> \"q\"", "https://example.com/a" },
    { "- [&nosuchentity; stays](https://example.com/a)", "&nosuchentity; stays", "https://example.com/a" },
    { "- [Two\n  lines](https://example.com/a)", "Two lines", "https://example.com/a" },
    { "- [  Spaced   out  ](https://example.com/a)", "Spaced out", "https://example.com/a" },
    { "- [Escaped \\*stars\\*](https://example.com/a)", "Escaped *stars*", "https://example.com/a" },
    { "- [日本語のタイトル](https://example.jp/)", "日本語のタイトル", "https://example.jp/" },
    { "- [Ça résonne, ñandú](https://example.fr/)", "Ça résonne, ñandú", "https://example.fr/" },
    { "- [![Logo](logo.png) Book](https://example.com/a)", "Logo Book", "https://example.com/a" },
    { "- [](https://example.com/empty)", "https://example.com/empty", "https://example.com/empty" },
    { "- [Entity in URL](https://example.com/?a=1&amp;b=2)", "Entity in URL", "https://example.com/?a=1&b=2" },
    { "- [Title attribute](https://example.com/a \"Hover\")", "Title attribute", "https://example.com/a" },
    { "- [Angle](<https://example.com/with space>)", "Angle", "https://example.com/with space" },
    { "- <https://example.com/bare>", "https://example.com/bare", "https://example.com/bare" },
    { "- https://example.com/auto", "https://example.com/auto", "https://example.com/auto" },
    { "- Read https://example.com/auto in text", "https://example.com/auto", "https://example.com/auto" },
    { "- <mailto:someone@example.com>", "mailto:someone@example.com", "mailto:someone@example.com" },
    /* md4c finds bare links inside a link's text: they are part of its title. */
    { "- [See https://example.com/x here](https://example.com/a) and [not](https://example.com/b)",
      "See https://example.com/x here", "https://example.com/a" },
    { "- [At www.example.org or <https://x.example/> too](https://example.com/a)",
      "At www.example.org or https://x.example/ too", "https://example.com/a" },
    { "- [Mail someone@example.com now](https://example.com/a)",
      "Mail someone@example.com now", "https://example.com/a" },
    /* Bare links of the other kinds. */
    { "- www.example.com/www", "www.example.com/www", "http://www.example.com/www" },
    { "- someone@example.com", "someone@example.com", "mailto:someone@example.com" },
    /* Not a link, but the address in it is a bare link. */
    { "- \\[Escaped](https://example.com/a)", "https://example.com/a", "https://example.com/a" },
    { "- [Relative](notes/intro.md)", "Relative", "notes/intro.md" },
    { "- [Reference][ref]\n\n[ref]: https://example.com/ref", "Reference", "https://example.com/ref" },
    { "- [Collapsed][]\n\n[collapsed]: https://example.com/c", "Collapsed", "https://example.com/c" },
    { "* [Star bullet](https://example.com/a)", "Star bullet", "https://example.com/a" },
    { "+ [Plus bullet](https://example.com/a)", "Plus bullet", "https://example.com/a" },
    { "3) [Numbered](https://example.com/a)", "Numbered", "https://example.com/a" },
    { "- [ ] [Task item](https://example.com/a)", "Task item", "https://example.com/a" },
    { "- > [In a quote in an item](https://example.com/a)", "In a quote in an item", "https://example.com/a" },
    /* Not resources. */
    { "- No link at all", NULL, NULL },
    { "- [Empty address]()", NULL, NULL },
    { "- ![An image](https://example.com/image.png)", NULL, NULL },
    { "- `[In code](https://example.com/a)`", NULL, NULL },
    { "[In a paragraph](https://example.com/a)", NULL, NULL },
    { "> [In a quote](https://example.com/a)", NULL, NULL },
    { "| [In a table](https://example.com/a) |\n| --- |", NULL, NULL },
    { "### [In a subheading](https://example.com/a)", NULL, NULL },
    { "    - [Indented code](https://example.com/a)", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf ("## Learning Resources\n\n%s\n", cases[i].item);
      g_autoptr(SyllabusTopic) topic = NULL;
      GListModel *resources;

      g_test_message ("case %u: %s", i, cases[i].item);
      topic = parse (page);
      resources = syllabus_topic_get_resources (topic);
      g_assert_true (syllabus_topic_has_resources_section (topic));

      if (cases[i].title == NULL)
        {
          g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 0);
        }
      else
        {
          SyllabusResource *resource;

          g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 1);
          resource = resource_at (topic, 0);
          g_assert_cmpstr (syllabus_resource_get_title (resource), ==, cases[i].title);
          g_assert_cmpstr (syllabus_resource_get_url (resource), ==, cases[i].url);
          g_assert_null (syllabus_resource_get_group (resource));
          g_assert_true (syllabus_resource_get_first_in_group (resource));
        }
    }
}

/* Nested lists: an item's first link is a resource, and so is the first
 * link of each nested item, however deep. */
static void
test_topic_nested_lists (void)
{
  static const ExpectedResource expected[] = {
    { "Outer", "https://example.com/outer", "example.com", "Nested", TRUE },
    { "Inner", "https://example.com/inner", "example.com", "Nested", FALSE },
    { "Deepest", "https://example.com/deepest", "example.com", "Nested", FALSE },
    { "After the nested list", "https://example.com/after", "example.com", "Nested", FALSE },
    { "Numbered inside", "https://example.com/numbered", "example.com", "Nested", FALSE },
    { "Sibling", "https://example.com/sibling", "example.com", "Nested", FALSE },
  };
  g_autoptr(SyllabusTopic) topic = NULL;

  topic = parse ("## Learning Resources\n"
                 "### Nested\n"
                 "- [Outer](https://example.com/outer) and [not this](https://example.com/no1)\n"
                 "  - [Inner](https://example.com/inner)\n"
                 "    - [Deepest](https://example.com/deepest)\n"
                 "- A heading-like item\n"
                 "  - Still no link\n"
                 "\n"
                 "  [After the nested list](https://example.com/after)\n"
                 "- Group\n"
                 "  1. [Numbered inside](https://example.com/numbered)\n"
                 "     [not this either](https://example.com/no2)\n"
                 "- [Sibling](https://example.com/sibling)\n");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
}

/* Group names come from the nearest subheading, with markup removed. */
static void
test_topic_groups (void)
{
  static const ExpectedResource expected[] = {
    { "One", "https://example.com/1", "example.com", NULL, TRUE },
    { "Two", "https://example.com/2", "example.com", "Reading & Writing", TRUE },
    { "Three", "https://example.com/3", "example.com", "Vidéos en français", TRUE },
    { "Four", "https://example.com/4", "example.com", "動画", TRUE },
    { "Five", "https://example.com/5", "example.com", "Deeper level", TRUE },
    { "Six", "https://example.com/6", "example.com", "Back up", TRUE },
    { "Seven", "https://example.com/7", "example.com", "Back up", FALSE },
  };
  g_autoptr(SyllabusTopic) topic = NULL;

  topic = parse ("# Topic\n"
                 "## Learning Resources\n"
                 "- [One](https://example.com/1)\n"
                 "### *Reading* &amp; `Writing`\n"
                 "- [Two](https://example.com/2)\n"
                 "### Vidéos   en   français\n"
                 "- [Three](https://example.com/3)\n"
                 "### An empty group\n"
                 "Nothing here.\n"
                 "### 動画\n"
                 "- [Four](https://example.com/4)\n"
                 "#### Deeper level\n"
                 "- [Five](https://example.com/5)\n"
                 "### Back up\n"
                 "- [Six](https://example.com/6)\n"
                 "\n"
                 "A paragraph between lists.\n"
                 "\n"
                 "- [Seven](https://example.com/7)\n");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
}

static void
test_topic_paragraph_links (void)
{
  static const ExpectedResource expected[] = {
    { "Listed", "https://example.com/listed", "example.com", "Group", TRUE },
  };
  g_autoptr(SyllabusTopic) topic = NULL;

  topic = parse ("Before: [intro link](https://example.com/intro)\n"
                 "- [Intro list](https://example.com/intro-list)\n"
                 "\n"
                 "## Learning Resources\n"
                 "See [the section's paragraph](https://example.com/paragraph).\n"
                 "\n"
                 "### Group\n"
                 "Also <https://example.com/bare-in-paragraph> and https://example.com/auto.\n"
                 "\n"
                 "- [Listed](https://example.com/listed)\n"
                 "\n"
                 "> [Quoted](https://example.com/quoted)\n"
                 "\n"
                 "## Next\n"
                 "- [After the section](https://example.com/after)\n");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==,
                   "Before: [intro link](https://example.com/intro)\n"
                   "- [Intro list](https://example.com/intro-list)\n"
                   "\n"
                   "## Next\n"
                   "- [After the section](https://example.com/after)\n");
}

/* Which addresses are the same: the scheme and the host are compared
 * without regard to case, a default port and white space around do not
 * count (RFC 3986, 6.2.2 and 6.2.3); the path, the query and the fragment
 * are compared as written, as a server may tell them apart. Lines with the
 * same address are all listed, the second and later ones with "#2", "#3"…
 * after the key, skipping a suffix that another line's key already has. */
static void
test_topic_duplicate_urls (void)
{
  static const ExpectedResource expected[] = {
    { "First", "https://example.com/a", "example.com", "One", TRUE },
    { "Again", "https://example.com/a", "example.com", "One", FALSE, "https://example.com/a#3" },
    { "Other", "https://example.com/b", "example.com", "One", FALSE },
    { "Upper case host", "https://EXAMPLE.com/a", "example.com", "Two", TRUE,
      "https://example.com/a#4" },
    { "Default port", "https://example.com:443/a", "example.com", "Two", FALSE,
      "https://example.com/a#5" },
    { "Spaces around", "https://example.com/a", "example.com", "Two", FALSE,
      "https://example.com/a#6" },
    { "Fragment differs", "https://example.com/a#part", "example.com", "Two", FALSE },
    /* Another address: the path is compared as written. */
    { "Upper case path", "https://example.com/A", "example.com", "Two", FALSE },
    /* A line whose own address ends in "#2" keeps it. */
    { "Second part", "https://example.com/a#2", "example.com", "Two", FALSE },
    /* http is another address than https. */
    { "Only duplicates", "http://example.com:80/b", "example.com", "Three", TRUE },
    { "Only duplicates", "HTTPS://example.com/b", "example.com", "Three", FALSE,
      "https://example.com/b#2" },
  };
  g_autoptr(SyllabusTopic) topic = NULL;

  topic = parse ("## Learning Resources\n"
                 "### One\n"
                 "- [First](https://example.com/a)\n"
                 "- [Again](https://example.com/a)\n"
                 "- [Other](https://example.com/b)\n"
                 "### Two\n"
                 "- [Upper case host](https://EXAMPLE.com/a)\n"
                 "- [Default port](https://example.com:443/a)\n"
                 "- [Spaces around](<  https://example.com/a  >)\n"
                 "- [Fragment differs](https://example.com/a#part)\n"
                 "- [Upper case path](https://example.com/A)\n"
                 "- [Second part](https://example.com/a#2)\n"
                 "### Three\n"
                 "- [Only duplicates](http://example.com:80/b)\n"
                 "- [Only duplicates](HTTPS://example.com/b)\n");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (syllabus_resource_get_key (resource_at (topic, 9)), ==, "http://example.com/b");
}

static void
test_topic_encoding (void)
{
#define CASE(s) { s, sizeof (s) - 1 }
  static const struct {
    const char *data;
    gsize       length;
  } cases[] = {
    CASE ("# Bad \xFF byte\n"),
    CASE ("## Learning Resources\n- [A](https://example.com/\xC3)\n"),
    CASE ("\xEF\xBB\xBF# Bad after a BOM \xC0\xAF\n"),
    CASE ("# Overlong \xE0\x80\xAF\n"),
    CASE ("# Surrogate \xED\xA0\x80\n"),
    CASE ("# NUL \0 inside\n"),
    CASE ("---\ntitle: \xFE\n---\n"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SyllabusTopic) topic = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].length);

      g_test_message ("case %u", i);
      topic = syllabus_topic_new_from_data ("bad", NULL, cases[i].data, cases[i].length, &error);
      g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
      g_assert_null (topic);
      g_clear_error (&error);

      topic = syllabus_topic_new_from_bytes ("bad", NULL, bytes, &error);
      g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
      g_assert_null (topic);
    }
#undef CASE

  /* A NUL is valid UTF-8: the message says what is wrong, and where,
   * instead of calling the file "not UTF-8 text". */
  {
    static const char nul[] = "# Title\nA NUL \0 here\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(SyllabusTopic) topic =
      syllabus_topic_new_from_data ("nul", NULL, nul, sizeof nul - 1, &error);

    g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
    g_assert_null (topic);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "NUL byte at offset 14"));
    g_assert_null (strstr (error->message, "UTF-8"));
  }
}

static void
test_topic_from_bytes (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  static const char page[] = "# Bytes\n\n## Learning Resources\n- [A](https://a.example/)\n";

  topic = syllabus_topic_new_from_bytes ("empty", "Empty", empty, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Empty");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "");
  g_assert_false (syllabus_topic_has_resources_section (topic));
  g_clear_object (&topic);

  /* The length is honoured: the data need not end with a nul. */
  bytes = g_bytes_new (page, strlen (page) - strlen ("- [A](https://a.example/)\n"));
  topic = syllabus_topic_new_from_bytes ("bytes", NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Bytes");
  g_assert_true (syllabus_topic_has_resources_section (topic));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 0);
  g_clear_object (&topic);

  topic = parse_len (page, strlen (page));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 1);
}

static void
test_topic_bom (void)
{
  g_autoptr(SyllabusTopic) topic = NULL;

  /* A byte order mark before the front matter does not hide it. */
  topic = parse ("\xEF\xBB\xBF---\ntitle: With a BOM\nweight: 4\n---\n# Heading\n");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "With a BOM");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 4);
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# Heading\n");
  g_clear_object (&topic);

  /* Nor the first heading, nor the section. */
  topic = parse ("\xEF\xBB\xBF# Heading\n## Learning Resources\n- [A](https://a.example/)\n");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Heading");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# Heading\n");
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 1);
  g_clear_object (&topic);

  topic = parse ("\xEF\xBB\xBF");
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Fallback");
}

static void
test_topic_crlf_inline (void)
{
  static const ExpectedResource expected[] = {
    { "Two words", "https://example.com/a", "example.com", "Group name", TRUE },
  };
  g_autoptr(SyllabusTopic) topic = NULL;

  /* Old Mac line endings too: md4c treats a lone "\r" as a line end. */
  topic = parse ("---\r\ntitle: \"Quoted\"\r\n---\r\n# H\r\n## Learning Resources\r\n"
                 "### Group name\r\n- [Two\r\nwords](https://example.com/a)\r\n## After\r\nText\r\n");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Quoted");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# H\r\n## After\r\nText\r\n");
  g_clear_object (&topic);

  topic = parse ("# H\r## Learning Resources\r### Group name\r- [Two\rwords](https://example.com/a)\r## After\rText\r");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (syllabus_topic_get_introduction (topic), ==, "# H\r## After\rText\r");
}

/* URL normalisation -------------------------------------------------- */

/* The key and host GUri gives: what syllabus_normalize_url() and
 * syllabus_resource_new() promise, whichever way they get there. */
static void
expected_key_and_host (const char  *url,
                       char       **key,
                       char       **host)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (url));
  g_autoptr(GUri) encoded = g_uri_parse (trimmed, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) decoded = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *h = decoded != NULL ? g_uri_get_host (decoded) : NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *lower_host = NULL;
  const char *path;

  *host = NULL;
  if (h != NULL && *h != '\0')
    *host = g_ascii_strdown (g_ascii_strncasecmp (h, "www.", 4) == 0 && h[4] != '\0' ? h + 4 : h, -1);

  /* Only the plain links the one-pass shortcut takes are compared: no
   * port, query, fragment or user, no dot segment. */
  g_assert_nonnull (encoded);
  g_assert_cmpint (g_uri_get_port (encoded), ==, -1);
  g_assert_null (g_uri_get_query (encoded));
  g_assert_null (g_uri_get_fragment (encoded));
  scheme = g_ascii_strdown (g_uri_get_scheme (encoded), -1);
  lower_host = g_ascii_strdown (g_uri_get_host (encoded), -1);
  path = g_uri_get_path (encoded);
  *key = g_strconcat (scheme, "://", lower_host, *path != '\0' ? path : "/", NULL);
}

static void
test_topic_plain_urls (void)
{
  static const char *const urls[] = {
    "https://example.com", "https://example.com/", "HTTPS://WWW.Example.COM/Path/To_File~x",
    "http://www.x", "http://www./", "ftp://a-b.c-d.example/x/y/", "https://1.2.3.4/x",
    "https://123/x", "https://a..b/", "https://xn--caf-dma.example/", "https://host/a/b/c.html",
    "https://host//double//slashes", "https://host/trailing.", "https://host/~user/",
    "Foo://Bar", "https://www.Example.com/A-B_C~D.E",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (urls) + 200; i++)
    {
      g_autofree char *generated = NULL;
      g_autofree char *key = NULL;
      g_autofree char *expected_key = NULL;
      g_autofree char *expected_host = NULL;
      g_autoptr(SyllabusResource) resource = NULL;
      const char *url;

      if (i < G_N_ELEMENTS (urls))
        {
          url = urls[i];
        }
      else
        {
          static const char chars[] = "aZ09.-_~/";
          GString *s = g_string_new (g_rand_boolean (rand) ? "https://" : "HTTP://");

          if (g_rand_boolean (rand))
            g_string_append (s, "WwW.");
          for (int n = g_rand_int_range (rand, 1, 12); n > 0; n--)
            g_string_append_c (s, "aZ09.-"[g_rand_int_range (rand, 0, 6)]);
          g_string_append_c (s, '/');
          for (int n = g_rand_int_range (rand, 0, 12); n > 0; n--)
            {
              char c = chars[g_rand_int_range (rand, 0, sizeof chars - 1)];

              /* A dot segment is GUri's to resolve. */
              if (c == '.' && s->str[s->len - 1] == '/')
                c = 'x';
              g_string_append_c (s, c);
            }
          url = generated = g_string_free (s, FALSE);
        }

      g_test_message ("%s", url);
      expected_key_and_host (url, &expected_key, &expected_host);
      key = syllabus_normalize_url (url);
      g_assert_cmpstr (key, ==, expected_key);

      resource = syllabus_resource_new ("t", url, NULL, 0);
      g_assert_cmpstr (syllabus_resource_get_key (resource), ==, expected_key);
      g_assert_cmpstr (syllabus_resource_get_host (resource), ==, expected_host);
    }
}

static void
test_topic_normalize_url (void)
{
  struct {
    const char *url;
    const char *normalized;
  } cases[] = {
    { "https://example.com/Path", "https://example.com/Path" },
    { "HTTPS://Example.COM/Path", "https://example.com/Path" },
    { "HtTp://EXAMPLE.com/a/B", "http://example.com/a/B" },
    { "http://example.com:80/a", "http://example.com/a" },
    { "https://example.com:443/a", "https://example.com/a" },
    { "https://example.com:443", "https://example.com/" },
    { "https://example.com:8443/a", "https://example.com:8443/a" },
    { "http://example.com:443/a", "http://example.com:443/a" },
    { "https://example.com", "https://example.com/" },
    { "https://example.com?q=1", "https://example.com/?q=1" },
    { "https://example.com/a?b=1&c=2#frag", "https://example.com/a?b=1&c=2#frag" },
    { "https://example.com/a?Q=Upper#Frag", "https://example.com/a?Q=Upper#Frag" },
    /* Escaped unreserved characters are the same address. */
    { "https://example.com/%7Euser", "https://example.com/~user" },
    { "https://example.com/~user", "https://example.com/~user" },
    { "https://example.com/a%20b", "https://example.com/a%20b" },
    { "https://user@Example.com/", "https://user@example.com/" },
    { "  https://example.com/trimmed \n", "https://example.com/trimmed" },
    { "mailto:Someone@Example.com", "mailto:Someone@Example.com" },
    { "  notes/intro.md  ", "notes/intro.md" },
    { "/absolute/path", "/absolute/path" },
    { "#fragment", "#fragment" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = syllabus_normalize_url (cases[i].url);
      g_autofree char *again = syllabus_normalize_url (normalized);

      g_test_message ("url \"%s\"", cases[i].url);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      /* Normalising twice changes nothing. */
      g_assert_cmpstr (again, ==, normalized);
    }
}

/* Resource objects made directly ---------------------------------------- */

static void
test_topic_resource_new (void)
{
  g_autoptr(SyllabusResource) resource = NULL;

  resource = syllabus_resource_new ("Title", "https://WWW.Example.com:443/x", "Group", 3);
  g_assert_cmpstr (syllabus_resource_get_title (resource), ==, "Title");
  g_assert_cmpstr (syllabus_resource_get_url (resource), ==, "https://WWW.Example.com:443/x");
  g_assert_cmpstr (syllabus_resource_get_key (resource), ==, "https://www.example.com/x");
  g_assert_cmpstr (syllabus_resource_get_host (resource), ==, "example.com");
  g_assert_cmpstr (syllabus_resource_get_group (resource), ==, "Group");
  g_assert_cmpuint (syllabus_resource_get_group_index (resource), ==, 3);
  g_assert_false (syllabus_resource_get_first_in_group (resource));
  syllabus_resource_set_first_in_group (resource, 42);
  g_assert_true (syllabus_resource_get_first_in_group (resource) == TRUE);
  g_clear_object (&resource);

  /* A host that is only "www." keeps it; a relative link has none. */
  resource = syllabus_resource_new ("T", "https://www./", NULL, 0);
  g_assert_cmpstr (syllabus_resource_get_host (resource), ==, "www.");
  g_clear_object (&resource);

  resource = syllabus_resource_new ("T", "relative/page.html", NULL, 0);
  g_assert_null (syllabus_resource_get_host (resource));
  g_assert_null (syllabus_resource_get_group (resource));
  g_assert_cmpstr (syllabus_resource_get_key (resource), ==, "relative/page.html");
  g_clear_object (&resource);

  resource = syllabus_resource_new ("T", "mailto:a@example.com", NULL, 0);
  g_assert_null (syllabus_resource_get_host (resource));
  g_clear_object (&resource);

  /* The lengths bound the title; the URL, plain here, is a string. */
  resource = syllabus_resource_new_len ("Title and more", 5, "HTTPS://Example.com", 19, "Group", 1);
  g_assert_cmpstr (syllabus_resource_get_title (resource), ==, "Title");
  g_assert_cmpstr (syllabus_resource_get_url (resource), ==, "HTTPS://Example.com");
  g_assert_cmpstr (syllabus_resource_get_key (resource), ==, "https://example.com/");
  g_assert_cmpstr (syllabus_resource_get_host (resource), ==, "example.com");
  g_assert_cmpstr (syllabus_resource_get_group (resource), ==, "Group");
  g_clear_object (&resource);

  /* A link that is its own key */
  resource = syllabus_resource_new ("", "https://example.com/a", NULL, 0);
  g_assert_cmpstr (syllabus_resource_get_title (resource), ==, "");
  g_assert_cmpstr (syllabus_resource_get_key (resource), ==, "https://example.com/a");
  g_assert_cmpstr (syllabus_resource_get_host (resource), ==, "example.com");
  g_assert_null (syllabus_resource_get_group (resource));
}

/* Loading from a file --------------------------------------------------- */

typedef struct
{
  GMainLoop     *loop;
  SyllabusTopic *topic;
  GError        *error;
} LoadData;

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadData *data = user_data;

  g_assert_null (source);
  data->topic = syllabus_topic_load_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static SyllabusTopic *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadData data = { 0 };

  data.loop = g_main_loop_new (NULL, FALSE);
  syllabus_topic_load_async (file, cancellable, load_cb, &data);
  g_main_loop_run (data.loop);
  g_main_loop_unref (data.loop);

  g_assert_true ((data.topic == NULL) != (data.error == NULL));
  if (data.error != NULL)
    g_propagate_error (error, data.error);

  return data.topic;
}

static void
test_topic_load_async (void)
{
  g_autofree char *path = rust_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *expected_base = g_strconcat (folder_uri, "/", NULL);
  g_autofree char *id = syllabus_topic_id_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) resolved = NULL;

  g_assert_cmpstr (id, ==, "rust");

  topic = load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "rust");
  assert_rust_topic (topic);

  /* Relative links resolve against the topic's folder. */
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, expected_base);
  g_assert_true (g_str_has_prefix (syllabus_topic_get_base_uri (topic), "file:///"));
  base = g_file_new_for_uri (syllabus_topic_get_base_uri (topic));
  g_assert_true (g_file_equal (base, folder));
  resolved = g_file_resolve_relative_path (base, "rust.md");
  g_assert_true (g_file_equal (resolved, file));
}

static void
test_topic_load_async_test_page (void)
{
  g_autofree char *path = topic_path ("varied.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autofree char *expected_base = NULL;
  g_autofree char *folder_uri = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);

  folder_uri = g_file_get_uri (folder);
  expected_base = g_strconcat (folder_uri, "/", NULL);

  topic = load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "varied");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Data: the basics");
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==,
                    G_N_ELEMENTS (varied_resources));
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, expected_base);
  g_assert_true (g_str_has_suffix (syllabus_topic_get_base_uri (topic), "/topics/"));
}

static void
test_topic_load_async_errors (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "topics", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.md", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.md", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.md", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "no-suffix", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autofree char *id = NULL;

  /* The XDG folders are fresh for each test: nothing real is touched. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  topic = load_file (missing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (topic);
  g_clear_error (&error);

  g_file_set_contents (bad_path, "# Not UTF-8 \xFF\n", -1, &error);
  g_assert_no_error (error);
  topic = load_file (bad, NULL, &error);
  g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
  g_assert_null (topic);
  g_clear_error (&error);

  /* A file over the limit is refused before it is read; a sparse file
   * takes no room on disk. */
  stream = g_file_replace (big, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), SYLLABUS_TOPIC_MAX_SIZE + 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  topic = load_file (big, NULL, &error);
  g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_TOO_LARGE);
  g_assert_null (topic);
  g_clear_error (&error);
  g_assert_true (g_file_delete (big, NULL, NULL));

  g_cancellable_cancel (cancellable);
  g_file_set_contents (plain_path, "# Plain\n", -1, &error);
  g_assert_no_error (error);
  topic = load_file (plain, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (topic);
  g_clear_error (&error);

  /* Without ".md", the whole file name is the id and the title. */
  id = syllabus_topic_id_for_file (plain);
  g_assert_cmpstr (id, ==, "no-suffix");
  topic = load_file (plain, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "no-suffix");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Plain");
}

static void
test_topic_base_uri (void)
{
  g_autoptr(SyllabusTopic) topic = parse ("# T\n");

  g_assert_null (syllabus_topic_get_base_uri (topic));
  syllabus_topic_set_base_uri (topic, "file:///tmp/topics/");
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, "file:///tmp/topics/");
  syllabus_topic_set_base_uri (topic, "file:///tmp/topics/");
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, "file:///tmp/topics/");
  syllabus_topic_set_base_uri (topic, NULL);
  g_assert_null (syllabus_topic_get_base_uri (topic));
}

/* Ordering ------------------------------------------------------------ */

static SyllabusTopic *
topic_with (const char *id,
            const char *title,
            const char *weight)
{
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;

  if (weight != NULL)
    page = g_strdup_printf ("---\ntitle: %s\nweight: %s\n---\n", title, weight);
  else
    page = g_strdup_printf ("---\ntitle: %s\n---\n", title);

  topic = syllabus_topic_new_from_data (id, NULL, page, strlen (page), &error);
  g_assert_no_error (error);

  return topic;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_topic_pointers (gconstpointer a,
                        gconstpointer b)
{
  return syllabus_topic_compare (*(gpointer *)a, *(gpointer *)b);
}

static void
test_topic_compare (void)
{
  /* In the order the library shows them. */
  const struct {
    const char *id;
    const char *title;
    const char *weight;
  } sorted[] = {
    { "e", "Omega", "-5" },
    { "c", "Beta", "10" },
    { "f", "Beta", "10" },
    { "a", "Zeta", "10" },
    { "g", "Apple", "20" },
    { "b", "Zulu", "20" },
    { "d", "Aardvark", NULL },
    { "h", "Bad weight", "heavy" },
  };
  const guint shuffle[] = { 3, 7, 0, 5, 1, 6, 2, 4 };
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);

  G_STATIC_ASSERT (G_N_ELEMENTS (shuffle) == G_N_ELEMENTS (sorted));

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_ptr_array_add (topics, topic_with (sorted[shuffle[i]].id, sorted[shuffle[i]].title,
                                         sorted[shuffle[i]].weight));

  /* The comparison is a total order: reflexive, antisymmetric. */
  for (guint i = 0; i < topics->len; i++)
    for (guint j = 0; j < topics->len; j++)
      {
        int ij = syllabus_topic_compare (topics->pdata[i], topics->pdata[j]);
        int ji = syllabus_topic_compare (topics->pdata[j], topics->pdata[i]);

        if (i == j)
          g_assert_cmpint (ij, ==, 0);
        else
          g_assert_cmpint (ij, !=, 0);
        g_assert_cmpint ((ij > 0) - (ij < 0), ==, -((ji > 0) - (ji < 0)));
      }

  g_ptr_array_sort (topics, compare_topic_pointers);

  for (guint i = 0; i < topics->len; i++)
    {
      g_test_message ("position %u", i);
      g_assert_cmpstr (syllabus_topic_get_id (topics->pdata[i]), ==, sorted[i].id);
      g_assert_cmpstr (syllabus_topic_get_title (topics->pdata[i]), ==, sorted[i].title);
    }
}

/* The images a page shows from its own folder, for copying with it. */
static void
test_local_images (void)
{
  static const char text[] =
    "# Images\n\n![a](pic.png) ![b](img/x.png?v=1#top) ![c](../secret.png)\n"
    "![d](/etc/passwd) ![e](https://example.org/y.png) ![f](data:image/png;base64,AA)\n"
    "![g](pic.png) ![h](./dot.png) ![i](a/../b.png) ![j](file:///etc/hostname)\n"
    "[![k](badge.svg)](https://example.org/)\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = syllabus_topic_new_from_data ("images", NULL, text,
                                                                 strlen (text), &error);
  const char * const *images;

  g_assert_no_error (error);
  images = syllabus_topic_get_local_images (topic);
  g_assert_cmpuint (g_strv_length ((char **)images), ==, 3);
  g_assert_cmpstr (images[0], ==, "pic.png");
  g_assert_cmpstr (images[1], ==, "img/x.png");
  g_assert_cmpstr (images[2], ==, "badge.svg");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/topic/rust", test_topic_rust);
  g_test_add_func ("/topic/rust/properties", test_topic_rust_properties);
  g_test_add_func ("/topic/rust/crlf-and-bom", test_topic_rust_variants);
  g_test_add_func ("/topic/file/varied", test_topic_varied);
  g_test_add_func ("/topic/file/level-one", test_topic_level_one);
  g_test_add_func ("/topic/file/no-resources", test_topic_no_resources_section);
  g_test_add_func ("/topic/file/empty-section", test_topic_empty_section);
  g_test_add_func ("/topic/file/duplicates", test_topic_duplicates);
  g_test_add_func ("/topic/file/ungrouped", test_topic_ungrouped);
  g_test_add_func ("/topic/file/unclosed-front-matter", test_topic_unclosed_front_matter);
  g_test_add_func ("/topic/file/crlf", test_topic_crlf_file);
  g_test_add_func ("/topic/file/every-page", test_topic_every_test_page);
  g_test_add_func ("/topic/file/content-html", test_topic_content_html);
  g_test_add_func ("/topic/introduction-html/bounds", test_topic_introduction_html_bounds);
  g_test_add_func ("/topic/introduction-html/references", test_topic_introduction_html_references);
  g_test_add_func ("/topic/introduction-html/apart", test_topic_introduction_html_apart);
  g_test_add_func ("/topic/title", test_topic_title);
  g_test_add_func ("/topic/title/fallback-id", test_topic_title_fallback_id);
  g_test_add_func ("/topic/weight", test_topic_weight);
  g_test_add_func ("/topic/front-matter", test_topic_front_matter);
  g_test_add_func ("/topic/introduction", test_topic_introduction);
  g_test_add_func ("/topic/resources/link-titles", test_topic_link_titles);
  g_test_add_func ("/topic/resources/nested-lists", test_topic_nested_lists);
  g_test_add_func ("/topic/resources/groups", test_topic_groups);
  g_test_add_func ("/topic/resources/paragraph-links", test_topic_paragraph_links);
  g_test_add_func ("/topic/resources/duplicates", test_topic_duplicate_urls);
  g_test_add_func ("/topic/encoding", test_topic_encoding);
  g_test_add_func ("/topic/from-bytes", test_topic_from_bytes);
  g_test_add_func ("/topic/bom", test_topic_bom);
  g_test_add_func ("/topic/crlf", test_topic_crlf_inline);
  g_test_add_func ("/topic/normalize-url", test_topic_normalize_url);
  g_test_add_func ("/topic/resource-new", test_topic_resource_new);
  g_test_add_func ("/topic/plain-urls", test_topic_plain_urls);
  g_test_add_func ("/topic/load-async", test_topic_load_async);
  g_test_add_func ("/topic/load-async/test-page", test_topic_load_async_test_page);
  g_test_add_func ("/topic/load-async/errors", test_topic_load_async_errors);
  g_test_add_func ("/topic/base-uri", test_topic_base_uri);
  g_test_add_func ("/topic/compare", test_topic_compare);

  g_test_add_func ("/topic/local-images", test_local_images);

  return g_test_run ();
}
