/* syllabus-topic.c

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

#include "syllabus-topic.h"

#include <glib/gi18n.h>
#include <md4c-html.h>
#include <md4c.h>
#include <string.h>

#include "syllabus-html.h"
#include "syllabus-markdown.h"
#include "syllabus-resource-list.h"
#include "syllabus-resource-private.h"

/* A topic is a Markdown page with optional front matter. Its "Learning
 * Resources" section becomes the checklist; the rest of the page is the
 * introduction. The section and its links are found with md4c's parser, so
 * that whatever md4c considers a heading, a list item or a link is exactly
 * what the checklist shows. The same walk renders the introduction to HTML:
 * pages can be megabytes long, and parsing them once is the cost that
 * counts.
 */
struct _SyllabusTopic
{
  GObject               parent_instance;

  char                 *id;
  char                 *title;
  gint64                weight;
  GHashTable           *metadata;
  char                 *introduction;
  char                 *introduction_html;
  char                 *base_uri;
  GFile                *file;
  SyllabusResourceList *resources;
  GStrv                 images;
  guint                 has_resources_section : 1;
};

G_DEFINE_FINAL_TYPE (SyllabusTopic, syllabus_topic, G_TYPE_OBJECT)
G_DEFINE_QUARK (syllabus-topic-error-quark, syllabus_topic_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RESOURCES_HEADING "learning resources"

static void
syllabus_topic_finalize (GObject *object)
{
  SyllabusTopic *self = (SyllabusTopic *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_clear_pointer (&self->introduction, g_free);
  g_clear_pointer (&self->introduction_html, g_free);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->images, g_strfreev);
  g_clear_object (&self->resources);

  G_OBJECT_CLASS (syllabus_topic_parent_class)->finalize (object);
}

static void
syllabus_topic_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SyllabusTopic *self = SYLLABUS_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_WEIGHT:
      g_value_set_int64 (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_topic_class_init (SyllabusTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_topic_finalize;
  object_class->get_property = syllabus_topic_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_int64 ("weight", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_topic_init (SyllabusTopic *self)
{
  self->weight = G_MAXINT64;
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->resources = syllabus_resource_list_new_take (NULL);
}

/* Front matter ---------------------------------------------------------- */

/* Returns the length of the line starting at @p, without its line ending,
 * and stores where the next line starts in @next. */
static gsize
line_length (const char  *p,
             const char  *end,
             const char **next)
{
  const char *eol = memchr (p, '\n', end - p);
  gsize len;

  if (eol == NULL)
    {
      *next = end;
      len = end - p;
    }
  else
    {
      *next = eol + 1;
      len = eol - p;
    }

  if (len > 0 && p[len - 1] == '\r')
    len--;

  return len;
}

static gboolean
is_fence (const char *line,
          gsize       len)
{
  while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;

  return len == 3 && memcmp (line, "---", 3) == 0;
}

static char *
unquote (char *value)
{
  gsize len = strlen (value);

  if (len >= 2 &&
      ((value[0] == '"' && value[len - 1] == '"') ||
       (value[0] == '\'' && value[len - 1] == '\'')))
    {
      memmove (value, value + 1, len - 2);
      value[len - 2] = '\0';
    }

  return value;
}

/* Reads the front matter, if the page has one, and returns the offset at
 * which the Markdown body starts. Front matter is a block of "key: value"
 * lines between two "---" lines at the very start of the page. A block
 * that is never closed is not front matter but Markdown (a thematic break).
 */
static gsize
parse_front_matter (const char *data,
                    gsize       length,
                    GHashTable *metadata)
{
  const char *end = data + length;
  const char *p = data;
  const char *next;
  gsize len;

  len = line_length (p, end, &next);
  if (!is_fence (p, len))
    return 0;

  for (p = next; p < end; p = next)
    {
      const char *colon;
      char *key;
      char *value;

      len = line_length (p, end, &next);
      if (is_fence (p, len))
        {
          g_hash_table_remove_all (metadata);
          for (const char *q = data; q < p;)
            {
              const char *qnext;
              gsize qlen = line_length (q, end, &qnext);

              if (q != data && qlen > 0 && *q != '#' &&
                  (colon = memchr (q, ':', qlen)) != NULL)
                {
                  key = g_strstrip (g_strndup (q, colon - q));
                  value = g_strstrip (g_strndup (colon + 1, qlen - (colon + 1 - q)));
                  if (*key != '\0')
                    g_hash_table_replace (metadata, g_ascii_strdown (key, -1), g_strdup (unquote (value)));
                  g_free (key);
                  g_free (value);
                }
              q = qnext;
            }

          return next - data;
        }
    }

  return 0;
}

/* The md4c walk ---------------------------------------------------------- */

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
} Walk;

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
in_document (Walk       *walk,
             const char *text)
{
  return text >= walk->doc && text < walk->doc + walk->size;
}

static gsize
line_start (Walk       *walk,
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
rendering (Walk *walk)
{
  return walk->section != SECTION_IN || (walk->in_heading && walk->heading_top_level);
}

static int
enter_block_cb (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  Walk *walk = user_data;

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
find_empty_heading (Walk     *walk,
                    unsigned  level)
{
  const char *end = walk->doc + walk->size;
  const char *p = walk->doc + walk->last_text_end;
  const char *next;

  /* The last text's own line holds that text: skip it. The resources
   * heading comes before, so there is a last text. */
  g_assert (walk->last_text_end > 0);
  line_length (p - 1, end, &next);
  for (p = next; p < end; p = next)
    {
      const char *eol = p + line_length (p, end, &next);
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
finish_heading (Walk *walk)
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
  Walk *walk = user_data;

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
note_image (Walk              *walk,
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
  Walk *walk = user_data;

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
  Walk *walk = user_data;
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
  Walk *walk = user_data;

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
static void
give_duplicates_keys (Walk *walk)
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

static void
walk_clear (Walk *walk)
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

/* Public API ------------------------------------------------------------- */

/* g_utf8_validate_len(), quicker on pages that are mostly ASCII: eight
 * bytes at a time until one is not ASCII or is a nul, then that character
 * alone. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  const guint64 high_bits = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low_bits = G_GUINT64_CONSTANT (0x0101010101010101);
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      gsize len;

      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* Stops at a byte with its high bit set, or at a zero byte. */
          if (((word | ((word - low_bits) & ~word)) & high_bits) != 0)
            break;
          p += 8;
        }

      if (p == end)
        break;

      if ((guchar)*p < 0x80 && *p != '\0')
        {
          p++;
          continue;
        }

      len = MIN ((gsize)g_utf8_skip[(guchar)*p], (gsize)(end - p));
      if (!g_utf8_validate_len (p, len, NULL))
        {
          *invalid = p;
          return FALSE;
        }
      p += len;
    }

  return TRUE;
}

/* The front matter's weight: any whole number in decimal. One beyond the
 * 64-bit range is taken as the nearest 64-bit number, so that it still
 * sorts first or last as its author meant; anything else is no weight. */
static gint64
parse_weight (const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  gint64 weight;

  if (g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, &weight, &error))
    return weight;

  if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    return trimmed[0] == '-' ? G_MININT64 : G_MAXINT64;

  return G_MAXINT64;
}

static void
set_too_large_error (GError **error,
                     guint64  size)
{
  g_autofree char *size_str = g_format_size (size);
  g_autofree char *limit_str = g_format_size (SYLLABUS_TOPIC_MAX_SIZE);

  g_set_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_TOO_LARGE,
               _("The topic is %s large; topics are limited to %s"), size_str, limit_str);
}

/**
 * syllabus_topic_new_from_data:
 * @id: the topic's stable identifier, usually its file name without ".md"
 * @fallback_title: (nullable): the title to use when the page names none
 * @data: the page's bytes, UTF-8
 * @length: the length of @data
 * @error: return location for a #GError
 *
 * Parses a topic page.
 *
 * Returns: (transfer full): the topic, or %NULL with @error set when the page
 *   is not UTF-8 or cannot be parsed
 */
SyllabusTopic *
syllabus_topic_new_from_data (const char  *id,
                              const char  *fallback_title,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(SyllabusTopic) self = NULL;
  g_autofree char *terminated = NULL;
  const char *body;
  gsize body_length;
  const char *value;
  const char *invalid = NULL;
  Walk walk = { 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = SYLLABUS_MARKDOWN_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SYLLABUS_TOPIC_MAX_SIZE)
    {
      set_too_large_error (error, length);
      return NULL;
    }

  if (!validate_utf8 (data, length, &invalid))
    {
      /* A nul is valid UTF-8 but no text holds one: say so rather than
       * blame the encoding. */
      if (*invalid == '\0')
        g_set_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING,
                     _("The topic contains a NUL byte at offset %zu, which text never holds"),
                     (size_t)(invalid - data));
      else
        g_set_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING,
                     _("The topic is not UTF-8 text (invalid byte at offset %zu)"),
                     (size_t)(invalid - data));
      return NULL;
    }

  self = g_object_new (SYLLABUS_TYPE_TOPIC, NULL);
  self->id = g_strdup (id);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  body = data + parse_front_matter (data, length, self->metadata);
  body_length = length - (body - data);

  /* The body is parsed from a copy of its own, which becomes the
   * introduction: the resources section is cut out of it in place
   * afterwards, and it ends in a nul as the introduction's text must.
   * (It holds no nul before that: it is valid UTF-8.) */
  terminated = g_malloc (body_length + 1);
  memcpy (terminated, body, body_length);
  terminated[body_length] = '\0';
  body = terminated;

  walk.doc = body;
  walk.size = body_length;
  walk.blocks = g_array_new (FALSE, FALSE, sizeof (MD_BLOCKTYPE));
  walk.items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  walk.heading_text = g_string_new (NULL);
  walk.link_text = g_string_new (NULL);
  walk.link_title = g_string_new (NULL);
  walk.link_href = g_string_new (NULL);
  walk.section_start = -1;
  walk.section_end = -1;
  walk.resources = g_ptr_array_new_with_free_func (g_object_unref);
  walk.seen_keys = g_hash_table_new (g_str_hash, g_str_equal);
  walk.duplicates = g_array_new (FALSE, FALSE, sizeof (guint));
  walk.images = g_ptr_array_new_with_free_func (g_free);
  /* The HTML is usually a little larger than the Markdown. */
  walk.html_out = g_string_sized_new (body_length + body_length / 4 + 64);
  syllabus_html_init (&walk.html, walk.html_out);

  if (md_parse (body, body_length, &parser, &walk) != 0)
    {
      walk_clear (&walk);
      g_set_error_literal (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_PARSE,
                           _("The Markdown parser gave up on this topic"));
      return NULL;
    }

  /* Title: front matter, else the first level-1 heading, else the name. */
  if ((value = g_hash_table_lookup (self->metadata, "title")) != NULL && *value != '\0')
    self->title = g_strdup (value);
  else if (walk.first_h1 != NULL)
    self->title = g_steal_pointer (&walk.first_h1);
  else
    self->title = g_strdup (fallback_title != NULL ? fallback_title : id);

  if ((value = g_hash_table_lookup (self->metadata, "weight")) != NULL)
    self->weight = parse_weight (value);

  /* The introduction is the body without the section. md4c is done with
   * the copy: the section is cut out in place rather than copying a page
   * that may be megabytes long. */
  self->has_resources_section = walk.section_start >= 0;
  if (self->has_resources_section)
    {
      gsize end = walk.section_end >= 0 ? (gsize)walk.section_end : body_length;

      memmove (terminated + walk.section_start, terminated + end, body_length - end);
      body_length = walk.section_start + (body_length - end);
    }
  terminated[body_length] = '\0';
  self->introduction = g_steal_pointer (&terminated);

  give_duplicates_keys (&walk);
  g_clear_object (&self->resources);
  self->resources = syllabus_resource_list_new_take (g_steal_pointer (&walk.resources));

  self->introduction_html = g_string_free (g_steal_pointer (&walk.html_out), FALSE);

  g_ptr_array_add (walk.images, NULL);
  self->images = (GStrv)g_ptr_array_free (g_steal_pointer (&walk.images), FALSE);

  walk_clear (&walk);

  return g_steal_pointer (&self);
}

/**
 * syllabus_topic_new_from_bytes:
 *
 * Like syllabus_topic_new_from_data() for the contents of @bytes.
 *
 * Returns: (transfer full): the topic, or %NULL with @error set
 */
SyllabusTopic *
syllabus_topic_new_from_bytes (const char  *id,
                               const char  *fallback_title,
                               GBytes      *bytes,
                               GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  return syllabus_topic_new_from_data (id, fallback_title, data != NULL ? data : "", length, error);
}

/**
 * syllabus_topic_id_for_file:
 * @file: a topic file
 *
 * Returns: (transfer full): the file's name without its ".md" suffix
 */
char *
syllabus_topic_id_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".md"))
    basename[strlen (basename) - 3] = '\0';

  return g_steal_pointer (&basename);
}

