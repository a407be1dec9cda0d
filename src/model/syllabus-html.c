/* syllabus-html.c
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

#include "config.h"

#include "syllabus-html.h"
#include "syllabus-html-private.h"

#include <string.h>

#include "syllabus-html-filter.h"

/* The HTML written is md4c-html's, byte for byte, as md_html() writes it
 * with MD_HTML_FLAG_VERBATIM_ENTITIES (tests/model/test-html.c holds the
 * two side by side), with these differences:
 *
 * - raw HTML goes through syllabus-html-filter.c, which keeps what GitHub
 *   shows and drops the rest: inline tags as md4c reports them, one by
 *   one, an HTML block whole once it ends (a tag may span its lines). The
 *   Markdown text inside an element dropped with its content (an inline
 *   "<style>...</style>") is dropped too, up to the end of its block;
 * - an image on the network, in Markdown or in HTML, becomes a small
 *   placeholder with its alternative text, so that the page never loads
 *   anything remote (syllabus_html_append_remote_image());
 * - raw HTML inside an image's description is text of its alt attribute,
 *   escaped; md4c-html writes it into the attribute as it is;
 * - an image inside another image's description ends at its own end, not
 *   at the inner one's (md4c 0.4.8 closes the tag early there).
 *
 * Why a renderer of our own rather than md_html(): the topic parser walks
 * the document once for its sections, links and images, and renders the
 * introduction in the same pass (tests/bench/bench-topic.c measures both
 * ways); and md_html() writes raw HTML straight into its output, so
 * filtering it there would mean parsing md4c's whole output again, its
 * own markup included. The price is keeping up with md4c-html: the test
 * renders with the filter off (syllabus_html_render_verbatim()) and
 * compares with md_html() byte for byte, raw HTML and all, and tests the
 * filter on its own (tests/model/test-html-filter.c).
 *
 * Entities are written as they are: the web view decodes them, and md4c's
 * decoding would need a table lookup per entity and turns a reference to a
 * UTF-16 surrogate into bytes that are not UTF-8. */

/* Which bytes of text need escaping, and into what. NUL never reaches text
 * as such (md4c reports it as MD_TEXT_NULLCHAR), but where it does md4c-html
 * drops it; so does this. */
enum { KEEP, AMP, LT, GT, QUOT, DROP };

static const guint8 html_escape[256] = {
  ['&'] = AMP, ['<'] = LT, ['>'] = GT, ['"'] = QUOT, ['\0'] = DROP,
};

static const struct { const char *text; guint8 len; } html_entities[] = {
  [KEEP] = { "", 0 },
  [AMP] = { "&amp;", 5 },
  [LT] = { "&lt;", 4 },
  [GT] = { "&gt;", 4 },
  [QUOT] = { "&quot;", 6 },
  [DROP] = { "", 0 },
};

/* The bytes md4c-html percent-encodes in a link's address: all but ASCII
 * letters, digits and -_.+!*(),%#@?=;:/$~ ("&" becomes "&amp;" instead). */
static const guint8 url_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* g_string_append_len() is a call into GLib 2.74 that handles overlapping
 * and negative lengths; md4c reports text in many short pieces, and most
 * of them fit in the space already allocated. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    {
      g_string_append_len (out, text, len);
    }
}

#define append_literal(out, literal) append_len ((out), (literal), sizeof (literal) - 1)

/* Whether any of the eight bytes at @text is one html_escape[] does not
 * keep: NUL, "&", "<", ">" or '"'. A byte is zero if subtracting one from
 * it borrows into its high bit while it had that bit clear. "<" and ">"
 * differ in one bit, and so do '"' and "&": setting that bit in every byte
 * tests each pair with one comparison. */
static inline gboolean
needs_html_escape (const char *text)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 word;
  guint64 angle;
  guint64 quote;

  memcpy (&word, text, sizeof word);
  angle = (word | ones * 0x02) ^ (ones * '>');   /* zero where "<" or ">" */
  quote = (word | ones * 0x04) ^ (ones * '&');   /* zero where '"' or "&" */

  return ((((word - ones) & ~word) |
           ((angle - ones) & ~angle) |
           ((quote - ones) & ~quote)) & highs) != 0;
}

