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
#include "syllabus-resource-private.h"

#include <string.h>

/* A learning resource as the topic file lists it: immutable once parsed.
 * What the user did with it lives in SyllabusEntry, keyed by the normalised
 * URL, so that renaming or moving the line in the Markdown keeps progress.
 */
struct _SyllabusResource
{
  GObject     parent_instance;

  /* The strings share one allocation, the title's, as a topic can list
   * thousands of resources: the key is the URL itself when the link is
   * already normalised, and the host and group may be %NULL. */
  char       *title;
  const char *url;
  const char *key;
  const char *host;
  const char *group;
  /* A key of its own, for a line whose address an earlier line of the
   * topic already has; %NULL for nearly all resources */
  char       *own_key;
  /* What the resource is ("official", "video"…), lower case, as the
   * topic's link text marked it; %NULL for most */
  char       *kind;
  guint       group_index;
  gboolean    first_in_group;
};

G_DEFINE_FINAL_TYPE (SyllabusResource, syllabus_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_KEY,
  PROP_HOST,
  PROP_GROUP,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
syllabus_resource_finalize (GObject *object)
{
  SyllabusResource *self = (SyllabusResource *)object;

  /* The other strings live in the title's block. */
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->own_key, g_free);
  g_clear_pointer (&self->kind, g_free);

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
    case PROP_KIND:
      g_value_set_string (value, self->kind);
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
  /* Set by the topic parser only, before the resource is handed out. */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_resource_init (SyllabusResource *self)
{
}

static char *
host_for_uri (GUri *uri)
{
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;

  if (g_ascii_strncasecmp (host, "www.", 4) == 0 && host[4] != '\0')
    host += 4;

  return g_ascii_strdown (host, -1);
}

static char *
host_for_display (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);

  return host_for_uri (uri);
}

/* Whether parsing @url with G_URI_FLAGS_ENCODED gives the host that parsing
 * it without would: GLib decodes a host either way, and the other parts
 * only make a difference through their %-escapes (which may decode to
 * something GLib refuses) or bytes that are not UTF-8. Whitespace is left
 * to the slow path too, as GLib's relaxed parser rewrites it. */
static gboolean
host_parse_agrees (const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    if (*p == '%' || g_ascii_isspace (*p))
      return FALSE;

  return g_utf8_validate (url, -1, NULL);
}

/* Where the parts of a plain link are, for simple_url(). */
typedef struct
{
  gsize    host_start;
  gsize    host_end;     /* where the path starts */
  gboolean empty_path;
} SimpleUrl;

/* Most links in a topic are as plain as "https://host/path": for those,
 * what GUri would make of them is known without it, and a topic may list
 * thousands. Reads "scheme://host[/path]" with a scheme of letters, a host
 * of letters, digits, dots and dashes and a path of those and "_~/" without
 * dot segments ("/." anywhere sends a path to GUri), that is, exactly the
 * links GUri leaves as they are but for the case of scheme and host and an
 * empty path. Anything else (ports, queries, escapes, user names,
 * whitespace) returns %FALSE. */
