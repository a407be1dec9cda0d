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

/* Between the names of nested groups: "Applications › Audio" */
#define GROUP_SEPARATOR " \xE2\x80\xBA "

/* The one pass over a topic's body with md4c's callbacks. It finds the
 * resources by the page's rule (see SyllabusResourcesRule): the links of
 * the "Learning Resources" section, or the first link of each list item
 * anywhere whose address is on the web, grouped under the headings (and
 * the list items) over it. It notes the page's local images, and renders
 * everything outside the section to HTML as it goes (syllabus-html.c), so
 * that a page is parsed once. A link text that starts with a kind in
 * roadmap.sh's way, "@official@Docs.rs", gives its resource that kind and
 * is shown and titled without it. */

/**
 * syllabus_resources_rule_parse:
 * @value: (nullable): the front matter's "resources", as written
 *
 * Returns: the rule @value names; %SYLLABUS_RESOURCES_AUTO for anything
 *   else, so that a misspelt rule still finds resources
 */
SyllabusResourcesRule
syllabus_resources_rule_parse (const char *value)
{
  g_autofree char *rule = NULL;

  if (value == NULL)
    return SYLLABUS_RESOURCES_AUTO;

  rule = g_ascii_strdown (value, -1);
  g_strstrip (rule);
  if (g_str_equal (rule, "section"))
    return SYLLABUS_RESOURCES_SECTION;
  if (g_str_equal (rule, "all"))
    return SYLLABUS_RESOURCES_ALL;
  if (g_str_equal (rule, "none"))
    return SYLLABUS_RESOURCES_NONE;

  return SYLLABUS_RESOURCES_AUTO;
}

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
    case MD_TEXT_HTML:
      /* Markup, not text: a title never shows a tag. */
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
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

char *
syllabus_topic_walk_collapse_whitespace (const char *text)
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


static inline SyllabusListItem *
current_item (SyllabusTopicWalk *walk)
{
  g_assert (walk->items->len > 0);
  return &g_array_index (walk->items, SyllabusListItem, walk->items->len - 1);
}

/* A list inside a list item: the item's own text has ended, and when the
 * item has no link, that text names a group of what the list holds
 * ("- Web frameworks" over a list of them). */
static void
start_nested_list (SyllabusTopicWalk *walk)
{
  SyllabusListItem *item = current_item (walk);
  g_autofree char *name = NULL;
  gsize len;

  if (item->text_done)
    return;
  item->text_done = TRUE;

  if (!walk->collecting_page || item->has_link || walk->item_text_depth != walk->items->len)
    return;

  name = syllabus_topic_walk_collapse_whitespace (walk->item_text->str);
  len = strlen (name);
  while (len > 0 && (name[len - 1] == ':' || name[len - 1] == ' '))
    name[--len] = '\0';
  if (len > 0)
    item->group = g_steal_pointer (&name);
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
      SyllabusListItem item = { 0 };

      g_array_append_val (walk->items, item);
      g_string_truncate (walk->item_text, 0);
      walk->item_text_depth = walk->items->len;
    }
  else if ((type == MD_BLOCK_UL || type == MD_BLOCK_OL) && walk->items->len > 0)
    start_nested_list (walk);

  g_array_append_val (walk->blocks, type);

  if (syllabus_topic_walk_rendering (walk))
    syllabus_html_enter_block (&walk->html, type, detail);

  return 0;
}

static void
collector_init (SyllabusResourceCollector *collector)
{
  collector->resources = g_ptr_array_new_with_free_func (g_object_unref);
  collector->seen_keys = g_hash_table_new (g_str_hash, g_str_equal);
  collector->duplicates = g_array_new (FALSE, FALSE, sizeof (guint));
  collector->last_group_index = 0;
  collector->last_group = NULL;
  collector->last_heading_count = 0;
}