static void
append_html_escaped (GString    *out,
                     const char *text,
                     gsize       size)
{
  const char *end = text + size;

  while (text < end)
    {
      const char *run = text;
      guint8 escape = KEEP;

      /* Most text has nothing to escape: skip it eight bytes at a time,
       * then find the byte in the word that has one. */
      while (end - text >= 8 && !needs_html_escape (text))
        text += 8;
      while (text < end && (escape = html_escape[(guchar)*text]) == KEEP)
        text++;
      if (text > run)
        append_len (out, run, text - run);
      if (text == end)
        break;

      append_len (out, html_entities[escape].text, html_entities[escape].len);
      text++;
    }
}

static void
append_url_escaped (GString    *out,
                    const char *text,
                    gsize       size)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *end = text + size;

  while (text < end)
    {
      const char *run = text;

      while (text < end && !url_escape[(guchar)*text])
        text++;
      if (text > run)
        append_len (out, run, text - run);
      if (text == end)
        break;

      if (*text == '&')
        {
          append_literal (out, "&amp;");
        }
      else
        {
          char encoded[3] = { '%', hex[(guchar)*text >> 4], hex[(guchar)*text & 0xF] };

          append_len (out, encoded, sizeof encoded);
        }
      text++;
    }
}

typedef void (*AppendFunc) (GString *out, const char *text, gsize size);

static void
append_attribute (GString            *out,
                  const MD_ATTRIBUTE *attr,
                  AppendFunc          append_escaped)
{
  if (attr->substr_offsets == NULL)
    return;

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET off = attr->substr_offsets[i];
      MD_SIZE size = attr->substr_offsets[i + 1] - off;

      switch (attr->substr_types[i])
        {
        case MD_TEXT_NULLCHAR:
          append_literal (out, REPLACEMENT_CHARACTER);
          break;
        case MD_TEXT_ENTITY:
          append_len (out, attr->text + off, size);
          break;
        case MD_TEXT_NORMAL:
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
        case MD_TEXT_CODE:
        case MD_TEXT_HTML:
        case MD_TEXT_LATEXMATH:
        default:
          append_escaped (out, attr->text + off, size);
          break;
        }
    }
}

static gboolean
has_entity (const MD_ATTRIBUTE *attr)
{
  if (attr->substr_offsets == NULL)
    return FALSE;

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    if (attr->substr_types[i] == MD_TEXT_ENTITY)
      return TRUE;

  return FALSE;
}

/* Whether the browser would fetch the image at @attr, written into the
 * page as @src, from the network: it has a scheme other than the local
 * ones, or is protocol-relative. An entity could hide a scheme or a slash
 * from this check ("&#x68;ttps:", "&sol;&sol;host") while the browser
 * decodes it, so an address with one counts as remote. Backslashes, which
 * browsers take for slashes, are percent-encoded by then. */
static gboolean
is_remote (const MD_ATTRIBUTE *attr,
           const char         *src)
{
  g_autofree char *scheme = NULL;

  if (has_entity (attr))
    return TRUE;

  if (src[0] == '/' && src[1] == '/')
    return TRUE;

  if ((scheme = g_uri_parse_scheme (src)) == NULL)
    return FALSE;

  return g_ascii_strcasecmp (scheme, "file") != 0 &&
         g_ascii_strcasecmp (scheme, "data") != 0 &&
         g_ascii_strcasecmp (scheme, "resource") != 0;
}

static void
open_image (SyllabusHtml       *self,
            MD_SPAN_IMG_DETAIL *img)
{
  GString *out = self->out;
  gsize start = out->len;
  gsize src_start;

  /* Inside content the filter drops, the image goes with it. */
  self->hidden_image = !self->verbatim && syllabus_html_filter_is_dropping (&self->filter);
  if (self->hidden_image)
    return;

  append_literal (out, "<img src=\"");
  src_start = out->len;
  append_attribute (out, &img->src, append_url_escaped);

  /* The address is judged as written into the page, escaped, which is what
   * the web view would load. It ends the string so far. */
  self->remote_image = is_remote (&img->src, out->str + src_start);
  if (self->remote_image)
    {
      /* The alternative text is rendered here, then moved into the
       * placeholder when the image ends. */
      g_string_truncate (out, start);
      self->alt_start = out->len;
    }
  else
    {
      append_literal (out, "\" alt=\"");
    }
}

static void
close_image (SyllabusHtml       *self,
             MD_SPAN_IMG_DETAIL *img)
{
  GString *out = self->out;

  if (self->hidden_image)
    {
      self->hidden_image = FALSE;
      return;
    }

  if (self->remote_image)
    {
      g_autofree char *alt = g_strndup (out->str + self->alt_start, out->len - self->alt_start);
      gsize alt_len = out->len - self->alt_start;

      g_string_truncate (out, self->alt_start);
      syllabus_html_append_remote_image (out, alt, alt_len);
      self->remote_image = FALSE;
      return;
    }

  if (img->title.text != NULL)
    {
      append_literal (out, "\" title=\"");
      append_attribute (out, &img->title, append_html_escaped);
    }
  append_literal (out, "\">");
}