static gboolean
simple_url (const char *url,
            SimpleUrl  *parts)
{
  const char *p = url;
  const char *host;
  const char *path;

  while (g_ascii_isalpha (*p))
    p++;
  if (p == url || strncmp (p, "://", 3) != 0)
    return FALSE;

  host = p + 3;
  for (p = host; g_ascii_isalnum (*p) || *p == '.' || *p == '-'; p++)
    ;
  if (p == host || (*p != '/' && *p != '\0'))
    return FALSE;
  path = p;

  for (; g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_' || *p == '~' || *p == '/'; p++)
    if (p[0] == '/' && p[1] == '.')
      return FALSE;
  if (*p != '\0')
    return FALSE;

  parts->host_start = host - url;
  parts->host_end = path - url;
  parts->empty_path = *path == '\0';

  return TRUE;
}

/* The key of a link simple_url() accepted, written at @key: @url with its
 * scheme and host in lower case and an empty path made "/". Returns where
 * the key ends. */
static char *
write_simple_key (char            *key,
                  const char      *url,
                  gsize            url_len,
                  const SimpleUrl *parts)
{
  for (gsize i = 0; i < parts->host_end; i++)
    key[i] = g_ascii_isupper (url[i]) ? url[i] - 'A' + 'a' : url[i];
  memcpy (key + parts->host_end, url + parts->host_end, url_len - parts->host_end);
  key += url_len;
  if (parts->empty_path)
    *key++ = '/';
  *key = '\0';

  return key;
}

/* Whether write_simple_key() would write @url unchanged. */
static gboolean
simple_key_is_url (const char      *url,
                   const SimpleUrl *parts)
{
  if (parts->empty_path)
    return FALSE;

  for (gsize i = 0; i < parts->host_end; i++)
    if (g_ascii_isupper (url[i]))
      return FALSE;

  return TRUE;
}

/* The host shown for a link simple_url() accepted: without a leading
 * "www.", lower case. */
static void
simple_host (const char      *url,
             const SimpleUrl *parts,
             gsize           *start,
             gsize           *len)
{
  *start = parts->host_start;
  if (g_ascii_strncasecmp (url + *start, "www.", 4) == 0 && *start + 4 < parts->host_end)
    *start += 4;
  *len = parts->host_end - *start;
}

/* Stores the parse of the trimmed @url, or %NULL, in @parsed. */
static char *
normalize_url (const char  *url,
               GUri       **parsed)
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

  trimmed = g_strstrip (g_strdup (url));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  if (parsed != NULL)
    *parsed = uri != NULL ? g_uri_ref (uri) : NULL;
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
  SimpleUrl parts;

  g_return_val_if_fail (url != NULL, NULL);

  if (simple_url (url, &parts))
    {
      gsize url_len = strlen (url);
      char *key = g_malloc (url_len + 2);

      write_simple_key (key, url, url_len, &parts);
      return key;
    }

  return normalize_url (url, NULL);
}

/* Copies @len bytes of @text to @dest as a string and returns where the
 * next string goes. */
static inline char *
copy_string (char       *dest,
             const char *text,
             gsize       len)
{
  memcpy (dest, text, len);
  dest[len] = '\0';

  return dest + len + 1;
}

/**
 * syllabus_resource_new_len: (skip)
 * @title: the resource's title, plain text, @title_len bytes
 * @title_len: the length of @title
 * @url: the link as written in the topic, @url_len bytes and nul-terminated
 * @url_len: the length of @url
 * @group: (nullable): the subheading the resource is listed under
 * @group_index: the position of @group among the topic's groups
 *
 * syllabus_resource_new() for a caller that knows the lengths, such as the
 * topic parser, which creates thousands of resources from buffers it
 * reuses.
 *
 * Returns: (transfer full): a new resource
 */
SyllabusResource *
syllabus_resource_new_len (const char *title,
                           gsize       title_len,
                           const char *url,
                           gsize       url_len,
                           const char *group,
                           guint       group_index)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *slow_key = NULL;
  g_autofree char *slow_host = NULL;
  SyllabusResource *self;
  SimpleUrl parts;
  gboolean simple;
  gboolean key_is_url = FALSE;
  gsize key_len = 0;
  gsize host_start = 0;
  gsize host_len = 0;
  gsize group_len = group != NULL ? strlen (group) : 0;
  char *p;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);
  /* The address is read up to its nul as well as copied by its length. */
  g_return_val_if_fail (url[url_len] == '\0', NULL);

  /* A topic can list thousands of links: parse each once where that gives
   * the same host, and not at all when it is plain. */
  simple = simple_url (url, &parts);
  if (simple)
    {
      key_is_url = simple_key_is_url (url, &parts);
      key_len = url_len + (parts.empty_path ? 1 : 0);
      simple_host (url, &parts, &host_start, &host_len);
    }
  else
    {
      slow_key = normalize_url (url, &uri);
      slow_host = host_parse_agrees (url) ? host_for_uri (uri) : host_for_display (url);
      key_len = strlen (slow_key);
      host_len = slow_host != NULL ? strlen (slow_host) : 0;
    }

  self = g_object_new (SYLLABUS_TYPE_RESOURCE, NULL);

  /* title, url, key (unless it is the URL), host, group: each with its nul */
  p = self->title = g_malloc (title_len + 1 + url_len + 1 +
                              (key_is_url ? 0 : key_len + 1) +
                              host_len + 1 + group_len + 1);
  p = copy_string (p, title, title_len);
  self->url = p;
  p = copy_string (p, url, url_len);

  if (key_is_url)
    {
      self->key = self->url;
    }
  else
    {
      self->key = p;
      if (simple)
        p = write_simple_key (p, url, url_len, &parts) + 1;
      else
        p = copy_string (p, slow_key, key_len);
    }

  if (simple)
    {
      /* simple_url() only accepts ASCII hosts */
      self->host = p;
      for (gsize i = 0; i < host_len; i++)
        *p++ = g_ascii_isupper (url[host_start + i]) ? url[host_start + i] - 'A' + 'a' : url[host_start + i];
      *p++ = '\0';
    }
  else if (slow_host != NULL)
    {
      self->host = p;
      p = copy_string (p, slow_host, host_len);
    }

  if (group != NULL)
    {
      self->group = p;
      copy_string (p, group, group_len);
    }
  self->group_index = group_index;

  return self;
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
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return syllabus_resource_new_len (title, strlen (title), url, strlen (url), group, group_index);
}

