/* syllabus-html-filter.h
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

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The raw HTML a topic may hold, cut down to what GitHub shows: a strict
 * allowlist of elements and, per element, of attributes. Everything else
 * is dropped; the elements that run code, load things or take input are
 * dropped with their content.
 *
 * A filter is fed whole fragments (one tag from a paragraph, or a whole
 * HTML block) and remembers across them whether it is inside an element
 * whose content is dropped, so that the renderer can drop the Markdown
 * text in between too. The struct is public so that it can live inside
 * the renderer; its fields are private. */
typedef struct
{
  char  drop_tag[16];  /* the element whose content is being dropped, or "" */
  guint drop_depth;    /* how many of it are open */
  guint drop_raw : 1;  /* its content is text that only its end tag ends */
} SyllabusHtmlFilter;

void     syllabus_html_filter_init          (SyllabusHtmlFilter *self);
void     syllabus_html_filter_feed          (SyllabusHtmlFilter *self,
                                             GString            *out,
                                             const char         *html,
                                             gsize               length);
gboolean syllabus_html_filter_is_dropping   (const SyllabusHtmlFilter *self);
void     syllabus_html_filter_end_block     (SyllabusHtmlFilter *self);

char    *syllabus_html_filter_string        (const char         *html,
                                             gssize              length);

gboolean syllabus_html_is_local_path        (const char         *path);
void     syllabus_html_append_remote_image  (GString            *out,
                                             const char         *escaped_alt,
                                             gsize               length);

G_END_DECLS
