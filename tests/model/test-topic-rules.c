/* test-topic-rules.c
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

/* Which links of a page are its resources when it is not in our shape: an
 * awesome list's link lists under their headings, a roadmap.sh node's
 * "@kind@" links, and the front matter's "resources" rule. The pages are
 * tests/model/topics/awesome.md and roadmap-node.md, written for these
 * tests, and small pages written inline. */

#include "config.h"

#include <string.h>

#include "syllabus-markdown.h"
#include "syllabus-resource.h"
#include "syllabus-topic.h"

typedef struct
{
  const char *title;
  const char *url;
  const char *group;  /* NULL: under no heading */
  gboolean    first_in_group;
  const char *kind;   /* NULL: none */
} Expected;

static SyllabusTopic *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_html = NULL;
  SyllabusTopic *topic;

  topic = syllabus_topic_new_from_data ("test", "Fallback", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (SYLLABUS_IS_TOPIC (topic));

  /* The page is rendered as its introduction alone would be. */
  expected_html = syllabus_markdown_to_html (syllabus_topic_get_introduction (topic), -1);
  g_assert_cmpstr (syllabus_topic_get_introduction_html (topic), ==, expected_html);

  return topic;
}

static SyllabusTopic *
parse_test_topic (const char *name)
{
  g_autofree char *path = g_build_filename (SRCDIR, "topics", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return parse (contents);
}

static void
assert_resources (SyllabusTopic  *topic,
                  const Expected *expected,
                  guint           n_expected)
{
  GListModel *resources = syllabus_topic_get_resources (topic);

  for (guint i = 0; i < MIN (n_expected, g_list_model_get_n_items (resources)); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_test_message ("resource %u", i);
      g_assert_cmpstr (syllabus_resource_get_title (resource), ==, expected[i].title);
      g_assert_cmpstr (syllabus_resource_get_url (resource), ==, expected[i].url);
      g_assert_cmpstr (syllabus_resource_get_group (resource), ==, expected[i].group);
      g_assert_cmpint (syllabus_resource_get_first_in_group (resource), ==, expected[i].first_in_group);
      g_assert_cmpstr (syllabus_resource_get_kind (resource), ==, expected[i].kind);
    }
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, n_expected);
}

static guint
count_resources (const char *page)
{
  g_autoptr(SyllabusTopic) topic = parse (page);

  return g_list_model_get_n_items (syllabus_topic_get_resources (topic));
}

