/* syllabus-html-filter.c
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

#include "syllabus-html-filter.h"

#include <glib/gi18n.h>
#include <string.h>

/* Topic files come from anywhere, and the raw HTML in them is written into
 * the page. So nothing of it reaches the page as it was written: this
 * tokenizes it as a browser would (tags, attributes with or without
 * quotes, comments, entities in attribute values) and writes back only
 * the elements and attributes below, with their values decoded, checked
 * and escaped again. A tag it cannot read to its end is text.
 *
 * The page's content security policy (src/ui/syllabus-topic-view.c) stays
 * behind this: what slipped through here would still neither run nor load.
 * Links are the view's to judge (syllabus-links.c) once they are clicked;
 * an address with a scheme other than http, https and mailto is dropped
 * here already, javascript: among them. */

typedef enum
{
  ATTR_TEXT,     /* any text: alt, title */
  ATTR_ALIGN,    /* left, center or right */
  ATTR_SIZE,     /* digits, maybe a percent sign */
  ATTR_COUNT,    /* digits */
  ATTR_FLAG,     /* present or not: open */
  ATTR_HREF,     /* a link: relative, a fragment, http, https or mailto */
  ATTR_LOCAL,    /* a file next to the topic */
  ATTR_SRCSET,   /* files next to the topic, with their sizes */
} AttrKind;

typedef struct
{
  const char *tag;   /* NULL: any allowed element */
  const char *name;
  AttrKind    kind;
} AttrRule;

static const AttrRule attr_rules[] = {
  { NULL, "title", ATTR_TEXT },
  { "a", "href", ATTR_HREF },
  { "details", "open", ATTR_FLAG },
  { "img", "src", ATTR_LOCAL },
  { "img", "srcset", ATTR_SRCSET },
  { "img", "alt", ATTR_TEXT },
  { "img", "width", ATTR_SIZE },
  { "img", "height", ATTR_SIZE },
  { "img", "align", ATTR_ALIGN },
  { "source", "srcset", ATTR_SRCSET },
  { "source", "media", ATTR_TEXT },
  { "source", "type", ATTR_TEXT },
  { "source", "width", ATTR_SIZE },
  { "source", "height", ATTR_SIZE },
  { "p", "align", ATTR_ALIGN },
  { "div", "align", ATTR_ALIGN },
  { "h1", "align", ATTR_ALIGN },
  { "h2", "align", ATTR_ALIGN },
  { "h3", "align", ATTR_ALIGN },
  { "h4", "align", ATTR_ALIGN },
  { "h5", "align", ATTR_ALIGN },
  { "h6", "align", ATTR_ALIGN },
  { "table", "align", ATTR_ALIGN },
  { "tr", "align", ATTR_ALIGN },
  { "th", "align", ATTR_ALIGN },
  { "td", "align", ATTR_ALIGN },
  { "th", "colspan", ATTR_COUNT },
  { "td", "colspan", ATTR_COUNT },
  { "th", "rowspan", ATTR_COUNT },
  { "td", "rowspan", ATTR_COUNT },
  { "ol", "start", ATTR_COUNT },
};

/* The elements kept, as GitHub keeps them. */
static const char *const allowed_tags[] = {
  "a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code",
  "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
  "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
  "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp", "small",
  "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
  "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
};

/* The elements dropped with everything inside them: they run code, load
 * things, take input or change how the rest of the page is read. */
static const char *const dropped_tags[] = {
  "applet", "base", "button", "embed", "form", "frame", "frameset", "iframe",
  "input", "keygen", "link", "math", "meta", "noembed", "noframes",
  "noscript", "object", "param", "plaintext", "script", "select", "style",
  "svg", "template", "textarea", "title", "xmp",
};

/* Of those, the ones whose content a browser reads as text up to their
 * end tag, whatever it looks like. */
static const char *const raw_text_tags[] = {
  "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style",
  "textarea", "title", "xmp",
};

/* Elements without content: an end tag for them is dropped, and the
 * dropped ones among them drop nothing more. */
static const char *const void_tags[] = {
  "base", "br", "embed", "frame", "hr", "img", "input", "keygen", "link",
  "meta", "param", "source", "wbr",
};

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (a, *(const char *const *)b);
}

