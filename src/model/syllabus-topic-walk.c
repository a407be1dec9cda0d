/* syllabus-topic-walk.c

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

#include "syllabus-topic-private.h"

#include <md4c-html.h>
#include <md4c.h>
#include <string.h>

#include "syllabus-markdown.h"
#include "syllabus-resource-private.h"

/* The heading of the section that becomes the checklist, case-folded */
#define RESOURCES_HEADING "learning resources"

/* The one pass over a topic's body with md4c's callbacks. It finds the
 * "Learning Resources" section and reads its links into resources, notes
 * the page's local images, and renders everything outside the section to
 * HTML as it goes (syllabus-html.c), so that a page is parsed once. */

static void
append_html_output_cb (const MD_CHAR *text,
                       MD_SIZE        size,
                       void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

/* Decodes an HTML entity such as "&eacute;" or "&#x2019;" with md4c's own
 * table, by rendering it alone: md4c turns entities into UTF-8 and escapes
 * only the four HTML specials, which are undone here. */
static void
append_entity (GString    *out,
               const char *entity,
               gsize       len)
{
  g_autoptr(GString) html = g_string_new (NULL);
  static const struct { const char *escaped; const char *plain; } specials[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
  };
  const char *p;
  const char *end;

  if (md_html (entity, len, append_html_output_cb, html, 0, 0) != 0 ||
      !g_str_has_prefix (html->str, "<p>") ||
      !g_str_has_suffix (html->str, "</p>\n"))
    {
      g_string_append_len (out, entity, len);
      return;
    }

  /* md4c writes a reference to a UTF-16 surrogate ("&#xD800;") as the
   * surrogate's three bytes, which are not UTF-8; CommonMark asks for
   * U+FFFD instead. */
  if (!g_utf8_validate_len (html->str, html->len, NULL))
    {
      g_string_append_unichar (out, 0xFFFD);
      return;
    }

  p = html->str + strlen ("<p>");
  end = html->str + html->len - strlen ("</p>\n");
  while (p < end)
    {
      gboolean done = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
          if (g_str_has_prefix (p, specials[i].escaped))
            {
              g_string_append (out, specials[i].plain);
              p += strlen (specials[i].escaped);
              done = TRUE;
              break;
            }

      if (!done)
        g_string_append_c (out, *p++);
    }
}

static void
append_text (GString       *out,
             MD_TEXTTYPE    type,
             const MD_CHAR *text,
             MD_SIZE        size)
{
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append_unichar (out, 0xFFFD);
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;
    case MD_TEXT_ENTITY:
      append_entity (out, text, size);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (out, text, size);
      break;
    }
}

static void
append_attribute (GString            *out,
                  const MD_ATTRIBUTE *attr)
{
  if (attr->substr_offsets == NULL)
    return;

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET off = attr->substr_offsets[i];
      MD_OFFSET next = attr->substr_offsets[i + 1];

      append_text (out, attr->substr_types[i], attr->text + off, next - off);
    }
}

static char *
attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *out = g_string_new (NULL);

  append_attribute (out, attr);

  return g_string_free (out, FALSE);
}

/* The ASCII characters g_unichar_isspace() accepts. */
static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Writes @text to the empty @out with runs of white space collapsed into
 * one space and both ends trimmed. Every link title goes through here, so
 * runs of ASCII are copied whole and only other characters are decoded.
 * The text is valid UTF-8 (the page is, and so is what entities decode
 * to): it never grows, so it is written straight into @out's buffer. */
static void
collapse_whitespace_into (GString    *out,
                          const char *text)
{
  gboolean space = FALSE;
  const char *p = text;
  char *q;

  g_assert (out->len == 0);

  g_string_set_size (out, strlen (text));
  q = out->str;

  while (*p != '\0')
    {
      const char *run = p;
      const char *next;

      while (*p != '\0' && (guchar)*p < 0x80 && !is_ascii_space (*p))
        p++;
      if (p > run)
        {
          if (space)
            *q++ = ' ';
          space = FALSE;
          memcpy (q, run, p - run);
          q += p - run;
          continue;
        }

      if (is_ascii_space (*p))
        {
          space = q > out->str;
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          space = q > out->str;
          p = next;
          continue;
        }

      if (space)
        *q++ = ' ';
      space = FALSE;
      memcpy (q, p, next - p);
      q += next - p;
      p = next;
    }

  g_string_truncate (out, q - out->str);
}

static char *
collapse_whitespace (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  collapse_whitespace_into (out, text);

  return g_string_free (out, FALSE);
}

static gboolean
in_document (SyllabusTopicWalk *walk,
             const char *text)
{
  return text >= walk->doc && text < walk->doc + walk->size;
}

