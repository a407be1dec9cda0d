/* syllabus-topic-bundle-copy.c

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
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "syllabus-topic-bundle.h"

/* Opening a folder: its Markdown files and images are copied into a
 * folder of their own in the user's topics, NAME/, marked as a folder
 * topic, with the address of the folder beside them. A copy stays when
 * the original moves, or when the access the file chooser portal granted
 * to a sandboxed Syllabus ends at the next start.
 *
 * Opening the same folder again replaces its copy as a whole, so that
 * files renamed or renumbered since do not linger under their old names.
 * The id stays NAME, and a resource's key is its address: the progress
 * stays. The new copy is made beside the old one under a hidden name and
 * then put in its place, so that a copy is never half made.
 */

/* Deletes @dir and everything in it, without following links. Only ever
 * given a copy Syllabus made. */
static gboolean
delete_tree (GFile        *dir,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (enumerator != NULL)
    {
      for (;;)
        {
          g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
          g_autoptr(GFile) child = NULL;

          if (info == NULL)
            break;

          child = g_file_get_child (dir, g_file_info_get_name (info));
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            {
              if (!delete_tree (child, cancellable, error))
                return FALSE;
            }
          else if (!g_file_delete (child, cancellable, error))
            return FALSE;
        }
    }

  return g_file_delete (dir, cancellable, error);
}

/* Copies the tree's Markdown files and images into @to, a new folder.
 * What cannot be copied is added to @problems and left out. */
static gboolean
copy_tree (GPtrArray    *entries,
           GFile        *to,
           GPtrArray    *problems,
           GCancellable *cancellable,
           GError      **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      SyllabusBundleEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) copy_error = NULL;

      if (*entry->relative_path == '\0')
        continue;

      target = g_file_resolve_relative_path (to, entry->relative_path);
      if (entry->kind == SYLLABUS_BUNDLE_ENTRY_FOLDER)
        {
          if (!g_file_make_directory (target, cancellable, error))
            return FALSE;
          continue;
        }

      if (!g_file_copy (entry->file, target, G_FILE_COPY_NONE, cancellable, NULL, NULL,
                        &copy_error))
        {
          if (g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_error_matches (copy_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            {
              g_propagate_error (error, g_steal_pointer (&copy_error));
              return FALSE;
            }
          syllabus_bundle_add_problem (problems, entry->file, copy_error);
        }
    }

  return TRUE;
}

static gboolean
write_notes (GFile       *dir,
             const char  *uri,
             GError     **error)
{
  g_autoptr(GFile) note = g_file_get_child (dir, SYLLABUS_SOURCE_NAME);
  g_autoptr(GFile) marker = g_file_get_child (dir, SYLLABUS_BUNDLE_MARKER);
  g_autoptr(GBytes) source_uri = g_bytes_new_take (g_strconcat (uri, "\n", NULL), strlen (uri) + 1);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  return syllabus_topic_folder_write_file (note, source_uri, error) &&
         syllabus_topic_folder_write_file (marker, empty, error);
}

/* The id of a folder already in the user's topics folder. */
static char *
listed_id (SyllabusFolderImport *import)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, import->listed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_file_equal (value, import->source))
      return g_strdup (key);

  return g_file_get_basename (import->source);
}

/**
 * syllabus_topic_folder_import_bundle:
 * @import: the folder to copy, where, and what the library lists
 *
 * Copies a folder topic into a folder of its own in the user's topics
 * folder, as syllabus_library_import_async() describes for a folder.
 * Blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set
 */