/**
 * syllabus_resource_get_title:
 * @self: a #SyllabusResource
 *
 * Returns: (transfer none): the resource's title, its link text
 */
const char *
syllabus_resource_get_title (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->title;
}

/**
 * syllabus_resource_get_url:
 * @self: a #SyllabusResource
 *
 * Returns: (transfer none): the resource's address as the page writes it
 */
const char *
syllabus_resource_get_url (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->url;
}

/**
 * syllabus_resource_get_key:
 *
 * The key identifies the resource within its topic: it is the normalised
 * URL, but for a line whose address an earlier line of the topic already
 * has, which gets the URL followed by "#2", "#3"… (see the topic parser).
 *
 * Returns: the key progress is kept under
 */
const char *
syllabus_resource_get_key (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->key;
}

/*
 * syllabus_resource_set_key:
 * @key: the key to identify the resource by instead of its address
 *
 * Gives a resource whose address an earlier line of its topic already has a
 * key of its own, so that both lines are listed and keep their own
 * progress. Only the topic parser calls this, before anyone else sees the
 * resource: the key of a resource never changes afterwards.
 */
void
syllabus_resource_set_key (SyllabusResource *self,
                           const char       *key)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE (self));
  g_return_if_fail (key != NULL);

  g_free (self->own_key);
  self->own_key = g_strdup (key);
  self->key = self->own_key;
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

/**
 * syllabus_resource_get_kind:
 * @self: a #SyllabusResource
 *
 * What sort of resource this is, as roadmap.sh's topics mark it at the
 * start of the link text: "[@official@Official Website](…)" is of kind
 * "official". See syllabus_resource_kind_get_label() for how to show it.
 *
 * Returns: (nullable) (transfer none): the kind in lower case, or %NULL
 *   when the topic gives none
 */
const char *
syllabus_resource_get_kind (SyllabusResource *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (self), NULL);

  return self->kind;
}

/*
 * syllabus_resource_set_kind:
 * @kind: (nullable): the kind as the topic writes it, such as "Official"
 *
 * Gives the resource its kind, kept in ASCII lower case so that "Video"
 * and "video" are one kind; %NULL or "" takes it away. Only the topic
 * parser calls this, before anyone else sees the resource.
 */
void
syllabus_resource_set_kind (SyllabusResource *self,
                            const char       *kind)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (SYLLABUS_IS_RESOURCE (self));

  if (kind != NULL && *kind != '\0')
    lower = g_ascii_strdown (kind, -1);

  if (g_strcmp0 (lower, self->kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_steal_pointer (&lower);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * syllabus_resource_get_group_index:
 * @self: a #SyllabusResource
 *
 * Returns: the position of the resource's group among the topic's groups
 */
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

/**
 * syllabus_resource_set_first_in_group:
 * @self: a #SyllabusResource
 * @first_in_group: whether the resource opens its group in the checklist
 *
 * Marks the resource under which the checklist shows its group's header.
 */
void
syllabus_resource_set_first_in_group (SyllabusResource *self,
                                      gboolean          first_in_group)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE (self));

  self->first_in_group = !!first_in_group;
}
