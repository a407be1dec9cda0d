/* syllabus-store-load.c
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

/* Loading: reading the file in a worker thread, taking the lock, moving
 * a damaged file aside and restoring the backup; forgetting the damage. */

#include "config.h"

#include "syllabus-store-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "syllabus-atomic-file.h"
#include "syllabus-damage-log.h"

/* How long loading waits for another writer (an import from the command
 * line takes a moment) before the store is opened read-only. */
#define LOCK_TIMEOUT_MS 2000

/* Loading ---------------------------------------------------------------- */

typedef struct
{
  GHashTable *topics;
  char       *problem;
  char       *kept_file;
  GError     *damage;
  GStrv       unseen_damage;
  SyllabusLock *file_lock;
  gboolean    read_only;
  gboolean    locked;
  gboolean    file_is_good;
  /* The progress came from the backup and is not in the file yet. */
  gboolean    restored;
  GHashTable *seen;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->topics, g_hash_table_unref);
  g_clear_pointer (&result->seen, g_hash_table_unref);
  g_free (result->problem);
  g_free (result->kept_file);
  g_clear_error (&result->damage);
  g_strfreev (result->unseen_damage);
  g_clear_pointer (&result->file_lock, syllabus_lock_release);
  g_free (result);
}

/* Reads and parses @path. Returns FALSE with @error set when the file
 * exists but cannot be used; a missing file is an empty store. */
static gboolean
read_file (const char  *path,
           GHashTable  *topics,
           GHashTable  *seen,
           gint64      *version,
           gboolean    *missing,
           GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf buf;

  *missing = FALSE;
  *version = SYLLABUS_STORE_VERSION;

  if (g_stat (path, &buf) != 0)
    {
      int saved_errno = errno;

      /* No file, or no folder for it (a file stands where a folder of
       * the path should be): nothing there could be lost by saving, and
       * saving reports why it cannot create the folder. */
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        {
          *missing = TRUE;
          return TRUE;
        }

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (buf.st_mode))
    return _syllabus_store_damaged (error, _("A folder stands where the file should be"));

  /* Reading a pipe or a device could block or never end. */
  if (!S_ISREG (buf.st_mode))
    return _syllabus_store_damaged (error, _("Something other than a file stands where the file should be"));

  if (buf.st_size > SYLLABUS_STORE_MAX_SIZE)
    return _syllabus_store_damaged (error, _("The file is far too large to be a progress file"));

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return _syllabus_store_parse_contents (contents, length, topics, seen, version, error);
}

/* Moves a damaged file out of the way under a name that says when, so that
 * nothing is lost and the user can look at it. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *target = NULL;

      if (i == 0)
        target = g_strdup_printf ("%s.damaged-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (path, target) == 0)
        return g_steal_pointer (&target);
      else
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("Too many damaged files already kept"));
  return NULL;
}

/* Takes the lock of a store that may write, creating the folder for it.
 * Only a lock another process holds makes the store read-only: a folder
 * that cannot be written makes saving fail and say why. */
