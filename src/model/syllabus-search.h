/* syllabus-search.h

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

#include <gio/gio.h>

#include "syllabus-store.h"
#include "syllabus-topic.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_SEARCH_HIT (syllabus_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusSearchHit, syllabus_search_hit, SYLLABUS, SEARCH_HIT, GObject)

typedef enum
{
  SYLLABUS_SEARCH_TITLE = 1 << 0,
  SYLLABUS_SEARCH_LINK  = 1 << 1,
  SYLLABUS_SEARCH_NOTES = 1 << 2,
} SyllabusSearchFields;

SyllabusTopic       *syllabus_search_hit_get_topic   (SyllabusSearchHit *self);
const char          *syllabus_search_hit_get_key     (SyllabusSearchHit *self);
const char          *syllabus_search_hit_get_title   (SyllabusSearchHit *self);
const char          *syllabus_search_hit_get_snippet (SyllabusSearchHit *self);
SyllabusSearchFields syllabus_search_hit_get_fields  (SyllabusSearchHit *self);

GListModel          *syllabus_search                 (SyllabusStore     *store,
                                                      GListModel        *topics,
                                                      const char        *query,
                                                      guint              max_hits);

G_END_DECLS
