/* syllabus-topic-bundle.c

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

#include <glib/gi18n.h>
#include <string.h>

#include "syllabus-topic-private.h"

/* A folder is a topic: a tree of Markdown files laid out as roadmap.sh
 * lays out a roadmap's content/ folder. Each folder may hold an index.md
 * (its own title and text) and one file per node; names may carry a
 * number that orders them ("101-language-basics/", "102-tokio.md").
 *
 * The tree is made into one Markdown page in memory and parsed as any
 * topic is, with "resources: all" in its front matter so that every link
 * listed under a node becomes a resource, grouped under the headings
 * above it. Each folder becomes a heading at its depth and each node's
 * headings move down by theirs, so that the page's headings are the
 * tree. A resource's key is its address, as in any topic: renumbering or
 * renaming files keeps its progress.
 *
 * The folder is only read. A file that cannot be read is left out and
 * named in the topic's problems; the rest still opens. Hidden files and
 * symbolic links leading out of the folder are not followed, and the
 * depth and the number of files are limited. Everything here blocks: it
 * runs in the worker threads that load topics. Which files are read, and
 * in which order, is syllabus-topic-bundle-list.c's; how their headings
 * move down, syllabus-topic-bundle-headings.c's.
 */

/* Building the page ----------------------------------------------------- */

/* The text of @entry's file without BOM and front matter, its relative
 * addresses rewritten relative to the top folder, or %NULL with the
 * problem recorded; @metadata gets the front matter. */
static char *
read_text (SyllabusBundleEntry *entry,
           GHashTable          *metadata,
           gsize               *length,
           GPtrArray           *problems,
           GCancellable        *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  GFile *file = entry->file;
  const char *slash;
  gsize len = 0;
  gsize skip = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > SYLLABUS_TOPIC_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (SYLLABUS_TOPIC_MAX_SIZE);

      error = g_error_new (SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_TOO_LARGE,
                           _("The file is %s large; files are limited to %s"), size, limit);
      syllabus_bundle_add_problem (problems, file, error);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, &error))
    {
      syllabus_bundle_add_problem (problems, file, error);
      return NULL;
    }

  if (len > 0 && !g_utf8_validate_len (data, len, NULL))
    {
      error = g_error_new_literal (SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING,
                                   _("The file is not UTF-8 text"));
      syllabus_bundle_add_problem (problems, file, error);
      return NULL;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      error = g_error_new_literal (SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING,
                                   _("The file contains a NUL byte, which text never holds"));
      syllabus_bundle_add_problem (problems, file, error);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  skip += syllabus_front_matter_parse (data + skip, len - skip, metadata);

  slash = strrchr (entry->relative_path, '/');
  dir = slash != NULL ? g_strndup (entry->relative_path, slash - entry->relative_path)
                      : g_strdup ("");

  return syllabus_topic_bundle_rebase_links (data + skip, len - skip, dir, length);
}

static void
append_heading (GString    *doc,
                guint       level,
                const char *title)
{
  g_string_append (doc, "\n");
  for (guint i = 0; i < MIN (level, 6); i++)
    g_string_append_c (doc, '#');
  g_string_append_printf (doc, " %s\n\n", title);
}

static char *
entry_name (SyllabusBundleEntry *entry)
{
  g_autofree char *name = g_file_get_basename (entry->file);

  if (g_str_has_suffix (name, ".md"))
    name[strlen (name) - 3] = '\0';

  return g_steal_pointer (&name);
}

/* A title for the front matter: quoted, so that quotes and colons in it
 * are its own. */
static void
append_front_matter (GString    *doc,
                     const char *title)
{
  g_autoptr(GString) line = g_string_new (title);

  g_string_replace (line, "\n", " ", 0);
  g_string_append_printf (doc, "---\ntitle: \"%s\"\nresources: all\n---\n", line->str);
}

/**
 * syllabus_topic_bundle_build:
 * @folder: a folder topic's folder
 * @problems: (element-type SyllabusBundleProblem): where to add the files
 *   left out
 * @length: (out): the page's length
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes the tree under @folder into one Markdown page, with front matter
 * that names its title and sets "resources: all". Each folder is a
 * heading at its depth (the top folder level 1), titled by its index.md's
 * first level-1 heading or else by its name, with the rest of its
 * index.md below; each node follows with its headings one level below
 * its folder's. Blocks.
 *
 * Returns: (transfer full): the page, or %NULL with @error set when the
 *   folder holds no Markdown file that can be read
 */