static void
take_lock (Writer     *writer,
           LoadResult *result)
{
  g_autofree char *dir = g_path_get_dirname (writer->path);
  g_autoptr(GError) error = NULL;
  gboolean first = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Cannot create %s for the lock: %s", dir, g_strerror (errno));
      return;
    }

  result->file_lock = syllabus_lock_acquire (writer->lock_path, LOCK_TIMEOUT_MS, &first, &error);
  if (result->file_lock == NULL)
    {
      g_debug ("Cannot lock %s: %s", writer->lock_path, error->message);
      result->locked = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY);
      result->read_only = result->locked;
      return;
    }

  /* A save interrupted by a crash or a kill leaves its temporary file; the
   * file itself is intact, old or new. Only the first holder of the lock
   * in this process removes them: no other writer can be busy with them
   * now. */
  if (first)
    {
      syllabus_atomic_file_remove_stale (writer->path);
      syllabus_atomic_file_remove_stale (writer->backup_path);
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Writer *writer = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) move_error = NULL;
  gint64 version;
  gboolean missing;

  result->topics = _syllabus_store_new_topics_table ();
  result->seen = _syllabus_store_new_seen_table ();
  result->read_only = writer->reader;

  if (!writer->reader)
    take_lock (writer, result);

  /* Nothing writes through this writer before loading is over. */
  g_mutex_lock (&writer->lock);
  _syllabus_store_stamp_take (&writer->stamp, writer->path);
  g_mutex_unlock (&writer->lock);

  if (read_file (writer->path, result->topics, result->seen, &version, &missing, &error))
    {
      result->file_is_good = !missing;
      if (version > SYLLABUS_STORE_VERSION)
        {
          /* Saving would drop whatever the newer program added. */
          result->read_only = TRUE;
          result->problem =
            g_strdup_printf (_("Your progress was saved by a newer version of Syllabus. "
                               "It is shown read-only; changes will not be saved to %s."),
                             writer->path);
        }
      goto done;
    }

  g_debug ("Cannot read %s: %s", writer->path, error->message);
  g_hash_table_remove_all (result->topics);
  g_hash_table_remove_all (result->seen);
  result->damage = g_error_copy (error);

  /* Only the writer may move the file: a store that only reads, or that
   * another process's lock keeps out, leaves it where it is and reports
   * why it could not be read. */
  if (result->read_only)
    {
      goto done;
    }

  if ((result->kept_file = move_aside (writer->path, &move_error)) != NULL)
    {
      g_autoptr(GError) log_error = NULL;

      if (!syllabus_damage_log_add (writer->damage_log_path, result->kept_file, &log_error))
        g_debug ("Cannot record %s in %s: %s", result->kept_file, writer->damage_log_path,
                 log_error->message);
    }
  else
    {
      /* Neither readable nor movable: saving would overwrite it. */
      result->read_only = TRUE;
      result->problem =
        g_strdup_printf (_("Your progress file %s cannot be read (%s) and could not be moved "
                           "aside (%s). Changes will not be saved until this is fixed."),
                         writer->path, error->message, move_error->message);
      goto done;
    }

  /* Start from the last good copy if there is one. */
  if (g_file_test (writer->backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) backup_error = NULL;

      if (read_file (writer->backup_path, result->topics, result->seen, &version, &missing,
                     &backup_error) &&
          version <= SYLLABUS_STORE_VERSION)
        {
          result->restored = TRUE;
          result->problem =
            g_strdup_printf (_("Your progress file could not be read (%s). It was kept as %s, "
                               "and your progress was restored from the last backup."),
                             error->message, result->kept_file);
          goto done;
        }

      g_hash_table_remove_all (result->topics);
      g_hash_table_remove_all (result->seen);
    }

  result->problem =
    g_strdup_printf (_("Your progress file could not be read (%s). It was kept as %s, "
                       "and Syllabus started with empty progress."),
                     error->message, result->kept_file);

done:
  /* Every kept file the user has not seen yet, this one included: the
   * window shows them until its message is dismissed. */
  result->unseen_damage = syllabus_damage_log_read (writer->damage_log_path);
  g_task_return_pointer (task, result, load_result_free);
}

static void
adopt_topics (SyllabusStore *self,
              GHashTable    *topics)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *entries = value;
      GHashTableIter entry_iter;
      gpointer entry;

      g_hash_table_iter_init (&entry_iter, entries);
      while (g_hash_table_iter_next (&entry_iter, NULL, &entry))
        g_signal_connect_object (entry, "changed", G_CALLBACK (_syllabus_store_entry_changed_cb), self, 0);

      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->topics, key, entries);
    }
}

