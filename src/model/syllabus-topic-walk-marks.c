/* syllabus-topic-walk-marks.c
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

/* What the topic's walk adds to the HTML as GitHub shows a page: the ids
 * of headings, and links' kind markers ("@official@") left out. */

#include "config.h"

#include "syllabus-topic-private.h"

#include <md4c.h>
#include <string.h>

/* Gives the heading just rendered the id GitHub gives it, so that a
 * table of contents' links ("#audio-and-music") lead to it: its text in
 * lower case, without punctuation, spaces as hyphens, and "-1", "-2"…
 * after a name an earlier heading has. */
void
syllabus_topic_walk_give_heading_id (SyllabusTopicWalk *walk)
{
  g_autofree char *text = NULL;
  g_autofree char *tail = NULL;
  GString *id;
  char *slug;
  gsize open_len = strlen ("<h1");

  if (walk->html_out->len < walk->heading_mark + open_len ||
      strncmp (walk->html_out->str + walk->heading_mark, "<h", 2) != 0 ||
      walk->html_out->str[walk->heading_mark + open_len] != '>')
    return;

  text = syllabus_topic_walk_collapse_whitespace (walk->heading_text->str);
  id = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_')
        g_string_append_unichar (id, g_unichar_tolower (c));
      else if (c == ' ' || c == '-')
        g_string_append_c (id, '-');
    }
  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return;
    }

  slug = g_strdup (id->str);
  for (guint n = 1; g_hash_table_contains (walk->heading_ids, slug); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", id->str, n);
    }
  g_string_free (id, TRUE);
  g_hash_table_add (walk->heading_ids, slug);

  /* The heading is short: what follows its "<hN" is moved, not the page. */
  tail = g_strdup (walk->html_out->str + walk->heading_mark + open_len);
  g_string_truncate (walk->html_out, walk->heading_mark + open_len);
  /* Letters, digits, "_" and "-": nothing to escape */
  g_string_append_printf (walk->html_out, " id=\"%s\"", slug);
  g_string_append (walk->html_out, tail);
}

void
syllabus_topic_walk_render_text (SyllabusTopicWalk *walk,
                                 MD_TEXTTYPE        type,
                                 const MD_CHAR     *text,
                                 MD_SIZE            size)
{
  if (syllabus_topic_walk_rendering (walk))
    syllabus_html_text (&walk->html, type, text, size);
}

/* Whether @text, @len bytes, starts with a kind marker, "@official@"
 * (%MARKER_YES, its length in @marker_len), may still become one as more
 * text comes (%MARKER_MAYBE), or is not one. A kind is ASCII letters. */
typedef enum { MARKER_NO, MARKER_MAYBE, MARKER_YES } MarkerMatch;

static MarkerMatch
match_marker (const char *text,
              gsize       len,
              gsize      *marker_len)
{
  if (len == 0)
    return MARKER_MAYBE;
  if (text[0] != '@')
    return MARKER_NO;

  for (gsize i = 1; i < len; i++)
    {
      if (text[i] == '@')
        {
          if (i < 3)
            return MARKER_NO;
          *marker_len = i + 1;
          return MARKER_YES;
        }
      if (!g_ascii_isalpha (text[i]) || i > SYLLABUS_KIND_MAX_LEN)
        return MARKER_NO;
    }

  return MARKER_MAYBE;
}

/* Renders the link text held back, but for its first @skip bytes. */
void
syllabus_topic_walk_flush_marker (SyllabusTopicWalk *walk,
                                  gsize              skip)
{
  walk->marker_pending = FALSE;
  if (walk->marker_text->len > skip)
    syllabus_topic_walk_render_text (walk, MD_TEXT_NORMAL,
                 walk->marker_text->str + skip, walk->marker_text->len - skip);
}

/* The start of a link's text is held back until it is known whether it
 * is a kind marker, which is then not shown. md4c may have made a mail
 * link of "official@Docs.rs" in "@official@Docs.rs": the links that start
 * inside the held text are not rendered (a link in a link is not HTML). */
void
syllabus_topic_walk_hold_marker_text (SyllabusTopicWalk *walk,
                                      MD_TEXTTYPE        type,
                                      const MD_CHAR     *text,
                                      MD_SIZE            size)
{
  gsize marker_len = 0;

  if (type != MD_TEXT_NORMAL)
    {
      syllabus_topic_walk_flush_marker (walk, 0);
      syllabus_topic_walk_render_text (walk, type, text, size);
      return;
    }

  g_string_append_len (walk->marker_text, text, size);
  switch (match_marker (walk->marker_text->str, walk->marker_text->len, &marker_len))
    {
    case MARKER_YES:
      for (gsize i = 1; i + 1 < marker_len; i++)
        walk->link_kind[i - 1] = g_ascii_tolower (walk->marker_text->str[i]);
      walk->link_kind[marker_len - 2] = '\0';
      while (marker_len < walk->marker_text->len && walk->marker_text->str[marker_len] == ' ')
        marker_len++;
      syllabus_topic_walk_flush_marker (walk, marker_len);
      break;
    case MARKER_NO:
      syllabus_topic_walk_flush_marker (walk, 0);
      break;
    case MARKER_MAYBE:
    default:
      break;
    }
}
