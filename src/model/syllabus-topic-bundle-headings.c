/* syllabus-topic-bundle-headings.c

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

#include "syllabus-topic-bundle.h"

#include <string.h>

#include "syllabus-topic-private.h"

/* The headings of a folder topic's files (syllabus-topic-bundle.c) move
 * down to the file's depth, so that the page's headings are the tree.
 * This is a pass over the lines, not a parse: it knows code fences, ATX
 * headings ("## Title") and setext ones ("Title" over "=====" or
 * "-----"), which it writes as ATX headings of the level they move to.
 * A setext underline only counts under a paragraph's line: "---" after
 * a blank line, a list item, a quote or raw HTML is a thematic break or
 * part of that block, as md4c reads it, and stays as it is.
 */

/* The level of the ATX heading @line starts, 0 if none; *@text_start is
 * where its text starts. */
static guint
atx_level (const char  *line,
           gsize        len,
           gsize       *text_start)
{
  gsize i = 0;
  guint level = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  while (i < len && line[i] == '#')
    {
      i++;
      level++;
    }
  if (level == 0 || level > 6 || (i < len && line[i] != ' ' && line[i] != '\t'))
    return 0;

  *text_start = i;
  return level;
}

/* The length of the code fence @line opens or closes, 0 if none; *@mark
 * is its character. */
static gsize
fence_length (const char *line,
              gsize       len,
              char       *mark)
{
  gsize i = 0;
  gsize n = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '`' && line[i] != '~'))
    return 0;

  *mark = line[i];
  while (i + n < len && line[i + n] == *mark)
    n++;

  return n >= 3 ? n : 0;
}

/* How far @line is indented, a tab counting as four columns. */
static gsize
indentation (const char *line,
             gsize       len)
{
  gsize columns = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (line[i] == ' ')
        columns++;
      else if (line[i] == '\t')
        columns += 4 - columns % 4;
      else
        break;
    }

  return columns;
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;

  return TRUE;
}

/* 1 for a line of "=", 2 for a line of "-", each after at most three
 * spaces and with nothing but spaces after it; 0 for any other line. */
static guint
setext_level (const char *line,
              gsize       len)
{
  gsize i = 0;
  char mark;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '=' && line[i] != '-'))
    return 0;

  mark = line[i];
  while (i < len && line[i] == mark)
    i++;
  if (!is_blank (line + i, len - i))
    return 0;

  return mark == '=' ? 1 : 2;
}

/* Three or more "-", "*" or "_", the same each, spaces between allowed. */
static gboolean
is_thematic_break (const char *line,
                   gsize       len)
{
  gsize i = 0;
  guint n = 0;
  char mark;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '-' && line[i] != '*' && line[i] != '_'))
    return FALSE;

  mark = line[i];
  for (; i < len; i++)
    {
      if (line[i] == mark)
        n++;
      else if (line[i] != ' ' && line[i] != '\t')
        return FALSE;
    }

  return n >= 3;
}

/* Whether @line starts a list item: "-", "+" or "*", or up to nine digits
 * and "." or ")", then a space or the end of the line. */
static gboolean
is_list_item (const char *line,
              gsize       len)
{
  gsize i = 0;
  gsize digits = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i < len && (line[i] == '-' || line[i] == '+' || line[i] == '*'))
    i++;
  else
    {
      while (i < len && g_ascii_isdigit (line[i]) && digits < 10)
        i++, digits++;
      if (digits == 0 || digits > 9 || i >= len || (line[i] != '.' && line[i] != ')'))
        return FALSE;
      i++;
    }

  return i == len || line[i] == ' ' || line[i] == '\t';
}

/* Whether @line starts a block quote or raw HTML. */
static gboolean
starts_other_block (const char *line,
                    gsize       len)
{
  gsize i = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;

  return i < len && (line[i] == '>' || line[i] == '<');
}

/* A heading's text, without its closing #s and the spaces around it. */
static char *
heading_text (const char *text,
              gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  char *end;

  g_strstrip (copy);
  end = copy + strlen (copy);
  while (end > copy && end[-1] == '#')
    end--;
  if (end == copy || end[-1] == ' ' || end[-1] == '\t' || *end == '\0')
    *end = '\0';

  return g_strdup (g_strstrip (copy));
}