static void
collector_clear (SyllabusResourceCollector *collector)
{
  g_clear_pointer (&collector->seen_keys, g_hash_table_unref);
  g_clear_pointer (&collector->duplicates, g_array_unref);
  g_clear_pointer (&collector->resources, g_ptr_array_unref);
  g_clear_pointer (&collector->last_group, g_free);
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

  gboolean title = FALSE;

  if (!walk->heading_top_level)
    return;

  text = syllabus_topic_walk_collapse_whitespace (walk->heading_text->str);

  if (walk->heading_level == 1 && walk->first_h1 == NULL && *text != '\0')
    {
      walk->first_h1 = g_strdup (text);
      title = TRUE;
    }

  /* The headings over the page's lists, but for its title. */
  if (walk->collecting_page)
    {
      guint level = CLAMP (walk->heading_level, 1, G_N_ELEMENTS (walk->headings));

      for (guint i = level - 1; i < G_N_ELEMENTS (walk->headings); i++)
        g_clear_pointer (&walk->headings[i], g_free);
      if (!title && *text != '\0')
        walk->headings[level - 1] = g_strdup (text);
      walk->heading_count++;
    }

  switch (walk->section)
    {
    case SECTION_BEFORE:
      if ((walk->rule == SYLLABUS_RESOURCES_AUTO || walk->rule == SYLLABUS_RESOURCES_SECTION) &&
          is_resources_heading (text) && walk->heading_start >= 0)
        {
          walk->section = SECTION_IN;
          walk->section_level = walk->heading_level;
          walk->section_start = walk->heading_start;
          /* The section is the checklist: what lists before it held is
           * part of the introduction. */
          walk->collecting_page = FALSE;
          collector_clear (&walk->page_list);
          collector_init (&walk->page_list);
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

  if (syllabus_topic_walk_rendering (walk))
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
      else
        syllabus_topic_walk_give_heading_id (walk);
    }
  else if (type == MD_BLOCK_LI)
    {
      g_free (current_item (walk)->group);
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
  gboolean hidden = FALSE;

  if (type == MD_SPAN_A)
    {
      guint depth = walk->a_depth++;

      if (depth == 0)
        {
          walk->marker_pending = TRUE;
          g_string_truncate (walk->marker_text, 0);
          walk->link_kind[0] = '\0';
        }
      else if (walk->marker_pending && depth < 64)
        {
          walk->a_hidden |= G_GUINT64_CONSTANT (1) << depth;
          hidden = TRUE;
        }
    }
  else if (walk->marker_pending)
    syllabus_topic_walk_flush_marker (walk, 0);

  if (syllabus_topic_walk_rendering (walk) && !hidden)
    syllabus_html_enter_span (&walk->html, type, detail);

  if (type == MD_SPAN_IMG)
    {
      walk->img_depth++;
      note_image (walk, detail);
    }

  /* md4c turns a bare URL in a link's text into a link of its own; it is
   * part of the outer link's title, not the end of it. */
  if (type == MD_SPAN_A && walk->in_link)
    walk->inner_links++;
  else if (type == MD_SPAN_A &&
           walk->items->len > 0 &&
           !current_item (walk)->has_link &&
           (walk->section == SECTION_IN || walk->collecting_page))
    {
      MD_SPAN_A_DETAIL *a = detail;

      walk->in_link = TRUE;
      walk->link_in_page = walk->section != SECTION_IN;
      g_string_truncate (walk->link_href, 0);
      append_attribute (walk->link_href, &a->href);
      g_string_truncate (walk->link_text, 0);
    }

  return 0;
}

/* Whether the page's lists make @url a resource: an address on the web,
 * not a place in the page (a table of contents) or a file beside it. */
static gboolean
is_web_address (const char *url)
{
  return g_ascii_strncasecmp (url, "https://", 8) == 0 ||
         g_ascii_strncasecmp (url, "http://", 7) == 0;
}

/* The group of a resource in the page's lists: the headings and the
 * list items over it, "Applications › Audio and Music"; %NULL for none.
 * It is a new group, with an index of its own, when a heading came since
 * the last resource or the names changed. */
static const char *
page_group (SyllabusTopicWalk *walk,
            guint             *index)
{
  SyllabusResourceCollector *list = &walk->page_list;
  GString *group = walk->group_text;

  g_string_truncate (group, 0);
  for (guint i = 0; i < G_N_ELEMENTS (walk->headings); i++)
    if (walk->headings[i] != NULL)
      {
        if (group->len > 0)
          g_string_append (group, GROUP_SEPARATOR);
        g_string_append (group, walk->headings[i]);
      }
  /* The items over the resource's own, the last one */
  for (guint i = 0; i + 1 < walk->items->len; i++)
    {
      const char *name = g_array_index (walk->items, SyllabusListItem, i).group;

      if (name == NULL)
        continue;
      if (group->len > 0)
        g_string_append (group, GROUP_SEPARATOR);
      g_string_append (group, name);
    }

  if (list->resources->len == 0 ||
      list->last_heading_count != walk->heading_count ||
      g_strcmp0 (list->last_group, group->str) != 0)
    {
      g_free (list->last_group);
      list->last_group = g_strdup (group->str);
      list->last_heading_count = walk->heading_count;
      walk->page_group_index = ++walk->n_groups;
    }

  *index = walk->page_group_index;
  return group->len > 0 ? group->str : NULL;
}

static void
add_resource (SyllabusTopicWalk *walk)
{
  SyllabusResourceCollector *list = walk->link_in_page ? &walk->page_list : &walk->section_list;
  g_autoptr(SyllabusResource) resource = NULL;
  const char *text = walk->link_text->str;
  const char *group;
  guint group_index;
  char *url;
  gsize url_len;
  const char *title;
  gsize title_len;

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
  if (url_len == 0 || (walk->link_in_page && !is_web_address (url)))
    return;

  /* The title without its kind marker */
  if (walk->link_kind[0] != '\0' && text[0] == '@')
    text += strlen (walk->link_kind) + 2;

  g_string_truncate (walk->link_title, 0);
  collapse_whitespace_into (walk->link_title, text);
  title = walk->link_title->str;
  title_len = walk->link_title->len;
  if (title_len == 0)
    {
      title = url;
      title_len = url_len;
    }

  if (walk->link_in_page)
    group = page_group (walk, &group_index);
  else
    {
      group = walk->group;
      group_index = walk->group_index;
    }

  resource = syllabus_resource_new_len (title, title_len, url, url_len, group, group_index);
  if (walk->link_kind[0] != '\0')
    syllabus_resource_set_kind (resource, walk->link_kind);

  /* Whether a flat list shows the group's heading above it. */
  syllabus_resource_set_first_in_group (resource,
                                        list->resources->len == 0 ||
                                        list->last_group_index != group_index);
  list->last_group_index = group_index;

  /* Two lines naming the same address would share one progress entry and
   * mirror each other's check box: the later ones get keys of their own
   * once every line's key is known (see give_duplicates_keys()). The key
   * belongs to the resource, which outlives the table. */
  if (!g_hash_table_add (list->seen_keys, (char *)syllabus_resource_get_key (resource)))
    g_array_append_val (list->duplicates, list->resources->len);
  g_ptr_array_add (list->resources, g_steal_pointer (&resource));
}

static int
leave_span_cb (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  SyllabusTopicWalk *walk = user_data;
  gboolean hidden = FALSE;

  if (type == MD_SPAN_A)
    {
      guint depth = --walk->a_depth;

      if (depth == 0 && walk->marker_pending)
        syllabus_topic_walk_flush_marker (walk, 0);
      if (depth < 64 && (walk->a_hidden & (G_GUINT64_CONSTANT (1) << depth)) != 0)
        {
          walk->a_hidden &= ~(G_GUINT64_CONSTANT (1) << depth);
          hidden = TRUE;
        }
    }
  else if (type == MD_SPAN_IMG)
    walk->img_depth--;

  if (syllabus_topic_walk_rendering (walk) && !hidden)
    syllabus_html_leave_span (&walk->html, type, detail);

  if (type != MD_SPAN_A || !walk->in_link)
    return 0;

  if (walk->inner_links > 0)
    {
      walk->inner_links--;
      return 0;
    }

  walk->in_link = FALSE;
  current_item (walk)->has_link = TRUE;
  add_resource (walk);

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  SyllabusTopicWalk *walk = user_data;

  if (walk->marker_pending)
    syllabus_topic_walk_hold_marker_text (walk, type, text, size);
  else
    syllabus_topic_walk_render_text (walk, type, text, size);

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

  /* A heading's text is its title, without the images' descriptions: a
   * row of badges is not part of a name. */
  if (walk->in_heading && walk->img_depth == 0)
    append_text (walk->heading_text, type, text, size);

  if (walk->in_link)
    append_text (walk->link_text, type, text, size);

  if (walk->collecting_page && walk->items->len > 0 &&
      walk->item_text_depth == walk->items->len && !current_item (walk)->text_done &&
      walk->img_depth == 0)
    append_text (walk->item_text, type, text, size);

  return 0;
}

/* Gives each line whose address an earlier line has the key "ADDRESS#N",
 * with the smallest N from 2 up that no other line's key is. All keys are
 * known by now, so a later line whose own address ends in "#2" keeps it:
 * the keys stay the same each time the page is read, and only change when
 * the author changes the lines with that address. */
static void
give_duplicates_keys (SyllabusResourceCollector *list)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (list->duplicates->len == 0)
    return;

  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < list->duplicates->len; i++)
    {
      SyllabusResource *resource =
        g_ptr_array_index (list->resources, g_array_index (list->duplicates, guint, i));
      const char *key = syllabus_resource_get_key (resource);
      char *own_key = NULL;

      for (guint n = 2; own_key == NULL || g_hash_table_contains (list->seen_keys, own_key); n++)
        {
          g_free (own_key);
          own_key = g_strdup_printf ("%s#%u", key, n);
        }

      /* The table borrows the keys: keep each until the walk is over. */
      g_hash_table_add (list->seen_keys, own_key);
      g_ptr_array_add (keys, own_key);
      syllabus_resource_set_key (resource, own_key);
    }

  /* The resources hold copies; the table must not outlive these. */
  g_hash_table_remove_all (list->seen_keys);
}