#define IN_LIST(name, list) \
  (bsearch ((name), (list), G_N_ELEMENTS (list), sizeof (list)[0], compare_names) != NULL)

typedef struct
{
  char    *name;
  char    *value;       /* decoded; NULL when the attribute has none */
  gboolean undecoded;   /* a character reference was left as written */
} Attr;

static void
attr_clear (Attr *attr)
{
  g_free (attr->name);
  g_free (attr->value);
}

typedef struct
{
  char    name[16];     /* lower case; "" if too long to be one we know */
  gboolean end;
  gboolean self_closing;
  GArray  *attrs;       /* of Attr, or NULL for an end tag */
} Tag;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const struct { const char *name; gunichar c; } named_references[] = {
  { "Tab;", '\t' }, { "NewLine;", '\n' }, { "amp;", '&' }, { "amp", '&' },
  { "lt;", '<' }, { "lt", '<' }, { "gt;", '>' }, { "gt", '>' },
  { "quot;", '"' }, { "quot", '"' }, { "apos;", '\'' }, { "nbsp;", 0xA0 },
  { "colon;", ':' }, { "sol;", '/' }, { "bsol;", '\\' }, { "lpar;", '(' },
  { "rpar;", ')' }, { "period;", '.' }, { "comma;", ',' }, { "excl;", '!' },
  { "quest;", '?' }, { "num;", '#' }, { "equals;", '=' }, { "percnt;", '%' },
  { "semi;", ';' }, { "plus;", '+' }, { "hyphen;", '-' }, { "dash;", '-' },
};

/* Decodes the character references in an attribute's value as a browser
 * does, numeric ones with or without their semicolon ("&#106avascript:").
 * Named references outside the short table are left as written and flag
 * the value: the browser would decode them, so an address holding one is
 * not judged at all. */
static char *
decode_value (const char *text,
              gsize       length,
              gboolean   *undecoded)
{
  GString *out = g_string_sized_new (length);
  const char *end = text + length;

  while (text < end)
    {
      const char *amp = memchr (text, '&', end - text);
      gunichar c = 0;
      gboolean found = FALSE;

      if (amp == NULL)
        {
          g_string_append_len (out, text, end - text);
          break;
        }

      g_string_append_len (out, text, amp - text);
      text = amp + 1;

      if (text < end && *text == '#')
        {
          const char *digits = text + 1;
          gboolean hex = digits < end && (*digits == 'x' || *digits == 'X');
          guint64 value = 0;
          const char *p = hex ? digits + 1 : digits;
          const char *start = p;

          while (p < end && (hex ? g_ascii_isxdigit (*p) : g_ascii_isdigit (*p)))
            {
              value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*p) : *p - '0');
              value = MIN (value, 0x110000);
              p++;
            }
          if (p > start)
            {
              if (p < end && *p == ';')
                p++;
              c = value;
              if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                c = 0xFFFD;
              text = p;
              found = TRUE;
            }
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (named_references); i++)
            {
              gsize n = strlen (named_references[i].name);

              /* A reference without its semicolon stays as written before
               * a letter, a digit or "=", as in a browser. */
              if ((gsize)(end - text) >= n && memcmp (text, named_references[i].name, n) == 0 &&
                  (text[n - 1] == ';' || text + n == end ||
                   !(g_ascii_isalnum (text[n]) || text[n] == '=')))
                {
                  c = named_references[i].c;
                  text += n;
                  found = TRUE;
                  break;
                }
            }
          if (!found && text < end && g_ascii_isalnum (*text))
            *undecoded = TRUE;
        }

      if (found)
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, '&');
    }

  return g_string_free (out, FALSE);
}

/* Reads a tag from @p, just past its "<", up to and with its ">". Returns
 * where it ends, or NULL if it does not end before @end: then it is text. */
