/* syllabus-markdown.h

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
#include <md4c.h>

G_BEGIN_DECLS

/* The one Markdown dialect Syllabus reads: GitHub's (tables, strikethrough,
 * task lists, bare links, raw HTML). Topic files may come from anywhere, so
 * the raw HTML is cut down to what GitHub shows (syllabus-html-filter.c)
 * before it reaches the page. */
#define SYLLABUS_MARKDOWN_FLAGS MD_DIALECT_GITHUB

char *syllabus_markdown_to_html (const char *markdown,
                                 gssize      length);

G_END_DECLS
