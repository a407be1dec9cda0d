/* test-topic-bundle.c
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

/* A folder is a topic: the order of its files, the headings they become,
 * titles, the files left out, and the copy in the user's topics that keeps
 * its id when the folder's files are renumbered. The folder read is
 * tests/model/topics/garden/, laid out as a roadmap.sh content/ folder,
 * copied at run time where a test changes it. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bundle-test-utils.h"
#include "syllabus-library.h"
#include "syllabus-topic-bundle.h"
#include "syllabus-topic.h"

/* Helpers ---------------------------------------------------------------- */

static char *
garden_path (void)
{
  return g_build_filename (SRCDIR, "topics", "garden", NULL);
}

/* A copy of the garden folder in a fresh place, to change. */
static char *
copy_garden (const char *name)
{
  g_autofree char *from = garden_path ();
  char *to = g_build_filename (g_get_user_cache_dir (), "elsewhere", name, NULL);

  copy_tree (from, to);
  return to;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
build (const char *path,
       GPtrArray  *problems)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *doc;

  doc = syllabus_topic_bundle_build (folder, problems, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (strlen (doc), ==, length);

  return doc;
}

/* Asserts that the lines given appear in @doc in this order, each whole. */
static void
assert_lines_in_order (const char         *doc,
                       const char * const *lines)
{
  const char *from = doc;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *needle = g_strconcat ("\n", lines[i], "\n", NULL);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("“%s” is missing, or out of order, in:\n%s", lines[i], doc);
      from = found + 1;
    }
}

static SyllabusTopic *
load_bundle (const char *path,
             const char *id)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic;

  topic = syllabus_topic_bundle_load (folder, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  return topic;
}

static const char *
problem_named (SyllabusTopic *topic,
               const char    *basename)
{
  for (guint i = 0; i < syllabus_topic_get_n_problems (topic); i++)
    {
      const char *path = syllabus_topic_get_problem_path (topic, i);

      if (g_str_has_suffix (path, basename))
        return path;
    }

  return NULL;
}

static const GError *
problem_error_named (SyllabusTopic *topic,
                     const char    *basename)
{
  for (guint i = 0; i < syllabus_topic_get_n_problems (topic); i++)
    if (g_str_has_suffix (syllabus_topic_get_problem_path (topic, i), basename))
      return syllabus_topic_get_problem_error (topic, i);

  return NULL;
}

/* Names and headings ----------------------------------------------------- */

static void
test_bundle_compare_names (void)
{
  /* Natural order: 2 before 10, leading zeros as nothing. */
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("2-compost", "10-mulch"), <, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("10-mulch", "2-compost"), >, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("101-a", "102-a"), <, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("009-a", "10-a"), <, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("part2", "part10"), <, 0);
  /* Unnumbered after numbered, by name. */
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("999-last", "appendix"), <, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("glossary", "appendix"), >, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("Appendix", "basics"), <, 0);
  g_assert_cmpint (syllabus_topic_bundle_compare_names ("same", "same"), ==, 0);
}