/* The resources the page's rule chose, with keys of their own for lines
 * whose address an earlier line has: the section's, when the page has one
 * and the rule allows it, else those of its lists. */
GPtrArray *
syllabus_topic_walk_take_resources (SyllabusTopicWalk *walk)
{
  SyllabusResourceCollector *list = walk->section_start >= 0 ? &walk->section_list : &walk->page_list;

  give_duplicates_keys (list);

  return g_steal_pointer (&list->resources);
}

void
syllabus_topic_walk_clear (SyllabusTopicWalk *walk)
{
  if (walk->items != NULL)
    for (guint i = 0; i < walk->items->len; i++)
      g_free (g_array_index (walk->items, SyllabusListItem, i).group);
  g_clear_pointer (&walk->blocks, g_array_unref);
  g_clear_pointer (&walk->items, g_array_unref);
  g_string_free (walk->item_text, TRUE);
  g_string_free (walk->heading_text, TRUE);
  g_string_free (walk->link_text, TRUE);
  g_string_free (walk->link_title, TRUE);
  g_string_free (walk->link_href, TRUE);
  g_string_free (walk->marker_text, TRUE);
  g_string_free (walk->group_text, TRUE);
  g_clear_pointer (&walk->first_h1, g_free);
  g_clear_pointer (&walk->group, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (walk->headings); i++)
    g_clear_pointer (&walk->headings[i], g_free);
  collector_clear (&walk->section_list);
  collector_clear (&walk->page_list);
  g_clear_pointer (&walk->images, g_ptr_array_unref);
  g_clear_pointer (&walk->heading_ids, g_hash_table_unref);
  if (walk->html_out != NULL)
    g_string_free (g_steal_pointer (&walk->html_out), TRUE);
}

