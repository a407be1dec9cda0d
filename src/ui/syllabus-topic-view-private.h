/* syllabus-topic-view-private.h
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

#include <webkit/webkit.h>

#include "syllabus-topic-view.h"

G_BEGIN_DECLS

/* For tests: they check that even raw, hostile HTML, which md4c would have
 * escaped, runs no script and loads nothing. */
WebKitWebView *_syllabus_topic_view_get_web_view  (SyllabusTopicView *self);
const char    *_syllabus_topic_view_get_page_uri  (SyllabusTopicView *self);
void           _syllabus_topic_view_set_body_html (SyllabusTopicView *self,
                                                   const char        *body_html);

G_END_DECLS