static const char *
read_tag (const char *p,
          const char *end,
          Tag        *tag)
{
  const char *name;
  gsize name_len;

  tag->end = *p == '/';
  if (tag->end)
    p++;

  name = p;
  while (p < end && !is_space (*p) && *p != '/' && *p != '>')
    p++;
  name_len = p - name;
  if (name_len < sizeof tag->name)
    {
      for (gsize i = 0; i < name_len; i++)
        tag->name[i] = g_ascii_tolower (name[i]);
      tag->name[name_len] = '\0';
    }
  else
    {
      tag->name[0] = '\0';
    }

  while (p < end)
    {
      const char *attr_name;
      const char *value = NULL;
      gsize value_len = 0;

      while (p < end && (is_space (*p) || *p == '/'))
        {
          tag->self_closing = *p == '/';
          p++;
        }
      if (p == end)
        return NULL;
      if (*p == '>')
        return p + 1;
      tag->self_closing = FALSE;

      /* As in a browser, "=" may start a name, and "<" or quotes are part
       * of one: "<scr<script>" is the element "scr". */
      attr_name = p++;
      while (p < end && !is_space (*p) && *p != '/' && *p != '>' && *p != '=')
        p++;

      {
        const char *name_end = p;

        while (p < end && is_space (*p))
          p++;
        if (p < end && *p == '=')
          {
            p++;
            while (p < end && is_space (*p))
              p++;
            if (p == end)
              return NULL;
            if (*p == '"' || *p == '\'')
              {
                const char *close = memchr (p + 1, *p, end - p - 1);

                if (close == NULL)
                  return NULL;
                value = p + 1;
                value_len = close - value;
                p = close + 1;
              }
            else
              {
                value = p;
                while (p < end && !is_space (*p) && *p != '>')
                  p++;
                value_len = p - value;
              }
          }
        else
          {
            p = name_end;
          }

        if (tag->attrs != NULL)
          {
            Attr attr = { g_ascii_strdown (attr_name, name_end - attr_name), NULL, FALSE };

            if (value != NULL)
              attr.value = decode_value (value, value_len, &attr.undecoded);
            g_array_append_val (tag->attrs, attr);
          }
      }
    }

  return NULL;
}

/* What a browser makes of an address before it reads it: no white space
 * or control characters around it, no tabs or line breaks inside it. */