/* Walks @body, @length bytes ending in a nul, once: gathers its title,
 * resources and images and renders its introduction's HTML into @walk,
 * which the caller zeroed (but for its rule) and clears with
 * syllabus_topic_walk_clear() whatever this returns. Returns %FALSE when
 * md4c gives up. */
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
  walk->items = g_array_new (FALSE, FALSE, sizeof (SyllabusListItem));
  walk->item_text = g_string_new (NULL);
  walk->heading_text = g_string_new (NULL);
  walk->link_text = g_string_new (NULL);
  walk->link_title = g_string_new (NULL);
  walk->link_href = g_string_new (NULL);
  walk->marker_text = g_string_new (NULL);
  walk->group_text = g_string_new (NULL);
  walk->section_start = -1;
  walk->section_end = -1;
  walk->collecting_page = walk->rule == SYLLABUS_RESOURCES_AUTO || walk->rule == SYLLABUS_RESOURCES_ALL;
  collector_init (&walk->section_list);
  collector_init (&walk->page_list);
  walk->images = g_ptr_array_new_with_free_func (g_free);
  walk->heading_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The HTML is usually a little larger than the Markdown. */
  walk->html_out = g_string_sized_new (body_length + body_length / 4 + 64);
  syllabus_html_init (&walk->html, walk->html_out);

  return md_parse (body, body_length, &parser, walk) == 0;
}
