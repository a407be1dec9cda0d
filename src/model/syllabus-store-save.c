/* syllabus-store-save.c
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

/* Saving: the topics whose snapshots changed (syllabus-store-snapshot.c),
 * printed and written in a worker thread, one save after the other; and
 * backups. */

#include "config.h"

#include "syllabus-store-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "syllabus-atomic-file.h"

/* How often a save merges a file that changed under it before giving up:
 * a program rewriting it all the time would otherwise keep it busy. */
#define MAX_SAVE_ATTEMPTS 3

typedef struct
{
  Writer    *writer;
  /* TopicWrite of each topic to write */
  GPtrArray *topic_writes;
  guint64    generation;
  /* What another program wrote meanwhile: to merge, then save again. */
  MergeData *changed;
  guint      attempt;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_pointer (&job->writer, _syllabus_store_writer_unref);
  g_clear_pointer (&job->topic_writes, g_ptr_array_unref);
  g_clear_pointer (&job->changed, _syllabus_store_merge_data_free);
  g_free (job);
}


static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (_syllabus_store_write_topics (job->writer, job->topic_writes, job->generation, &job->changed, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
record_save_result (SyllabusStore *self,
                    guint64        generation,
                    const GError  *error)
{
  g_object_freeze_notify (G_OBJECT (self));

  /* Results of saves running in threads arrive in any order: an older
   * snapshot's success must not hide a newer one's failure, nor an older
   * failure be reported once newer progress is on disk. */
  if (error == NULL)
    {
      gboolean was_dirty = syllabus_store_get_dirty (self);

      self->saved_generation = MAX (self->saved_generation, generation);
      if (generation >= self->failed_generation)
        _syllabus_store_set_string_property (self, &self->save_error, NULL, _syllabus_store_get_pspec (PROP_SAVE_ERROR));
      if (was_dirty != syllabus_store_get_dirty (self))
        g_object_notify_by_pspec (G_OBJECT (self), _syllabus_store_get_pspec (PROP_DIRTY));
    }
  else if (generation > self->saved_generation && generation >= self->failed_generation)
    {
      g_autofree char *message =
        g_strdup_printf (_("Your progress could not be saved: %s. It is kept in memory, and "
                           "saved as soon as that works again."),
                         error->message);

      self->failed_generation = generation;
      _syllabus_store_set_string_property (self, &self->save_error, message, _syllabus_store_get_pspec (PROP_SAVE_ERROR));
    }

  _syllabus_store_watch_update (self);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
_syllabus_store_check_writable (SyllabusStore  *self,
                                GError        **error)
{
  if (self->locked)
    {
      g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_LOCKED,
                           _("Another program is changing the progress file"));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY,
                           self->problem != NULL ? self->problem
                                                 : _("The progress file is read-only"));
      return FALSE;
    }

  if (!self->loaded)
    {
      /* Saving before loading would replace the user's file with nothing. */
      g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY,
                           _("The progress file has not been loaded yet"));
      return FALSE;
    }

  return TRUE;
}

/* Takes into the store what another program wrote to the file, as an
 * import does: for each resource, the progress changed last wins. */
static void
merge_changed_file (SyllabusStore *self,
                    MergeData     *changed)
{
  SyllabusMergeSummary summary;

  /* Another computer's change, brought by a sync tool, as often as a
   * program's of this one: a note changed on both keeps both texts. */
  changed->join_notes = JOIN_NOTES_CHANGED_ON_BOTH;
  _syllabus_store_apply_merge (self, changed, &summary);
  _syllabus_store_set_merged_on_disk (self, changed->topics);

  g_mutex_lock (&self->writer->lock);
  if (changed->stamps != NULL)
    {
      GHashTableIter iter;
      gpointer name;
      gpointer stamp;

      g_hash_table_iter_init (&iter, changed->stamps);
      while (g_hash_table_iter_next (&iter, &name, &stamp))
        {
          g_hash_table_replace (self->writer->stamps, g_strdup (name), g_memdup2 (stamp, sizeof (FileStamp)));
          g_hash_table_add (self->writer->good, g_strdup (name));
        }
    }
  g_mutex_unlock (&self->writer->lock);

  g_debug ("Merged the changed progress file: %u added, %u taken", summary.added, summary.taken);
}