static char *
clean_url (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *start = value;
  const char *end = value + strlen (value);

  while (start < end && (guchar)*start <= ' ')
    start++;
  while (end > start && (guchar)end[-1] <= ' ')
    end--;
  for (const char *p = start; p < end; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/**
 * syllabus_html_is_local_path:
 * @path: an address from a page, its character references decoded
 *
 * Whether @path names a file inside the topic's folder: relative, without
 * a scheme, a leading slash, a backslash or "." and ".." steps (written
 * plainly or percent-encoded), the rule the topic's images follow. A query
 * or a fragment after the name is allowed.
 *
 * Returns: %TRUE if @path is local
 */
gboolean
syllabus_html_is_local_path (const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *scheme = NULL;
  g_auto(GStrv) parts = NULL;
  char *cut;

  g_return_val_if_fail (path != NULL, FALSE);

  name = g_strdup (path);
  if ((cut = strpbrk (name, "?#")) != NULL)
    *cut = '\0';

  if (*name == '\0' || *name == '/' || strchr (name, '\\') != NULL ||
      (scheme = g_uri_parse_scheme (name)) != NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar)*p < ' ' || *p == ':')
      return FALSE;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *step = g_uri_unescape_string (parts[i], NULL);

      if (step == NULL || g_str_equal (step, ".") || g_str_equal (step, "..") ||
          strchr (step, '/') != NULL || strchr (step, '\\') != NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_allowed_href (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  /* Without a scheme g_uri_parse_scheme() accepts (the URL standard's
   * characters too), the browser reads the address as relative. */
  if (scheme == NULL)
    return TRUE;

  return g_ascii_strcasecmp (scheme, "http") == 0 ||
         g_ascii_strcasecmp (scheme, "https") == 0 ||
         g_ascii_strcasecmp (scheme, "mailto") == 0;
}

/* A srcset: addresses, each maybe followed by a width ("640w") or a
 * density ("2x"), separated by commas. Every address must be local. */
static gboolean
is_local_srcset (const char *srcset)
{
  g_auto(GStrv) candidates = g_strsplit (srcset, ",", -1);
  guint n = 0;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n_words;

      g_strstrip (candidates[i]);
      if (*candidates[i] == '\0')
        continue;

      words = g_strsplit_set (candidates[i], " \t\n\r\f", -1);
      n_words = 0;
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          {
            const char *word = words[j];

            if (n_words == 0 && !syllabus_html_is_local_path (word))
              return FALSE;
            if (n_words == 1)
              {
                gsize len = strlen (word);

                if (len < 2 || (word[len - 1] != 'w' && word[len - 1] != 'x') ||
                    strspn (word, "0123456789.") != len - 1)
                  return FALSE;
              }
            if (n_words >= 2)
              return FALSE;
            n_words++;
          }
      n++;
    }

  return n > 0;
}

static gboolean
is_size (const char *value,
         gboolean    percent)
{
  gsize digits = strspn (value, "0123456789");

  return digits > 0 && digits <= 6 &&
         (value[digits] == '\0' || (percent && g_str_equal (value + digits, "%")));
}

/* Whether @attr may stay on @tag, in which case its value (when it has
 * one) is replaced by the one to write. */
static gboolean
check_attribute (const char *tag,
                 Attr       *attr)
{
  const AttrRule *rule = NULL;
  g_autofree char *url = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attr_rules) && rule == NULL; i++)
    if ((attr_rules[i].tag == NULL || g_str_equal (attr_rules[i].tag, tag)) &&
        g_str_equal (attr_rules[i].name, attr->name))
      rule = &attr_rules[i];
  if (rule == NULL)
    return FALSE;

  if (rule->kind == ATTR_FLAG)
    {
      g_clear_pointer (&attr->value, g_free);
      return TRUE;
    }
  if (attr->value == NULL)
    return FALSE;

  switch (rule->kind)
    {
    case ATTR_TEXT:
      return TRUE;
    case ATTR_ALIGN:
      return g_ascii_strcasecmp (attr->value, "left") == 0 ||
             g_ascii_strcasecmp (attr->value, "center") == 0 ||
             g_ascii_strcasecmp (attr->value, "right") == 0;
    case ATTR_SIZE:
    case ATTR_COUNT:
      return is_size (attr->value, rule->kind == ATTR_SIZE);
    case ATTR_HREF:
    case ATTR_LOCAL:
    case ATTR_SRCSET:
      if (attr->undecoded)
        return FALSE;
      url = clean_url (attr->value);
      if (rule->kind == ATTR_HREF ? !is_allowed_href (url) :
          rule->kind == ATTR_LOCAL ? !syllabus_html_is_local_path (url) :
          !is_local_srcset (url))
        return FALSE;
      g_free (attr->value);
      attr->value = g_steal_pointer (&url);
      return TRUE;
    case ATTR_FLAG:
    default:
      return FALSE;
    }
}

/* Escapes an attribute's value, or text, for the page. A character
 * reference left undecoded in text (alt, title) is written as it was. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    keep_references)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          {
            gsize n = 1;

            while (g_ascii_isalnum (p[n]))
              n++;
            if (keep_references && n > 1 && p[n] == ';' && g_ascii_isalpha (p[1]))
              g_string_append_c (out, '&');
            else
              g_string_append (out, "&amp;");
          }
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * syllabus_html_append_remote_image:
 * @out: where to append
 * @escaped_alt: (array length=length): the image's alternative text,
 *   escaped for HTML
 * @length: its length in bytes
 *
 * Appends what stands in for an image on the network, which the page
 * never loads: its alternative text, or "Image" if it has none, in a small
 * inline box the size of text, that is read out as an image.
 */
void
syllabus_html_append_remote_image (GString    *out,
                                   const char *escaped_alt,
                                   gsize       length)
{
  g_autofree char *alt = NULL;

  g_return_if_fail (out != NULL);

  if (length == 0)
    {
      alt = g_markup_escape_text (_("Image"), -1);
      escaped_alt = alt;
      length = strlen (alt);
    }

  g_string_append (out, "<span class=\"remote-image\" role=\"img\" aria-label=\"");
  g_string_append_len (out, escaped_alt, length);
  g_string_append (out, "\">");
  g_string_append_len (out, escaped_alt, length);
  g_string_append (out, "</span>");
}

static const Attr *
find_attr (GArray     *attrs,
           const char *name)
{
  for (guint i = 0; i < attrs->len; i++)
    if (g_str_equal (g_array_index (attrs, Attr, i).name, name))
      return &g_array_index (attrs, Attr, i);

  return NULL;
}