/**
 * syllabus_topic_load_file_as:
 * @file: a topic file, local or in a GResource
 * @id: the id to give the topic
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and parses @file as the topic @id, which the library picks when
 * the file's own name is taken; the title a page without one shows is the
 * file's name all the same. This blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the topic, with its file and base URI set, or
 *   %NULL with @error set
 */
SyllabusTopic *
syllabus_topic_load_file_as (GFile         *file,
                             const char    *id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  SyllabusTopic *topic;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > SYLLABUS_TOPIC_MAX_SIZE)
    {
      set_too_large_error (error, g_file_info_get_size (info));
      return NULL;
    }

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  name = syllabus_topic_id_for_file (file);
  if (!(topic = syllabus_topic_new_from_bytes (id, name, bytes, error)))
    return NULL;

  topic->file = g_object_ref (file);
  if ((parent = g_file_get_parent (file)) != NULL)
    {
      g_autofree char *parent_uri = g_file_get_uri (parent);
      g_autofree char *uri = g_strconcat (parent_uri, "/", NULL);

      syllabus_topic_set_base_uri (topic, uri);
    }

  return topic;
}

/**
 * syllabus_topic_load_file:
 * @file: a topic file, local or in a GResource
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and parses @file, as the topic named by the file's name without
 * ".md". This blocks: call it from a worker thread, or use
 * syllabus_topic_load_async().
 *
 * Returns: (transfer full): the topic, with its file and base URI set, or
 *   %NULL with @error set
 */