static gboolean
changed_too_often (GError **error)
{
  g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_CHANGED,
                       _("Another program keeps changing the progress file"));
  return FALSE;
}

static void start_save_job (SyllabusStore *self,
                            GTask         *outer,
                            guint          attempt);

static void
save_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  SyllabusStore *self = g_task_get_source_object (outer);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saves_in_flight--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      record_save_result (self, job->generation, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* Nothing was written: merge what the other program wrote, then write
   * the whole again. */
  if (job->changed != NULL)
    {
      merge_changed_file (self, job->changed);
      /* The files merged are rewritten with what the store holds now. */
      for (guint i = 0; i < job->topic_writes->len; i++)
        _syllabus_store_mark_topic_unsaved (self, ((TopicWrite *)g_ptr_array_index (job->topic_writes, i))->topic_id);
      if (job->attempt + 1 < MAX_SAVE_ATTEMPTS)
        {
          start_save_job (self, g_steal_pointer (&outer), job->attempt + 1);
          return;
        }

      changed_too_often (&error);
      record_save_result (self, self->generation, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  _syllabus_store_forget_written_topics (self, job->topic_writes, job->generation);
  record_save_result (self, job->generation, NULL);
  g_task_return_boolean (outer, TRUE);
}

/* Takes a snapshot and writes it in a thread; @outer (transfer full)
 * returns when it is written. */
static void
start_save_job (SyllabusStore *self,
                GTask         *outer,
                guint          attempt)
{
  g_autoptr(GTask) inner = NULL;
  SaveJob *job;

  job = g_new0 (SaveJob, 1);
  job->writer = _syllabus_store_writer_ref (self->writer);
  job->generation = self->generation;
  job->topic_writes = _syllabus_store_take_topic_writes (self, job->generation);
  job->attempt = attempt;

  self->saves_in_flight++;
  inner = g_task_new (NULL, g_task_get_cancellable (outer), save_ready_cb, outer);
  /* The write is not cancellable: report what it did. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, save_job_free);
  g_task_run_in_thread (inner, save_thread);
}

/**
 * syllabus_store_save_async:
 *
 * Writes the current state in a worker thread. Failures are also reported
 * through #SyllabusStore:save-error.
 */
void
syllabus_store_save_async (SyllabusStore       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  GError *error = NULL;

  g_return_if_fail (SYLLABUS_IS_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, syllabus_store_save_async);

  if (!_syllabus_store_check_writable (self, &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  start_save_job (self, g_steal_pointer (&outer), 0);
}

/**
 * syllabus_store_save_finish:
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError
 *
 * Finishes a save started with syllabus_store_save_async().
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
gboolean
syllabus_store_save_finish (SyllabusStore  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * syllabus_store_save:
 *
 * Writes any pending change now and blocks until it is on disk: for quitting
 * and for tests. Saves still running in threads are waited for by the
 * writer's lock, and their older content never replaces this one.
 *
 * Returns: %TRUE if everything is on disk
 */
gboolean
syllabus_store_save (SyllabusStore  *self,
                     GError        **error)
{
  g_autoptr(GPtrArray) topic_writes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  /* A read-only store refuses to save even when nothing changed, so that
   * callers learn that the file is not theirs to write. */
  if (!syllabus_store_get_dirty (self) && !self->read_only)
    return TRUE;

  if (!_syllabus_store_check_writable (self, error))
    return FALSE;

  for (guint attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++)
    {
      MergeData *changed = NULL;

      guint64 generation = self->generation;

      g_clear_pointer (&topic_writes, g_ptr_array_unref);
      topic_writes = _syllabus_store_take_topic_writes (self, generation);
      if (!_syllabus_store_write_topics (self->writer, topic_writes, generation, &changed, &local_error))
        {
          record_save_result (self, generation, local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (changed == NULL)
        {
          _syllabus_store_forget_written_topics (self, topic_writes, generation);
          record_save_result (self, generation, NULL);
          return TRUE;
        }

      /* Another program wrote the file: merge it, then write the whole
       * now rather than at the next idle. */
      merge_changed_file (self, changed);
      _syllabus_store_merge_data_free (changed);
      for (guint i = 0; i < topic_writes->len; i++)
        _syllabus_store_mark_topic_unsaved (self, ((TopicWrite *)g_ptr_array_index (topic_writes, i))->topic_id);
      g_clear_handle_id (&self->save_source, g_source_remove);
    }

  changed_too_often (&local_error);
  record_save_result (self, self->generation, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static void
queued_save_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Failures are shown through SyllabusStore:save-error. */
  if (!syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    g_debug ("Saving progress failed: %s", error->message);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SyllabusStore *self = user_data;

  self->save_source = 0;
  syllabus_store_save_async (self, NULL, queued_save_cb, NULL);

  return G_SOURCE_REMOVE;
}

void
_syllabus_store_queue_save (SyllabusStore *self,
                            guint          delay_ms)
{
  if (self->read_only || !self->loaded)
    return;

  /* A save due at the next idle writes this change too; postponing it
   * would delay a tick for as long as someone keeps typing notes. */
  if (self->save_source != 0 && self->save_is_immediate)
    return;

  /* Otherwise each change restarts the delay: notes are written once
   * typing pauses. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_is_immediate = delay_ms == 0;
  if (delay_ms == 0)
    self->save_source = g_idle_add_full (G_PRIORITY_DEFAULT, save_timeout_cb, self, NULL);
  else
    self->save_source = g_timeout_add (delay_ms, save_timeout_cb, self);
}

/* Backups ---------------------------------------------------------------- */

/**
 * syllabus_store_export_backup:
 * @file: where to write the backup
 * @error: return location for a #GError
 *
 * Writes everything the store holds, in the format of the progress file
 * (including the lists of resources seen in each topic), to @file. The file
 * is replaced atomically: it holds either its old content or the whole
 * backup. The backup can be given to syllabus_store_merge_file() on this or
 * another computer.
 *
 * Returns: %TRUE if the backup was written
 */
gboolean
syllabus_store_export_backup (SyllabusStore  *self,
                              GFile          *file,
                              GError        **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Before loading, the store knows nothing: such a backup would be empty
   * and look like lost progress. */
  if (!self->loaded)
    {
      g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_READ_ONLY,
                           _("The progress file has not been loaded yet"));
      return FALSE;
    }

  snapshots = _syllabus_store_take_snapshot (self);
  contents = _syllabus_store_serialize (snapshots, &length);

  /* Notes are private: the backup is readable by the user only. */
  return syllabus_atomic_file_write (file, contents, length, 0600, NULL, error);
}

/**
 * _syllabus_store_serialize_for_test:
 * @fresh: whether to print snapshots made afresh, ignoring (and leaving as
 *   they are) those kept for saving
 * @length: return location for the length of the text
 *
 * For tests: the text a save would write now (@fresh false), or what it
 * must equal (@fresh true). The former takes a snapshot as a save does,
 * which updates the snapshots kept.
 *
 * Returns: (transfer full): the text
 */
char *
_syllabus_store_serialize_for_test (SyllabusStore *self,
                                    gboolean       fresh,
                                    gsize         *length)
{
  g_autoptr(GPtrArray) snapshots = NULL;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  if (fresh)
    {
      GHashTable *entry_snapshots = g_steal_pointer (&self->entry_snapshots);
      GHashTable *seen_snapshots = g_steal_pointer (&self->seen_snapshots);
      g_autoptr(GHashTable) unsaved = g_hash_table_ref (self->unsaved);

      /* Snapshots made afresh mark every topic changed: not for saving. */
      g_hash_table_unref (self->unsaved);
      self->unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      snapshots = _syllabus_store_take_snapshot (self);
      g_hash_table_unref (self->unsaved);
      self->unsaved = g_steal_pointer (&unsaved);
      g_clear_pointer (&self->entry_snapshots, g_hash_table_unref);
      g_clear_pointer (&self->seen_snapshots, g_hash_table_unref);
      self->entry_snapshots = entry_snapshots;
      self->seen_snapshots = seen_snapshots;
    }
  else
    {
      snapshots = _syllabus_store_take_snapshot (self);
    }

  return _syllabus_store_serialize (snapshots, length);
}

/**
 * _syllabus_store_get_n_writes_for_test:
 *
 * Returns: how many topic files the saves of this store wrote
 */
guint
_syllabus_store_get_n_writes_for_test (SyllabusStore *self)
{
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), 0);

  g_mutex_lock (&self->writer->lock);
  n = self->writer->n_writes;
  g_mutex_unlock (&self->writer->lock);

  return n;
}