static void
test_bundle_title_for_name (void)
{
  const struct { const char *name; const char *title; } cases[] = {
    { "101-language-basics", "Language basics" },
    { "2-seeds", "Seeds" },
    { "10_harvest_time", "Harvest time" },
    { "glossary", "Glossary" },
    { "2024", "2024" },
    { "01-éclairs", "Éclairs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = syllabus_topic_bundle_title_for_name (cases[i].name);

      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

static void
test_bundle_shift_headings (void)
{
  const char *text = "# Tokio\n\nText.\n\n## Runtime ##\n"
                     "```\n# in code\n```\n"
                     "##### Deep\n"
                     "#hashtag\n";
  g_autofree char *h1 = NULL;
  g_autofree char *shifted = syllabus_topic_bundle_shift_headings (text, strlen (text), 2, FALSE,
                                                                   &h1);
  g_autofree char *taken_h1 = NULL;
  g_autofree char *taken = syllabus_topic_bundle_shift_headings (text, strlen (text), 1, TRUE,
                                                                 &taken_h1);
  g_autofree char *open_fence = syllabus_topic_bundle_shift_headings ("~~~~\n# code\n", 12, 1,
                                                                      FALSE, NULL);

  g_assert_cmpstr (h1, ==, "Tokio");
  /* Down two levels, to six at most; code and non-headings as they were. */
  g_assert_cmpstr (shifted, ==, "### Tokio\n\nText.\n\n#### Runtime ##\n"
                                "```\n# in code\n```\n"
                                "###### Deep\n"
                                "#hashtag\n");

  /* A folder's index.md: its title goes to the folder's heading. */
  g_assert_cmpstr (taken_h1, ==, "Tokio");
  g_assert_cmpstr (taken, ==, "\nText.\n\n### Runtime ##\n"
                              "```\n# in code\n```\n"
                              "###### Deep\n"
                              "#hashtag\n");

  /* A code block left open is closed: it cannot swallow the next file. */
  g_assert_cmpstr (open_fence, ==, "~~~~\n# code\n\n~~~~\n");
}

/* Setext headings move down as ATX ones do; "---" that is no underline
 * (after a blank line, a list item, a quote, in code) stays as it is. */
static void
test_bundle_shift_setext (void)
{
  const char *text = "Tokio\n=====\n\n"
                     "Text\non two lines.\n\n"
                     "The Runtime\nin depth #\n---\n\n"
                     "---\n\n"
                     "- an item\n- another\n---\n\n"
                     "> quoted\n---\n\n"
                     "```\ncode\n---\n```\n"
                     "    indented code\n    ---\n\n"
                     "Stars\n* * *\n"
                     "Deep\n----\n";
  g_autofree char *h1 = NULL;
  g_autofree char *shifted = syllabus_topic_bundle_shift_headings (text, strlen (text), 2, FALSE,
                                                                   &h1);
  g_autofree char *taken_h1 = NULL;
  g_autofree char *taken = syllabus_topic_bundle_shift_headings (text, strlen (text), 5, TRUE,
                                                                 &taken_h1);

  g_assert_cmpstr (h1, ==, "Tokio");
  g_assert_cmpstr (shifted, ==, "### Tokio\n\n"
                                "Text\non two lines.\n\n"
                                "#### The Runtime in depth # #\n\n"
                                "---\n\n"
                                "- an item\n- another\n---\n\n"
                                "> quoted\n---\n\n"
                                "```\ncode\n---\n```\n"
                                "    indented code\n    ---\n\n"
                                "Stars\n* * *\n"
                                "#### Deep\n");

  /* A folder's index.md: its setext title goes to the folder's heading;
   * levels stop at six. */
  g_assert_cmpstr (taken_h1, ==, "Tokio");
  g_assert_true (g_str_has_prefix (taken, "\nText\non two lines.\n\n"
                                          "###### The Runtime in depth # #\n"));
  g_assert_true (g_str_has_suffix (taken, "###### Deep\n"));
}

/* Relative addresses ----------------------------------------------------- */

/* An address in a subfolder's file, rewritten relative to the top folder;
 * one that leads out of it leads nowhere. */
static void
test_bundle_rebase_address (void)
{
  static const struct { const char *dir; const char *address; const char *rebased; } cases[] = {
    { "1-soil", "img/compost.png", "1-soil/img/compost.png" },
    { "1-soil", "./compost.png?size=2#top", "1-soil/compost.png?size=2#top" },
    { "1-soil/deep", "../mulch.md", "1-soil/mulch.md" },
    { "1-soil", "../logo.png", "logo.png" },
    { "1-soil", "%2e%2E/logo.png", "logo.png" },
    { "1-soil", "../../secret.png", "" },
    { "1-soil", "../%2e%2e/secret.png", "" },
    { "1-soil", "..", "./" },
    { "my soil", "a.png", "my%20soil/a.png" },
    { "", "../secret.png", "" },
    /* Left as they are: */
    { "", "img/logo.png", NULL },
    { "1-soil", "https://example.org/a.png", NULL },
    { "1-soil", "mailto:a@example.org", NULL },
    { "1-soil", "/etc/passwd", NULL },
    { "1-soil", "//example.org/a.png", NULL },
    { "1-soil", "#compost", NULL },
    { "1-soil", "?q", NULL },
    { "1-soil", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rebased = syllabus_topic_bundle_rebase_address (cases[i].dir, cases[i].address,
                                                                       strlen (cases[i].address));

      g_test_message ("%s in %s", cases[i].address, cases[i].dir);
      g_assert_cmpstr (rebased, ==, cases[i].rebased);
    }
}

/* In the page the folder makes, a subfolder's file shows its own images
 * and links to its own neighbours, in Markdown and raw HTML. */
static void
test_bundle_subfolder_links (void)
{
  g_autofree char *top = g_build_filename (g_get_user_cache_dir (), "elsewhere", "links", NULL);
  g_autofree char *sub = g_build_filename (top, "1-soil", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (syllabus_bundle_problem_free);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  const char * const *images;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  write_file (top, "index.md", "# Garden\n\n![Logo](logo.png)\n", -1);
  write_file (sub, "compost.md",
              "# Compost\n\n"
              "![Heap](img/heap.png \"A heap\")\n"
              "See [mulch](mulch.md#how), [the logo](../logo.png), [the top](#garden),\n"
              "[away](../../secret.png), [a reference][ref] and [the web](https://example.org/).\n\n"
              "<img src=\"img/raw.png\" alt=\"\"> <a href='../index.md'>up</a>\n\n"
              "<p align=\"center\">\n  <img\n    src=img/block.png>\n</p>\n\n"
              "```\n![In code](img/code.png)\n```\n\n"
              "[ref]: ref.md \"Ref\"\n", -1);

  doc = build (top, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (strstr (doc, "![Logo](logo.png)"));
  g_assert_nonnull (strstr (doc, "![Heap](1-soil/img/heap.png \"A heap\")"));
  g_assert_nonnull (strstr (doc, "[mulch](1-soil/mulch.md#how)"));
  g_assert_nonnull (strstr (doc, "[the logo](logo.png)"));
  g_assert_nonnull (strstr (doc, "[the top](#garden)"));
  g_assert_nonnull (strstr (doc, "[away](<>)"));
  g_assert_null (strstr (doc, "secret"));
  g_assert_nonnull (strstr (doc, "[the web](https://example.org/)"));
  g_assert_nonnull (strstr (doc, "[ref]: 1-soil/ref.md \"Ref\""));
  g_assert_nonnull (strstr (doc, "<img src=\"1-soil/img/raw.png\" alt=\"\">"));
  g_assert_nonnull (strstr (doc, "<a href='index.md'>up</a>"));
  g_assert_nonnull (strstr (doc, "src=1-soil/img/block.png>"));
  /* Code is text, not an address. */
  g_assert_nonnull (strstr (doc, "![In code](img/code.png)"));

  /* The topic's images are those of the files' own folders. */
  folder = g_file_new_for_path (top);
  topic = syllabus_topic_bundle_load (folder, "links", NULL, &error);
  g_assert_no_error (error);
  images = syllabus_topic_get_local_images (topic);
  g_assert_true (g_strv_contains (images, "logo.png"));
  g_assert_true (g_strv_contains (images, "1-soil/img/heap.png"));
  g_assert_false (g_strv_contains (images, "img/heap.png"));
}

/* The folder as one page ------------------------------------------------- */

static void
test_bundle_build_garden (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (syllabus_bundle_problem_free);
  g_autofree char *path = garden_path ();
  g_autofree char *doc = build (path, problems);
  const char *lines[] = {
    /* The top folder: its index.md's title, then its text. */
    "# Kitchen Garden",
    "A roadmap for growing vegetables at home, from the soil up. Work through",
    /* 1-soil/ with its index.md: a heading a level down, its own
     * subheadings below it. */
    "## Soil and Compost",
    "Healthy soil feeds the plants. This section covers what to add to it.",
    "### Why soil matters",
    /* 2-compost.md before 10-mulch.md, each a level below its folder */
    "### Compost",
    "Compost turns kitchen scraps into food for the soil.",
    "Visit the following resources to learn more:",
    "- [@article@Composting at home](https://example.org/garden/compost)",
    "### Mulch",
    "# not a heading: inside a code block",
    /* 2-seeds/ has no index.md: titled by its name */
    "## Seeds",
    "### Sowing",
    "### Saving Seeds",
    "This node lists no resources.",
    /* 10-harvest.md after the folders numbered 1 and 2 */
    "## Harvest",
    /* Unnumbered last */
    "## Glossary",
    NULL,
  };

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_str_has_prefix (doc, "---\ntitle: \"Kitchen Garden\"\nresources: all\n---\n"));
  assert_lines_in_order (doc, lines);

  /* Hidden files are not read. */
  g_assert_null (strstr (doc, "Draft"));
  g_assert_null (strstr (doc, "hidden"));
  /* Each heading once: index.md's title is not repeated below it. */
  g_assert_null (strstr (strstr (doc, "# Kitchen Garden") + 1, "# Kitchen Garden"));
  g_assert_null (strstr (strstr (doc, "## Soil and Compost\n") + 20, "Soil and Compost\n"));
}

static void
test_bundle_topic (void)
{
  g_autofree char *path = garden_path ();
  g_autoptr(SyllabusTopic) topic = load_bundle (path, "garden");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *base_uri = g_strconcat (uri, "/", NULL);
  const char *introduction;

  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "garden");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Kitchen Garden");
  g_assert_cmpstr (syllabus_topic_get_metadata (topic, "resources"), ==, "all");
  g_assert_true (syllabus_topic_is_folder (topic));
  g_assert_true (g_file_equal (syllabus_topic_get_file (topic), folder));
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, base_uri);
  g_assert_cmpuint (syllabus_topic_get_n_problems (topic), ==, 0);

  /* Every node's text is in the page, a node without resources too. */
  introduction = syllabus_topic_get_introduction (topic);
  g_assert_nonnull (strstr (introduction, "Compost turns kitchen scraps"));
  g_assert_nonnull (strstr (introduction, "This node lists no resources."));
  g_assert_nonnull (strstr (syllabus_topic_get_introduction_html (topic), "Saving Seeds"));
}

/* A folder without an index.md is titled by its name; roadmap.sh's
 * "content" folder by the roadmap's. */
static void
test_bundle_titles_from_names (void)
{
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "names", NULL);
  g_autofree char *plain = g_build_filename (root, "03-rust-basics", NULL);
  g_autofree char *content = g_build_filename (root, "backend-roadmap", "content", NULL);
  g_autoptr(SyllabusTopic) plain_topic = NULL;
  g_autoptr(SyllabusTopic) content_topic = NULL;
  g_autoptr(GFile) content_folder = NULL;
  g_autofree char *content_name = NULL;

  g_assert_cmpint (g_mkdir_with_parents (plain, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (content, 0755), ==, 0);
  write_file (plain, "1-cargo.md", "Cargo builds the code.\n", -1);
  write_file (content, "100-apis.md", "# APIs\n\nText.\n", -1);

  plain_topic = load_bundle (plain, "plain");
  g_assert_cmpstr (syllabus_topic_get_title (plain_topic), ==, "Rust basics");
  /* A node without a heading gets one from its name. */
  g_assert_nonnull (strstr (syllabus_topic_get_introduction (plain_topic), "## Cargo\n"));

  content_folder = g_file_new_for_path (content);
  content_name = syllabus_topic_bundle_name (content_folder);
  g_assert_cmpstr (content_name, ==, "backend-roadmap");
  content_topic = load_bundle (content, "content");
  g_assert_cmpstr (syllabus_topic_get_title (content_topic), ==, "Backend roadmap");
}

static void
test_bundle_empty (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "empty", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  write_file (path, "notes.txt", "Not Markdown.\n", -1);
  folder = g_file_new_for_path (path);

  g_assert_false (syllabus_topic_bundle_looks_like_one (folder, NULL));
  topic = syllabus_topic_bundle_load (folder, "empty", NULL, &error);
  g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_EMPTY_FOLDER);
  g_assert_null (topic);
}

/* Files that cannot be read are left out and named; the rest opens. */
static void
test_bundle_problems (void)
{
  g_autofree char *path = copy_garden ("problems");
  g_autofree char *outside = g_build_filename (g_get_user_cache_dir (), "outside.md", NULL);
  g_autofree char *link = g_build_filename (path, "5-linked.md", NULL);
  g_autofree char *unreadable = g_build_filename (path, "4-locked.md", NULL);
  g_autofree char *deep = g_strdup (path);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  const GError *error;
  const char *introduction;

  write_file (path, "3-broken.md", "# Broken\n\nLatin-1: caf\xe9\n", -1);
  write_file (path, "4-locked.md", "# Locked\n\nSecret.\n", -1);
  g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);
  write_file (g_get_user_cache_dir (), "outside.md", "# Outside\n\nNot in the folder.\n", -1);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  for (guint i = 0; i <= SYLLABUS_BUNDLE_MAX_DEPTH; i++)
    {
      g_autofree char *next = g_strdup_printf ("%s/%u-level", deep, 90 + i);

      g_free (deep);
      deep = g_steal_pointer (&next);
    }
  g_assert_cmpint (g_mkdir_with_parents (deep, 0755), ==, 0);
  write_file (deep, "1-bottom.md", "# Bottom\n\nToo deep.\n", -1);

  g_assert_true (syllabus_topic_bundle_looks_like_one (folder, NULL));
  topic = load_bundle (path, "problems");
  introduction = syllabus_topic_get_introduction (topic);

  /* The rest of the folder is there. */
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Kitchen Garden");
  g_assert_nonnull (strstr (introduction, "## Harvest"));
  g_assert_nonnull (strstr (introduction, "### Saving Seeds"));

  /* Not UTF-8: named, and left out. */
  error = problem_error_named (topic, "3-broken.md");
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING));
  g_assert_true (g_path_is_absolute (problem_named (topic, "3-broken.md")));
  g_assert_null (strstr (introduction, "Broken"));

  /* Unreadable: root reads it anyway. */
  if (geteuid () != 0)
    {
      error = problem_error_named (topic, "4-locked.md");
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED));
      g_assert_null (strstr (introduction, "Secret."));
    }
  else
    g_test_message ("Running as root: 4-locked.md can be read, its problem is not checked");

  /* A link out of the folder is not followed, and is no problem. */
  g_assert_null (strstr (introduction, "Not in the folder."));
  g_assert_null (problem_named (topic, "5-linked.md"));

  /* Too deep: the folder is named, what is in it left out. */
  error = problem_error_named (topic, "98-level");
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_TOO_DEEP));
  g_assert_null (strstr (introduction, "Too deep."));
  g_assert_nonnull (strstr (introduction, "\n###### Level\n"));

  g_chmod (unreadable, 0644);
}

