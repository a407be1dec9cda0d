/* syllabus-resource.c
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

#include "syllabus-resource.h"

/* A learning resource as the topic file lists it: immutable once parsed.
 * What the user did with it lives in SyllabusEntry, keyed by the normalised
 * URL, so that renaming or moving the line in the Markdown keeps progress.
 */
struct _SyllabusResource
{
  GObject parent_instance;

  char    *title;
  char    *url;
  char    *key;
  char    *host;
  char    *group;
  guint    group_index;
  gboolean first_in_group;
};

G_DEFINE_FINAL_TYPE (SyllabusResource, syllabus_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_KEY,
  PROP_HOST,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
syllabus_resource_finalize (GObject *object)
{
  SyllabusResource *self = (SyllabusResource *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->group, g_free);

  G_OBJECT_CLASS (syllabus_resource_parent_class)->finalize (object);
}

static void
syllabus_resource_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SyllabusResource *self = SYLLABUS_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_resource_class_init (SyllabusResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_resource_finalize;
  object_class->get_property = syllabus_resource_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_resource_init (SyllabusResource *self)
{
}

static char *
host_for_display (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;

  if (g_ascii_strncasecmp (host, "www.", 4) == 0 && host[4] != '\0')
    host += 4;

  return g_ascii_strdown (host, -1);
}

/**
 * syllabus_normalize_url:
 * @url: a URL as written in a topic
 *
 * Normalises @url so that spellings of the same address give the same key:
 * the scheme and host are lower-cased, a default port is dropped and an empty
 * path becomes "/". Relative or unparsable URLs are returned trimmed.
 *
 * Returns: (transfer full): the normalised URL
 */
char *
syllabus_normalize_url (const char *url)
{
  static const struct { const char *scheme; int port; } default_ports[] = {
    { "http", 80 }, { "https", 443 }, { "ftp", 21 },
  };
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  const char *path;
  int port;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return g_steal_pointer (&trimmed);

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (g_uri_get_host (uri) != NULL)
    host = g_ascii_strdown (g_uri_get_host (uri), -1);

  port = g_uri_get_port (uri);
  for (guint i = 0; i < G_N_ELEMENTS (default_ports); i++)
    if (port == default_ports[i].port && g_str_equal (scheme, default_ports[i].scheme))
      port = -1;

  path = g_uri_get_path (uri);
  if (host != NULL && *path == '\0')
    path = "/";

  /* The parser can give parts that g_uri_join() refuses (it returns NULL):
   * "https://host;x" has the path ";x" after a host, and "https:/..//x"
   * the path "//x" without one. Keep such a URL as it is written, like one
   * that does not parse. */
  if ((host != NULL && *path != '/') ||
      (host == NULL && g_str_has_prefix (path, "//")))
    return g_steal_pointer (&trimmed);

  return g_uri_join (G_URI_FLAGS_ENCODED,
                     scheme,
                     g_uri_get_userinfo (uri),
                     host,
                     port,
                     path,
                     g_uri_get_query (uri),
                     g_uri_get_fragment (uri));
}

/**
 * syllabus_resource_new:
 * @title: the resource's title, plain text
 * @url: the link as written in the topic
 * @group: (nullable): the subheading the resource is listed under
 * @group_index: the position of @group among the topic's groups
 *
 * Returns: (transfer full): a new resource
 */
SyllabusResource *
syllabus_resource_new (const char *title,
                       const char *url,
                       const char *group,
                       guint       group_index)
{
  SyllabusResource *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (SYLLABUS_TYPE_RESOURCE, NULL);
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->key = syllabus_normalize_url (url);
  self->host = host_for_display (url);
  self->group = g_strdup (group);
  self->group_index = group_index;

  return self;
}

const char *
syllabus_resource_get_title (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->title;
}

const char *
syllabus_resource_get_url (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->url;
}

/**
 * syllabus_resource_get_key:
 *
 * Returns: the normalised URL that identifies the resource within its topic
 */
const char *
syllabus_resource_get_key (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->key;
}

/**
 * syllabus_resource_get_host:
 *
 * Returns: (nullable): the link's host without a leading "www.", for display
 */
const char *
syllabus_resource_get_host (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->host;
}

/**
 * syllabus_resource_get_group:
 *
 * Returns: (nullable): the subheading the resource is listed under
 */
const char *
syllabus_resource_get_group (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->group;
}

guint
syllabus_resource_get_group_index (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), 0);

  return self->group_index;
}

/**
 * syllabus_resource_get_first_in_group:
 *
 * Whether this is the first resource of its group in the topic's list, so
 * that a flat list view can show the group's heading above it.
 */
gboolean
syllabus_resource_get_first_in_group (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), FALSE);

  return self->first_in_group;
}

void
syllabus_resource_set_first_in_group (SyllabusResource *self,
                                      gboolean          first_in_group)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE (self));

  self->first_in_group = !!first_in_group;
}
