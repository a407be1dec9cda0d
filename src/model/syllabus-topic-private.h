/* syllabus-topic-private.h

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

#include "syllabus-html.h"

G_BEGIN_DECLS

/* Internals shared by the pieces of a topic: syllabus-topic.c, which
 * builds it, syllabus-front-matter.c and syllabus-topic-walk.c, the one
 * pass over md4c's callbacks. Tests may use them; other units must not. */

gsize syllabus_front_matter_line_length (const char  *p,
                                         const char  *end,
                                         const char **next);
gsize syllabus_front_matter_parse       (const char  *data,
                                         gsize        length,
                                         GHashTable  *metadata);

/* The state of one walk over a page's body */
typedef struct
{
  const char *doc;
  gsize       size;

  GArray     *blocks;         /* MD_BLOCKTYPE, the open blocks */
  GArray     *items;          /* gboolean per open list item: has a resource */

  /* The heading being read */
  gboolean    in_heading;
  gboolean    heading_top_level;
  unsigned    heading_level;
  gssize      heading_start;
  GString    *heading_text;

  /* The resources section */
  enum { SECTION_BEFORE, SECTION_IN, SECTION_AFTER } section;
  unsigned    section_level;
  gssize      section_start;
  gssize      section_end;
  gboolean    section_end_pending;
  gsize       last_text_end;  /* where the last text in the page ends */

  char       *first_h1;
  char       *group;
  guint       group_index;
  guint       n_groups;

  /* The link being read. The buffers are reused from link to link: a
   * section can list thousands. */
  gboolean    in_link;
  guint       inner_links;    /* links md4c found inside it: bare URLs */
  GString    *link_href;
  GString    *link_text;
  GString    *link_title;     /* link_text with its white space collapsed */

  GPtrArray  *resources;
  GHashTable *seen_keys;
  /* Positions in resources of lines whose key an earlier line has */
  GArray     *duplicates;
  guint       last_group_index; /* the last resource's, for first-in-group */

  /* Relative image paths, in page order, without repeats */
  GPtrArray  *images;

  /* The introduction's HTML: everything but the resources section */
  SyllabusHtml html;
  GString    *html_out;
  gsize       heading_mark;   /* its length when the heading was entered */
} SyllabusTopicWalk;

gboolean syllabus_topic_walk_run                  (SyllabusTopicWalk *walk,
                                                   const char        *body,
                                                   gsize              body_length);
void     syllabus_topic_walk_give_duplicates_keys (SyllabusTopicWalk *walk);
void     syllabus_topic_walk_clear                (SyllabusTopicWalk *walk);

G_END_DECLS