/**
 * syllabus_html_init:
 * @self: the renderer
 * @out: where to append the HTML
 *
 * Prepares @self to render into @out, which it borrows.
 */
void
syllabus_html_init (SyllabusHtml *self,
                    GString      *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  *self = (SyllabusHtml) { .out = out };
  syllabus_html_filter_init (&self->filter);
}

/**
 * syllabus_html_enter_block:
 * @self: a #SyllabusHtml
 * @type: the block md4c entered
 * @detail: (nullable): md4c's detail for @type
 *
 * Renders the opening of a block, as md4c's enter_block callback.
 */
void
syllabus_html_enter_block (SyllabusHtml *self,
                           MD_BLOCKTYPE  type,
                           void         *detail)
{
  static const char *const headings[] = { "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>" };
  GString *out = self->out;

  /* What the filter dropped the content of ends with its block. */
  syllabus_html_filter_end_block (&self->filter);

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      append_literal (out, "<blockquote>\n");
      break;
    case MD_BLOCK_UL:
      append_literal (out, "<ul>\n");
      break;
    case MD_BLOCK_OL:
      {
        MD_BLOCK_OL_DETAIL *ol = detail;

        if (ol->start == 1)
          append_literal (out, "<ol>\n");
        else
          g_string_append_printf (out, "<ol start=\"%u\">\n", ol->start);
      }
      break;
    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *li = detail;

        if (!li->is_task)
          {
            append_literal (out, "<li>");
            break;
          }

        append_literal (out, "<li class=\"task-list-item\">"
                             "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled");
        if (li->task_mark == 'x' || li->task_mark == 'X')
          append_literal (out, " checked");
        append_literal (out, ">");
      }
      break;
    case MD_BLOCK_HR:
      append_literal (out, "<hr>\n");
      break;
    case MD_BLOCK_H:
      g_string_append (out, headings[CLAMP (((MD_BLOCK_H_DETAIL *)detail)->level, 1, 6) - 1]);
      break;
    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        append_literal (out, "<pre><code");
        if (code->lang.text != NULL)
          {
            append_literal (out, " class=\"language-");
            append_attribute (out, &code->lang, append_html_escaped);
            append_literal (out, "\"");
          }
        append_literal (out, ">");
      }
      break;
    case MD_BLOCK_P:
      append_literal (out, "<p>");
      break;
    case MD_BLOCK_TABLE:
      append_literal (out, "<table>\n");
      break;
    case MD_BLOCK_THEAD:
      append_literal (out, "<thead>\n");
      break;
    case MD_BLOCK_TBODY:
      append_literal (out, "<tbody>\n");
      break;
    case MD_BLOCK_TR:
      append_literal (out, "<tr>\n");
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      {
        MD_BLOCK_TD_DETAIL *cell = detail;

        if (type == MD_BLOCK_TH)
          append_literal (out, "<th");
        else
          append_literal (out, "<td");

        switch (cell->align)
          {
          case MD_ALIGN_LEFT:
            append_literal (out, " align=\"left\">");
            break;
          case MD_ALIGN_CENTER:
            append_literal (out, " align=\"center\">");
            break;
          case MD_ALIGN_RIGHT:
            append_literal (out, " align=\"right\">");
            break;
          case MD_ALIGN_DEFAULT:
          default:
            append_literal (out, ">");
            break;
          }
      }
      break;
    case MD_BLOCK_HTML:
      self->in_html_block = TRUE;
      self->block_start = out->len;
      break;
    case MD_BLOCK_DOC:
    default:
      break;
    }
}

/* Filters the HTML block that just ended, whose lines were written as
 * they are from self->block_start on. */
static void
filter_html_block (SyllabusHtml *self)
{
  GString *out = self->out;
  gsize length = out->len - self->block_start;
  g_autofree char *raw = NULL;

  self->in_html_block = FALSE;
  if (self->verbatim)
    return;

  raw = g_strndup (out->str + self->block_start, length);
  g_string_truncate (out, self->block_start);
  syllabus_html_filter_feed (&self->filter, out, raw, length);
}

/**
 * syllabus_html_leave_block:
 * @self: a #SyllabusHtml
 * @type: the block md4c left
 * @detail: (nullable): md4c's detail for @type
 *
 * Renders the end of a block, as md4c's leave_block callback.
 */