SyllabusFolderCopy *
syllabus_topic_folder_import_bundle (SyllabusFolderImport  *import,
                                     GCancellable          *cancellable,
                                     GError               **error_out)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (syllabus_bundle_problem_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SyllabusTopic) checked = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (import->source);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) fresh = NULL;
  g_autoptr(GFile) old = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fresh_path = NULL;
  SyllabusFolderCopy *result;
  GError *error = NULL;

  /* A folder of the library itself is only read again. */
  if (parent != NULL && g_file_equal (parent, import->folder))
    {
      id = listed_id (import);
      result = g_new0 (SyllabusFolderCopy, 1);
      if (!(result->topic = syllabus_topic_bundle_load (import->source, id, cancellable, &error)))
        {
          syllabus_folder_copy_free (result);
          g_propagate_error (error_out, error);
          return NULL;
        }
      result->topic_folder = g_file_get_path (import->source);
      return result;
    }

  /* Only a folder that makes a topic is copied. */
  name = syllabus_topic_bundle_name (import->source);
  if (!(checked = syllabus_topic_bundle_load (import->source, name, cancellable, &error)))
    {
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* The copy made of this folder before, else the folder's name if no
   * topic has it, else one of its own: a folder never replaces a topic
   * it was not copied to. */
  uri = g_file_get_uri (import->source);
  if ((id = syllabus_topic_folder_find_copy_of (import->folder, uri, cancellable)) == NULL)
    {
      g_autoptr(GFile) same_name = syllabus_topic_folder_find_existing (import, name, cancellable);
      g_autoptr(GFile) same_dir = g_file_get_child (import->folder, name);

      if (same_name == NULL && !g_hash_table_contains (import->bundled, name) &&
          !g_hash_table_contains (import->listed, name) &&
          !g_file_query_exists (same_dir, cancellable))
        id = g_strdup (name);
      else
        id = syllabus_topic_folder_free_id (import, name, cancellable);
    }

  if (!g_file_make_directory_with_parents (import->folder, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error_out, error);
          return NULL;
        }
      g_clear_error (&error);
    }

  /* Hidden, so that reading the folder meanwhile does not see it. */
  fresh_path = g_build_filename (g_file_peek_path (import->folder), ".new-XXXXXX", NULL);
  if (g_mkdtemp (fresh_path) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error_out, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }
  fresh = g_file_new_for_path (fresh_path);

  entries = syllabus_topic_bundle_list (import->source, problems, cancellable);
  if (!copy_tree (entries, fresh, problems, cancellable, &error) ||
      !write_notes (fresh, uri, &error))
    {
      delete_tree (fresh, NULL, NULL);
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* The earlier copy steps aside, the new one takes its place, and only
   * then does the earlier one go. */
  dir = g_file_get_child (import->folder, id);
  if (g_file_query_exists (dir, cancellable))
    {
      g_autofree char *old_name = g_strdup_printf (".old-%s-%d", id, (int)getpid ());

      old = g_file_get_child (import->folder, old_name);
      if (g_rename (g_file_peek_path (dir), g_file_peek_path (old)) != 0)
        {
          int saved_errno = errno;

          delete_tree (fresh, NULL, NULL);
          g_set_error (error_out, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return NULL;
        }
    }
  if (g_rename (fresh_path, g_file_peek_path (dir)) != 0)
    {
      int saved_errno = errno;

      if (old != NULL)
        g_rename (g_file_peek_path (old), g_file_peek_path (dir));
      delete_tree (fresh, NULL, NULL);
      g_set_error (error_out, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return NULL;
    }
  if (old != NULL && !delete_tree (old, NULL, &error))
    {
      g_debug ("Could not delete the replaced copy %s: %s", g_file_peek_path (old),
               error->message);
      g_clear_error (&error);
    }

  result = g_new0 (SyllabusFolderCopy, 1);
  if (!(result->topic = syllabus_topic_bundle_load (dir, id, cancellable, &error)))
    {
      syllabus_folder_copy_free (result);
      g_propagate_error (error_out, error);
      return NULL;
    }

  /* What could not be copied is missing from the copy: say so. */
  for (guint i = 0; i < problems->len; i++)
    {
      SyllabusBundleProblem *problem = g_ptr_array_index (problems, i);

      syllabus_topic_add_problem (result->topic, problem->path, problem->error);
    }

  result->topic_folder = g_file_get_path (dir);
  return result;
}

/**
 * syllabus_topic_folder_delete_bundle:
 * @folder: the user's topics folder
 * @topic: a folder topic in it
 *
 * Deletes the copy of a folder Syllabus made. A folder placed in the
 * topics folder by hand is the user's own and is not deleted.
 *
 * Returns: %TRUE if it was deleted
 */
gboolean
syllabus_topic_folder_delete_bundle (GFile          *folder,
                                     SyllabusTopic  *topic,
                                     GError        **error)
{
  GFile *dir = syllabus_topic_get_file (topic);
  g_autoptr(GFile) marker = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (syllabus_topic_is_folder (topic), FALSE);

  marker = g_file_get_child (dir, SYLLABUS_BUNDLE_MARKER);
  parent = g_file_get_parent (dir);
  if (parent == NULL || !g_file_equal (parent, folder) || !g_file_query_exists (marker, NULL))
    {
      g_set_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE,
                   _("The folder %s was not opened in Syllabus: move it out of your topics "
                     "folder to remove it"),
                   g_file_peek_path (dir));
      return FALSE;
    }

  return delete_tree (dir, NULL, error);
}
