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

#include <md4c-html.h>
#include <string.h>

static void
append_output_cb (const MD_CHAR *text,
                  MD_SIZE        size,
                  void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

/**
 * syllabus_markdown_to_html:
 * @markdown: UTF-8 Markdown
 * @length: the length of @markdown, or -1 if it is nul-terminated
 *
 * Renders @markdown to an HTML fragment with md4c. Raw HTML in the input is
 * escaped, not passed through.
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

  return g_string_free (html, FALSE);
}
