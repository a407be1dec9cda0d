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
#include "syllabus-topic.h"

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

SyllabusResourcesRule syllabus_resources_rule_parse (const char *value);

/* Resources as one rule finds them, in page order */
typedef struct
{
  GPtrArray  *resources;
  GHashTable *seen_keys;
  /* Positions in resources of lines whose key an earlier line has */
  GArray     *duplicates;
  guint       last_group_index; /* the last resource's, for first-in-group */
  char       *last_group;
  guint       last_heading_count;
} SyllabusResourceCollector;

/* An open list item */
typedef struct
{
  gboolean    has_link;       /* its first link is read: it is done */
  gboolean    text_done;      /* a nested list started: its own text ended */
  char       *group;          /* its text, when it holds a nested list and no link */
} SyllabusListItem;

/* The kinds a link's text can start with, "@official@", at most this long */
#define SYLLABUS_KIND_MAX_LEN 16

/* The state of one walk over a page's body */
typedef struct
{
  SyllabusResourcesRule rule;

  const char *doc;
  gsize       size;

  GArray     *blocks;         /* MD_BLOCKTYPE, the open blocks */
  GArray     *items;          /* SyllabusListItem per open list item */
  GString    *item_text;      /* the innermost item's own text */
  guint       item_text_depth; /* which item that is: its depth in items */

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

  /* The lists of links anywhere in the page (rule ALL, or AUTO until a
   * section is found): the headings over them, by level. The page's first
   * heading, when it is of level 1, is its title and left out. */
  gboolean    collecting_page;
  char       *headings[6];
  guint       heading_count;  /* headings so far: each starts a group */
  GString    *group_text;     /* the group being named, reused */
  guint       page_group_index;

  /* The link being read. The buffers are reused from link to link: a
   * section can list thousands. */
  gboolean    in_link;
  gboolean    link_in_page;   /* whose it is: the page's lists or the section's */
  guint       inner_links;    /* links md4c found inside it: bare URLs */
  GString    *link_href;
  GString    *link_text;
  GString    *link_title;     /* link_text with its white space collapsed */
  char        link_kind[SYLLABUS_KIND_MAX_LEN + 1];

  /* Every link, resource or not: how deep they nest, which of them are
   * not rendered (bit by depth), and the start of the outermost one's
   * text, held back while it may be a "@kind@" marker. */
  guint       a_depth;
  guint64     a_hidden;
  gboolean    marker_pending;
  GString    *marker_text;
  guint       img_depth;

  SyllabusResourceCollector section_list;
  SyllabusResourceCollector page_list;

  /* Relative image paths, in page order, without repeats */
  GPtrArray  *images;

  /* The introduction's HTML: everything but the resources section */
  SyllabusHtml html;
  GString    *html_out;
  gsize       heading_mark;   /* its length when the heading was entered */
  GHashTable *heading_ids;    /* the ids given so far */
} SyllabusTopicWalk;

/* Whether what md4c reports now belongs in the introduction's HTML. A
 * top-level heading is rendered even inside the resources section: it may
 * be the one that ends it, which is only known once it is left. */
static inline gboolean
syllabus_topic_walk_rendering (SyllabusTopicWalk *walk)
{
  return walk->section != SECTION_IN || (walk->in_heading && walk->heading_top_level);
}

char      *syllabus_topic_walk_collapse_whitespace (const char     *text);
void       syllabus_topic_walk_give_heading_id  (SyllabusTopicWalk *walk);
void       syllabus_topic_walk_render_text      (SyllabusTopicWalk *walk,
                                                 MD_TEXTTYPE        type,
                                                 const MD_CHAR     *text,
                                                 MD_SIZE            size);
void       syllabus_topic_walk_flush_marker     (SyllabusTopicWalk *walk,
                                                 gsize              skip);
void       syllabus_topic_walk_hold_marker_text (SyllabusTopicWalk *walk,
                                                 MD_TEXTTYPE        type,
                                                 const MD_CHAR     *text,
                                                 MD_SIZE            size);

gboolean   syllabus_topic_walk_run                (SyllabusTopicWalk *walk,
                                                   const char        *body,
                                                   gsize              body_length);
GPtrArray *syllabus_topic_walk_take_resources     (SyllabusTopicWalk *walk);
void     syllabus_topic_walk_clear                (SyllabusTopicWalk *walk);

G_END_DECLS
