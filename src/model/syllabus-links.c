/* syllabus-links.c

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

#include "syllabus-links.h"

#include <string.h>

/* The topic view shows text written by others; which addresses it may
 * follow is decided here, away from WebKit, so that it can be tested. */

static char *
without_fragment (const char *uri)
{
  const char *hash = strchr (uri, '#');

  return hash != NULL ? g_strndup (uri, hash - uri) : g_strdup (uri);
}

/**
 * syllabus_link_decide:
 * @page_uri: (nullable): the address the topic page was loaded with
 * @target_uri: the address the view is asked to go to
 *
 * Returns: what to do with @target_uri: stay for the page itself and
 *   fragments of it, open http, https and mailto links outside, and refuse
 *   everything else (javascript:, file:, data:, unknown schemes)
 */
SyllabusLinkAction
syllabus_link_decide (const char *page_uri,
                      const char *target_uri)
{
  g_autofree char *scheme = NULL;
  g_autofree char *page = NULL;
  g_autofree char *target = NULL;

  if (target_uri == NULL || *target_uri == '\0')
    return SYLLABUS_LINK_REFUSE;

  if (page_uri != NULL)
    {
      page = without_fragment (page_uri);
      target = without_fragment (target_uri);
      if (g_str_equal (page, target))
        return SYLLABUS_LINK_STAY;
    }

  scheme = g_uri_parse_scheme (target_uri);
  if (scheme == NULL)
    return SYLLABUS_LINK_REFUSE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 ||
      g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (target_uri, G_URI_FLAGS_NONE, NULL);

      /* A web link without a host is not a place a browser can go. */
      if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        return SYLLABUS_LINK_REFUSE;

      return SYLLABUS_LINK_OPEN_EXTERNAL;
    }

  if (g_ascii_strcasecmp (scheme, "mailto") == 0 && target_uri[strlen ("mailto:")] != '\0')
    return SYLLABUS_LINK_OPEN_EXTERNAL;

  return SYLLABUS_LINK_REFUSE;
}