static gsize
line_start (SyllabusTopicWalk *walk,
            const char *text)
{
  const char *p = text;

  while (p > walk->doc && p[-1] != '\n' && p[-1] != '\r')
    p--;

  return p - walk->doc;
}

/* Whether what md4c reports now belongs in the introduction's HTML. A
 * top-level heading is rendered even inside the resources section: it may
 * be the one that ends it, which is only known once it is left. */
static inline gboolean
rendering (SyllabusTopicWalk *walk)
{
  return walk->section != SECTION_IN || (walk->in_heading && walk->heading_top_level);
}

static int
enter_block_cb (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  SyllabusTopicWalk *walk = user_data;

  if (type == MD_BLOCK_H)
    {
      MD_BLOCK_H_DETAIL *h = detail;

      walk->in_heading = TRUE;
      walk->heading_level = h->level;
      /* blocks holds MD_BLOCK_DOC at this point for a top-level heading */
      walk->heading_top_level = walk->blocks->len == 1;
      walk->heading_start = -1;
      walk->heading_mark = walk->html_out->len;
      g_string_truncate (walk->heading_text, 0);
    }
  else if (type == MD_BLOCK_LI)
    {
      gboolean has_resource = FALSE;

      g_array_append_val (walk->items, has_resource);
    }

  g_array_append_val (walk->blocks, type);

  if (rendering (walk))
    syllabus_html_enter_block (&walk->html, type, detail);

  return 0;
}

/* An empty heading such as "##" has no text to find its line by: it is
 * the first line after the last text that holds only its hashes. */
static gssize
find_empty_heading (SyllabusTopicWalk *walk,
                    unsigned  level)
{
  const char *end = walk->doc + walk->size;
  const char *p = walk->doc + walk->last_text_end;
  const char *next;

  /* The last text's own line holds that text: skip it. The resources
   * heading comes before, so there is a last text. */
  g_assert (walk->last_text_end > 0);
  syllabus_front_matter_line_length (p - 1, end, &next);
  for (p = next; p < end; p = next)
    {
      const char *eol = p + syllabus_front_matter_line_length (p, end, &next);
      const char *q = p;
      unsigned n = 0;

      while (q < eol && *q == ' ' && q - p < 3)
        q++;
      for (; q < eol && *q == '#'; q++)
        n++;
      if (n != level || (q < eol && *q != ' ' && *q != '\t'))
        continue;
      while (q < eol && (*q == ' ' || *q == '\t' || *q == '#'))
        q++;
      if (q == eol)
        return p - walk->doc;
    }

  return -1;
}

/* Whether @text, case-folded, is RESOURCES_HEADING. A long page has many
 * headings, nearly all ASCII, and ASCII folds by lowering; a heading with
 * other characters is folded in full, as some of them fold to ASCII
 * letters (the Kelvin sign to "k"). */
static gboolean
is_resources_heading (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80)
      {
        g_autofree char *folded = g_utf8_casefold (text, -1);

        return strcmp (folded, RESOURCES_HEADING) == 0;
      }

  return g_ascii_strcasecmp (text, RESOURCES_HEADING) == 0;
}

static void
finish_heading (SyllabusTopicWalk *walk)
{
  g_autofree char *text = NULL;

  if (!walk->heading_top_level)
    return;

  text = collapse_whitespace (walk->heading_text->str);

  if (walk->heading_level == 1 && walk->first_h1 == NULL && *text != '\0')
    walk->first_h1 = g_strdup (text);

  switch (walk->section)
    {
    case SECTION_BEFORE:
      if (is_resources_heading (text) && walk->heading_start >= 0)
        {
          walk->section = SECTION_IN;
          walk->section_level = walk->heading_level;
          walk->section_start = walk->heading_start;
        }
      break;

    case SECTION_IN:
      if (walk->heading_level <= walk->section_level)
        {
          walk->section = SECTION_AFTER;
          if (walk->heading_start >= 0)
            walk->section_end = walk->heading_start;
          else if ((walk->section_end = find_empty_heading (walk, walk->heading_level)) < 0)
            walk->section_end_pending = TRUE;
        }
      else
        {
          g_free (walk->group);
          walk->group = *text != '\0' ? g_steal_pointer (&text) : NULL;
          walk->group_index = ++walk->n_groups;
        }
      break;

    case SECTION_AFTER:
    default:
      break;
    }
}

