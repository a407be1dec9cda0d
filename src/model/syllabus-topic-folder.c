/* syllabus-topic-folder.c

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

#include "syllabus-topic-folder.h"

#include <glib/gi18n.h>
#include <string.h>

#include "syllabus-topic-bundle.h"

/* The user's topic folder on disk: its two layouts, reading it, copying a
 * file into it. In the folder a topic is either NAME/NAME.md, with the
 * images it shows and the address of the file it was copied from
 * (SOURCE_NAME) beside it, which is how opened files are copied, or
 * NAME.md, as earlier versions copied them, with its images loose in the
 * folder; both are read, and the id is NAME. A topic of the user's named
 * as a shipped one (or as another of the user's, in the other layout) is
 * given the first free id NAME-2, NAME-3…: it never hides the shipped one.
 *
 * A folder NAME/ without NAME.md that holds Markdown files is a folder
 * topic (syllabus-topic-bundle.c), id NAME: one placed there by hand, or
 * an opened folder's copy, which is marked as one (SYLLABUS_BUNDLE_MARKER)
 * and has the address of the folder it was copied from beside it.
 * Everything here blocks, and runs in the library's worker threads.
 */

/* Beside a copied topic: the URI of the file it was copied from. */
#define SOURCE_NAME SYLLABUS_SOURCE_NAME

/**
 * syllabus_topic_folder_is_own:
 * @folder: the user's topics folder
 * @file: a file
 *
 * Returns: whether @file is NAME/NAME.md in @folder: a topic in a folder
 *   of its own
 */
gboolean
syllabus_topic_folder_is_own (GFile *folder,
                              GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) grandparent = NULL;
  g_autofree char *parent_name = NULL;
  g_autofree char *name = NULL;

  if (parent == NULL || (grandparent = g_file_get_parent (parent)) == NULL ||
      !g_file_equal (grandparent, folder))
    return FALSE;

  parent_name = g_file_get_basename (parent);
  name = syllabus_topic_id_for_file (file);
  return g_str_equal (parent_name, name) && g_str_has_suffix (g_file_peek_path (file), ".md");
}

/**
 * syllabus_topic_folder_contains:
 * @folder: the user's topics folder
 * @file: a file
 *
 * Returns: whether @file is a topic file of @folder, in either layout
 *   (FOLDER/NAME.md or FOLDER/NAME/NAME.md)
 */
gboolean
syllabus_topic_folder_contains (GFile *folder,
                                GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return (parent != NULL && g_file_equal (parent, folder)) || syllabus_topic_folder_is_own (folder, file);
}

/**
 * syllabus_topic_folder_signature:
 * @file: a topic file
 * @cancellable: (nullable): a #GCancellable
 *
 * What @file looks like now, to tell whether it changed since it was
 * read. Blocks on file I/O: call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): its path, etag and size, or %NULL
 *   if it cannot be asked
 */
char *
syllabus_topic_folder_signature (GFile        *file,
                                 GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, g_file_peek_path (file),
                          g_file_info_get_etag (info), (gint64)g_file_info_get_size (info));
}

/* The id of a topic of the user's named @name: @name itself if no shipped
 * or already claimed topic has it, else the first free "@name-N". Names in
 * @avoid are the files' own and are never given to another. */
static char *
claim_id (const char *name,
          GHashTable *bundled,
          GHashTable *claimed,
          GHashTable *avoid)
{
  if (!g_hash_table_contains (bundled, name) && !g_hash_table_contains (claimed, name))
    return g_strdup (name);

  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, n);

      if (!g_hash_table_contains (bundled, id) && !g_hash_table_contains (claimed, id) &&
          (avoid == NULL || !g_hash_table_contains (avoid, id)))
        return g_steal_pointer (&id);
    }
}

/* Reading the folder ------------------------------------------------- */

/**
 * syllabus_folder_read_free:
 * @result: (transfer full): what reading the topics folder found
 *
 * Frees @result.
 */
void
syllabus_folder_read_free (SyllabusFolderRead *result)
{
  g_clear_pointer (&result->topics, g_ptr_array_unref);
  g_clear_pointer (&result->signatures, g_hash_table_unref);
  g_clear_pointer (&result->topic_folders, g_ptr_array_unref);
  g_string_free (result->problem, TRUE);
  g_free (result);
}

