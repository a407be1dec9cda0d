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
 * images), which are checked on their own. Raw HTML is compared with the
 * filter off (syllabus_html_render_verbatim()): where it goes, line by line
 * and tag by tag, is md4c's. With the filter on, a page without raw HTML
 * renders the same, and a page with it holds nothing the filter drops
 * (tests/model/test-html-filter.c tests what it keeps). */

#include "config.h"

#include <md4c-html.h>
#include <string.h>

#include "syllabus-html.h"
#include "syllabus-html-private.h"
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
  gboolean raw_html;
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
      if (scan->depth == 0 && renderer.remote_image)
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
  ImageScan *scan = user_data;

  if (type == MD_TEXT_HTML)
    scan->raw_html = TRUE;

  return 0;
}

/* Whether md_html()'s output is what the renderer means to write, with the
 * filter off: not when the page has remote images or images inside images.
 * @raw_html says whether the page has raw HTML. */
static gboolean
is_comparable (const char *markdown,
               gsize       length,
               unsigned    flags,
               gboolean   *raw_html)
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
  *raw_html = scan.raw_html;

  return !scan.remote && scan.max_depth < 2;
}

static char *
render_ours (const char *markdown,
             gsize       length,
             unsigned    flags,
             gboolean    verbatim)
{
  GString *html = g_string_new (NULL);

  if (verbatim)
    g_assert_true (syllabus_html_render_verbatim (markdown, length, flags, html));
  else
    g_assert_true (syllabus_html_render (markdown, length, flags, html));

  return g_string_free (html, FALSE);
}

/* What the filter never lets through, whatever the Markdown around it. */
static void
assert_filtered (const char *html)
{
  static const char *const never[] = {
    "<script", "<style", "<iframe", "<object", "<embed", "<svg", "<form", "<meta",
    "<base", "<link", "<!--", "<?", "<![cdata",
  };
  /* Only inside a tag: in text they are words. Text has no "<" left. */
  static const char *const never_in_tag[] = { " on", " style", " id=", "javascript:" };
  g_autofree char *folded = g_ascii_strdown (html, -1);

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (folded, never[i]) != NULL)
      g_error ("\"%s\" in \"%s\"", never[i], html);

  for (guint i = 0; i < G_N_ELEMENTS (never_in_tag); i++)
    {
      const char *found = strstr (folded, never_in_tag[i]);

      while (found != NULL &&
             g_strrstr_len (folded, found - folded, "<") <=
             g_strrstr_len (folded, found - folded, ">"))
        found = strstr (found + 1, never_in_tag[i]);

      if (found != NULL)
        g_error ("\"%s\" in \"%s\"", never_in_tag[i], html);
    }
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
  g_autofree char *filtered = NULL;
  g_autofree char *theirs = NULL;
  gboolean raw_html = FALSE;
  gboolean comparable;

  memcpy (terminated, markdown, length);
  terminated[length] = '\0';

  ours = render_ours (terminated, length, flags, TRUE);
  filtered = render_ours (terminated, length, flags, FALSE);
  comparable = is_comparable (terminated, length, flags, &raw_html);

  /* Entities are not decoded, so valid Markdown gives valid HTML without
   * syllabus_markdown_to_html()'s repair; the filter writes valid HTML of
   * valid input too. */
  if (g_utf8_validate_len (terminated, length, NULL))
    {
      g_assert_true (g_utf8_validate (filtered, -1, NULL));
      if (!raw_html)
        g_assert_true (g_utf8_validate (ours, -1, NULL));
    }

  if (!raw_html)
    g_assert_cmpstr (filtered, ==, ours);
  assert_filtered (filtered);

  if (!comparable)
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
  /* Raw HTML: where md4c puts it, filter off */
  "<div>block</div>\n",
  "inline <b>bold</b> <!-- c --> <?p?> <![CDATA[x]]>\n",
  "<script>alert(1)</script>\n",
  "<script>\nalert(1)\n</script>\nafter\n",
  "<style>\np { color: red }\n</style>\n",
  "<!--\na comment\nover lines\n-->\n\ntext\n",
  "<?php echo 1; ?>\n<!DOCTYPE html>\n<![CDATA[\nx\n]]>\n",
  "<details open>\n<summary>More</summary>\n\n- *a*\n- b\n\n</details>\n",
  "<p align=\"center\">\n  <img src=\"a.png\"\n       alt=\"spans lines\">\n</p>\n",
  "<div\nalign=center>\ntext\n</div>\n",
  "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <b onclick=\"x\">b</b>\n",
  "*<em>nested</em>* [<b>in link</b>](u) `<code>` <a href=\"x\">a</a>\n",
  "- item <span title='t'>span</span>\n  <div>lazy</div>\n",
  "| <kbd>a</kbd> | <br> |\n|---|---|\n| <script>x</script> | y |\n",
  "> <details>\n> <summary>q</summary>\n> </details>\n",
  "    <div>indented is code</div>\n",
  "![alt <b>html</b> inside](a.png)\n",
  "text <unknown-tag x=1> <a  href = 'q' >sp</a>\n",
  "<table><tr><td>\n\n**md in cell**\n\n</td></tr></table>\n",
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
  /* A page's headings have the ids GitHub gives them; md_html() gives none. */
  g_assert_true (g_str_has_prefix (theirs->str, "<h1>"));
  g_string_replace (theirs, "<h1>", "<h1 id=\"title\">", 1);
  g_assert_cmpstr (ours, ==, theirs->str);
}