static int
leave_block_cb (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  SyllabusTopicWalk *walk = user_data;

  g_assert (walk->blocks->len > 0);
  g_array_set_size (walk->blocks, walk->blocks->len - 1);

  if (rendering (walk))
    syllabus_html_leave_block (&walk->html, type, detail);

  if (type == MD_BLOCK_H)
    {
      gboolean top_level = walk->heading_top_level;

      walk->in_heading = FALSE;
      finish_heading (walk);

      /* The heading that starts the section, or one of its subheadings;
       * or an empty heading that ends it and that get_introduction()
       * leaves out for want of finding its line. */
      if (top_level && (walk->section == SECTION_IN || walk->section_end_pending))
        g_string_truncate (walk->html_out, walk->heading_mark);
    }
  else if (type == MD_BLOCK_LI)
    {
      g_assert (walk->items->len > 0);
      g_array_set_size (walk->items, walk->items->len - 1);
    }

  return 0;
}

/* Whether @src names a file inside the topic's folder: relative, without
 * a scheme and without ".." steps, so that copying a topic never copies
 * anything from outside its folder. */
static gboolean
is_local_image (const char *src)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *scheme = NULL;

  if (*src == '\0' || *src == '/' || *src == '#' || *src == '?' ||
      (scheme = g_uri_parse_scheme (src)) != NULL || strchr (src, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (src, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], "..") || g_str_equal (parts[i], "."))
      return FALSE;

  return TRUE;
}

static void
note_image (SyllabusTopicWalk *walk,
            MD_SPAN_IMG_DETAIL *img)
{
  g_autofree char *src = attribute_to_string (&img->src);
  char *end;

  /* A query or a fragment is not part of the file's name. */
  if ((end = strpbrk (src, "?#")) != NULL)
    *end = '\0';

  if (!is_local_image (src))
    return;

  for (guint i = 0; i < walk->images->len; i++)
    if (g_str_equal (g_ptr_array_index (walk->images, i), src))
      return;

  g_ptr_array_add (walk->images, g_steal_pointer (&src));
}

static int
enter_span_cb (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  SyllabusTopicWalk *walk = user_data;

  if (rendering (walk))
    syllabus_html_enter_span (&walk->html, type, detail);

  if (type == MD_SPAN_IMG)
    note_image (walk, detail);

  /* md4c turns a bare URL in a link's text into a link of its own; it is
   * part of the outer link's title, not the end of it. */
  if (type == MD_SPAN_A && walk->in_link)
    walk->inner_links++;
  else if (type == MD_SPAN_A &&
           walk->section == SECTION_IN &&
           walk->items->len > 0 &&
           !g_array_index (walk->items, gboolean, walk->items->len - 1))
    {
      MD_SPAN_A_DETAIL *a = detail;

      walk->in_link = TRUE;
      g_string_truncate (walk->link_href, 0);
      append_attribute (walk->link_href, &a->href);
      g_string_truncate (walk->link_text, 0);
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  SyllabusTopicWalk *walk = user_data;
  g_autoptr(SyllabusResource) resource = NULL;
  char *url;
  gsize url_len;
  const char *title;
  gsize title_len;

  if (rendering (walk))
    syllabus_html_leave_span (&walk->html, type, detail);

  if (type != MD_SPAN_A || !walk->in_link)
    return 0;

  if (walk->inner_links > 0)
    {
      walk->inner_links--;
      return 0;
    }

  walk->in_link = FALSE;
  g_array_index (walk->items, gboolean, walk->items->len - 1) = TRUE;

  /* The address without the white space around it (as g_strstrip()
   * trims), cut in place: the buffer is refilled by the next link. */
  url = walk->link_href->str;
  url_len = walk->link_href->len;
  while (url_len > 0 && g_ascii_isspace (url[url_len - 1]))
    url_len--;
  url[url_len] = '\0';
  while (g_ascii_isspace (*url))
    {
      url++;
      url_len--;
    }
  if (url_len == 0)
    return 0;

  g_string_truncate (walk->link_title, 0);
  collapse_whitespace_into (walk->link_title, walk->link_text->str);
  title = walk->link_title->str;
  title_len = walk->link_title->len;
  if (title_len == 0)
    {
      title = url;
      title_len = url_len;
    }

  resource = syllabus_resource_new_len (title, title_len, url, url_len,
                                        walk->group, walk->group_index);

  /* Whether a flat list shows the group's heading above it. */
  syllabus_resource_set_first_in_group (resource,
                                        walk->resources->len == 0 ||
                                        walk->last_group_index != walk->group_index);
  walk->last_group_index = walk->group_index;

  /* Two lines naming the same address would share one progress entry and
   * mirror each other's check box: the later ones get keys of their own
   * once every line's key is known (see give_duplicates_keys()). The key
   * belongs to the resource, which outlives the table. */
  if (!g_hash_table_add (walk->seen_keys, (char *)syllabus_resource_get_key (resource)))
    g_array_append_val (walk->duplicates, walk->resources->len);
  g_ptr_array_add (walk->resources, g_steal_pointer (&resource));

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  SyllabusTopicWalk *walk = user_data;

  if (rendering (walk))
    syllabus_html_text (&walk->html, type, text, size);

  if (in_document (walk, text))
    {
      walk->last_text_end = text + size - walk->doc;

      if (walk->in_heading && walk->heading_start < 0)
        walk->heading_start = line_start (walk, text);

      if (walk->section_end_pending)
        {
          walk->section_end = line_start (walk, text);
          walk->section_end_pending = FALSE;
        }
    }

  if (walk->in_heading)
    append_text (walk->heading_text, type, text, size);

  if (walk->in_link)
    append_text (walk->link_text, type, text, size);

  return 0;
}

/* Gives each line whose address an earlier line has the key "ADDRESS#N",
 * with the smallest N from 2 up that no other line's key is. All keys are
 * known by now, so a later line whose own address ends in "#2" keeps it:
 * the keys stay the same each time the page is read, and only change when
 * the author changes the lines with that address. */
void
syllabus_topic_walk_give_duplicates_keys (SyllabusTopicWalk *walk)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (walk->duplicates->len == 0)
    return;

  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < walk->duplicates->len; i++)
    {
      SyllabusResource *resource =
        g_ptr_array_index (walk->resources, g_array_index (walk->duplicates, guint, i));
      const char *key = syllabus_resource_get_key (resource);
      char *own_key = NULL;

      for (guint n = 2; own_key == NULL || g_hash_table_contains (walk->seen_keys, own_key); n++)
        {
          g_free (own_key);
          own_key = g_strdup_printf ("%s#%u", key, n);
        }

      /* The table borrows the keys: keep each until the walk is over. */
      g_hash_table_add (walk->seen_keys, own_key);
      g_ptr_array_add (keys, own_key);
      syllabus_resource_set_key (resource, own_key);
    }

  /* The resources hold copies; the table must not outlive these. */
  g_hash_table_remove_all (walk->seen_keys);
}