typedef struct
{
  char     *name;
  GFile    *file;
  /* @file is the folder of a folder topic */
  gboolean  is_bundle;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_object_unref (candidate->file);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *candidate_a = *(const Candidate * const *)a;
  const Candidate *candidate_b = *(const Candidate * const *)b;

  return strcmp (candidate_a->name, candidate_b->name);
}

static void
add_problem (GString    *problem,
             GFile      *file,
             const char *message)
{
  if (problem->len > 0)
    g_string_append_c (problem, '\n');
  g_string_append_printf (problem, _("The topic %s cannot be opened: %s"),
                          g_file_peek_path (file), message);
}

/**
 * syllabus_topic_folder_read:
 * @folder: the user's topic folder
 * @bundled: the ids of the shipped topics, a set
 * @signatures: (nullable): id → signature of each topic file as last read;
 *   a file that still has it is not parsed again
 *
 * Reads the topics in @folder, in both layouts, and gives each its id.
 * This blocks: call it from a worker thread.
 *
 * Returns: (transfer full): what was found
 */
SyllabusFolderRead *
syllabus_topic_folder_read (GFile        *folder,
                            GHashTable   *bundled,
                            GHashTable   *signatures,
                            GCancellable *cancellable)
{  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) own_folders = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  SyllabusFolderRead *result = g_new0 (SyllabusFolderRead, 1);

  result->topics = g_ptr_array_new_with_free_func (g_object_unref);
  result->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  result->topic_folders = g_ptr_array_new_with_free_func (g_free);
  result->problem = g_string_new (NULL);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder yet simply means no topics of the user's own. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_string_append_printf (result->problem, _("The topic folder %s cannot be read: %s"),
                                g_file_peek_path (folder), error->message);
      return result;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      Candidate *candidate;
      const char *name;

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md"))
        {
          candidate = g_new0 (Candidate, 1);
          candidate->file = g_file_get_child (folder, name);
          candidate->name = syllabus_topic_id_for_file (candidate->file);
          g_ptr_array_add (loose, candidate);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) dir = g_file_get_child (folder, name);
          g_autofree char *basename = g_strconcat (name, ".md", NULL);
          g_autoptr(GFile) file = g_file_get_child (dir, basename);
          g_autoptr(GFile) marker = g_file_get_child (dir, SYLLABUS_BUNDLE_MARKER);
          gboolean is_bundle = FALSE;

          /* A copied folder may hold a node named as itself: its marker
           * says what it is. */
          if (g_file_query_exists (marker, cancellable))
            is_bundle = TRUE;
          else if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) !=
                   G_FILE_TYPE_REGULAR)
            {
              if (!syllabus_topic_bundle_looks_like_one (dir, cancellable))
                continue;
              is_bundle = TRUE;
            }

          candidate = g_new0 (Candidate, 1);
          candidate->file = is_bundle ? g_steal_pointer (&dir) : g_steal_pointer (&file);
          candidate->is_bundle = is_bundle;
          candidate->name = g_strdup (name);
          g_ptr_array_add (own_folders, candidate);
          g_ptr_array_add (result->topic_folders,
                           g_file_get_path (is_bundle ? candidate->file : dir));
        }
    }

  /* Ids are given in an order that does not depend on the order the
   * folder lists its files in: the same files give the same ids at every
   * start. Topics in folders of their own were given their names by the
   * import, which only picks free ones: they come first. */
  g_ptr_array_sort (own_folders, compare_candidates);
  g_ptr_array_sort (loose, compare_candidates);
  for (guint i = 0; i < own_folders->len; i++)
    g_hash_table_add (names, ((Candidate *)g_ptr_array_index (own_folders, i))->name);
  for (guint i = 0; i < loose->len; i++)
    g_hash_table_add (names, ((Candidate *)g_ptr_array_index (loose, i))->name);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *candidates = pass == 0 ? own_folders : loose;

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *candidate = g_ptr_array_index (candidates, i);
          g_autofree char *id = claim_id (candidate->name, bundled, claimed, names);
          /* A folder topic's signature is its whole tree's: an unchanged
           * tree is not built again. */
          g_autofree char *signature = candidate->is_bundle
                                       ? syllabus_topic_bundle_signature (candidate->file, cancellable)
                                       : syllabus_topic_folder_signature (candidate->file, cancellable);
          g_autoptr(GError) topic_error = NULL;
          const char *known;
          SyllabusTopic *topic;

          g_hash_table_add (claimed, g_strdup (id));

          known = signatures != NULL ? g_hash_table_lookup (signatures, id) : NULL;
          if (signature != NULL && g_strcmp0 (known, signature) == 0)
            {
              g_hash_table_replace (result->signatures, g_steal_pointer (&id),
                                    g_steal_pointer (&signature));
              continue;
            }

          if (candidate->is_bundle)
            topic = syllabus_topic_bundle_load (candidate->file, id, cancellable, &topic_error);
          else
            topic = syllabus_topic_load_file_as (candidate->file, id, cancellable, &topic_error);

          if (topic != NULL)
            {
              g_ptr_array_add (result->topics, topic);
              g_hash_table_replace (result->signatures, g_steal_pointer (&id),
                                    signature != NULL ? g_steal_pointer (&signature) : g_strdup (""));
            }
          else
            {
              /* Listed as it was until the file is fixed. */
              add_problem (result->problem, candidate->file, topic_error->message);
              g_hash_table_replace (result->signatures, g_steal_pointer (&id), NULL);
            }
        }
    }

  return result;
}

