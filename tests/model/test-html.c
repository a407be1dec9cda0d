/* test-html.c
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

/* The one-pass renderer against md4c's own: for the same Markdown, the same
 * HTML as md_html() with MD_HTML_FLAG_VERBATIM_ENTITIES, byte for byte,
 * except where the renderer means to differ (remote images, images inside
 * images), which are checked on their own. */

#include "config.h"

#include <md4c-html.h>
#include <string.h>

#include "syllabus-html.h"
#include "syllabus-markdown.h"

/* More dialect than the topics use, so that the spans only these flags
 * enable are compared too. */
#define EXTRA_FLAGS (MD_FLAG_LATEXMATHSPANS | MD_FLAG_WIKILINKS | MD_FLAG_UNDERLINE)

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

typedef struct
{
  guint depth;
  guint max_depth;
  gboolean remote;
} ImageScan;

static int
scan_block_cb (MD_BLOCKTYPE type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
scan_enter_span_cb (MD_SPANTYPE type,
                    void       *detail,
                    void       *user_data)
{
  ImageScan *scan = user_data;

  if (type == MD_SPAN_IMG)
    {
      GString *html = g_string_new (NULL);
      SyllabusHtml renderer;

      /* Renders the image alone to see which way it went. */
      syllabus_html_init (&renderer, html);
      syllabus_html_enter_span (&renderer, type, detail);
      if (scan->depth == 0 && g_str_has_prefix (html->str, "<a class=\"remote-image\""))
        scan->remote = TRUE;
      g_string_free (html, TRUE);

      scan->depth++;
      scan->max_depth = MAX (scan->max_depth, scan->depth);
    }

  return 0;
}

static int
scan_leave_span_cb (MD_SPANTYPE type,
                    void       *detail,
                    void       *user_data)
{
  ImageScan *scan = user_data;

  if (type == MD_SPAN_IMG)
    scan->depth--;

  return 0;
}

static int
scan_text_cb (MD_TEXTTYPE    type,
              const MD_CHAR *text,
              MD_SIZE        size,
              void          *user_data)
{
  return 0;
}

/* Whether md_html()'s output is what the renderer means to write: not when
 * the page has remote images or images inside images. */
static gboolean
is_comparable (const char *markdown,
               gsize       length,
               unsigned    flags)
{
  ImageScan scan = { 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = flags,
    .enter_block = scan_block_cb,
    .leave_block = scan_block_cb,
    .enter_span = scan_enter_span_cb,
    .leave_span = scan_leave_span_cb,
    .text = scan_text_cb,
  };

  g_assert_cmpint (md_parse (markdown, length, &parser, &scan), ==, 0);

  return !scan.remote && scan.max_depth < 2;
}

static char *
render_ours (const char *markdown,
             gsize       length,
             unsigned    flags)
{
  GString *html = g_string_new (NULL);

  g_assert_true (syllabus_html_render (markdown, length, flags, html));

  return g_string_free (html, FALSE);
}

static char *
render_md4c (const char *markdown,
             gsize       length,
             unsigned    flags)
{
  GString *html = g_string_new (NULL);

  g_assert_cmpint (md_html (markdown, length, append_cb, html, flags,
                            MD_HTML_FLAG_VERBATIM_ENTITIES), ==, 0);

  return g_string_free (html, FALSE);
}

/* Returns whether the two were compared byte for byte. */
static gboolean
check_markdown_len (const char *markdown,
                    gsize       length,
                    unsigned    flags)
{
  /* md4c 0.4.8 reads a byte past the end of its input: give it a nul. */
  g_autofree char *terminated = g_malloc (length + 1);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  memcpy (terminated, markdown, length);
  terminated[length] = '\0';

  ours = render_ours (terminated, length, flags);

  /* Entities are not decoded, so valid Markdown gives valid HTML without
   * syllabus_markdown_to_html()'s repair. */
  if (g_utf8_validate_len (terminated, length, NULL))
    g_assert_true (g_utf8_validate (ours, -1, NULL));

  if (!is_comparable (terminated, length, flags))
    return FALSE;

  theirs = render_md4c (terminated, length, flags);
  if (g_strcmp0 (ours, theirs) != 0)
    {
      g_autofree char *escaped = g_strescape (terminated, NULL);

      g_test_message ("Markdown: \"%s\"", escaped);
      g_assert_cmpstr (ours, ==, theirs);
    }

  return TRUE;
}

static gboolean
check_markdown (const char *markdown)
{
  gboolean compared = check_markdown_len (markdown, strlen (markdown), SYLLABUS_MARKDOWN_FLAGS);

  check_markdown_len (markdown, strlen (markdown), SYLLABUS_MARKDOWN_FLAGS | EXTRA_FLAGS);

  return compared;
}

static void
test_html_content (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  dir = g_dir_open (SRCDIR "/../../content", 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      path = g_build_filename (SRCDIR, "..", "..", "content", name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_test_message ("%s", path);
      g_assert_true (check_markdown_len (contents, length, SYLLABUS_MARKDOWN_FLAGS));
      n_files++;
    }

  g_assert_cmpuint (n_files, >, 0);
}

static const char *const snippets[] = {
  "",
  "\n\n\n",
  "plain text",
  /* Lists */
  "- a\n- b\n  - c\n    - d\n- e\n",
  "- a\n\n- b\n",
  "1. a\n2. b\n",
  "3. three\n4. four\n",
  "0. zero\n",
  "123456789. big\n",
  "* a\n\n  para\n\n      code\n* b\n",
  "- [x] done\n- [X] also\n- [ ] to do\n-  [ ] spaced\n",
  "1. [x] ordered task\n",
  "- a\n> quote\n",
  /* Blocks */
  "> quote\n> > nested\n\n> lazy\ncontinuation\n",
  "---\n***\n___\n",
  "# h1\n## h2\n### h3\n#### h4\n##### h5\n###### h6\n####### seven\n",
  "Setext 1\n===\n\nSetext 2\n---\n",
  "# closed #\n##\n#\n",
  "```\ncode\n```\n",
  "```rust\nfn main() {}\n```\n",
  "```c++ \"quoted\" & <more>\nx\n```\n",
  "~~~ a&amp;b &lt; \"x\"\n~~~\n",
  "``` {.class #id}\n```\n",
  "    indented\n    code < & >\n",
  "```\nunclosed\n",
  /* Tables */
  "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| *e* | `f` | [g](h) | |\n",
  "a | b\n--|--\nc | d\n",
  "| a |\n|---|\n",
  "| a | b |\n|---|---|\n| only one |\n| one | two | three |\n",
  "| a \\| b |\n|---|\n| `c \\| d` |\n",
  /* Spans */
  "*em* _em_ **strong** __strong__ ***both*** ~~del~~ ~del~ ~~~no~~~\n",
  "`code` `` co`de `` ` a ` `<b>&amp;</b>`\n",
  "<https://example.com/a?b=c&d=e> <mailto:a@b.c> <a@b.c>\n",
  "https://example.com/bare www.example.com a@example.com http://x.y/(p)?q=1&r=2.\n",
  "[link](https://example.com/ \"title & <more> \\\"quoted\\\"\")\n",
  "[link](<url with spaces> 'single') [l2](u (paren))\n",
  "[x](https://e.com/a\"b<c>d&e'f`g{h}i|j^k~l\\\\m[n]o%20p)\n",
  "[x](\xC3\xA9\xE6\x97\xA5) [y](caf&eacute;)\n",
  "[ref] [ref][] [text][ref] [missing]\n\n[ref]: https://example.com/r \"Ref & title\"\n",
  "[empty]()\n",
  "![alt *with* **nested** `code` [link](x)](pic.png \"title\")\n",
  "![](empty-alt.png)\n",
  "![local](images/a.png) ![file](file:///tmp/a.png) ![data](data:image/png;base64,AAA=)\n",
  "![res](resource:///io/x.png)\n",
  "[![image in link](img.png)](https://example.com/)\n",
  "![alt\nwith soft break](a.png) ![alt  \nwith hard break](b.png)\n",
  "line  \nhard\\\nbreaks\nsoft\n",
  "\\*not em\\* \\\\ \\` \\<\n",
  /* Entities */
  "&amp; &lt; &gt; &quot; &copy; &eacute; &#65; &#x41; &#0; &#xD800; &#xDFFF; &#1114111; &#x110000;\n",
  "&bogus; &amp &#; &#x; &;\n",
  "`&amp;` ```\n&amp;\n```\n",
  "[&amp;](a&amp;b \"t&amp;\")\n",
  /* Raw HTML is text */
  "<div>block</div>\n",
  "inline <b>bold</b> <!-- c --> <?p?> <![CDATA[x]]>\n",
  "<script>alert(1)</script>\n",
  /* Characters */
  "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 \"quotes\" 'apos' <>&\n",
  "tab\there\r\ncrlf\r\n",
  "\xEF\xBB\xBF# after a byte order mark\n",
  /* Extra flags */
  "$x < y$ $$a & b$$ [[target|label]] [[a&b]] _under_\n",
};

static void
test_html_snippets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
    g_assert_true (check_markdown (snippets[i]));
}

static void
test_html_nul (void)
{
  static const char with_nul[] = "a\0b `c\0d` [x](a\0b \"t\0\") ![i\0](u\0)\n\n```a\0\n\0\n```\n";

  g_assert_true (check_markdown_len (with_nul, sizeof with_nul - 1, SYLLABUS_MARKDOWN_FLAGS));
}

static void
test_html_bom (void)
{
  static const char text[] = "\xEF\xBB\xBF# Title\n\n&eacute;\n";
  g_autoptr(GString) theirs = g_string_new (NULL);
  g_autofree char *ours = NULL;

  g_assert_cmpint (md_html (text, strlen (text), append_cb, theirs, SYLLABUS_MARKDOWN_FLAGS,
                            MD_HTML_FLAG_VERBATIM_ENTITIES | MD_HTML_FLAG_SKIP_UTF8_BOM), ==, 0);
  ours = syllabus_markdown_to_html (text, -1);
  g_assert_cmpstr (ours, ==, theirs->str);
}

static void
test_html_remote_images (void)
{
  static const struct { const char *markdown; const char *html; } cases[] = {
    { "![A *cat*](https://example.com/cat.png \"T\")\n",
      "<p><a class=\"remote-image\" href=\"https://example.com/cat.png\" "
      "title=\"https://example.com/cat.png\">A cat</a></p>\n" },
    { "![](//example.com/x.png)\n",
      "<p><a class=\"remote-image\" href=\"//example.com/x.png\" "
      "title=\"//example.com/x.png\">Image</a></p>\n" },
    { "![a<b & \"c\"](HTTP://e.com/a b&c)\n",
      "<p>![a&lt;b &amp; &quot;c&quot;](HTTP://e.com/a b&amp;c)</p>\n" },
    { "![a<b & \"c\"](<HTTP://e.com/a b&c>)\n",
      "<p><a class=\"remote-image\" href=\"HTTP://e.com/a%20b&amp;c\" "
      "title=\"HTTP://e.com/a%20b&amp;c\">a&lt;b &amp; &quot;c&quot;</a></p>\n" },
    { "![outer ![inner](https://e.com/i.png) text](https://e.com/o.png)\n",
      "<p><a class=\"remote-image\" href=\"https://e.com/o.png\" "
      "title=\"https://e.com/o.png\">outer inner text</a></p>\n" },
    { "![outer ![inner](https://e.com/i.png \"t\")](local.png \"T\")\n",
      "<p><img src=\"local.png\" alt=\"outer inner\" title=\"T\"></p>\n" },
    { "![local](a.png) ![file](file:///a.png) ![data](data:x) ![res](resource:///a.png)\n",
      "<p><img src=\"a.png\" alt=\"local\"> <img src=\"file:///a.png\" alt=\"file\"> "
      "<img src=\"data:x\" alt=\"data\"> <img src=\"resource:///a.png\" alt=\"res\"></p>\n" },
    { "[![in a link](https://e.com/i.png)](https://e.com/)\n",
      "<p><a href=\"https://e.com/\"><a class=\"remote-image\" href=\"https://e.com/i.png\" "
      "title=\"https://e.com/i.png\">in a link</a></a></p>\n" },
    /* The browser decodes entities in the address: a scheme or slashes
     * written with them are remote too. */
    { "![e](&#x68;ttps://e.com/i.png)\n",
      "<p><a class=\"remote-image\" href=\"&#x68;ttps://e.com/i.png\" "
      "title=\"&#x68;ttps://e.com/i.png\">e</a></p>\n" },
    { "![e](&sol;&sol;e.com/i.png)\n",
      "<p><a class=\"remote-image\" href=\"&sol;&sol;e.com/i.png\" "
      "title=\"&sol;&sol;e.com/i.png\">e</a></p>\n" },
    { "![e](https&colon;//e.com/i.png)\n",
      "<p><a class=\"remote-image\" href=\"https&colon;//e.com/i.png\" "
      "title=\"https&colon;//e.com/i.png\">e</a></p>\n" },
    { "![e](local&amp;name.png)\n",
      "<p><a class=\"remote-image\" href=\"local&amp;name.png\" "
      "title=\"local&amp;name.png\">e</a></p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = syllabus_markdown_to_html (cases[i].markdown, -1);

      g_assert_cmpstr (html, ==, cases[i].html);
    }
}

/* Markdown-ish fragments that, strung together at random, make the inputs
 * no table of cases would think of: unbalanced delimiters, blocks inside
 * blocks, entities and escapes in odd places. */
static const char *const fragments[] = {
  "*", "**", "_", "__", "~", "~~", "`", "``", "```", "~~~", "$", "$$", "[", "]", "(", ")",
  "![", "](", "<", ">", "\"", "'", "&", "&amp;", "&#xD800;", "&#0;", "&eacute;", "&#65;",
  "\\", "\\*", "|", "|---|", ":-:", "-", "- ", "* ", "+ ", "1. ", "7) ", "> ", "# ", "## ",
  "###### ", "=", "===", "---", "\n", "\n\n", "\r\n", "  \n", "    ", "\t", " ", "  ",
  "[ ] ", "[x] ", "word", "more words", "caf\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80",
  "https://example.com/p?q=1&r=2", "www.example.org", "a@b.co", "<https://x.y/z>",
  "[a](b)", "[a](<b c> \"t\")", "![i](p.png)", "![i](https://e.com/i.png)", "[r]", "[r]: /u",
  "[[w]]", "[[w|l]]", "<b>", "</b>", "<!--", "-->", "\x01", "\xC2\xA0",
};

static void
test_html_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260314);
  guint compared = 0;
  const guint n_inputs = g_test_thorough () ? 50000 : 4000;

  for (guint i = 0; i < n_inputs; i++)
    {
      g_autoptr(GString) markdown = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 40);

      for (guint j = 0; j < n; j++)
        g_string_append (markdown, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);

      if (check_markdown_len (markdown->str, markdown->len,
                              SYLLABUS_MARKDOWN_FLAGS | (i % 4 == 0 ? EXTRA_FLAGS : 0)))
        compared++;
    }

  /* Remote and nested images leave most inputs comparable. */
  g_assert_cmpuint (compared, >, n_inputs * 3 / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/html/content", test_html_content);
  g_test_add_func ("/html/snippets", test_html_snippets);
  g_test_add_func ("/html/nul", test_html_nul);
  g_test_add_func ("/html/bom", test_html_bom);
  g_test_add_func ("/html/remote-images", test_html_remote_images);
  g_test_add_func ("/html/random", test_html_random);

  return g_test_run ();
}