static void
write_tag (GString *out,
           Tag     *tag)
{
  GHashTable *seen = NULL;
  const Attr *src;

  if (tag->end)
    {
      if (!IN_LIST (tag->name, void_tags))
        g_string_append_printf (out, "</%s>", tag->name);
      return;
    }

  /* An image the page may not load is shown as its placeholder, a source
   * it may not load not at all. */
  src = find_attr (tag->attrs, "src");
  if (g_str_equal (tag->name, "img") &&
      (src == NULL || src->value == NULL || !check_attribute ("img", (Attr *)src)))
    {
      const Attr *alt = find_attr (tag->attrs, "alt");
      g_autoptr(GString) escaped = g_string_new (NULL);

      if (alt != NULL && alt->value != NULL)
        append_escaped (escaped, alt->value, TRUE);
      if (src != NULL || escaped->len > 0)
        syllabus_html_append_remote_image (out, escaped->str, escaped->len);
      return;
    }
  if (g_str_equal (tag->name, "source"))
    {
      const Attr *srcset = find_attr (tag->attrs, "srcset");

      if (srcset == NULL || srcset->value == NULL || !check_attribute ("source", (Attr *)srcset))
        return;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_string_append_printf (out, "<%s", tag->name);
  for (guint i = 0; i < tag->attrs->len; i++)
    {
      Attr *attr = &g_array_index (tag->attrs, Attr, i);

      /* The first of two attributes of one name counts, as in a browser.
       * Checking a value again (src, srcset) keeps it as it is. */
      if (!g_hash_table_add (seen, attr->name) || !check_attribute (tag->name, attr))
        continue;

      g_string_append_printf (out, " %s", attr->name);
      if (attr->value != NULL)
        {
          gboolean is_text = g_str_equal (attr->name, "alt") || g_str_equal (attr->name, "title");

          g_string_append (out, "=\"");
          append_escaped (out, attr->value, is_text);
          g_string_append_c (out, '"');
        }
    }
  g_string_append_c (out, '>');
  g_hash_table_unref (seen);
}

/* Where the end tag of the raw text element @name starts in @p, or NULL. */
static const char *
find_raw_end (const char *p,
              const char *end,
              const char *name)
{
  gsize n = strlen (name);

  for (; p + 2 + n <= end; p++)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL || p + 2 + n > end)
        return NULL;
      if (p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0 &&
          (p + 2 + n == end || is_space (p[2 + n]) || p[2 + n] == '/' || p[2 + n] == '>'))
        return p;
    }

  return NULL;
}

/* Where what starts at @p, past "<!" or "<?", ends: a comment at "-->",
 * character data at "]]>", anything else at the next ">". Everything in
 * it is dropped; one that does not end takes the rest with it. */
static const char *
skip_markup_declaration (const char *p,
                         const char *end)
{
  const char *close = NULL;
  const char *stop = "";

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      stop = "-->";
      p += 2;
    }
  else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
    {
      stop = "]]>";
      p += 9;
    }
  else
    {
      stop = ">";
      p += 2;
    }

  close = g_strstr_len (p, end - p, stop);

  return close != NULL ? close + strlen (stop) : end;
}

static void
start_dropping (SyllabusHtmlFilter *self,
                const Tag          *tag)
{
  /* Nothing is inside a void element; the HTML parser ignores "/>" on its
   * own elements, not on SVG's and MathML's. */
  if (IN_LIST (tag->name, void_tags) ||
      (tag->self_closing && (g_str_equal (tag->name, "svg") || g_str_equal (tag->name, "math"))))
    return;

  g_strlcpy (self->drop_tag, tag->name, sizeof self->drop_tag);
  self->drop_depth = 1;
  self->drop_raw = IN_LIST (tag->name, raw_text_tags);
}

/**
 * syllabus_html_filter_init:
 * @self: the filter
 *
 * Prepares @self for a page.
 */
void
syllabus_html_filter_init (SyllabusHtmlFilter *self)
{
  g_return_if_fail (self != NULL);

  *self = (SyllabusHtmlFilter) { .drop_depth = 0 };
}

/**
 * syllabus_html_filter_is_dropping:
 * @self: a #SyllabusHtmlFilter
 *
 * Whether the last fragment left @self inside an element that is dropped
 * with its content, whose text the caller should drop too.
 *
 * Returns: %TRUE while the content is dropped
 */
