/* syllabus-topic-bundle-links.c

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

#include <md4c.h>
#include <string.h>

#include "syllabus-markdown.h"

/* A folder topic's files (syllabus-topic-bundle.c) are one page, whose
 * relative addresses resolve against the top folder; a file in a
 * subfolder means its own folder. Before its file joins the page, each
 * relative address in it is rewritten relative to the top folder:
 * "img/tokio.png" in "101-basics/102-tokio.md" becomes
 * "101-basics/img/tokio.png", and "../logo.png" there "logo.png". One that
 * would lead out of the top folder ("../../secret.png" there) becomes
 * empty, so that it leads nowhere.
 *
 * md4c finds the addresses: the links' and images' destinations, inline
 * or in a reference definition, and the src and href attributes of raw
 * HTML. A destination md4c had to unescape (a backslash or an entity in
 * it) is not where the file has it, and is left as it is; so is an
 * attribute value with an entity in it.
 */

typedef struct
{
  gsize  start;
  gsize  length;
  char  *replacement;
} Edit;

typedef struct
{
  const char *text;
  gsize       length;
  const char *dir;
  GArray     *edits;
  /* Raw HTML: whether the text is inside a tag, and in which quote */
  gboolean    in_tag;
  char        quote;
} Rebase;

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  g_free (edit->replacement);
}

static gboolean
is_dot (const char *segment,
        gsize       len)
{
  return (len == 1 && segment[0] == '.') ||
         (len == 3 && g_ascii_strncasecmp (segment, "%2e", 3) == 0);
}

/* "..", written plainly or percent-encoded, as the browser reads it. */
static gboolean
is_dot_dot (const char *segment,
            gsize       len)
{
  return (len == 2 && memcmp (segment, "..", 2) == 0) ||
         (len == 4 && (g_ascii_strncasecmp (segment, ".%2e", 4) == 0 ||
                       g_ascii_strncasecmp (segment, "%2e.", 4) == 0)) ||
         (len == 6 && g_ascii_strncasecmp (segment, "%2e%2e", 6) == 0);
}

/**
 * syllabus_topic_bundle_rebase_address:
 * @dir: the file's folder below the top folder, "/"-separated, "" for
 *   the top folder itself
 * @address: an address as the file writes it
 * @length: its length
 *
 * Rewrites @address, relative to @dir, relative to the top folder.
 *
 * Returns: (transfer full) (nullable): the address relative to the top
 *   folder, "" for one that leads out of it, or %NULL to leave @address
 *   as it is (one with a scheme, absolute, a fragment or a query alone,
 *   or one that already means the same from the top folder)
 */
char *
syllabus_topic_bundle_rebase_address (const char *dir,
                                      const char *address,
                                      gsize       length)
{
  g_autofree char *copy = g_strndup (address, length);
  g_autofree char *scheme = NULL;
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = NULL;
  const char *suffix;
  const char *p;
  gboolean changed = *dir != '\0';
  gboolean trailing_slash = FALSE;

  if (length == 0 || memchr (address, '\0', length) != NULL || copy[0] == '/' ||
      copy[0] == '#' || copy[0] == '?' || copy[0] == '\\' ||
      (scheme = g_uri_parse_scheme (copy)) != NULL)
    return NULL;

  /* The folder's names are names, written as an address. */
  if (*dir != '\0')
    {
      g_auto(GStrv) names = g_strsplit (dir, "/", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (*names[i] != '\0')
          g_ptr_array_add (segments, g_uri_escape_string (names[i], NULL, TRUE));
    }

  suffix = copy + strcspn (copy, "?#");
  for (p = copy; p < suffix;)
    {
      const char *slash = memchr (p, '/', suffix - p);
      const char *segment_end = slash != NULL ? slash : suffix;
      gsize len = segment_end - p;

      trailing_slash = slash != NULL && slash + 1 == suffix;
      if (is_dot (p, len))
        changed = TRUE;
      else if (is_dot_dot (p, len))
        {
          /* Up from the top folder is out of it. */
          if (segments->len == 0)
            return g_strdup ("");
          g_ptr_array_remove_index (segments, segments->len - 1);
          changed = TRUE;
        }
      else if (len > 0)
        g_ptr_array_add (segments, g_strndup (p, len));

      p = slash != NULL ? slash + 1 : suffix;
    }

  if (!changed)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < segments->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (segments, i));
    }
  if (trailing_slash && out->len > 0)
    g_string_append_c (out, '/');
  /* "sub/.." is the top folder itself. */
  if (out->len == 0 && *suffix == '\0')
    g_string_append (out, "./");
  g_string_append (out, suffix);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Rewrites the address @text..@text + @size if it is where the file has
 * it. */
static void
rebase_at (Rebase     *rebase,
           const char *text,
           gsize       size,
           gboolean    markdown)
{
  Edit edit = { 0 };

  if (size == 0 || text < rebase->text || text + size > rebase->text + rebase->length)
    return;

  edit.start = text - rebase->text;
  edit.length = size;
  for (guint i = 0; i < rebase->edits->len; i++)
    if (g_array_index (rebase->edits, Edit, i).start == edit.start)
      return;

  if ((edit.replacement = syllabus_topic_bundle_rebase_address (rebase->dir, text, size)) == NULL)
    return;

  /* A Markdown destination that leads nowhere is "<>": an empty one
   * would leave a reference definition without its destination. */
  if (markdown && *edit.replacement == '\0' && (edit.start == 0 || text[-1] != '<'))
    {
      g_free (edit.replacement);
      edit.replacement = g_strdup ("<>");
    }
  g_array_append_val (rebase->edits, edit);
}