void
syllabus_html_leave_block (SyllabusHtml *self,
                           MD_BLOCKTYPE  type,
                           void         *detail)
{
  static const char *const headings[] = { "</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n" };
  GString *out = self->out;

  if (type == MD_BLOCK_HTML)
    filter_html_block (self);
  syllabus_html_filter_end_block (&self->filter);

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      append_literal (out, "</blockquote>\n");
      break;
    case MD_BLOCK_UL:
      append_literal (out, "</ul>\n");
      break;
    case MD_BLOCK_OL:
      append_literal (out, "</ol>\n");
      break;
    case MD_BLOCK_LI:
      append_literal (out, "</li>\n");
      break;
    case MD_BLOCK_H:
      g_string_append (out, headings[CLAMP (((MD_BLOCK_H_DETAIL *)detail)->level, 1, 6) - 1]);
      break;
    case MD_BLOCK_CODE:
      append_literal (out, "</code></pre>\n");
      break;
    case MD_BLOCK_P:
      append_literal (out, "</p>\n");
      break;
    case MD_BLOCK_TABLE:
      append_literal (out, "</table>\n");
      break;
    case MD_BLOCK_THEAD:
      append_literal (out, "</thead>\n");
      break;
    case MD_BLOCK_TBODY:
      append_literal (out, "</tbody>\n");
      break;
    case MD_BLOCK_TR:
      append_literal (out, "</tr>\n");
      break;
    case MD_BLOCK_TH:
      append_literal (out, "</th>\n");
      break;
    case MD_BLOCK_TD:
      append_literal (out, "</td>\n");
      break;
    case MD_BLOCK_DOC:
    case MD_BLOCK_HR:
    case MD_BLOCK_HTML:
    default:
      break;
    }
}

/**
 * syllabus_html_enter_span:
 * @self: a #SyllabusHtml
 * @type: the span md4c entered
 * @detail: (nullable): md4c's detail for @type
 *
 * Renders the opening of a span (a remote image opens a placeholder), as
 * md4c's enter_span callback.
 */
void
syllabus_html_enter_span (SyllabusHtml *self,
                          MD_SPANTYPE   type,
                          void         *detail)
{
  GString *out = self->out;

  /* An image's description is its alt attribute: plain text, without the
   * markup of its emphasis, links or images. */
  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG)
        self->image_depth++;
      return;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      append_literal (out, "<em>");
      break;
    case MD_SPAN_STRONG:
      append_literal (out, "<strong>");
      break;
    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;

        /* A link (a bare address, say) inside dropped content leads
         * nowhere; the tag stays so that the spans stay balanced. */
        if (!self->verbatim && syllabus_html_filter_is_dropping (&self->filter))
          {
            append_literal (out, "<a>");
            break;
          }

        append_literal (out, "<a href=\"");
        append_attribute (out, &a->href, append_url_escaped);
        if (a->title.text != NULL)
          {
            append_literal (out, "\" title=\"");
            append_attribute (out, &a->title, append_html_escaped);
          }
        append_literal (out, "\">");
      }
      break;
    case MD_SPAN_IMG:
      open_image (self, detail);
      self->image_depth++;
      break;
    case MD_SPAN_CODE:
      append_literal (out, "<code>");
      break;
    case MD_SPAN_DEL:
      append_literal (out, "<del>");
      break;
    case MD_SPAN_LATEXMATH:
      append_literal (out, "<x-equation>");
      break;
    case MD_SPAN_LATEXMATH_DISPLAY:
      append_literal (out, "<x-equation type=\"display\">");
      break;
    case MD_SPAN_WIKILINK:
      {
        MD_SPAN_WIKILINK_DETAIL *wikilink = detail;

        append_literal (out, "<x-wikilink data-target=\"");
        append_attribute (out, &wikilink->target, append_html_escaped);
        append_literal (out, "\">");
      }
      break;
    case MD_SPAN_U:
      append_literal (out, "<u>");
      break;
    default:
      break;
    }
}

/**
 * syllabus_html_leave_span:
 * @self: a #SyllabusHtml
 * @type: the span md4c left
 * @detail: (nullable): md4c's detail for @type
 *
 * Renders the end of a span, as md4c's leave_span callback.
 */