/* Copying a file into the folder -------------------------------------- */

/**
 * syllabus_folder_import_free:
 * @import: (transfer full): a request to copy a file into the folder
 *
 * Frees @import.
 */
void
syllabus_folder_import_free (SyllabusFolderImport *import)
{
  g_clear_object (&import->source);
  g_clear_object (&import->folder);
  g_clear_pointer (&import->listed, g_hash_table_unref);
  g_clear_pointer (&import->bundled, g_hash_table_unref);
  g_free (import);
}

/**
 * syllabus_folder_copy_free:
 * @result: (transfer full): what copying a file into the folder did
 *
 * Frees @result.
 */
void
syllabus_folder_copy_free (SyllabusFolderCopy *result)
{
  g_clear_object (&result->topic);
  g_free (result->signature);
  g_free (result->topic_folder);
  g_free (result);
}

/* Images the page shows from its own folder come along with it, so that
 * the copy looks like the original; each is taken from the first of
 * @from that has it. One that is missing or cannot be copied is left out:
 * the page then shows it as missing, as before. Each topic has a folder
 * of its own, so an image never replaces another topic's. */
static void
copy_local_images (SyllabusTopic *topic,
                   GFile        **from,
                   guint          n_from,
                   GFile         *to,
                   GCancellable  *cancellable)
{
  const char * const *images = syllabus_topic_get_local_images (topic);

  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autoptr(GFile) target = g_file_resolve_relative_path (to, images[i]);
      g_autoptr(GFile) target_parent = g_file_get_parent (target);

      for (guint j = 0; j < n_from; j++)
        {
          g_autoptr(GFile) source = NULL;
          g_autoptr(GError) error = NULL;

          if (from[j] == NULL)
            continue;

          source = g_file_resolve_relative_path (from[j], images[i]);
          if (g_file_equal (source, target))
            break;
          if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable) !=
              G_FILE_TYPE_REGULAR)
            continue;

          if (target_parent != NULL)
            g_file_make_directory_with_parents (target_parent, cancellable, NULL);

          if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
            g_debug ("Could not copy image %s: %s", images[i], error->message);
          break;
        }
    }
}

/* The id of the topic last copied from @uri, if its copy is still there. */
char *
syllabus_topic_folder_find_copy_of (GFile        *folder,
                                    const char   *uri,
                                    GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      g_autoptr(GFile) dir = NULL;
      g_autoptr(GFile) note = NULL;
      g_autoptr(GFile) topic_file = NULL;
      g_autoptr(GFile) marker = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *basename = NULL;
      const char *name;

      if (info == NULL)
        return NULL;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY || name[0] == '.')
        continue;

      dir = g_file_get_child (folder, name);
      note = g_file_get_child (dir, SOURCE_NAME);
      if (!g_file_load_contents (note, cancellable, &contents, NULL, NULL, NULL) ||
          !g_str_equal (g_strchomp (contents), uri))
        continue;

      basename = g_strconcat (name, ".md", NULL);
      topic_file = g_file_get_child (dir, basename);
      marker = g_file_get_child (dir, SYLLABUS_BUNDLE_MARKER);
      if (g_file_query_exists (topic_file, cancellable) ||
          g_file_query_exists (marker, cancellable))
        return g_strdup (name);
    }
}

