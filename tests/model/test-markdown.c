/* test-markdown.c
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

/* Markdown to HTML: GitHub's dialect, with raw HTML cut down to what GitHub
 * shows (tests/model/test-html-filter.c tests the filter itself). */

#include "config.h"

#include <string.h>

#include "syllabus-markdown.h"

static char *
render (const char *markdown)
{
  char *html = syllabus_markdown_to_html (markdown, -1);

  g_assert_nonnull (html);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_test_message ("%s\n=>\n%s", markdown, html);

  return html;
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_error ("\"%s\" not found in \"%s\"", needle, html);
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  g_autofree char *folded = g_ascii_strdown (html, -1);
  g_autofree char *folded_needle = g_ascii_strdown (needle, -1);

  if (strstr (folded, folded_needle) != NULL)
    g_error ("\"%s\" found in \"%s\"", needle, html);
}

static void
test_markdown_basic (void)
{
  g_autofree char *html = NULL;

  html = render ("# Title\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n1. first\n");
  assert_contains (html, "<h1 id=\"title\">Title</h1>");
  assert_contains (html, "<em>emphasis</em>");
  assert_contains (html, "<strong>strong</strong>");
  assert_contains (html, "<code>code</code>");
  assert_contains (html, "<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
  assert_contains (html, "<ol>\n<li>first</li>\n</ol>");
  g_clear_pointer (&html, g_free);

  html = render ("[Rust](https://www.rust-lang.org/ \"The site\") and https://example.com/bare\n");
  assert_contains (html, "<a href=\"https://www.rust-lang.org/\" title=\"The site\">Rust</a>");
  assert_contains (html, "<a href=\"https://example.com/bare\">https://example.com/bare</a>");
  g_clear_pointer (&html, g_free);

  html = render ("");
  g_assert_cmpstr (html, ==, "");
  g_clear_pointer (&html, g_free);

  /* Entities are left for the web view to decode. */
  html = render ("Caf&eacute; &amp; caf\xC3\xA9 &#x65E5;\n");
  assert_contains (html, "Caf&eacute; &amp; caf\xC3\xA9 &#x65E5;");
  g_clear_pointer (&html, g_free);

  /* md4c decodes a reference to a UTF-16 surrogate or to U+0000 into bytes
   * that are not UTF-8 (render() checks); written as it is, the browser
   * shows U+FFFD. */
  html = render ("&#xD800; &#xDFFF; &#55296; &#0; &#x110000; [&#xD800;](a&#xD800; \"&#xD800;\")\n");
  assert_contains (html, "&#xD800; &#xDFFF; &#55296; &#0; &#x110000; ");
  assert_contains (html, "<a href=\"a&#xD800;\" title=\"&#xD800;\">&#xD800;</a>");
}

static void
test_markdown_raw_html_filtered (void)
{
  const char *cases[] = {
    "<script>alert(1)</script>\n",
    "Text <script>alert(1)</script> inline.\n",
    "<SCRIPT SRC=\"https://evil.example/x.js\"></SCRIPT>\n",
    "<iframe src=\"https://evil.example/\"></iframe>\n",
    "Inline <iframe src=\"https://evil.example/\"></iframe> frame.\n",
    "<img src=x onerror=alert(1)>\n",
    "<div onclick=\"alert(1)\">block</div>\n",
    "<style>body { display: none }</style>\n",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">\n",
    "<!-- a comment --> and <?php echo 1 ?> and <![CDATA[ x ]]>\n",
    "- item <script>alert(1)</script>\n",
    "> <iframe src=x></iframe>\n",
    "| a |\n| --- |\n| <script>alert(1)</script> |\n",
    "<a href=\"javascript:alert(1)\">click</a>\n",
    "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">\n",
    "<form action=\"https://evil.example/\"><input name=x></form>\n",
  };
  static const struct { const char *markdown; const char *html; } kept[] = {
    { "<script>alert(1)</script>\n", "\n" },
    { "Text <script>alert(1)</script> inline.\n", "<p>Text  inline.</p>\n" },
    { "<div onclick=\"alert(1)\">block</div>\n", "<div>block</div>\n" },
    { "<img src=x onerror=alert(1)>\n", "<img src=\"x\">\n" },
    { "<a href=\"javascript:alert(1)\">click</a>\n", "<p><a>click</a></p>\n" },
    { "<!-- a comment --> and <?php echo 1 ?> and <![CDATA[ x ]]>\n", " and  and \n" },
    { "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>\n",
      "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup></p>\n" },
    { "<details open>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n",
      "<details open>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n" },
    { "<p align=\"center\">\n  <img src=\"logo.png\" width=100 style=\"x\">\n</p>\n",
      "<p align=\"center\">\n  <img src=\"logo.png\" width=\"100\">\n</p>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = render (cases[i]);

      /* Nothing that runs, loads or takes input survives, nor comments. */
      assert_lacks (html, "<script");
      assert_lacks (html, "<iframe");
      assert_lacks (html, "<style");
      assert_lacks (html, "<object");
      assert_lacks (html, "<embed");
      assert_lacks (html, "<!--");
      assert_lacks (html, "<?");
      assert_lacks (html, "<![cdata");
      assert_lacks (html, "javascript");
      assert_lacks (html, "<meta");
      assert_lacks (html, "<form");
      assert_lacks (html, "<input");
      assert_lacks (html, "alert");
      assert_lacks (html, "evil.example");
      assert_lacks (html, "x.swf");
    }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *html = render (kept[i].markdown);

      g_assert_cmpstr (html, ==, kept[i].html);
    }
}

static void
test_markdown_attributes_escaped (void)
{
  g_autofree char *html = NULL;

  /* A link's address cannot break out of its attribute. */
  html = render ("[x](https://example.com/\"onmouseover=\"alert(1))\n");
  assert_lacks (html, "\"onmouseover");
  assert_lacks (html, "\" onmouseover");
  g_clear_pointer (&html, g_free);

  html = render ("[x](<https://example.com/a b\"c>)\n");
  assert_lacks (html, "b\"c");
  g_clear_pointer (&html, g_free);

  html = render ("[x](https://example.com/ \"title\\\" onclick=\\\"alert(1)\")\n");
  assert_lacks (html, "\" onclick");
  g_clear_pointer (&html, g_free);

  /* Code is text. */
  html = render ("```html\n<script>alert(1)</script>\n```\n\n    <b>indented</b>\n\n`<i>`\n");
  assert_lacks (html, "<script");
  assert_lacks (html, "<b>");
  assert_lacks (html, "<i>");
  assert_contains (html, "<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>");
  assert_contains (html, "<code>&lt;i&gt;</code>");
}

static void
test_markdown_tables (void)
{
  g_autofree char *html = NULL;

  html = render ("| Name | Year |\n"
                 "| :--- | ---: |\n"
                 "| Rust | 2010 |\n"
                 "| *Go* | 2009 |\n");
  assert_contains (html, "<table>");
  assert_contains (html, "<thead>");
  assert_contains (html, "<th align=\"left\">Name</th>");
  assert_contains (html, "<th align=\"right\">Year</th>");
  assert_contains (html, "<tbody>");
  assert_contains (html, "<td align=\"left\">Rust</td>");
  assert_contains (html, "<td align=\"right\">2010</td>");
  assert_contains (html, "<td align=\"left\"><em>Go</em></td>");
  assert_contains (html, "</table>");
}

static void
test_markdown_strikethrough (void)
{
  g_autofree char *html = NULL;

  html = render ("~~gone~~ and ~also~ but not ~~~fenced\n");
  assert_contains (html, "<del>gone</del>");
  assert_contains (html, "<del>also</del>");
}

static void
test_markdown_task_lists (void)
{
  g_autofree char *html = NULL;

  html = render ("- [x] done\n- [ ] to do\n");
  assert_contains (html, "task-list-item");
  /* md4c's check boxes cannot be used: the checklist is elsewhere. */
  assert_contains (html, "disabled checked");
  assert_lacks (html, "<form");
}

static void
test_markdown_bom (void)
{
  g_autofree char *html = NULL;
  g_autofree char *plain = NULL;

  html = render ("\xEF\xBB\xBF# Title\n\nText.\n");
  plain = render ("# Title\n\nText.\n");
  g_assert_cmpstr (html, ==, plain);
  g_assert_true (g_str_has_prefix (html, "<h1 id=\"title\">Title</h1>"));
  g_assert_null (strstr (html, "\xEF\xBB\xBF"));
  g_clear_pointer (&html, g_free);

  html = render ("\xEF\xBB\xBF");
  g_assert_cmpstr (html, ==, "");
}

static void
test_markdown_length (void)
{
  static const char text[] = "# One\n\n# Two\n";
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *none = NULL;

  /* The length is honoured: the rest of the buffer is not read. */
  first = syllabus_markdown_to_html (text, strlen ("# One\n"));
  g_assert_cmpstr (first, ==, "<h1 id=\"one\">One</h1>\n");

  all = syllabus_markdown_to_html (text, -1);
  assert_contains (all, "<h1 id=\"two\">Two</h1>");

  none = syllabus_markdown_to_html (text, 0);
  g_assert_cmpstr (none, ==, "");
}

static void
test_markdown_crlf (void)
{
  g_autofree char *html = NULL;

  html = render ("# Title\r\n\r\n| a | b |\r\n| --- | --- |\r\n| 1 | 2 |\r\n\r\n~~x~~\r\n");
  assert_contains (html, "<h1 id=\"title\">Title</h1>");
  assert_contains (html, "<td>1</td>");
  assert_contains (html, "<del>x</del>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/markdown/basic", test_markdown_basic);
  g_test_add_func ("/markdown/raw-html-filtered", test_markdown_raw_html_filtered);
  g_test_add_func ("/markdown/attributes-escaped", test_markdown_attributes_escaped);
  g_test_add_func ("/markdown/tables", test_markdown_tables);
  g_test_add_func ("/markdown/strikethrough", test_markdown_strikethrough);
  g_test_add_func ("/markdown/task-lists", test_markdown_task_lists);
  g_test_add_func ("/markdown/bom", test_markdown_bom);
  g_test_add_func ("/markdown/length", test_markdown_length);
  g_test_add_func ("/markdown/crlf", test_markdown_crlf);

  return g_test_run ();
}