/* The text of a setext heading's lines, each stripped, joined by spaces. */
static char *
setext_text (const char *lines,
             gsize       len)
{
  g_autofree char *copy = g_strndup (lines, len);
  g_auto(GStrv) parts = g_strsplit (copy, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, parts[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_hashes (GString *out,
               guint    level)
{
  for (guint i = 0; i < MIN (level, 6); i++)
    g_string_append_c (out, '#');
}

/* What the line before was part of, for a setext underline. */
typedef enum
{
  BEFORE_NOTHING,
  BEFORE_PARAGRAPH,
  BEFORE_OTHER,
} Before;

/**
 * syllabus_topic_bundle_shift_headings:
 * @text: a node's Markdown, without front matter
 * @length: its length
 * @shift: how many levels its headings move down
 * @take_first_h1: whether to leave its first level-1 heading out
 * @first_h1: (out) (optional) (transfer full): the text of its first
 *   level-1 heading, %NULL if it has none
 *
 * Moves the headings of @text @shift levels down, to level 6 at most:
 * ATX headings keep their text, setext headings ("Title" over "=====")
 * become ATX headings of their new level. Lines in code blocks are left
 * as they are, and a code block left open is closed, so that it cannot
 * swallow the next file.
 *
 * Returns: (transfer full): the shifted text
 */
char *
syllabus_topic_bundle_shift_headings (const char  *text,
                                      gsize        length,
                                      guint        shift,
                                      gboolean     take_first_h1,
                                      char       **first_h1)
{
  g_autoptr(GString) out = g_string_sized_new (length + 64);
  g_autofree char *h1 = NULL;
  const char *p = text;
  const char *end = text + length;
  gsize fence = 0;
  char fence_mark = 0;
  Before before = BEFORE_NOTHING;
  gboolean in_list = FALSE;
  /* Where the paragraph the line before belongs to starts in @out */
  gsize paragraph_start = 0;

  while (p < end)
    {
      const char *next;
      gsize len = syllabus_front_matter_line_length (p, end, &next);
      gsize text_start = 0;
      guint level;
      char mark = 0;
      gsize n;

      if (fence > 0)
        {
          if ((n = fence_length (p, len, &mark)) >= fence && mark == fence_mark)
            fence = 0;
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      if (is_blank (p, len))
        {
          before = BEFORE_NOTHING;
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      /* A list goes on over blank lines as long as its lines are
       * indented; what is inside it is left as it is. */
      if (in_list && indentation (p, len) == 0 && !is_list_item (p, len))
        in_list = FALSE;

      if (before == BEFORE_PARAGRAPH && (level = setext_level (p, len)) > 0)
        {
          g_autofree char *heading = setext_text (out->str + paragraph_start,
                                                  out->len - paragraph_start);

          before = BEFORE_NOTHING;
          g_string_truncate (out, paragraph_start);
          if (level == 1 && h1 == NULL)
            {
              h1 = g_strdup (heading);
              if (take_first_h1)
                {
                  p = next;
                  continue;
                }
            }
          append_hashes (out, level + shift);
          g_string_append_printf (out, " %s", heading);
          /* A text that ends in "#" would lose it as a closing sequence. */
          if (g_str_has_suffix (heading, "#"))
            g_string_append (out, " #");
          g_string_append_c (out, '\n');
        }
      else if ((n = fence_length (p, len, &mark)) > 0)
        {
          before = BEFORE_NOTHING;
          fence = n;
          fence_mark = mark;
          g_string_append_len (out, p, next - p);
        }
      else if ((level = atx_level (p, len, &text_start)) > 0)
        {
          before = BEFORE_NOTHING;
          if (level == 1 && h1 == NULL)
            {
              h1 = heading_text (p + text_start, len - text_start);
              if (take_first_h1)
                {
                  p = next;
                  continue;
                }
            }
          append_hashes (out, level + shift);
          g_string_append_len (out, p + text_start, next - (p + text_start));
        }
      else
        {
          /* A thematic break, a list item or a quote ends a paragraph;
           * any other line goes on with it, lazy or not. */
          if (is_thematic_break (p, len))
            before = BEFORE_NOTHING;
          else if (is_list_item (p, len))
            {
              in_list = TRUE;
              before = BEFORE_OTHER;
            }
          else if (before == BEFORE_PARAGRAPH && !starts_other_block (p, len))
            ;
          else if (in_list || starts_other_block (p, len))
            before = BEFORE_OTHER;
          else if (before == BEFORE_OTHER)
            ; /* the block quote's or raw HTML's next line */
          else if (indentation (p, len) >= 4)
            before = BEFORE_NOTHING;
          else
            {
              before = BEFORE_PARAGRAPH;
              paragraph_start = out->len;
            }
          g_string_append_len (out, p, next - p);
        }

      p = next;
    }

  if (fence > 0)
    {
      g_string_append_c (out, '\n');
      for (gsize i = 0; i < fence; i++)
        g_string_append_c (out, fence_mark);
      g_string_append_c (out, '\n');
    }

  if (first_h1 != NULL)
    *first_h1 = g_steal_pointer (&h1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