void
syllabus_topic_walk_clear (SyllabusTopicWalk *walk)
{
  g_clear_pointer (&walk->blocks, g_array_unref);
  g_clear_pointer (&walk->items, g_array_unref);
  g_string_free (walk->heading_text, TRUE);
  g_string_free (walk->link_text, TRUE);
  g_string_free (walk->link_title, TRUE);
  g_string_free (walk->link_href, TRUE);
  g_clear_pointer (&walk->first_h1, g_free);
  g_clear_pointer (&walk->group, g_free);
  g_clear_pointer (&walk->seen_keys, g_hash_table_unref);
  g_clear_pointer (&walk->duplicates, g_array_unref);
  g_clear_pointer (&walk->resources, g_ptr_array_unref);
  g_clear_pointer (&walk->images, g_ptr_array_unref);
  if (walk->html_out != NULL)
    g_string_free (g_steal_pointer (&walk->html_out), TRUE);
}

/* Walks @body, @length bytes ending in a nul, once: gathers its title,
 * resources and images and renders its introduction's HTML into @walk,
 * which the caller zeroed and clears with syllabus_topic_walk_clear()
 * whatever this returns. Returns %FALSE when md4c gives up. */
gboolean
syllabus_topic_walk_run (SyllabusTopicWalk *walk,
                         const char        *body,
                         gsize              body_length)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = SYLLABUS_MARKDOWN_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  walk->doc = body;
  walk->size = body_length;
  walk->blocks = g_array_new (FALSE, FALSE, sizeof (MD_BLOCKTYPE));
  walk->items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  walk->heading_text = g_string_new (NULL);
  walk->link_text = g_string_new (NULL);
  walk->link_title = g_string_new (NULL);
  walk->link_href = g_string_new (NULL);
  walk->section_start = -1;
  walk->section_end = -1;
  walk->resources = g_ptr_array_new_with_free_func (g_object_unref);
  walk->seen_keys = g_hash_table_new (g_str_hash, g_str_equal);
  walk->duplicates = g_array_new (FALSE, FALSE, sizeof (guint));
  walk->images = g_ptr_array_new_with_free_func (g_free);
  /* The HTML is usually a little larger than the Markdown. */
  walk->html_out = g_string_sized_new (body_length + body_length / 4 + 64);
  syllabus_html_init (&walk->html, walk->html_out);

  return md_parse (body, body_length, &parser, walk) == 0;
}
