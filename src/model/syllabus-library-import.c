/* syllabus-library-import.c

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

#include "syllabus-library.h"

#include <glib/gi18n.h>
#include <string.h>

#include "syllabus-library-private.h"
#include "syllabus-topic-folder.h"

/* Changing the user's folder: importing a file into it and removing a
 * topic from it. Each is a turn for the folder's one writer, and waits for
 * a read of the folder under way (syllabus-library.c). */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SyllabusFolderCopy *copy;
  GError *error = NULL;

  if ((copy = syllabus_topic_folder_import (task_data, cancellable, &error)) != NULL)
    g_task_return_pointer (task, copy, (GDestroyNotify)syllabus_folder_copy_free);
  else
    g_task_return_error (task, error);
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusLibrary *self = g_task_get_source_object (task);
  SyllabusFolderCopy *import_result;
  const char *id;
  GError *error = NULL;

  self->busy = FALSE;

  if (!(import_result = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      syllabus_library_run_next (self);
      return;
    }

  id = syllabus_topic_get_id (import_result->topic);
  if (self->changed_while_reading != NULL)
    g_hash_table_add (self->changed_while_reading, g_strdup (id));
  syllabus_library_put_topic (self, import_result->topic);
  if (import_result->signature != NULL)
    g_hash_table_replace (self->signatures, g_strdup (id), g_strdup (import_result->signature));
  if (import_result->topic_folder != NULL && self->loaded)
    {
      g_autoptr(GPtrArray) folders = g_ptr_array_new ();

      g_ptr_array_add (folders, import_result->topic_folder);
      syllabus_library_update_monitors (self, folders, FALSE);
    }

  g_task_return_pointer (task, g_steal_pointer (&import_result->topic), g_object_unref);
  syllabus_folder_copy_free (import_result);
  syllabus_library_run_next (self);
}

static void
start_import (SyllabusLibrary *self,
              GTask           *task)
{
  SyllabusFolderImport *import = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  GHashTableIter iter;
  gpointer key;

  g_assert (!self->busy);
  self->busy = TRUE;

  /* What the library holds as the import's turn comes. */
  import->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);
      GFile *file = syllabus_topic_get_file (topic);

      g_hash_table_replace (import->listed, g_strdup (syllabus_topic_get_id (topic)),
                            g_object_ref (file != NULL ? file : self->folder));
    }
  import->bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->bundled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (import->bundled, g_strdup (key));

  inner = g_task_new (NULL, g_task_get_cancellable (task), import_ready_cb, task);
  g_task_set_task_data (inner, import, NULL);
  g_task_run_in_thread (inner, import_thread);
}

/* Starts what waits: a load, imports in the order they came, then a read
 * of the folder that changed. */
void
syllabus_library_run_next (SyllabusLibrary *self)
{
  GTask *task;

  if (self->busy)
    return;

  if ((task = g_queue_pop_head (&self->imports)) != NULL)
    {
      if (g_task_get_source_tag (task) == syllabus_library_load_async)
        {
          syllabus_library_start_read (self, task, g_task_get_cancellable (task));
          g_object_unref (task);
        }
      else
        {
          /* The import's callback takes the queue's reference. */
          start_import (self, task);
        }
      return;
    }

  if (self->reload_wanted && self->loaded)
    {
      self->reload_wanted = FALSE;
      syllabus_library_start_read (self, NULL, NULL);
    }
}