gboolean
syllabus_html_filter_is_dropping (const SyllabusHtmlFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->drop_depth > 0;
}

/**
 * syllabus_html_filter_end_block:
 * @self: a #SyllabusHtmlFilter
 *
 * Ends whatever element @self was dropping the content of at the end of a
 * Markdown block, so that one unclosed "<style>" drops one paragraph, not
 * the rest of the page.
 */
void
syllabus_html_filter_end_block (SyllabusHtmlFilter *self)
{
  g_return_if_fail (self != NULL);

  self->drop_depth = 0;
  self->drop_tag[0] = '\0';
  self->drop_raw = FALSE;
}

/**
 * syllabus_html_filter_feed:
 * @self: a #SyllabusHtmlFilter
 * @out: where to append what is kept
 * @html: (array length=length): raw HTML: one or more whole tags, or an
 *   HTML block
 * @length: its length in bytes
 *
 * Appends to @out the parts of @html that may be shown. A tag that does
 * not end within @html is written as text.
 */
void
syllabus_html_filter_feed (SyllabusHtmlFilter *self,
                           GString            *out,
                           const char         *html,
                           gsize               length)
{
  const char *p = html;
  const char *end = html + length;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (html != NULL || length == 0);

  while (p < end)
    {
      const char *run = p;
      const char *next;
      Tag tag = { .attrs = NULL };

      if (self->drop_depth > 0 && self->drop_raw)
        {
          if ((run = find_raw_end (p, end, self->drop_tag)) == NULL)
            return;
          p = run;
        }

      if (*p != '<')
        {
          while (p < end && *p != '<')
            p++;
          if (self->drop_depth == 0)
            for (const char *c = run; c < p; c++)
              if (*c != '\0')
                g_string_append_c (out, *c);
          continue;
        }

      if (p + 1 < end && (p[1] == '!' || p[1] == '?'))
        {
          p = skip_markup_declaration (p, end);
          continue;
        }

      if (p + 1 < end && (g_ascii_isalpha (p[1]) ||
                          (p[1] == '/' && p + 2 < end && g_ascii_isalpha (p[2]))))
        {
          tag.attrs = p[1] == '/' ? NULL : g_array_new (FALSE, FALSE, sizeof (Attr));
          if (tag.attrs != NULL)
            g_array_set_clear_func (tag.attrs, (GDestroyNotify)attr_clear);
          next = read_tag (p + 1, end, &tag);
        }
      else
        {
          next = NULL;
        }

      if (next == NULL)
        {
          /* Not a tag, or one cut short: text. */
          if (self->drop_depth == 0)
            g_string_append (out, "&lt;");
          p++;
        }
      else
        {
          p = next;
          if (self->drop_depth > 0)
            {
              if (g_str_equal (tag.name, self->drop_tag) && !tag.end && !tag.self_closing)
                self->drop_depth++;
              else if (g_str_equal (tag.name, self->drop_tag) && tag.end &&
                       --self->drop_depth == 0)
                syllabus_html_filter_end_block (self);
            }
          else if (tag.name[0] != '\0' && IN_LIST (tag.name, dropped_tags))
            {
              if (!tag.end)
                start_dropping (self, &tag);
            }
          else if (tag.name[0] != '\0' && IN_LIST (tag.name, allowed_tags))
            {
              write_tag (out, &tag);
            }
        }

      g_clear_pointer (&tag.attrs, g_array_unref);
    }
}

/**
 * syllabus_html_filter_string:
 * @html: raw HTML
 * @length: its length, or -1 if it is nul-terminated
 *
 * Filters @html as one HTML block.
 *
 * Returns: (transfer full): what may be shown of @html
 */
char *
syllabus_html_filter_string (const char *html,
                             gssize      length)
{
  SyllabusHtmlFilter filter;
  GString *out;

  g_return_val_if_fail (html != NULL, NULL);

  if (length < 0)
    length = strlen (html);

  out = g_string_sized_new (length);
  syllabus_html_filter_init (&filter);
  syllabus_html_filter_feed (&filter, out, html, length);

  return g_string_free (out, FALSE);
}