static void
apply_load_result (SyllabusStore *self,
                   LoadResult    *result)
{
  g_object_freeze_notify (G_OBJECT (self));

  adopt_topics (self, result->topics);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, result->seen);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_replace (self->seen, key, value);
      }
  }

  g_mutex_lock (&self->writer->lock);
  self->writer->file_is_good = result->file_is_good;
  if (self->writer->file_lock == NULL)
    self->writer->file_lock = g_steal_pointer (&result->file_lock);
  g_mutex_unlock (&self->writer->lock);

  g_free (self->kept_file);
  self->kept_file = g_strdup (result->kept_file);
  g_clear_error (&self->damage);
  self->damage = g_steal_pointer (&result->damage);
  if ((self->unseen_damage == NULL) != (result->unseen_damage == NULL) ||
      (self->unseen_damage != NULL &&
       !g_strv_equal ((const char * const *)self->unseen_damage,
                      (const char * const *)result->unseen_damage)))
    {
      g_strfreev (self->unseen_damage);
      self->unseen_damage = g_steal_pointer (&result->unseen_damage);
      g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_UNSEEN_DAMAGE));
    }

  if (self->locked != result->locked)
    {
      self->locked = result->locked;
      g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_LOCKED));
    }
  _syllabus_store_set_string_property (self, &self->problem, result->problem, _syllabus_store_get_pspec (PROP_PROBLEM));

  if (self->read_only != result->read_only)
    {
      self->read_only = result->read_only;
      g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_READ_ONLY));
    }

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_LOADED));

  /* What was restored from the backup must reach the progress file, or
   * the next start would find no file and begin empty. */
  if (result->restored)
    _syllabus_store_mark_changed (self, 0);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusStore *self = g_task_get_source_object (task);
  LoadResult *load_result;
  g_autoptr(GError) error = NULL;

  if (!(load_result = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      self->loading = FALSE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->loading = FALSE;
  apply_load_result (self, load_result);
  load_result_free (load_result);
  g_task_return_boolean (task, TRUE);
}

/**
 * syllabus_store_load_async:
 *
 * Reads the progress file in a worker thread. A damaged file is moved
 * aside and reported through #SyllabusStore:problem; loading itself only
 * fails when cancelled.
 */
void
syllabus_store_load_async (SyllabusStore       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (SYLLABUS_IS_STORE (self));
  g_return_if_fail (!self->loaded && !self->loading);

  /* Loading twice at once would read a file the first load moved aside. */
  self->loading = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_store_load_async);

  inner = g_task_new (NULL, cancellable, load_ready_cb, g_steal_pointer (&task));
  /* Once the thread ran, a damaged file may have been moved aside: its
   * result must reach the store even if loading was cancelled meanwhile. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, _syllabus_store_writer_ref (self->writer), (GDestroyNotify)_syllabus_store_writer_unref);
  g_task_run_in_thread (inner, load_thread);
}

/**
 * syllabus_store_load_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Finishes loading started with syllabus_store_load_async().
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
syllabus_store_load_finish (SyllabusStore  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * syllabus_store_load:
 *
 * Like syllabus_store_load_async(), but blocks: for tests and the command
 * line, never for the main loop of the application.
 */
gboolean
syllabus_store_load (SyllabusStore  *self,
                     GError        **error)
{
  g_autoptr(GTask) task = NULL;
  LoadResult *result;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->loaded && !self->loading, FALSE);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, _syllabus_store_writer_ref (self->writer), (GDestroyNotify)_syllabus_store_writer_unref);
  g_task_run_in_thread_sync (task, load_thread);
  if (!(result = g_task_propagate_pointer (task, error)))
    return FALSE;

  apply_load_result (self, result);
  load_result_free (result);

  return TRUE;
}

static void
forget_damage_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Writer *writer = task_data;
  GError *error = NULL;

  if (syllabus_damage_log_clear (writer->damage_log_path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
forget_damage_ready_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusStore *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->unseen_damage != NULL)
    {
      g_clear_pointer (&self->unseen_damage, g_strfreev);
      g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_UNSEEN_DAMAGE));
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * syllabus_store_forget_damage_async:
 *
 * The user has seen that damaged files were kept aside: forgets them, so
 * that later starts no longer show them and the command line reports
 * progress again. Fails for a store that may not write.
 */
void
syllabus_store_forget_damage_async (SyllabusStore       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  g_return_if_fail (SYLLABUS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_store_forget_damage_async);

  if (self->writer->reader || self->locked || !self->loaded)
    {
      g_set_error_literal (&error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY,
                           _("The progress file is read-only"));
      g_task_return_error (task, error);
      return;
    }

  inner = g_task_new (NULL, cancellable, forget_damage_ready_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, _syllabus_store_writer_ref (self->writer), (GDestroyNotify)_syllabus_store_writer_unref);
  g_task_run_in_thread (inner, forget_damage_thread);
}

/**
 * syllabus_store_forget_damage_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Finishes forgetting the damage started with syllabus_store_forget_damage_async().
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
syllabus_store_forget_damage_finish (SyllabusStore  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