SyllabusTopic *
syllabus_topic_load_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  id = syllabus_topic_id_for_file (file);
  return syllabus_topic_load_file_as (file, id, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SyllabusTopic *topic;

  if ((topic = syllabus_topic_load_file (task_data, cancellable, &error)))
    g_task_return_pointer (task, topic, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * syllabus_topic_load_async:
 * @file: a topic file, local or in a GResource
 *
 * Reads and parses @file in a worker thread.
 */
void
syllabus_topic_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_topic_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * syllabus_topic_load_finish:
 *
 * Returns: (transfer full): the topic, or %NULL with @error set
 */
SyllabusTopic *
syllabus_topic_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
syllabus_topic_get_id (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->id;
}

const char *
syllabus_topic_get_title (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->title;
}

/**
 * syllabus_topic_get_weight:
 *
 * Returns: the front matter's weight, %G_MAXINT64 when it has none (or one
 *   that is not a whole number), so that such topics sort last
 */
gint64
syllabus_topic_get_weight (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), G_MAXINT64);

  return self->weight;
}

/**
 * syllabus_topic_get_metadata:
 * @key: a front matter key, lower case
 *
 * Returns: (nullable): the front matter's value for @key
 */
const char *
syllabus_topic_get_metadata (SyllabusTopic *self,
                             const char    *key)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return g_hash_table_lookup (self->metadata, key);
}

