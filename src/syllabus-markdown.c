/* syllabus-markdown.c

 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "syllabus-markdown.h"

#include <glib/gi18n.h>
#include <md4c-html.h>
#include <string.h>

static void
append_output_cb (const MD_CHAR *text,
                  MD_SIZE        size,
                  void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static gboolean
is_remote (const char *src,
           gsize       length)
{
  g_autofree char *uri = g_strndup (src, length);
  g_autofree char *scheme = NULL;

  /* A protocol-relative address goes to the network too. */
  if (g_str_has_prefix (uri, "//"))
    return TRUE;

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  return g_ascii_strcasecmp (scheme, "file") != 0 &&
         g_ascii_strcasecmp (scheme, "data") != 0 &&
         g_ascii_strcasecmp (scheme, "resource") != 0;
}

/* Replaces each image that would be fetched from the network with a small
 * link to it: the page never loads anything remote, and the reader still
 * sees that an image was there and where it lives.
 *
 * This reads md4c's own output, not arbitrary HTML: raw HTML in topics is
 * escaped (MD_FLAG_NOHTML), so every "<img" is md4c's, written as
 * <img src="…" alt="…"> or <img src="…" alt="…" title="…"> with every
 * attribute value escaped. */
static void
replace_remote_images (GString *html)
{
  static const char img_start[] = "<img src=\"";
  static const char alt_start[] = "\" alt=\"";
  GString *out = NULL;
  const char *p = html->str;
  const char *img;

  while ((img = strstr (p, img_start)) != NULL)
    {
      const char *src = img + strlen (img_start);
      const char *src_end = strstr (src, alt_start);
      const char *alt;
      const char *alt_end;
      const char *tag_end;

      if (src_end == NULL || (tag_end = strchr (src_end, '>')) == NULL)
        break;

      alt = src_end + strlen (alt_start);
      alt_end = strchr (alt, '"');
      if (alt_end == NULL || alt_end > tag_end)
        break;

      if (!is_remote (src, src_end - src))
        {
          if (out != NULL)
            g_string_append_len (out, p, tag_end + 1 - p);
          p = tag_end + 1;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (html->len);
      if (out->len == 0)
        g_string_append_len (out, html->str, img - html->str);
      else
        g_string_append_len (out, p, img - p);

      g_string_append (out, "<a class=\"remote-image\" href=\"");
      g_string_append_len (out, src, src_end - src);
      g_string_append (out, "\" title=\"");
      g_string_append_len (out, src, src_end - src);
      g_string_append (out, "\">");
      if (alt_end > alt)
        g_string_append_len (out, alt, alt_end - alt);
      else
        g_string_append (out, _("Image"));
      g_string_append (out, "</a>");

      p = tag_end + 1;
    }

  if (out != NULL)
    {
      g_string_append (out, p);
      g_string_assign (html, out->str);
      g_string_free (out, TRUE);
    }
}

/**
 * syllabus_markdown_to_html:
 * @markdown: UTF-8 Markdown
 * @length: the length of @markdown, or -1 if it is nul-terminated
 *
 * Renders @markdown to an HTML fragment with md4c. Raw HTML in the input is
 * escaped, not passed through, and images on the network are replaced by
 * links to them.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
syllabus_markdown_to_html (const char *markdown,
                           gssize      length)
{
  GString *html;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  /* md4c's output is usually a little larger than its input. */
  html = g_string_sized_new (length + length / 4 + 64);
  if (md_html (markdown, length, append_output_cb, html,
               SYLLABUS_MARKDOWN_FLAGS, MD_HTML_FLAG_SKIP_UTF8_BOM) != 0)
    {
      /* md4c only fails on allocation failure; show the text rather than
       * nothing. */
      g_autofree char *escaped = g_markup_escape_text (markdown, length);

      g_string_assign (html, "<pre>");
      g_string_append (html, escaped);
      g_string_append (html, "</pre>");
    }

  /* md4c writes a reference to a UTF-16 surrogate ("&#xD800;") as the
   * surrogate's bytes, which are not UTF-8; the web view is handed UTF-8. */
  if (!g_utf8_validate_len (html->str, html->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (html->str, html->len);

      g_string_assign (html, valid);
    }

  replace_remote_images (html);

  return g_string_free (html, FALSE);
}