static void
test_bundle_too_many_files (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "many", NULL);
  g_autoptr(SyllabusTopic) topic = NULL;
  const GError *error;
  guint n_nodes = 0;

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  for (guint i = 0; i < SYLLABUS_BUNDLE_MAX_FILES + 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u-node.md", i);

      write_file (path, name, "Text.\n", -1);
    }

  topic = load_bundle (path, "many");
  g_assert_cmpuint (syllabus_topic_get_n_problems (topic), ==, 1);
  error = syllabus_topic_get_problem_error (topic, 0);
  g_assert_true (g_error_matches (error, SYLLABUS_TOPIC_ERROR,
                                  SYLLABUS_TOPIC_ERROR_TOO_MANY_FILES));
  g_assert_cmpstr (syllabus_topic_get_problem_path (topic, 0), ==, path);
  /* Up to the limit (the top folder counts as none), nothing after it. */
  for (const char *p = syllabus_topic_get_introduction (topic); (p = strstr (p, "\n## Node\n"));
       p++)
    n_nodes++;
  g_assert_cmpuint (n_nodes, ==, SYLLABUS_BUNDLE_MAX_FILES);
}

/* The library: a folder opened, and one placed by hand ------------------ */

static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

static SyllabusLibrary *
load_library (void)
{
  SyllabusLibrary *library = syllabus_library_new (NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  syllabus_library_load_async (library, NULL, keep_result_cb, &slot);
  result = wait_for (&slot);
  g_assert_true (syllabus_library_load_finish (library, result, &error));
  g_assert_no_error (error);

  return library;
}

static SyllabusTopic *
import_folder (SyllabusLibrary *library,
               const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  SyllabusTopic *topic;

  syllabus_library_import_async (library, file, SYLLABUS_LIBRARY_IMPORT_ASK, NULL,
                                 keep_result_cb, &slot);
  result = wait_for (&slot);
  topic = syllabus_library_import_finish (library, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  return topic;
}

static char *
topics_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "topics", name, NULL);
}

