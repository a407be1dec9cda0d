/* syllabus-progress-move.c
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

/* Moving to another progress folder while the application runs: the
 * progress of the store in use is saved, a store for the other folder is
 * loaded, and the first one's progress is merged into it, so that what the
 * user ticked follows them and nothing the other folder holds is lost
 * (the merge's rule: the change made last wins). The old folder is left
 * as it is. */

#include "config.h"

#include "syllabus-progress-move.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

/**
 * syllabus_progress_store_new:
 * @folder: (nullable): the value of the "progress-folder" setting: an
 *   absolute path, or empty or %NULL for the default folder
 * @flags: %SYLLABUS_STORE_READ_ONLY or none
 *
 * Returns: (transfer full): a store for @folder, not loaded; a folder the
 *   user chose is a shared one, which the store never creates
 */
SyllabusStore *
syllabus_progress_store_new (const char         *folder,
                             SyllabusStoreFlags  flags)
{
  g_autoptr(GFile) file = NULL;

  if (folder == NULL || *folder == '\0')
    return syllabus_store_new_full (NULL, flags);

  file = g_file_new_for_path (folder);

  return syllabus_store_new_full (file, flags | SYLLABUS_STORE_SHARED);
}

/**
 * syllabus_progress_store_is_in:
 * @folder: (nullable): as for syllabus_progress_store_new()
 *
 * Returns: whether @store keeps its progress in @folder
 */
gboolean
syllabus_progress_store_is_in (SyllabusStore *store,
                               const char    *folder)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), FALSE);

  if (folder == NULL || *folder == '\0')
    file = syllabus_store_get_default_file ();
  else
    file = g_file_new_for_path (folder);

  return g_file_equal (file, syllabus_store_get_file (store));
}

typedef struct
{
  SyllabusStore *old_store;
  SyllabusStore *new_store;
  char          *folder;
  char          *backup_dir;
  GFile         *backup;
} Move;

static void
move_free (Move *move)
{
  /* The backup was only the way across. */
  if (move->backup != NULL)
    g_file_delete (move->backup, NULL, NULL);
  if (move->backup_dir != NULL)
    g_rmdir (move->backup_dir);

  g_clear_object (&move->old_store);
  g_clear_object (&move->new_store);
  g_clear_object (&move->backup);
  g_free (move->folder);
  g_free (move->backup_dir);
  g_free (move);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Move *move = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The merged progress is in memory and stays there if the folder cannot
   * be written: the store says so in its save-error, which the window
   * shows. Only a store that holds what it should is handed over. */
  if (!syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    g_debug ("Saving the merged progress failed: %s", error->message);

  g_task_return_pointer (task, g_object_ref (move->new_store), g_object_unref);
}

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SyllabusMergeSummary summary;

  if (!syllabus_store_merge_file_finish (SYLLABUS_STORE (object), result, &summary, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (syllabus_store_get_read_only (SYLLABUS_STORE (object)))
    {
      g_task_return_pointer (task, g_object_ref (object), g_object_unref);
      return;
    }

  syllabus_store_save_async (SYLLABUS_STORE (object), g_task_get_cancellable (task), saved_cb,
                             g_object_ref (task));
}

static void
new_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Move *move = g_task_get_task_data (task);
  SyllabusStore *store = SYLLABUS_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!syllabus_store_load_finish (store, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A folder that cannot be read, or that a newer Syllabus wrote, would
   * take the user's progress and then drop it: they stay where they are
   * and are told why. */
  if (syllabus_store_get_damage (store) != NULL)
    {
      g_task_return_new_error (task, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED, "%s",
                               syllabus_store_get_damage (store)->message);
      return;
    }
  if (syllabus_store_get_problem (store) != NULL && syllabus_store_get_read_only (store))
    {
      g_task_return_new_error (task, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY, "%s",
                               syllabus_store_get_problem (store));
      return;
    }

  syllabus_store_merge_file_async (store, move->backup, g_task_get_cancellable (task), merged_cb,
                                   g_object_ref (task));
}

static void
old_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Move *move = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (result != NULL && !syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The cache folder is this computer's own, and the backup is gone once
   * merged; a folder of its own keeps two moves apart. */
  move->backup_dir = g_build_filename (g_get_user_cache_dir (), "syllabus", "move-XXXXXX", NULL);
  {
    g_autofree char *parent = g_path_get_dirname (move->backup_dir);

    if (g_mkdir_with_parents (parent, 0700) != 0 || g_mkdtemp (move->backup_dir) == NULL)
      {
        int saved_errno = errno;

        g_clear_pointer (&move->backup_dir, g_free);
        g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                                 g_strerror (saved_errno));
        return;
      }
  }
  move->backup = g_file_new_build_filename (move->backup_dir, "progress.json", NULL);
  if (!syllabus_store_export_backup (move->old_store, move->backup, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  move->new_store = syllabus_progress_store_new (move->folder, SYLLABUS_STORE_FLAGS_NONE);
  syllabus_store_load_async (move->new_store, g_task_get_cancellable (task), new_loaded_cb,
                             g_object_ref (task));
}

/**
 * syllabus_progress_move_async:
 * @store: the loaded store in use
 * @folder: (nullable): the progress folder to use instead, as for
 *   syllabus_progress_store_new()
 *
 * Saves @store, then loads a store for @folder with @store's progress
 * merged into it and saved. Nothing is switched: the caller hands the new
 * store to the windows, and @folder, the old folder, stays as it was.
 */
void
syllabus_progress_move_async (SyllabusStore       *store,
                              const char          *folder,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Move *move;

  g_return_if_fail (SYLLABUS_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_progress_move_async);
  move = g_new0 (Move, 1);
  move->old_store = g_object_ref (store);
  move->folder = g_strdup (folder != NULL ? folder : "");
  g_task_set_task_data (task, move, (GDestroyNotify)move_free);

  /* Without its progress loaded, the store has nothing to carry across,
   * and a backup of it would look like none. */
  if (!syllabus_store_get_loaded (store))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("Your progress is still being read"));
      return;
    }

  /* A read-only store has nothing unsaved that it could write. */
  if (syllabus_store_get_read_only (store))
    old_saved_cb (G_OBJECT (store), NULL, g_steal_pointer (&task));
  else
    syllabus_store_save_async (store, cancellable, old_saved_cb, g_steal_pointer (&task));
}

/**
 * syllabus_progress_move_finish:
 *
 * Returns: (transfer full): the loaded store for the folder, holding the
 *   old store's progress too, or %NULL with @error set when nothing was
 *   switched
 */
SyllabusStore *
syllabus_progress_move_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