/* The file of the user's topic @id, listed or on disk, or %NULL. */
GFile *
syllabus_topic_folder_find_existing (SyllabusFolderImport *import,
                                     const char           *id,
                                     GCancellable         *cancellable)
{
  g_autofree char *basename = g_strconcat (id, ".md", NULL);
  g_autoptr(GFile) dir = g_file_get_child (import->folder, id);
  g_autoptr(GFile) in_own_folder = g_file_get_child (dir, basename);
  g_autoptr(GFile) loose = g_file_get_child (import->folder, basename);
  GFile *listed = g_hash_table_lookup (import->listed, id);

  if (listed != NULL && !g_file_equal (listed, import->folder))
    return g_object_ref (listed);
  if (g_file_query_exists (in_own_folder, cancellable))
    return g_steal_pointer (&in_own_folder);
  if (g_file_query_exists (loose, cancellable))
    return g_steal_pointer (&loose);

  return NULL;
}

/* The first "@name-N" that no topic has, listed or on disk. */
char *
syllabus_topic_folder_free_id (SyllabusFolderImport *import,
                               const char           *name,
                               GCancellable         *cancellable)
{
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, n);
      g_autofree char *basename = g_strconcat (id, ".md", NULL);
      g_autoptr(GFile) dir = g_file_get_child (import->folder, id);
      g_autoptr(GFile) loose = g_file_get_child (import->folder, basename);

      if (!g_hash_table_contains (import->listed, id) &&
          !g_hash_table_contains (import->bundled, id) &&
          !g_file_query_exists (dir, cancellable) && !g_file_query_exists (loose, cancellable))
        return g_steal_pointer (&id);
    }
}