/* Opening a folder copies it; opening it again once its files were
 * renumbered replaces the copy and keeps the id, which names the
 * progress. The original is never written. */
static void
test_bundle_import_renumbered (void)
{
  g_autofree char *path = copy_garden ("garden");
  g_autofree char *old_name = g_build_filename (path, "10-harvest.md", NULL);
  g_autofree char *new_name = g_build_filename (path, "205-harvest.md", NULL);
  g_autofree char *copy = topics_path ("garden");
  g_autofree char *copied_old = g_build_filename (copy, "10-harvest.md", NULL);
  g_autofree char *copied_new = g_build_filename (copy, "205-harvest.md", NULL);
  g_autofree char *marker = g_build_filename (copy, SYLLABUS_BUNDLE_MARKER, NULL);
  g_autofree char *note = g_build_filename (copy, ".syllabus-source", NULL);
  g_autofree char *draft = g_build_filename (copy, ".draft.md", NULL);
  g_autofree char *note_contents = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SyllabusLibrary) library = load_library ();
  g_autoptr(SyllabusLibrary) again = NULL;
  g_autoptr(SyllabusTopic) first = NULL;
  g_autoptr(SyllabusTopic) second = NULL;
  SyllabusTopic *listed;
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  first = import_folder (library, path);
  g_assert_cmpstr (syllabus_topic_get_id (first), ==, "garden");
  g_assert_cmpstr (syllabus_topic_get_title (first), ==, "Kitchen Garden");
  g_assert_true (syllabus_topic_is_folder (first));
  g_assert_true (g_file_test (copied_old, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (marker, G_FILE_TEST_IS_REGULAR));
  g_file_get_contents (note, &note_contents, NULL, &error);
  g_assert_no_error (error);
  uri = g_file_get_uri (folder);
  g_assert_cmpstr (g_strchomp (note_contents), ==, uri);
  /* Hidden files stay behind. */
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rename (old_name, new_name), ==, 0);
  second = import_folder (library, path);
  g_assert_cmpstr (syllabus_topic_get_id (second), ==, "garden");
  g_assert_false (g_file_test (copied_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (copied_new, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (syllabus_topic_get_introduction (second), "## Harvest"));
  g_assert_true (g_file_test (new_name, G_FILE_TEST_IS_REGULAR));

  /* One topic, listed once, also at the next start. */
  listed = syllabus_library_lookup (library, "garden");
  g_assert_true (listed == second);
  again = load_library ();
  listed = syllabus_library_lookup (again, "garden");
  g_assert_nonnull (listed);
  g_assert_true (syllabus_topic_is_folder (listed));
  g_assert_cmpstr (syllabus_topic_get_title (listed), ==, "Kitchen Garden");

  /* Removing it deletes the copy, not the original. */
  g_assert_true (syllabus_library_remove (again, listed, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_name, G_FILE_TEST_IS_REGULAR));
}

/* A folder whose name a topic has gets an id of its own. */
static void
test_bundle_import_name_taken (void)
{
  g_autofree char *path = copy_garden ("taken");
  g_autofree char *topics = topics_path (NULL);
  g_autoptr(SyllabusLibrary) library = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;

  g_assert_cmpint (g_mkdir_with_parents (topics, 0755), ==, 0);
  write_file (topics, "taken.md", "# Taken\n", -1);
  library = load_library ();

  topic = import_folder (library, path);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "taken-2");
  g_assert_nonnull (syllabus_library_lookup (library, "taken"));
}

