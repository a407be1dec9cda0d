/* syllabus-front-matter.c

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

#include <string.h>

/* Front matter: a block of "key: value" lines at the very start of a
 * topic's page, read before the Markdown body is walked. */

/* Returns the length of the line starting at @p, without its line ending,
 * and stores where the next line starts in @next. */
gsize
syllabus_front_matter_line_length (const char  *p,
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
gsize
syllabus_front_matter_parse (const char *data,
                             gsize       length,
                             GHashTable *metadata)
{
  const char *end = data + length;
  const char *p = data;
  const char *next;
  gsize len;

  len = syllabus_front_matter_line_length (p, end, &next);
  if (!is_fence (p, len))
    return 0;

  for (p = next; p < end; p = next)
    {
      const char *colon;
      char *key;
      char *value;

      len = syllabus_front_matter_line_length (p, end, &next);
      if (is_fence (p, len))
        {
          g_hash_table_remove_all (metadata);
          for (const char *q = data; q < p;)
            {
              const char *qnext;
              gsize qlen = syllabus_front_matter_line_length (q, end, &qnext);

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