void
syllabus_html_leave_span (SyllabusHtml *self,
                          MD_SPANTYPE   type,
                          void         *detail)
{
  GString *out = self->out;

  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG && --self->image_depth == 0)
        close_image (self, detail);
      return;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      append_literal (out, "</em>");
      break;
    case MD_SPAN_STRONG:
      append_literal (out, "</strong>");
      break;
    case MD_SPAN_A:
      append_literal (out, "</a>");
      break;
    case MD_SPAN_CODE:
      append_literal (out, "</code>");
      break;
    case MD_SPAN_DEL:
      append_literal (out, "</del>");
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
      append_literal (out, "</x-equation>");
      break;
    case MD_SPAN_WIKILINK:
      append_literal (out, "</x-wikilink>");
      break;
    case MD_SPAN_U:
      append_literal (out, "</u>");
      break;
    case MD_SPAN_IMG:
    default:
      break;
    }
}

/**
 * syllabus_html_text:
 * @self: a #SyllabusHtml
 * @type: the kind of text
 * @text: (array length=size): the text, not nul-terminated
 * @size: its length in bytes
 *
 * Renders text, escaped as md_html() escapes it, as md4c's text callback.
 */
void
syllabus_html_text (SyllabusHtml  *self,
                    MD_TEXTTYPE    type,
                    const MD_CHAR *text,
                    MD_SIZE        size)
{
  GString *out = self->out;

  if (type == MD_TEXT_HTML && (self->verbatim || self->in_html_block))
    {
      /* An HTML block is filtered whole when it ends. */
      append_len (out, text, size);
      return;
    }

  if (!self->verbatim &&
      (self->hidden_image ||
       (self->image_depth == 0 && syllabus_html_filter_is_dropping (&self->filter))))
    {
      /* The text of an element dropped with its content; the tag that
       * ends it is for the filter to see. */
      if (type == MD_TEXT_HTML)
        syllabus_html_filter_feed (&self->filter, out, text, size);
      return;
    }

  if (type == MD_TEXT_HTML && self->image_depth == 0)
    {
      syllabus_html_filter_feed (&self->filter, out, text, size);
      return;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      append_literal (out, REPLACEMENT_CHARACTER);
      break;
    case MD_TEXT_BR:
      if (self->image_depth > 0)
        append_literal (out, " ");
      else
        append_literal (out, "<br>\n");
      break;
    case MD_TEXT_SOFTBR:
      if (self->image_depth > 0)
        append_literal (out, " ");
      else
        append_literal (out, "\n");
      break;
    case MD_TEXT_ENTITY:
      append_len (out, text, size);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_html_escaped (out, text, size);
      break;
    }
}

static int
enter_block_cb (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  syllabus_html_enter_block (user_data, type, detail);
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE type,
                void        *detail,
                void        *user_data)
{
  syllabus_html_leave_block (user_data, type, detail);
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  syllabus_html_enter_span (user_data, type, detail);
  return 0;
}

static int
leave_span_cb (MD_SPANTYPE type,
               void       *detail,
               void       *user_data)
{
  syllabus_html_leave_span (user_data, type, detail);
  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  syllabus_html_text (user_data, type, text, size);
  return 0;
}

/* Runs md4c with the renderer, raw HTML filtered or not. */
static gboolean
render (const char *markdown,
        gsize       length,
        unsigned    parser_flags,
        gboolean    verbatim,
        GString    *out)
{
  SyllabusHtml html;
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = parser_flags,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };

  syllabus_html_init (&html, out);
  html.verbatim = verbatim;

  return md_parse (markdown != NULL ? markdown : "", length, &parser, &html) == 0;
}

/**
 * syllabus_html_render:
 * @markdown: UTF-8 Markdown
 * @length: the length of @markdown
 * @parser_flags: md4c's parser flags, usually %SYLLABUS_MARKDOWN_FLAGS
 * @out: where to append the HTML
 *
 * Parses @markdown with md4c and appends its HTML to @out. A byte order
 * mark is not skipped: it is text to md4c.
 *
 * Returns: %FALSE if md4c gave up (it only does on allocation failure), in
 *   which case @out holds part of the HTML
 */
gboolean
syllabus_html_render (const char *markdown,
                      gsize       length,
                      unsigned    parser_flags,
                      GString    *out)
{
  g_return_val_if_fail (markdown != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return render (markdown, length, parser_flags, FALSE, out);
}

/* Renders as syllabus_html_render() does, raw HTML left as md4c-html
 * leaves it: only for comparing the two. */
gboolean
syllabus_html_render_verbatim (const char *markdown,
                               gsize       length,
                               unsigned    parser_flags,
                               GString    *out)
{
  g_return_val_if_fail (markdown != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return render (markdown, length, parser_flags, TRUE, out);
}