/* A folder of Markdown files put in the topics folder by hand is a topic
 * too; its files are the user's, and are never deleted. */
static void
test_bundle_placed_by_hand (void)
{
  g_autofree char *from = garden_path ();
  g_autofree char *path = topics_path ("kitchen");
  g_autoptr(SyllabusLibrary) library = NULL;
  SyllabusTopic *topic;
  g_autoptr(GError) error = NULL;

  copy_tree (from, path);
  library = load_library ();
  topic = syllabus_library_lookup (library, "kitchen");
  g_assert_nonnull (topic);
  g_assert_true (syllabus_topic_is_folder (topic));
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Kitchen Garden");
  g_assert_null (syllabus_library_get_problem (library));

  g_assert_false (syllabus_library_remove (library, topic, &error));
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle/compare-names", test_bundle_compare_names);
  g_test_add_func ("/bundle/title-for-name", test_bundle_title_for_name);
  g_test_add_func ("/bundle/shift-headings", test_bundle_shift_headings);
  g_test_add_func ("/bundle/shift-setext", test_bundle_shift_setext);
  g_test_add_func ("/bundle/rebase-address", test_bundle_rebase_address);
  g_test_add_func ("/bundle/subfolder-links", test_bundle_subfolder_links);
  g_test_add_func ("/bundle/build-garden", test_bundle_build_garden);
  g_test_add_func ("/bundle/topic", test_bundle_topic);
  g_test_add_func ("/bundle/titles-from-names", test_bundle_titles_from_names);
  g_test_add_func ("/bundle/empty", test_bundle_empty);
  g_test_add_func ("/bundle/problems", test_bundle_problems);
  g_test_add_func ("/bundle/too-many-files", test_bundle_too_many_files);
  g_test_add_func ("/bundle/import-renumbered", test_bundle_import_renumbered);
  g_test_add_func ("/bundle/import-name-taken", test_bundle_import_name_taken);
  g_test_add_func ("/bundle/placed-by-hand", test_bundle_placed_by_hand);

  return g_test_run ();
}