char *
syllabus_topic_bundle_build (GFile         *folder,
                             GPtrArray     *problems,
                             gsize         *length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) doc = NULL;
  g_autofree char *title = NULL;
  gboolean any = FALSE;
  gboolean truncated = FALSE;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  entries = syllabus_topic_bundle_list (folder, problems, cancellable);

  for (guint i = 0; i < entries->len && !truncated; i++)
    {
      SyllabusBundleEntry *entry = g_ptr_array_index (entries, i);
      SyllabusBundleEntry *next = i + 1 < entries->len ? g_ptr_array_index (entries, i + 1) : NULL;
      g_autoptr(GHashTable) metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              g_free);
      g_autofree char *text = NULL;
      g_autofree char *shifted = NULL;
      g_autofree char *h1 = NULL;
      g_autofree char *name = entry_name (entry);
      gsize text_length = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      switch (entry->kind)
        {
        case SYLLABUS_BUNDLE_ENTRY_FOLDER:
          /* Its index.md, if any, comes right after it. */
          if (next != NULL && next->kind == SYLLABUS_BUNDLE_ENTRY_INDEX &&
              (text = read_text (next, metadata, &text_length, problems, cancellable)))
            {
              const char *named = g_hash_table_lookup (metadata, "title");

              shifted = syllabus_topic_bundle_shift_headings (text, text_length, entry->depth,
                                                              TRUE, &h1);
              if (h1 == NULL && named != NULL && *named != '\0')
                h1 = g_strdup (named);
              any = TRUE;
            }
          if (h1 == NULL || *h1 == '\0')
            {
              g_free (h1);
              if (entry->depth == 0)
                {
                  /* The top folder may be roadmap.sh's "content". */
                  g_free (name);
                  name = syllabus_topic_bundle_name (folder);
                }
              h1 = syllabus_topic_bundle_title_for_name (name);
            }
          if (entry->depth == 0)
            title = g_strdup (h1);
          append_heading (body, entry->depth + 1, h1);
          if (shifted != NULL)
            {
              g_string_append (body, shifted);
              g_string_append (body, "\n");
            }
          break;

        case SYLLABUS_BUNDLE_ENTRY_NODE:
          if (!(text = read_text (entry, metadata, &text_length, problems, cancellable)))
            break;
          shifted = syllabus_topic_bundle_shift_headings (text, text_length, entry->depth + 1,
                                                          FALSE, &h1);
          /* A node without a title of its own is titled by its name. */
          if (h1 == NULL)
            {
              g_autofree char *named = syllabus_topic_bundle_title_for_name (name);

              append_heading (body, entry->depth + 2, named);
            }
          else
            g_string_append (body, "\n");
          g_string_append (body, shifted);
          g_string_append (body, "\n");
          any = TRUE;
          break;

        case SYLLABUS_BUNDLE_ENTRY_INDEX:
        case SYLLABUS_BUNDLE_ENTRY_IMAGE:
        default:
          break;
        }

      if (body->len > SYLLABUS_TOPIC_MAX_SIZE - 4096)
        {
          g_autofree char *limit = g_format_size (SYLLABUS_TOPIC_MAX_SIZE);
          g_autoptr(GError) large = g_error_new (SYLLABUS_TOPIC_ERROR,
                                                 SYLLABUS_TOPIC_ERROR_TOO_LARGE,
                                                 _("The folder’s files come to more than %s; "
                                                   "the rest were left out"), limit);

          syllabus_bundle_add_problem (problems, folder, large);
          truncated = TRUE;
        }
    }

  if (!any)
    {
      g_autofree char *path = g_file_get_path (folder);

      g_set_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_EMPTY_FOLDER,
                   _("The folder %s holds no Markdown file that can be read"),
                   path != NULL ? path : "");
      return NULL;
    }

  doc = g_string_sized_new (body->len + 128);
  append_front_matter (doc, title);
  g_string_append_len (doc, body->str, body->len);

  *length = doc->len;
  return g_string_free (g_steal_pointer (&doc), FALSE);
}

/**
 * syllabus_topic_bundle_load:
 * @folder: a folder topic's folder
 * @id: the id to give the topic
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the tree under @folder as one topic (see
 * syllabus_topic_bundle_build()). Files that could not be read are the
 * topic's problems. Blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the topic, whose file is @folder, or %NULL
 *   with @error set
 */
SyllabusTopic *
syllabus_topic_bundle_load (GFile         *folder,
                            const char    *id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (syllabus_bundle_problem_free);
  g_autofree char *doc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fallback = NULL;
  SyllabusTopic *topic;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  if (!(doc = syllabus_topic_bundle_build (folder, problems, &length, cancellable, error)))
    return NULL;

  name = syllabus_topic_bundle_name (folder);
  fallback = syllabus_topic_bundle_title_for_name (name);
  if (!(topic = syllabus_topic_new_from_data (id, fallback, doc, length, error)))
    return NULL;

  syllabus_topic_set_folder (topic, folder);
  for (guint i = 0; i < problems->len; i++)
    {
      SyllabusBundleProblem *problem = g_ptr_array_index (problems, i);

      syllabus_topic_add_problem (topic, problem->path, problem->error);
    }

  return topic;
}

/**
 * syllabus_topic_bundle_looks_like_one:
 * @folder: a folder
 * @cancellable: (nullable): a #GCancellable
 *
 * Whether @folder is a folder topic: one Syllabus copied as such, or one
 * that holds Markdown files, or folders with an index.md. Blocks.
 *
 * Returns: %TRUE if it is
 */
gboolean
syllabus_topic_bundle_looks_like_one (GFile        *folder,
                                      GCancellable *cancellable)
{
  g_autoptr(GFile) marker = g_file_get_child (folder, SYLLABUS_BUNDLE_MARKER);
  g_autoptr(GFileEnumerator) enumerator = NULL;

  if (g_file_query_exists (marker, cancellable))
    return TRUE;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (enumerator == NULL)
    return FALSE;

  for (guint n = 0; n < SYLLABUS_BUNDLE_MAX_FILES; n++)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      const char *name;

      if (info == NULL)
        return FALSE;

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md"))
        return TRUE;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) dir = g_file_get_child (folder, name);
          g_autoptr(GFile) index = g_file_get_child (dir, "index.md");

          if (g_file_query_file_type (index, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) ==
              G_FILE_TYPE_REGULAR)
            return TRUE;
        }
    }

  return FALSE;
}
