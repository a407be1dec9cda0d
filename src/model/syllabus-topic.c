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
#include <string.h>

#include "syllabus-resource-list.h"
#include "syllabus-topic-bundle.h"
#include "syllabus-topic-private.h"

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
  /* For a topic made of a folder: the files left out, and why */
  GPtrArray            *problems;
  guint                 has_resources_section : 1;
  SyllabusResourcesRule resources_rule;
  guint                 is_folder : 1;
};

typedef struct
{
  char   *path;
  GError *error;
} Problem;

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->path);
  g_error_free (problem->error);
  g_free (problem);
}

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
  g_clear_pointer (&self->problems, g_ptr_array_unref);

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
  self->problems = g_ptr_array_new_with_free_func (problem_free);
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
  SyllabusTopicWalk walk = { 0 };

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

  body = data + syllabus_front_matter_parse (data, length, self->metadata);
  body_length = length - (body - data);

  /* The body is parsed from a copy of its own, which becomes the
   * introduction: the resources section is cut out of it in place
   * afterwards, and it ends in a nul as the introduction's text must.
   * (It holds no nul before that: it is valid UTF-8.) */
  terminated = g_malloc (body_length + 1);
  memcpy (terminated, body, body_length);
  terminated[body_length] = '\0';
  body = terminated;

  self->resources_rule = syllabus_resources_rule_parse (g_hash_table_lookup (self->metadata, "resources"));
  walk.rule = self->resources_rule;
  if (!syllabus_topic_walk_run (&walk, body, body_length))
    {
      syllabus_topic_walk_clear (&walk);
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

  g_clear_object (&self->resources);
  self->resources = syllabus_resource_list_new_take (syllabus_topic_walk_take_resources (&walk));

  self->introduction_html = g_string_free (g_steal_pointer (&walk.html_out), FALSE);

  g_ptr_array_add (walk.images, NULL);
  self->images = (GStrv)g_ptr_array_free (g_steal_pointer (&walk.images), FALSE);

  syllabus_topic_walk_clear (&walk);

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

/**
 * syllabus_topic_get_id:
 * @self: a #SyllabusTopic
 *
 * Returns: (transfer none): the topic's stable identifier, which names its
 *   progress
 */
const char *
syllabus_topic_get_id (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);

  return self->id;
}

/**
 * syllabus_topic_get_title:
 * @self: a #SyllabusTopic
 *
 * Returns: (transfer none): the title: the front matter's, else the first
 *   level-1 heading, else the fallback given when the topic was read
 */
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

/**
 * syllabus_topic_has_resources_section:
 * @self: a #SyllabusTopic
 *
 * Returns: %TRUE when the page has a "Learning Resources" section, even
 *   one that lists nothing
 */
gboolean
syllabus_topic_has_resources_section (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), FALSE);

  return self->has_resources_section;
}

/**
 * syllabus_topic_get_resources_rule:
 * @self: a #SyllabusTopic
 *
 * Returns: the rule its front matter gives, %SYLLABUS_RESOURCES_AUTO when
 *   it gives none
 */
SyllabusResourcesRule
syllabus_topic_get_resources_rule (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), SYLLABUS_RESOURCES_AUTO);

  return self->resources_rule;
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

/**
 * syllabus_topic_set_base_uri:
 * @self: a #SyllabusTopic
 * @base_uri: (nullable): the folder relative links and images in the page
 *   resolve against
 *
 * Sets the topic's base address; the string is copied.
 */
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

/**
 * syllabus_topic_is_folder:
 *
 * Returns: whether the topic is made of a folder of Markdown files, whose
 *   folder syllabus_topic_get_file() then gives
 */
gboolean
syllabus_topic_is_folder (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), FALSE);

  return self->is_folder;
}

/**
 * syllabus_topic_get_n_problems:
 *
 * Returns: how many files of a topic made of a folder were left out
 */
guint
syllabus_topic_get_n_problems (SyllabusTopic *self)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), 0);

  return self->problems->len;
}

/**
 * syllabus_topic_get_problem_path:
 * @index: a problem's position, below syllabus_topic_get_n_problems()
 *
 * Returns: (transfer none) (type filename): the path of the file or folder
 *   that was left out
 */
const char *
syllabus_topic_get_problem_path (SyllabusTopic *self,
                                 guint          index)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return ((Problem *)g_ptr_array_index (self->problems, index))->path;
}

/**
 * syllabus_topic_get_problem_error:
 * @index: a problem's position, below syllabus_topic_get_n_problems()
 *
 * Returns: (transfer none): why the file or folder was left out
 */
const GError *
syllabus_topic_get_problem_error (SyllabusTopic *self,
                                  guint          index)
{
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return ((Problem *)g_ptr_array_index (self->problems, index))->error;
}

/* Marks the topic as made of @folder, which relative links resolve
 * against. */
void
syllabus_topic_set_folder (SyllabusTopic *self,
                           GFile         *folder)
{
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *base_uri = g_str_has_suffix (uri, "/") ? g_strdup (uri)
                                                         : g_strconcat (uri, "/", NULL);

  g_set_object (&self->file, folder);
  self->is_folder = TRUE;
  syllabus_topic_set_base_uri (self, base_uri);
}

/* Records that the file at @path was left out of a topic made of a
 * folder, and why. */
void
syllabus_topic_add_problem (SyllabusTopic *self,
                            const char    *path,
                            const GError  *error)
{
  Problem *problem = g_new0 (Problem, 1);

  problem->path = g_strdup (path);
  problem->error = g_error_copy (error);
  g_ptr_array_add (self->problems, problem);
}
