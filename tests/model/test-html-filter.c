/* test-html-filter.c
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

/* The raw HTML filter: what GitHub shows is kept, as it would show it;
 * nothing that could run, load or take input survives, however it is
 * written. Each case goes through the filter alone and, as a topic's
 * Markdown, through the whole renderer. */

#include "config.h"

#include <string.h>

#include "syllabus-html-filter.h"
#include "syllabus-markdown.h"

typedef struct
{
  const char *html;
  const char *expected;
} Case;

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *filtered = syllabus_html_filter_string (cases[i].html, -1);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (filtered, ==, cases[i].expected);
    }
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
test_filter_comments (void)
{
  static const Case cases[] = {
    { "a<!-- comment -->b", "ab" },
    { "a<!---->b<!-->c<!--->d", "abcd" },
    { "<!-- <script>alert(1)</script> -->x", "x" },
    { "<!--\nover\nlines\n-->\n", "\n" },
    { "a<!-- never closed\n<p>gone</p>", "a" },
    { "<!DOCTYPE html><?php echo 1; ?><![CDATA[<b>x</b>]]>y", "y" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  {
    g_autofree char *html = syllabus_markdown_to_html ("Text <!-- hidden --> more.\n\n<!--\nblock\n-->\n", -1);

    g_assert_cmpstr (html, ==, "<p>Text  more.</p>\n\n");
  }
}

static void
test_filter_allowed (void)
{
  static const Case cases[] = {
    { "<details><summary>More</summary>text</details>",
      "<details><summary>More</summary>text</details>" },
    { "<details open>x</details><details open=\"open\">y</details><DETAILS OPEN=''>z</DETAILS>",
      "<details open>x</details><details open>y</details><details open>z</details>" },
    { "a<br>b<br/>c<br />d</br>", "a<br>b<br>c<br>d" },
    { "<kbd>Ctrl</kbd><sub>2</sub><sup>3</sup>", "<kbd>Ctrl</kbd><sub>2</sub><sup>3</sup>" },
    { "<p align=\"center\">c</p><div align=right>r</div><h1 align='left'>h</h1>",
      "<p align=\"center\">c</p><div align=\"right\">r</div><h1 align=\"left\">h</h1>" },
    { "<h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>",
      "<h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>" },
    { "<b>b</b><i>i</i><em>e</em><strong>s</strong><code>c</code><pre>p</pre>",
      "<b>b</b><i>i</i><em>e</em><strong>s</strong><code>c</code><pre>p</pre>" },
    { "<s>s</s><del>d</del><ins>i</ins><mark>m</mark><small>s</small><span>s</span>",
      "<s>s</s><del>d</del><ins>i</ins><mark>m</mark><small>s</small><span>s</span>" },
    { "<abbr title=\"HyperText &amp; more\">HTML</abbr>",
      "<abbr title=\"HyperText &amp; more\">HTML</abbr>" },
    { "<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>",
      "<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>" },
    { "<table align=center><thead><tr><th align=left colspan=2>h</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\" align=\"right\">d</td></tr></tbody></table>",
      "<table align=\"center\"><thead><tr><th align=\"left\" colspan=\"2\">h</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\" align=\"right\">d</td></tr></tbody></table>" },
    { "<hr><blockquote>q</blockquote><center>c</center>",
      "<hr><blockquote>q</blockquote><center>c</center>" },
    { "<a href=\"https://example.com/?a=1&amp;b=2\" title=\"T\">x</a>",
      "<a href=\"https://example.com/?a=1&amp;b=2\" title=\"T\">x</a>" },
    { "<a href=\"other.md#part\">x</a><a href=\"#top\">y</a><a href=\"mailto:a@b.c\">z</a>",
      "<a href=\"other.md#part\">x</a><a href=\"#top\">y</a><a href=\"mailto:a@b.c\">z</a>" },
    { "<img src=\"images/logo.png\" alt=\"Logo\" width=\"120\" height=\"40%\" align=\"right\">",
      "<img src=\"images/logo.png\" alt=\"Logo\" width=\"120\" height=\"40%\" align=\"right\">" },
    { "<picture><source srcset=\"dark.png\" media=\"(prefers-color-scheme: dark)\">"
      "<img src=\"light.png\" alt=\"x\"></picture>",
      "<picture><source srcset=\"dark.png\" media=\"(prefers-color-scheme: dark)\">"
      "<img src=\"light.png\" alt=\"x\"></picture>" },
    { "<img src=\"a.png\" srcset=\"a.png 1x, a@2x.png 2x\">",
      "<img src=\"a.png\" srcset=\"a.png 1x, a@2x.png 2x\">" },
    /* Unknown elements go, their content stays. */
    { "<font color=red>f</font><custom-el x=1>c</custom-el><video>v</video>", "fcv" },
    /* Text between tags is kept; a "<" that starts no tag is escaped. */
    { "1 < 2 & 3 > 2 &amp; <3", "1 &lt; 2 & 3 > 2 &amp; &lt;3" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_filter_attributes (void)
{
  static const Case cases[] = {
    { "<p onclick=\"x()\" style=\"color:red\" id=\"main\" name=\"n\" class=\"c\">p</p>", "<p>p</p>" },
    { "<p align=\"justify\">j</p><p align=\"center; x\">k</p>", "<p>j</p><p>k</p>" },
    { "<img src=a.png width=\"100px\" height=\"1e9\" alt=x>", "<img src=\"a.png\" alt=\"x\">" },
    { "<td colspan=\"-1\" rowspan=\"2x\">t</td>", "<td>t</td>" },
    { "<span align=\"center\" href=\"x\" src=\"y\">s</span>", "<span>s</span>" },
    { "<kbd title='a \"quoted\" <title>'>k</kbd>", "<kbd title=\"a &quot;quoted&quot; &lt;title&gt;\">k</kbd>" },
    /* The first of two counts, as in a browser. */
    { "<a href=\"https://a.example/\" href=\"javascript:x\">a</a>", "<a href=\"https://a.example/\">a</a>" },
    { "<a href=\"javascript:x\" href=\"https://a.example/\">a</a>", "<a>a</a>" },
    /* Unquoted, with odd spacing, without a value. */
    { "<a   href = https://a.example/x?y=1   title=t>a</a>", "<a href=\"https://a.example/x?y=1\" title=\"t\">a</a>" },
    { "<a href>a</a><a title>b</a>", "<a>a</a><a>b</a>" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* What none of the dangerous cases may leave, filtered alone or in a
 * page. */
static void
assert_inert (const char *html)
{
  static const char *const never[] = {
    "<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<form",
    "<meta", "<base", "<link", "<input", "<button", "<select", "<textarea",
    "<template", "<noscript", "<frame", "<applet", "<!--", "alert", "evil",
    "javascript", "onerror", "onload", "url(", "@import", "http:", "https:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    assert_lacks (html, never[i]);
}

/* Whether any tag in @html, which may hold anything as text, is one that
 * could run, load or take input. */
static void
assert_tags_inert (const char *html)
{
  static const char *const names[] = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "form", "meta", "base",
    "link", "input", "button", "select", "textarea", "template", "noscript", "frame", "applet",
  };
  static const char *const inside[] = { " on", "style", "javascript", "http", "data:", "//" };
  g_autofree char *folded = g_ascii_strdown (html, -1);

  for (const char *p = strchr (folded, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = g_strndup (p, end != NULL ? (gsize)(end - p) : strlen (p));
      const char *name = tag + 1 + (tag[1] == '/');

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_str_has_prefix (name, names[i]))
          g_error ("<%s> in \"%s\"", names[i], html);
      for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
        if (strstr (tag, inside[i]) != NULL)
          g_error ("\"%s\" in a tag of \"%s\"", inside[i], html);
    }
}

static void
test_filter_dangerous (void)
{
  static const Case cases[] = {
    { "<script>alert(1)</script>x", "x" },
    { "<SCRIPT>alert(1)</SCRIPT >x", "x" },
    { "<ScRiPt src=\"https://evil.example/x.js\"></sCrIpT>x", "x" },
    { "<script\n>alert(1)\n</script\n>x", "x" },
    { "<script>if (a<b) alert('</div>')</script>x", "x" },
    { "<script/>alert(1)</script>x", "x" },
    { "<scr<script>ipt>alert(1)</script>", "ipt>alert(1)" },
    { "<<script>script>alert(1)</script>", "&lt;" },
    { "<svg><script>alert(1)</script></svg>x", "x" },
    { "<svg onload=\"alert(1)\"><circle r=1></circle></svg>x", "x" },
    /* "/" there does not close the element: "x" is inside it. */
    { "<svg/onload=alert(1)>x", "" },
    { "<svg/>x<math/>y", "xy" },
    { "<svg><svg></svg><script>alert(1)</script></svg>x", "x" },
    { "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>x", "x" },
    { "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>x", "x" },
    { "<iframe src=\"https://evil.example/\">fallback</iframe>x", "x" },
    { "<object data=\"https://evil.example/x.swf\"><param name=a value=b>alt</object>x", "x" },
    { "<embed src=\"https://evil.example/x.swf\">x", "x" },
    { "<applet code=\"evil.class\">a</applet>x", "x" },
    { "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">x", "x" },
    { "<base href=\"https://evil.example/\">x", "x" },
    { "<link rel=stylesheet href=\"https://evil.example/s.css\">x", "x" },
    { "<form action=\"https://evil.example/\"><input name=q><button>Go</button></form>x", "x" },
    { "<select><option>evil</option></select><textarea>evil</textarea>x", "x" },
    { "<template><img src=x onerror=alert(1)></template><noscript>evil</noscript>x", "x" },
    { "<frameset><frame src=\"https://evil.example/\"></frameset>x", "x" },
    { "<a href=\"javascript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"  JaVaScRiPt:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"java\tscript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"data:text/html,<script>alert(1)</script>\">a</a>", "<a>a</a>" },
    { "<a href=\"vbscript:evil\">a</a><a href=\"file:///etc/passwd\">b</a>", "<a>a</a><a>b</a>" },
    { "<div style=\"background:url(https://evil.example/x.png)\">d</div>", "<div>d</div>" },
    { "<style>@import url(https://evil.example/s.css);</style>x", "x" },
    { "<style>p { background: url(\"https://evil.example/x.png\") }</style>x", "x" },
    { "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\" alt=\"A\">",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"A\">A</span>" },
    { "<img src=x onerror=alert(1)>", "<img src=\"x\">" },
    { "<img src=\"//evil.example/x.png\">",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"Image\">Image</span>" },
    { "<img src=\"/etc/x.png\" alt=a><img src=\"../x.png\" alt=b><img src=\"a/%2e%2e/%2E%2E/x.png\" alt=c>",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"a\">a</span>"
      "<span class=\"remote-image\" role=\"img\" aria-label=\"b\">b</span>"
      "<span class=\"remote-image\" role=\"img\" aria-label=\"c\">c</span>" },
    { "<img src=\"a.png\" srcset=\"https://evil.example/x.png 2x\">", "<img src=\"a.png\">" },
    { "<picture><source srcset=\"https://evil.example/x.png\"><source srcset=\"a.png, https://evil.example/y.png 2x\">"
      "<img src=\"https://evil.example/z.png\" alt=\"z\"></picture>",
      "<picture><span class=\"remote-image\" role=\"img\" aria-label=\"z\">z</span></picture>" },
    { "<picture><source src=\"https://evil.example/x.png\"></picture>", "<picture></picture>" },
    /* Cut short: text, never a tag. */
    { "<a href=\"https://evil.example/", "&lt;a href=\"https:/" "/evil.example/" },
    { "x<script", "x&lt;script" },
    { "<img src=x onerror=\"alert(1)", "&lt;img src=x onerror=\"alert(1)" },
    { "<style>p { color: red }", "" },
    { "<svg><circle>", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *filtered = syllabus_html_filter_string (cases[i].html, -1);
      g_autofree char *markdown = g_strconcat ("Text\n\n", cases[i].html, "\n\nInline ", cases[i].html, " end.\n", NULL);
      g_autofree char *page = syllabus_markdown_to_html (markdown, -1);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (filtered, ==, cases[i].expected);
      /* The cut-short tags are text, and their text may name anything. */
      if (!g_str_has_prefix (cases[i].expected, "&lt;") && !g_str_has_prefix (cases[i].expected, "x&lt;") &&
          strstr (cases[i].expected, "alert") == NULL)
        assert_inert (filtered);
      assert_tags_inert (filtered);
      assert_tags_inert (page);
    }
}

static void
test_filter_entities (void)
{
  static const Case cases[] = {
    /* The browser decodes references in attributes, with or without their
     * semicolon: so does the filter, before it judges the value. */
    { "<a href=\"&#106;avascript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"&#106avascript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"&#x6A;&#X61;vascript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"&#0000106;avascript:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"java&Tab;script:alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"javascript&colon;alert(1)\">a</a>", "<a>a</a>" },
    { "<a href=\"&NewLine;javascript:alert(1)\">a</a>", "<a>a</a>" },
    /* A reference the filter cannot decode leaves an address unjudged. */
    { "<a href=\"&jscheme;x\">a</a>", "<a>a</a>" },
    { "<img src=\"&#x68;ttps://evil.example/x.png\" alt=\"e\">",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span>" },
    { "<img src=\"&sol;&sol;evil.example/x.png\" alt=\"e\">",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span>" },
    { "<img src=\"&period;&period;/x.png\" alt=\"e\">",
      "<span class=\"remote-image\" role=\"img\" aria-label=\"e\">e</span>" },
    /* Decoded, then escaped again. */
    { "<a href=\"a.md?x=1&amp;y=2\" title=\"&lt;b&gt; &quot;q&quot; &#38; &eacute;\">a</a>",
      "<a href=\"a.md?x=1&amp;y=2\" title=\"&lt;b&gt; &quot;q&quot; &amp; &eacute;\">a</a>" },
    { "<img src=\"my%20image.png\" alt=\"&#xD800;&#0;\">",
      "<img src=\"my%20image.png\" alt=\"\xEF\xBF\xBD\xEF\xBF\xBD\">" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_filter_local_path (void)
{
  static const char *const local[] = {
    "a.png", "images/a.png", "my%20image.png", "a.png?v=1", "a.png#x", "a..b.png", ".hidden.png",
  };
  static const char *const not_local[] = {
    "", "/a.png", "//host/a.png", "../a.png", "a/../../b.png", "./a.png", "a/./b.png",
    "%2e%2e/a.png", "a%2fb/../../c.png", "a\\b.png", "https://e.com/a.png", "file:///a.png",
    "data:image/png;base64,AA", "javascript:x", "#frag", "?q", "a%00.png", "c:/x.png",
  };

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    g_assert_true (syllabus_html_is_local_path (local[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_local); i++)
    {
      g_test_message ("%s", not_local[i]);
      g_assert_false (syllabus_html_is_local_path (not_local[i]));
    }
}

/* Fed a tag at a time, as md4c reports inline HTML: the filter says when
 * the text in between is to be dropped, until the element or the block
 * ends. */
static void
test_filter_inline (void)
{
  SyllabusHtmlFilter filter;
  g_autoptr(GString) out = g_string_new (NULL);

  syllabus_html_filter_init (&filter);
  g_assert_false (syllabus_html_filter_is_dropping (&filter));

  syllabus_html_filter_feed (&filter, out, "<style>", 7);
  g_assert_true (syllabus_html_filter_is_dropping (&filter));
  syllabus_html_filter_feed (&filter, out, "<b>", 3);
  g_assert_true (syllabus_html_filter_is_dropping (&filter));
  syllabus_html_filter_feed (&filter, out, "</STYLE>", 8);
  g_assert_false (syllabus_html_filter_is_dropping (&filter));
  syllabus_html_filter_feed (&filter, out, "<kbd>", 5);
  g_assert_cmpstr (out->str, ==, "<kbd>");

  syllabus_html_filter_feed (&filter, out, "<svg>", 5);
  syllabus_html_filter_feed (&filter, out, "<svg>", 5);
  syllabus_html_filter_feed (&filter, out, "</svg>", 6);
  g_assert_true (syllabus_html_filter_is_dropping (&filter));
  syllabus_html_filter_end_block (&filter);
  g_assert_false (syllabus_html_filter_is_dropping (&filter));

  /* Void elements hold nothing to drop. */
  syllabus_html_filter_feed (&filter, out, "<input>", 7);
  syllabus_html_filter_feed (&filter, out, "<meta charset=x>", 16);
  g_assert_false (syllabus_html_filter_is_dropping (&filter));
  g_assert_cmpstr (out->str, ==, "<kbd>");
}

/* In a page: the Markdown text inside a dropped element goes with it, up
 * to the end of its block, and no further. */
static void
test_filter_in_page (void)
{
  static const Case cases[] = {
    { "A <style>*hidden* `code` ![i](a.png) [l](u)</style> B\n",
      "<p>A <em></em><code></code><a></a> B</p>\n" },
    { "A <script>never closed\n\nNext paragraph.\n",
      "<p>A </p>\n<p>Next paragraph.</p>\n" },
    /* An HTML block that starts with <style> runs to </style>, past blank
     * lines (CommonMark's first kind), as on GitHub. */
    { "<style>\np { color: red }\n\nStill style.\n",
      "" },
    { "<svg>\n<circle/>\n\nAfter the blank line.\n",
      "<p>After the blank line.</p>\n" },
    { "<details>\n<summary>Click</summary>\n\n- **one**\n\n</details>\n",
      "<details>\n<summary>Click</summary>\n<ul>\n<li><strong>one</strong></li>\n</ul>\n</details>\n" },
    { "<div align=\"center\">\n  <img src=\"logo.png\"\n       alt=\"Logo\" onerror=\"alert(1)\">\n</div>\n",
      "<div align=\"center\">\n  <img src=\"logo.png\" alt=\"Logo\">\n</div>\n" },
    { "# Title [![CI](https://e.com/ci.svg)](https://e.com/) <img src=\"https://e.com/b.svg\" alt=\"B\">\n",
      "<h1 id=\"title\">Title <a href=\"https://e.com/\"><span class=\"remote-image\" role=\"img\" aria-label=\"CI\">CI</span></a> "
      "<span class=\"remote-image\" role=\"img\" aria-label=\"B\">B</span></h1>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = syllabus_markdown_to_html (cases[i].html, -1);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (page, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/html-filter/comments", test_filter_comments);
  g_test_add_func ("/html-filter/allowed", test_filter_allowed);
  g_test_add_func ("/html-filter/attributes", test_filter_attributes);
  g_test_add_func ("/html-filter/dangerous", test_filter_dangerous);
  g_test_add_func ("/html-filter/entities", test_filter_entities);
  g_test_add_func ("/html-filter/local-path", test_filter_local_path);
  g_test_add_func ("/html-filter/inline", test_filter_inline);
  g_test_add_func ("/html-filter/in-page", test_filter_in_page);

  return g_test_run ();
}
