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

#include <string.h>

#include "syllabus-html.h"
#include "syllabus-topic-private.h"

/**
 * syllabus_markdown_to_html:
 * @markdown: UTF-8 Markdown
 * @length: the length of @markdown, or -1 if it is nul-terminated
 *
 * Renders @markdown to an HTML fragment as a topic's page is rendered:
 * md4c's parser and syllabus-html.c, through the topic's walk, which also
 * leaves out the kind markers of links ("@official@"). Raw HTML in the
 * input is cut down to what GitHub shows (see syllabus-html-filter.c),
 * images on the network are replaced by placeholders with their
 * alternative text, and entities are left for the web view to decode.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
syllabus_markdown_to_html (const char *markdown,
                           gssize      length)
{
  g_autofree char *terminated = NULL;
  SyllabusTopicWalk walk = { 0 };
  GString *html;
  gboolean ok;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  /* A byte order mark is not text; md_html() skips it too. */
  if (length >= 3 && memcmp (markdown, "\xEF\xBB\xBF", 3) == 0)
    {
      markdown += 3;
      length -= 3;
    }

  /* The topic's own walk, finding no resources: it renders as a topic's
   * page is rendered, kind markers and all. */
  terminated = g_strndup (markdown, length);
  walk.rule = SYLLABUS_RESOURCES_NONE;
  ok = syllabus_topic_walk_run (&walk, terminated, length);
  html = g_steal_pointer (&walk.html_out);
  syllabus_topic_walk_clear (&walk);
  if (!ok)
    {
      /* md4c only fails on allocation failure; show the text rather than
       * nothing. */
      g_autofree char *escaped = g_markup_escape_text (markdown, length);

      g_string_assign (html, "<pre>");
      g_string_append (html, escaped);
      g_string_append (html, "</pre>");
    }

  /* Valid Markdown gives valid HTML (entities are written as they are, not
   * decoded), but the web view must never be handed anything else, whatever
   * a caller passes. */
  if (!g_utf8_validate_len (html->str, html->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (html->str, html->len);

      g_string_assign (html, valid);
    }

  return g_string_free (html, FALSE);
}
