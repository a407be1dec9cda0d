/* syllabus-html-private.h
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

#include "syllabus-html.h"

G_BEGIN_DECLS

/* For tests/model/test-html.c: raw HTML written as md4c-html writes it,
 * unfiltered, so that everything else can be compared with md_html(). */
gboolean syllabus_html_render_verbatim (const char *markdown,
                                        gsize       length,
                                        unsigned    parser_flags,
                                        GString    *out);

G_END_DECLS