/* An awesome list: no "Learning Resources", its lists are the checklist. */
static void
test_rules_awesome_list (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("awesome.md");
  const char *html = NULL;
  static const Expected expected[] = {
    { "Trowel Guide", "https://trowel.example/", "Tools", TRUE, NULL },
    { "Pruner Handbook", "https://pruner.example/book", "Tools › Hand Tools", TRUE, NULL },
    /* A list item without a link names the list it holds. */
    { "Whetstone Basics", "https://stone.example/basics", "Tools › Hand Tools › Sharpening", TRUE, NULL },
    { "File Care", "http://file.example/care", "Tools › Hand Tools › Sharpening", FALSE, NULL },
    /* Back out of the nested list: the group of the heading again, a new
     * one, so that the row's heading is shown again. */
    { "Hammer Notes", "https://hammer.example/", "Tools › Hand Tools", TRUE, NULL },
    { "Soil Course", "https://soil.example/course", "Resources", TRUE, NULL },
    /* The first link of the item, a bare address: titled by it */
    { "https://compost.example/", "https://compost.example/", "Resources", FALSE, NULL },
  };

  /* The title is the heading's text, without its badges. */
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Awesome Gardening");
  g_assert_false (syllabus_topic_has_resources_section (topic));

  /* The table of contents (links into the page), the file beside the page,
   * an item without a link and a link in a paragraph are not resources. */
  assert_resources (topic, expected, G_N_ELEMENTS (expected));

  /* The whole page is shown: its lists stay in it. */
  html = syllabus_topic_get_introduction_html (topic);
  g_assert_nonnull (strstr (html, "<a href=\"https://trowel.example/\">Trowel Guide</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"#tools\">Tools</a>"));
}

/* roadmap.sh's kinds: "@official@" gives the kind, and neither the title
 * nor the page shows it. */
static void
test_rules_kinds (void)
{
  g_autoptr(SyllabusTopic) topic = parse_test_topic ("roadmap-node.md");
  const char *html = NULL;
  static const Expected expected[] = {
    { "Official Website", "https://tokio.example/", NULL, TRUE, "official" },
    /* md4c reads "official@Docs.rs" as a mail address */
    { "Docs.rs: Tokio", "https://docs.example/tokio/latest/tokio/", NULL, FALSE, "official" },
    { "A Talk About Runtimes", "https://video.example/watch?v=1", NULL, FALSE, "video" },
    { "Mixed Case", "https://article.example/", NULL, FALSE, "article" },
    { "Runtime Hour", "https://podcast.example/42", NULL, FALSE, "podcast" },
    /* A kind we have no word for is still a kind. */
    { "A kind of its own", "https://own.example/", NULL, FALSE, "someday" },
    /* Too short to be a kind */
    { "@x@ is too short", "https://short.example/", NULL, FALSE, NULL },
    { "Plain link", "https://plain.example/", NULL, FALSE, NULL },
  };

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Tokio");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));

  html = syllabus_topic_get_introduction_html (topic);
  /* The lead-in is the node's text, not a heading. */
  g_assert_nonnull (strstr (html, "<p>Visit the following resources to learn more:</p>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://tokio.example/\">Official Website</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://docs.example/tokio/latest/tokio/\">Docs.rs: Tokio</a>"));
  g_assert_nonnull (strstr (html, "<a href=\"https://article.example/\">Mixed Case</a>"));
  g_assert_null (strstr (html, "@official@"));
  g_assert_null (strstr (html, "mailto:"));
  g_assert_nonnull (strstr (html, "@x@ is too short"));
}

/* Markers only count at the start of a link's text, whole. */
static void
test_rules_kind_edges (void)
{
  g_autoptr(SyllabusTopic) topic = parse ("- [**@book@** Bold](https://a.example/)\n"
                                          "- [Title @book@](https://b.example/)\n"
                                          "- [@book@](https://c.example/)\n"
                                          "- [@bo`ok`@ Code](https://d.example/)\n"
                                          "- [@book@Split *emphasis*](https://e.example/)\n"
                                          "- [@verylongkindnamethatgoeson@ X](https://f.example/)\n"
                                          "- Text first [@book@ Later](https://g.example/)\n");
  static const Expected expected[] = {
    { "@book@ Bold", "https://a.example/", NULL, TRUE, NULL },
    { "Title @book@", "https://b.example/", NULL, FALSE, NULL },
    /* Nothing but the marker: titled by the address */
    { "https://c.example/", "https://c.example/", NULL, FALSE, "book" },
    { "@book@ Code", "https://d.example/", NULL, FALSE, NULL },
    { "Split emphasis", "https://e.example/", NULL, FALSE, "book" },
    { "@verylongkindnamethatgoeson@ X", "https://f.example/", NULL, FALSE, NULL },
    { "Later", "https://g.example/", NULL, FALSE, "book" },
  };

  assert_resources (topic, expected, G_N_ELEMENTS (expected));
  g_assert_nonnull (strstr (syllabus_topic_get_introduction_html (topic),
                            "<a href=\"https://e.example/\">Split <em>emphasis</em></a>"));
}

/* The front matter's rule, and what it does to a page with a section. */
static void
test_rules_front_matter (void)
{
  static const char body[] =
    "# T\n\n- [Before](https://before.example/)\n\n"
    "## Learning Resources\n\n### Books\n- [Book](https://book.example/)\n\n"
    "## After\n\n- [Later](https://later.example/)\n";
  static const Expected by_section[] = {
    { "Book", "https://book.example/", "Books", TRUE, NULL },
  };
  static const Expected by_all[] = {
    { "Before", "https://before.example/", NULL, TRUE, NULL },
    { "Book", "https://book.example/", "Learning Resources › Books", TRUE, NULL },
    { "Later", "https://later.example/", "After", TRUE, NULL },
  };
  struct {
    const char *front_matter;
    const Expected *expected;
    guint n_expected;
    gboolean section;
    SyllabusResourcesRule rule;
  } cases[] = {
    { "", by_section, G_N_ELEMENTS (by_section), TRUE, SYLLABUS_RESOURCES_AUTO },
    { "---\nresources: section\n---\n", by_section, G_N_ELEMENTS (by_section), TRUE, SYLLABUS_RESOURCES_SECTION },
    { "---\nresources: ALL \n---\n", by_all, G_N_ELEMENTS (by_all), FALSE, SYLLABUS_RESOURCES_ALL },
    { "---\nresources: none\n---\n", NULL, 0, FALSE, SYLLABUS_RESOURCES_NONE },
    /* A rule we don't know is no rule. */
    { "---\nresources: some\n---\n", by_section, G_N_ELEMENTS (by_section), TRUE, SYLLABUS_RESOURCES_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strconcat (cases[i].front_matter, body, NULL);
      g_autoptr(SyllabusTopic) topic = NULL;
      const char *introduction;

      g_test_message ("case %u", i);
      topic = parse (page);
      assert_resources (topic, cases[i].expected, cases[i].n_expected);
      g_assert_cmpint (syllabus_topic_has_resources_section (topic), ==, cases[i].section);
      g_assert_cmpint (syllabus_topic_get_resources_rule (topic), ==, cases[i].rule);

      /* Only the section leaves the page; a page's own lists stay. */
      introduction = syllabus_topic_get_introduction (topic);
      g_assert_nonnull (strstr (introduction, "https://before.example/"));
      g_assert_nonnull (strstr (introduction, "https://later.example/"));
      if (cases[i].section)
        g_assert_null (strstr (introduction, "https://book.example/"));
      else
        g_assert_nonnull (strstr (introduction, "https://book.example/"));
    }

  /* "resources: section" on a page without one lists nothing. */
  g_assert_cmpuint (count_resources ("---\nresources: section\n---\n- [A](https://a.example/)\n"), ==, 0);
}

/* What is a resource in a page's lists, and what is not. */
static void
test_rules_which_items (void)
{
  struct {
    const char *page;
    guint n_resources;
  } cases[] = {
    { "- [A](https://a.example/)\n", 1 },
    { "- [A](HTTPS://a.example/)\n", 1 },
    { "* [A](http://a.example/)\n+ [B](http://b.example/)\n", 2 },
    { "1. [A](https://a.example/)\n2) [B](https://b.example/)\n", 2 },
    /* Only the first link of an item */
    { "- [A](https://a.example/) and [B](https://b.example/)\n", 1 },
    /* An anchor first: a table of contents' line, even with a web link
     * after it */
    { "- [Tools](#tools) [B](https://b.example/)\n", 0 },
    { "- [Guide](guide.md)\n- [Mail](mailto:a@example.com)\n- [FTP](ftp://f.example/)\n", 0 },
    { "- <https://auto.example/>\n- https://bare.example/\n", 2 },
    /* Links outside lists */
    { "[A](https://a.example/)\n\n> [B](https://b.example/)\n\n| [C](https://c.example/) |\n|---|\n", 0 },
    /* A quoted list is a list */
    { "> - [A](https://a.example/)\n", 1 },
    /* A task list */
    { "- [ ] [A](https://a.example/)\n- [x] [B](https://b.example/)\n", 2 },
    /* An image link */
    { "- [![Logo](logo.png)](https://a.example/)\n", 1 },
    /* The empty address is no resource. */
    { "- [A](<>)\n", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].page);
      g_assert_cmpuint (count_resources (cases[i].page), ==, cases[i].n_resources);
    }
}

/* Groups: the headings over a list, without the title, as a path. */
static void
test_rules_groups (void)
{
  g_autoptr(SyllabusTopic) topic =
    parse ("Intro [x](https://x.example/)\n\n"
           "- [Top](https://top.example/)\n\n"
           "# Title\n\n"
           "## A\n\n#### Deep\n\n- [Deep](https://deep.example/)\n\n"
           "### B\n\n- [B](https://b.example/)\n\n"
           "## C *emphasis* `code`\n\n- [C](https://c.example/)\n\n"
           "## C *emphasis* `code`\n\n- [C again](https://c2.example/)\n\n"
           "# Second Title\n\n- [Second](https://second.example/)\n\n"
           "##\n\n- [Empty heading](https://empty.example/)\n\n"
           "- Category:\n  - [Nested](https://nested.example/)\n"
           "  - Deeper\n    1. [Deepest](https://deepest.example/)\n"
           "- [Item](https://item.example/)\n  - [Under an item](https://under.example/)\n");
  static const Expected expected[] = {
    { "Top", "https://top.example/", NULL, TRUE, NULL },
    /* A level skipped leaves no gap. */
    { "Deep", "https://deep.example/", "A › Deep", TRUE, NULL },
    { "B", "https://b.example/", "A › B", TRUE, NULL },
    { "C", "https://c.example/", "C emphasis code", TRUE, NULL },
    /* The same name again is another group. */
    { "C again", "https://c2.example/", "C emphasis code", TRUE, NULL },
    /* Only the first level-1 heading is the title. */
    { "Second", "https://second.example/", "Second Title", TRUE, NULL },
    { "Empty heading", "https://empty.example/", "Second Title", TRUE, NULL },
    { "Nested", "https://nested.example/", "Second Title › Category", TRUE, NULL },
    { "Deepest", "https://deepest.example/", "Second Title › Category › Deeper", TRUE, NULL },
    { "Item", "https://item.example/", "Second Title", TRUE, NULL },
    /* An item with a link names no group. */
    { "Under an item", "https://under.example/", "Second Title", FALSE, NULL },
  };

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Title");
  assert_resources (topic, expected, G_N_ELEMENTS (expected));
}

/* The same address twice in a page's lists: two resources, two keys. */
static void
test_rules_duplicates (void)
{
  g_autoptr(SyllabusTopic) topic = parse ("## A\n- [One](https://same.example/)\n"
                                          "## B\n- [Two](https://same.example/)\n");
  GListModel *resources = syllabus_topic_get_resources (topic);
  g_autoptr(SyllabusResource) first = g_list_model_get_item (resources, 0);
  g_autoptr(SyllabusResource) second = g_list_model_get_item (resources, 1);

  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 2);
  g_assert_cmpstr (syllabus_resource_get_key (first), ==, "https://same.example/");
  g_assert_cmpstr (syllabus_resource_get_key (second), ==, "https://same.example/#2");
}

/* A heading's title leaves out images and markup, also in links. */
static void
test_rules_titles (void)
{
  struct {
    const char *page;
    const char *title;
  } cases[] = {
    { "# Awesome ![badge](https://b.example/b.svg)\n", "Awesome" },
    { "# Awesome [![badge](https://b.example/b.svg)](https://ci.example/) Rust\n", "Awesome Rust" },
    { "# <img src=\"logo.png\" alt=\"Logo\"> Awesome <b>Bold</b>\n", "Awesome Bold" },
    { "# ![only an image](https://b.example/b.svg)\n\n# Second\n", "Second" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SyllabusTopic) topic = parse (cases[i].page);

      g_test_message ("case %u", i);
      g_assert_cmpstr (syllabus_topic_get_title (topic), ==, cases[i].title);
    }
}

/* Headings get GitHub's ids, so that a table of contents leads to them. */
static void
test_rules_heading_ids (void)
{
  g_autoptr(SyllabusTopic) topic = parse ("# Awesome [![badge](https://b.example/b.svg)](https://ci.example/)\n\n"
                                          "- [Audio and Music](#audio-and-music)\n\n"
                                          "## Audio and Music\n\n## Audio and Music\n\n"
                                          "### C++ & *Rust*: `unsafe`!\n\n"
                                          "### Über Straße\n\n"
                                          "### !!!\n");
  const char *html = syllabus_topic_get_introduction_html (topic);

  g_assert_nonnull (strstr (html, "<h1 id=\"awesome\">Awesome "));
  g_assert_nonnull (strstr (html, "<h2 id=\"audio-and-music\">Audio and Music</h2>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"audio-and-music-1\">Audio and Music</h2>"));
  g_assert_nonnull (strstr (html, "<h3 id=\"c--rust-unsafe\">"));
  g_assert_nonnull (strstr (html, "<h3 id=\"über-straße\">"));
  /* Nothing left to name it by: no id */
  g_assert_nonnull (strstr (html, "<h3>!!!</h3>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topic-rules/awesome-list", test_rules_awesome_list);
  g_test_add_func ("/topic-rules/kinds", test_rules_kinds);
  g_test_add_func ("/topic-rules/kind-edges", test_rules_kind_edges);
  g_test_add_func ("/topic-rules/front-matter", test_rules_front_matter);
  g_test_add_func ("/topic-rules/which-items", test_rules_which_items);
  g_test_add_func ("/topic-rules/groups", test_rules_groups);
  g_test_add_func ("/topic-rules/duplicates", test_rules_duplicates);
  g_test_add_func ("/topic-rules/titles", test_rules_titles);
  g_test_add_func ("/topic-rules/heading-ids", test_rules_heading_ids);

  return g_test_run ();
}