/**
 * syllabus_library_import_async:
 * @file: a topic file anywhere
 * @mode: what to do when a topic of the user's has the file's name
 *
 * Checks that @file is a topic, copies it into a folder of its own in the
 * user's topic folder, with the images it shows (so that it stays when the
 * original moves), and adds it to the library.
 *
 * @file may be a folder of Markdown files, read as one topic
 * (syllabus_topic_bundle_load()): its Markdown files and images are
 * copied, and opening the same folder again replaces that copy, keeping
 * its id. A folder never asks: when its name is taken by another topic,
 * it gets an id of its own.
 *
 * The copy replaces the topic copied from the same file before, if any;
 * else the user's topic of the same name if it is the same page, or @mode
 * is %SYLLABUS_LIBRARY_IMPORT_REPLACE. With
 * %SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH the copy gets an id of its own,
 * "NAME-2" or the next free one, as it does whenever the name is a shipped
 * topic's; with %SYLLABUS_LIBRARY_IMPORT_ASK the import fails with
 * %SYLLABUS_LIBRARY_ERROR_NAME_TAKEN, so that the caller can ask the user
 * and import again; the topic in the way is the one with the id
 * syllabus_topic_id_for_file() gives for @file.
 *
 * Imports run one at a time, in the order they were asked for, after a
 * load under way.
 */
void
syllabus_library_import_async (SyllabusLibrary           *self,
                               GFile                     *file,
                               SyllabusLibraryImportMode  mode,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  GTask *task;
  SyllabusFolderImport *import;

  g_return_if_fail (SYLLABUS_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_library_import_async);

  import = g_new0 (SyllabusFolderImport, 1);
  import->source = g_object_ref (file);
  import->folder = g_object_ref (self->folder);
  import->mode = mode;
  g_task_set_task_data (task, import, (GDestroyNotify)syllabus_folder_import_free);

  g_queue_push_tail (&self->imports, task);
  syllabus_library_run_next (self);
}

/**
 * syllabus_library_import_finish:
 * @self: a #SyllabusLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes syllabus_library_import_async().
 *
 * Returns: (transfer full): the topic as now listed, or %NULL with @error set
 */
SyllabusTopic *
syllabus_library_import_finish (SyllabusLibrary  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * syllabus_library_is_removable:
 *
 * Returns: whether @topic lives in the user's folder and so can be removed
 */
gboolean
syllabus_library_is_removable (SyllabusLibrary *self,
                               SyllabusTopic   *topic)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (topic), FALSE);

  return syllabus_library_is_user_topic (self, topic);
}

/**
 * syllabus_library_remove:
 * @topic: a topic in the user's folder
 *
 * Deletes the topic's file from the user's folder (with the images copied
 * with it, and its folder when that is then empty) and takes it out of the
 * library. Progress is not touched: opening the topic again shows it.
 *
 * Returns: %TRUE if the topic was removed
 */
gboolean
syllabus_library_remove (SyllabusLibrary  *self,
                         SyllabusTopic    *topic,
                         GError          **error)
{
  g_autoptr(SyllabusTopic) hold = NULL;
  g_autoptr(GError) local_error = NULL;
  GFile *file;
  guint position;

  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (topic), FALSE);

  if (!syllabus_library_is_removable (self, topic))
    {
      g_set_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE,
                   _("“%s” comes with Syllabus and cannot be removed"),
                   syllabus_topic_get_title (topic));
      return FALSE;
    }

  /* A file already deleted by other means only has to leave the list. */
  file = syllabus_topic_get_file (topic);
  if (syllabus_topic_is_folder (topic))
    {
      if (!syllabus_topic_folder_delete_bundle (self->folder, topic, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  syllabus_topic_folder_delete_extras (self->folder, topic);

  hold = g_object_ref (topic);
  if (self->changed_while_reading != NULL)
    g_hash_table_add (self->changed_while_reading, g_strdup (syllabus_topic_get_id (topic)));
  g_hash_table_remove (self->signatures, syllabus_topic_get_id (topic));
  if (syllabus_library_find_topic (self, syllabus_topic_get_id (topic), &position))
    {
      g_autoptr(SyllabusTopic) listed = g_list_model_get_item (G_LIST_MODEL (self->topics),
                                                               position);

      if (syllabus_library_is_user_topic (self, listed))
        g_list_store_remove (self->topics, position);
    }

  return TRUE;
}