static void
rebase_attribute (Rebase               *rebase,
                  const MD_ATTRIBUTE   *attribute)
{
  rebase_at (rebase, attribute->text, attribute->size, TRUE);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == ':';
}

/* The src and href attributes in a piece of raw HTML. A tag may go on
 * over several pieces: where the last one left off is kept. */
static void
rebase_html (Rebase     *rebase,
             const char *text,
             gsize       size)
{
  gsize i = 0;

  while (i < size)
    {
      gsize name_start;
      gsize name_end;
      gsize value_start;
      gsize value_end;
      char quote = 0;

      if (rebase->quote != 0)
        {
          if (text[i] == rebase->quote)
            rebase->quote = 0;
          i++;
          continue;
        }
      if (!rebase->in_tag)
        {
          if (text[i] == '<' && i + 1 < size && g_ascii_isalpha (text[i + 1]))
            {
              rebase->in_tag = TRUE;
              /* Past the tag's name. */
              for (i++; i < size && is_name_char (text[i]); i++)
                ;
              continue;
            }
          i++;
          continue;
        }
      if (text[i] == '>')
        {
          rebase->in_tag = FALSE;
          i++;
          continue;
        }
      if (!is_name_char (text[i]))
        {
          if (text[i] == '"' || text[i] == '\'')
            rebase->quote = text[i];
          i++;
          continue;
        }

      name_start = i;
      while (i < size && is_name_char (text[i]))
        i++;
      name_end = i;
      while (i < size && (text[i] == ' ' || text[i] == '\t'))
        i++;
      if (i >= size || text[i] != '=')
        continue;
      for (i++; i < size && (text[i] == ' ' || text[i] == '\t'); i++)
        ;
      if (i < size && (text[i] == '"' || text[i] == '\''))
        quote = text[i++];
      value_start = i;
      while (i < size && (quote != 0 ? text[i] != quote
                                     : !g_ascii_isspace (text[i]) && text[i] != '>'))
        i++;
      value_end = i;
      /* A value cut off by the end of the piece is left as it is. */
      if (quote != 0 && i >= size)
        {
          rebase->quote = quote;
          break;
        }
      if (quote != 0)
        i++;

      if (((name_end - name_start == 3 && g_ascii_strncasecmp (text + name_start, "src", 3) == 0) ||
           (name_end - name_start == 4 && g_ascii_strncasecmp (text + name_start, "href", 4) == 0)) &&
          memchr (text + value_start, '&', value_end - value_start) == NULL)
        rebase_at (rebase, text + value_start, value_end - value_start, FALSE);
    }
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Rebase *rebase = user_data;

  rebase->in_tag = FALSE;
  rebase->quote = 0;
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Rebase *rebase = user_data;

  if (type == MD_SPAN_A && !((MD_SPAN_A_DETAIL *)detail)->is_autolink)
    rebase_attribute (rebase, &((MD_SPAN_A_DETAIL *)detail)->href);
  else if (type == MD_SPAN_IMG)
    rebase_attribute (rebase, &((MD_SPAN_IMG_DETAIL *)detail)->src);

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Rebase *rebase = user_data;

  if (type == MD_TEXT_HTML)
    rebase_html (rebase, text, size);

  return 0;
}

static int
compare_edits (gconstpointer a,
               gconstpointer b)
{
  const Edit *edit_a = a;
  const Edit *edit_b = b;

  return edit_a->start < edit_b->start ? -1 : edit_a->start > edit_b->start;
}

/**
 * syllabus_topic_bundle_rebase_links:
 * @text: a file's Markdown, without front matter
 * @length: its length
 * @dir: the file's folder below the top folder, "/"-separated, "" for
 *   the top folder itself
 * @new_length: (out): the length of what is returned
 *
 * Rewrites the relative addresses of @text's links and images, and of
 * its raw HTML's src and href attributes, relative to the top folder
 * (see syllabus_topic_bundle_rebase_address()).
 *
 * Returns: (transfer full): the text rewritten
 */
char *
syllabus_topic_bundle_rebase_links (const char *text,
                                    gsize       length,
                                    const char *dir,
                                    gsize      *new_length)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, TRUE, sizeof (Edit));
  g_autoptr(GString) out = NULL;
  Rebase rebase = { text, length, dir, edits, FALSE, 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = SYLLABUS_MARKDOWN_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  gsize done = 0;

  g_array_set_clear_func (edits, edit_clear);
  md_parse (text, length, &parser, &rebase);

  g_array_sort (edits, compare_edits);
  out = g_string_sized_new (length + 64);
  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = &g_array_index (edits, Edit, i);

      /* Two addresses never overlap; if md4c said so, the first wins. */
      if (edit->start < done)
        continue;
      g_string_append_len (out, text + done, edit->start - done);
      g_string_append (out, edit->replacement);
      done = edit->start + edit->length;
    }
  g_string_append_len (out, text + done, length - done);

  *new_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