/**
 * syllabus_topic_get_introduction:
 *
 * Returns: the page's Markdown without its front matter and without the
 *   learning resources section
 */
const char *
syllabus_topic_get_introduction (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->introduction;
}

/**
 * syllabus_topic_get_introduction_html:
 *
 * The introduction rendered as syllabus_markdown_to_html() renders it,
 * found in the same pass as the resources: the page as written, without
 * its resources section. It can differ from rendering the text of
 * syllabus_topic_get_introduction() on its own, and is then the more
 * faithful: link reference definitions in the section still apply to links
 * in the introduction, and the text before the section and the text after
 * it stay apart rather than joining into one paragraph or heading.
 *
 * Returns: the introduction as an HTML fragment
 */
const char *
syllabus_topic_get_introduction_html (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->introduction_html;
}

gboolean
syllabus_topic_has_resources_section (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), FALSE);

  return self->has_resources_section;
}

/**
 * syllabus_topic_get_resources:
 *
 * Returns: (transfer none): a list of #SyllabusResource in page order
 */
GListModel *
syllabus_topic_get_resources (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return G_LIST_MODEL (self->resources);
}

/**
 * syllabus_topic_get_base_uri:
 *
 * Returns: (nullable): the folder relative links and images resolve against
 */
const char *
syllabus_topic_get_base_uri (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->base_uri;
}

void
syllabus_topic_set_base_uri (SyllabusTopic *self,
                             const char    *base_uri)
{
  g_return_if_fail (SYLLABUS_IS_TOPIC (self));

  if (g_strcmp0 (self->base_uri, base_uri) != 0)
    {
      g_free (self->base_uri);
      self->base_uri = g_strdup (base_uri);
    }
}

/**
 * syllabus_topic_get_file:
 *
 * Returns: (transfer none) (nullable): the file the topic was read from, or
 *   %NULL for a topic shipped inside the program
 */
GFile *
syllabus_topic_get_file (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->file;
}

/**
 * syllabus_topic_get_local_images:
 *
 * Returns: (transfer none) (array zero-terminated=1): the images the page
 *   shows from its own folder, as relative paths
 */
const char * const *
syllabus_topic_get_local_images (SyllabusTopic *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->images != NULL ? (const char * const *)self->images : none;
}