static void
test_html_remote_images (void)
{
  static const struct { const char *markdown; const char *html; } cases[] = {
    { "![A *cat*](https://example.com/cat.png \"T\")\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"A cat\">A cat</span></p>\n" },
    { "![](//example.com/x.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"Image\">Image</span></p>\n" },
    { "![a<b & \"c\"](HTTP://e.com/a b&c)\n",
      "<p>![a&lt;b &amp; &quot;c&quot;](HTTP://e.com/a b&amp;c)</p>\n" },
    { "![a<b & \"c\"](<HTTP://e.com/a b&c>)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"a&lt;b &amp; &quot;c&quot;\">a&lt;b &amp; &quot;c&quot;</span></p>\n" },
    { "![outer ![inner](https://e.com/i.png) text](https://e.com/o.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"outer inner text\">outer inner text</span></p>\n" },
    { "![outer ![inner](https://e.com/i.png \"t\")](local.png \"T\")\n",
      "<p><img src=\"local.png\" alt=\"outer inner\" title=\"T\"></p>\n" },
    { "![local](a.png) ![file](file:///a.png) ![data](data:x) ![res](resource:///a.png)\n",
      "<p><img src=\"a.png\" alt=\"local\"> <img src=\"file:///a.png\" alt=\"file\"> "
      "<img src=\"data:x\" alt=\"data\"> <img src=\"resource:///a.png\" alt=\"res\"></p>\n" },
    /* A badge keeps its link. */
    { "[![in a link](https://e.com/i.png)](https://e.com/)\n",
      "<p><a href=\"https://e.com/\"><span class=\"remote-image\" role=\"img\" aria-label=\"in a link\">in a link</span></a></p>\n" },
    /* The browser decodes entities in the address: a scheme or slashes
     * written with them are remote too. */
    { "![e](&#x68;ttps://e.com/i.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span></p>\n" },
    { "![e](&sol;&sol;e.com/i.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span></p>\n" },
    { "![e](https&colon;//e.com/i.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span></p>\n" },
    { "![e](local&amp;name.png)\n",
      "<p><span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span></p>\n" },
    /* In raw HTML too, in its link. */
    { "<a href=\"https://e.com/\"><img src=\"https://e.com/b.svg\" alt=\"build: passing\"></a>\n",
      "<p><a href=\"https://e.com/\"><span class=\"remote-image\" role=\"img\" aria-label=\"build: passing\">build: passing</span></a></p>\n" },
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
  "<details>", "</details>", "<summary>", "<kbd>", "</kbd>", "<script>", "</script>",
  "<style>", "</style>", "<div align=center>", "</div>", "<img src=a.png>",
  "<img src=\"https://e.com/b.png\" alt=\"b\">", "<svg onload=x>", "<a href=\"javascript:x\">",
  "<p\nalign=\"right\">", "<br/>", "<?x?>", "<!DOCTYPE x>",
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