gboolean
syllabus_topic_folder_write_file (GFile   *file,
                                  GBytes  *bytes,
                                  GError **error)
{
  return g_file_set_contents_full (g_file_peek_path (file), g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/**
 * syllabus_topic_folder_import:
 * @import: what to copy where, and what the library lists
 *
 * Copies a topic file into a folder of its own in the user's folder, as
 * syllabus_library_import_async() describes. This blocks: call it from a
 * worker thread.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set
 */
SyllabusFolderCopy *
syllabus_topic_folder_import (SyllabusFolderImport  *import,
                              GCancellable          *cancellable,
                              GError               **error_out)
{
  g_autoptr(SyllabusTopic) checked = NULL;
  g_autoptr(SyllabusTopic) copied = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) existing = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) note = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) source_uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) existing_parent = NULL;
  GFile *from[2] = { NULL, NULL };
  SyllabusFolderCopy *result;
  GError *error = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (g_file_query_file_type (import->source, G_FILE_QUERY_INFO_NONE, cancellable) ==
      G_FILE_TYPE_DIRECTORY)
    return syllabus_topic_folder_import_bundle (import, cancellable, error_out);

  /* Only a file that parses is copied: a broken file is reported, not
   * kept. */
  if (!(checked = syllabus_topic_load_file (import->source, cancellable, &error)))
    {
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* A topic file of the library itself is only read again. */
  if (syllabus_topic_folder_contains (import->folder, import->source))
    {
      id = syllabus_topic_id_for_file (import->source);
      g_hash_table_iter_init (&iter, import->listed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_file_equal (value, import->source))
          {
            g_free (id);
            id = g_strdup (key);
          }

      result = g_new0 (SyllabusFolderCopy, 1);
      if (!(result->topic = syllabus_topic_load_file_as (import->source, id, cancellable, &error)))
        {
          syllabus_folder_copy_free (result);
          g_propagate_error (error_out, error);
          return NULL;
        }
      result->signature = syllabus_topic_folder_signature (import->source, cancellable);
      return result;
    }

  /* The file may have changed since it was checked: check the very bytes
   * that are copied, so that a good copy is never replaced by a broken
   * one. */
  name = syllabus_topic_id_for_file (import->source);
  if (!(bytes = g_file_load_bytes (import->source, cancellable, NULL, &error)) ||
      !(copied = syllabus_topic_new_from_bytes (name, NULL, bytes, &error)))
    {
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* Which topic the file becomes: the one copied from it before; else
   * the one of its name, if there is none, or it is the same page, or the
   * user chose to replace it; else one of its own. A shipped topic is
   * never replaced, nor a file that cannot be read. */
  uri = g_file_get_uri (import->source);
  if ((id = syllabus_topic_folder_find_copy_of (import->folder, uri, cancellable)) == NULL &&
      !g_hash_table_contains (import->bundled, name))
    {
      g_autoptr(GFile) same_name = syllabus_topic_folder_find_existing (import, name, cancellable);
      g_autoptr(GBytes) same_name_bytes = NULL;

      if (same_name == NULL)
        id = g_strdup (name);
      else if ((same_name_bytes = g_file_load_bytes (same_name, cancellable, NULL, NULL)) != NULL)
        {
          if (g_bytes_equal (same_name_bytes, bytes) ||
              import->mode == SYLLABUS_LIBRARY_IMPORT_REPLACE)
            id = g_strdup (name);
          else if (import->mode == SYLLABUS_LIBRARY_IMPORT_ASK)
            {
              /* Not shown to the user: the window asks instead. */
              g_set_error (error_out, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NAME_TAKEN,
                           "The topic id “%s” is taken", name);
              return NULL;
            }
        }
    }
  if (id == NULL)
    id = syllabus_topic_folder_free_id (import, name, cancellable);

  basename = g_strconcat (id, ".md", NULL);
  dir = g_file_get_child (import->folder, id);
  target = g_file_get_child (dir, basename);
  note = g_file_get_child (dir, SOURCE_NAME);
  existing = syllabus_topic_folder_find_existing (import, id, cancellable);

  if (!g_file_make_directory_with_parents (dir, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error_out, error);
          return NULL;
        }
      g_clear_error (&error);
    }

  /* A copy in the earlier layout that this one replaces still has the
   * images the source may no longer have. */
  parent = g_file_get_parent (import->source);
  if (existing != NULL && !g_file_equal (existing, target))
    existing_parent = g_file_get_parent (existing);
  from[0] = parent;
  from[1] = existing_parent;
  copy_local_images (copied, from, G_N_ELEMENTS (from), dir, cancellable);

  source_uri = g_bytes_new_take (g_strconcat (uri, "\n", NULL), strlen (uri) + 1);
  result = g_new0 (SyllabusFolderCopy, 1);
  if (!syllabus_topic_folder_write_file (target, bytes, &error) ||
      !syllabus_topic_folder_write_file (note, source_uri, &error) ||
      !(result->topic = syllabus_topic_load_file_as (target, id, cancellable, &error)))
    {
      syllabus_folder_copy_free (result);
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* The copy in the earlier layout has been replaced: the user chose to,
   * or it was the same page. */
  if (existing != NULL && !g_file_equal (existing, target) &&
      !g_file_delete (existing, cancellable, &error))
    {
      g_debug ("Could not delete the replaced %s: %s", g_file_peek_path (existing),
               error->message);
      g_clear_error (&error);
    }

  result->signature = syllabus_topic_folder_signature (target, cancellable);
  result->topic_folder = g_file_get_path (dir);
  return result;
}

/* Deletes @file and the folders above it up to @top as they become empty;
 * what cannot be deleted stays. */
static void
delete_within (GFile *file,
               GFile *top)
{
  g_autoptr(GFile) current = g_object_ref (file);

  while (!g_file_equal (current, top) && g_file_has_prefix (current, top))
    {
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (!g_file_delete (current, NULL, NULL))
        return;
      g_set_object (&current, parent);
    }
}

/**
 * syllabus_topic_folder_delete_extras:
 * @folder: the user's topic folder
 * @topic: a topic whose file was just deleted
 *
 * In a folder of its own, what was copied with the topic goes too: the
 * images it shows, the note of its source, the folder if then empty.
 * Images of the earlier layout may be another topic's as well, and stay.
 */
void
syllabus_topic_folder_delete_extras (GFile         *folder,
                                     SyllabusTopic *topic)
{
  GFile *file = syllabus_topic_get_file (topic);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) note = NULL;
  const char * const *images;

  if (file == NULL || !syllabus_topic_folder_is_own (folder, file))
    return;

  dir = g_file_get_parent (file);
  note = g_file_get_child (dir, SOURCE_NAME);
  images = syllabus_topic_get_local_images (topic);
  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autoptr(GFile) image = g_file_resolve_relative_path (dir, images[i]);

      delete_within (image, dir);
    }
  g_file_delete (note, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}
