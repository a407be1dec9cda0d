/* syllabus-store-watch.c
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

/* The folder watcher: what other programs write into the progress folder
 * while the store runs (a sync tool bringing another computer's changes,
 * the user restoring a copy) is merged, resource by resource, as soon as
 * it lands, by the rule of an import; the conflict copies sync tools make
 * beside a topic file are merged the same way and removed once the topic
 * file holding their content is written. The folder is read in a worker;
 * only the merge runs on the main loop.
 *
 * A folder that is not there (a disk not mounted) or a save that failed
 * is looked at again every few seconds: when the folder is back, what it
 * holds is merged and the changes kept in memory are written. */

#include "config.h"

#include "syllabus-store-private.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* Events come in bursts (a sync tool writes a temporary file, renames
 * it, sets its time): one scan after the burst. */
#define SCAN_DELAY_MS 200
/* How often a missing folder, or one a save failed in, is looked at. */
#define RETRY_INTERVAL_S 2

/* A conflict copy merged, to be removed once its topic's file is
 * written with what it held. */
typedef struct
{
  char      *topic_id;
  char      *path;
  FileStamp  stamp;
  /* What it holds, merged after the topic files */
  MergeData *merge;
} ConflictCopy;

struct _StoreWatch
{
  SyllabusStore *store;
  GFileMonitor  *monitor;
  GCancellable  *cancellable;
  guint          scan_source;
  guint          retry_source;
  gboolean       scanning;
  gboolean       rescan;
  gboolean       missing;
  /* ConflictCopy, merged and not yet removed */
  GPtrArray     *conflicts;
};

/* What one scan of the folder found, in the worker. */
typedef struct
{
  Writer     *writer;
  /* File name → FileStamp of each topic file as the store last knew it,
   * copied when the scan started. */
  GHashTable *known;
  GHashTable *frozen;
  MergeData  *merge;
  /* File name → the topic id its file holds, for each file read into
   * merge. */
  GHashTable *topic_ids;
  GPtrArray  *conflicts;
  gboolean    missing;
} ScanJob;

static void
conflict_copy_free (gpointer data)
{
  ConflictCopy *copy = data;

  /* Taken by the watch, the scan's array holds NULL. */
  if (copy == NULL)
    return;

  g_free (copy->topic_id);
  g_free (copy->path);
  g_clear_pointer (&copy->merge, _syllabus_store_merge_data_free);
  g_free (copy);
}

static void
scan_job_free (gpointer data)
{
  ScanJob *job = data;

  g_clear_pointer (&job->writer, _syllabus_store_writer_unref);
  g_clear_pointer (&job->known, g_hash_table_unref);
  g_clear_pointer (&job->frozen, g_hash_table_unref);
  g_clear_pointer (&job->merge, _syllabus_store_merge_data_free);
  g_clear_pointer (&job->topic_ids, g_hash_table_unref);
  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  g_free (job);
}

static GHashTable *
copy_stamps (GHashTable *stamps)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer name;
  gpointer stamp;

  g_hash_table_iter_init (&iter, stamps);
  while (g_hash_table_iter_next (&iter, &name, &stamp))
    g_hash_table_insert (copy, g_strdup (name), g_memdup2 (stamp, sizeof (FileStamp)));

  return copy;
}

static GHashTable *
copy_set (GHashTable *set)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_hash_table_add (copy, g_strdup (name));

  return copy;
}

/**
 * _syllabus_store_conflict_copy_target:
 * @name: a file name in the progress folder
 *
 * Tells the conflict copies sync tools make of a file: Syncthing's
 * "NAME.sync-conflict-DATE-TIME-DEVICE.json", Dropbox's and Nextcloud's
 * "NAME (… conflicted copy …).json", ownCloud's
 * "NAME_conflict-DATE-TIME.json", and Syllabus's own
 * "NAME.syllabus-conflict-DATE-TIME.json" (see the writer).
 *
 * Returns: (transfer full) (nullable): the name of the file @name is a
 *   conflict copy of, or %NULL if it is none
 */
char *
_syllabus_store_conflict_copy_target (const char *name)
{
  static GRegex *patterns[4];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      patterns[0] = g_regex_new ("^(.+)\\.sync-conflict-[0-9]{8}-[0-9]{6}(-[A-Z0-9]+)?\\.json$",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      patterns[1] = g_regex_new ("^(.+) \\([^()]*conflicted copy[^()]*\\)\\.json$",
                                 G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      patterns[2] = g_regex_new ("^(.+)_conflict-[0-9]{8}-[0-9]{6}\\.json$",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      /* Our own: what a save found it had just replaced unseen. */
      patterns[3] = g_regex_new ("^(.+)\\.syllabus-conflict-[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.json$",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (patterns[i], name, 0, &match))
        {
          g_autofree char *stem = g_match_info_fetch (match, 1);

          return g_strconcat (stem, ".json", NULL);
        }
    }

  return NULL;
}

/* Whether @name is a topic file's: one an id gets, or a long id's. */
static gboolean
is_topic_file_name (const char *name)
{
  g_autofree char *id = _syllabus_store_topic_id_from_file_name (name);

  return id != NULL || strchr (name, '~') != NULL;
}

static MergeData *
new_merge (GFile     *folder,
           JoinNotes  join)
{
  MergeData *merge = _syllabus_store_merge_data_new (folder);

  merge->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->computers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge->join_notes = join;

  return merge;
}

/* Reads @path, a topic file or a conflict copy of the one named @target,
 * into @merge. */
static gboolean
read_into (MergeData  *merge,
           const char *path,
           const char *target,
           char      **topic_id)
{
  g_autoptr(GHashTable) topics = _syllabus_store_new_topics_table ();
  g_autoptr(GHashTable) seen = _syllabus_store_new_seen_table ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *computer = NULL;
  g_autofree char *expected = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gint64 version;
  gboolean missing;

  /* A file that cannot be read is left alone: a save merges it first,
   * and fails, saying why, rather than write over it. */
  if (!_syllabus_store_read_path (path, TRUE, topics, seen, &id, &computer, &version, &missing,
                                  &error) ||
      missing || id == NULL || version > SYLLABUS_STORE_VERSION)
    {
      g_debug ("Not merging %s: %s", path, error != NULL ? error->message : "not of this version");
      return FALSE;
    }

  /* Only what belongs there: a copy of another topic's file is not. */
  expected = _syllabus_store_topic_file_name (id);
  if (strcmp (expected, target) != 0)
    {
      g_debug ("Not merging %s: it holds the topic of %s", path, expected);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (merge->topics, key, value);
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (merge->seen, key, value);
    }
  if (computer != NULL)
    g_hash_table_replace (merge->computers, g_strdup (id), g_steal_pointer (&computer));

  *topic_id = g_steal_pointer (&id);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanJob *job = task_data;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (!g_file_test (job->writer->folder, G_FILE_TEST_IS_DIR) ||
      (listing = g_dir_open (job->writer->folder, 0, NULL)) == NULL)
    {
      job->missing = TRUE;
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Hidden files are the sync tools' temporary ones (and ours); a name
   * starting with "~" is a temporary file of Syncthing on Windows. */
  while ((name = g_dir_read_name (listing)) != NULL)
    if (name[0] != '.' && name[0] != '~' && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *target = NULL;
      g_autofree char *topic_id = NULL;
      const FileStamp *known;
      FileStamp now;

      name = g_ptr_array_index (names, i);
      path = g_build_filename (job->writer->folder, name, NULL);
      target = _syllabus_store_conflict_copy_target (name);

      if (target != NULL)
        {
          g_autoptr(GFile) folder = NULL;
          ConflictCopy *copy;
          MergeData *merge;

          if (!is_topic_file_name (target) || g_hash_table_contains (job->frozen, target))
            continue;
          _syllabus_store_stamp_take (&now, path);
          folder = g_file_new_for_path (job->writer->folder);
          merge = new_merge (folder, JOIN_NOTES_DIFFERENT);
          if (!read_into (merge, path, target, &topic_id))
            {
              _syllabus_store_merge_data_free (merge);
              continue;
            }
          copy = g_new0 (ConflictCopy, 1);
          copy->topic_id = g_steal_pointer (&topic_id);
          copy->path = g_steal_pointer (&path);
          copy->stamp = now;
          copy->merge = merge;
          g_ptr_array_add (job->conflicts, copy);
          continue;
        }

      if (!is_topic_file_name (name) || g_hash_table_contains (job->frozen, name))
        continue;

      _syllabus_store_stamp_take (&now, path);
      known = g_hash_table_lookup (job->known, name);
      if (known != NULL && _syllabus_store_stamp_equal (&now, known))
        continue;

      if (read_into (job->merge, path, name, &topic_id))
        {
          g_hash_table_insert (job->merge->stamps, g_strdup (name), g_memdup2 (&now, sizeof now));
          g_hash_table_insert (job->topic_ids, g_strdup (name), g_steal_pointer (&topic_id));
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void schedule_scan (StoreWatch *watch,
                           guint       delay_ms);

static gboolean
retry_cb (gpointer user_data)
{
  StoreWatch *watch = user_data;

  schedule_scan (watch, 0);
  return G_SOURCE_CONTINUE;
}

/* While the folder is missing or a save failed, looks again every few
 * seconds; otherwise the monitor's events are enough. */
static void
update_retry (StoreWatch *watch)
{
  gboolean needed = watch->missing || syllabus_store_get_save_error (watch->store) != NULL;

  if (needed && watch->retry_source == 0)
    watch->retry_source = g_timeout_add_seconds (RETRY_INTERVAL_S, retry_cb, watch);
  else if (!needed)
    g_clear_handle_id (&watch->retry_source, g_source_remove);
}

/* Whether the store's stamp of @name is still the one the scan started
 * from: no save wrote the file, nor merged it, while it was read. */
static gboolean
still_known (ScanJob    *job,
             Writer     *writer,
             const char *name)
{
  const FileStamp *then = g_hash_table_lookup (job->known, name);
  const FileStamp *now = g_hash_table_lookup (writer->stamps, name);

  return (then == NULL && now == NULL) ||
         (then != NULL && now != NULL && _syllabus_store_stamp_equal (then, now));
}

/* Leaves out of the scan's merge each file a save wrote or merged while
 * the scan read it: what the scan read is then older than what the store
 * holds, and merged against the store's newer idea of the file (the base
 * a note changed on both is told by) it would undo the other computer's
 * change or ours. The next scan reads it again. Returns whether any was
 * left out. */
static gboolean
drop_stale_files (SyllabusStore *self,
                  ScanJob       *job)
{
  GHashTableIter iter;
  gpointer name;
  gpointer topic_id;
  gboolean dropped = FALSE;

  g_mutex_lock (&self->writer->lock);
  g_hash_table_iter_init (&iter, job->topic_ids);
  while (g_hash_table_iter_next (&iter, &name, &topic_id))
    {
      if (still_known (job, self->writer, name))
        continue;

      g_debug ("%s was saved while it was read; reading it again", (const char *)name);
      g_hash_table_remove (job->merge->topics, topic_id);
      g_hash_table_remove (job->merge->seen, topic_id);
      g_hash_table_remove (job->merge->computers, topic_id);
      g_hash_table_remove (job->merge->stamps, name);
      g_hash_table_iter_remove (&iter);
      dropped = TRUE;
    }
  g_mutex_unlock (&self->writer->lock);

  return dropped;
}

static void
scan_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SyllabusStore *self = SYLLABUS_STORE (object);
  StoreWatch *watch = self->watch;
  ScanJob *job = g_task_get_task_data (G_TASK (result));
  gboolean was_missing;

  /* Stopped meanwhile: the store is going away. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || watch == NULL)
    return;

  watch->scanning = FALSE;
  was_missing = watch->missing;
  watch->missing = job->missing;

  if (!job->missing)
    {
      SyllabusMergeSummary summary;
      GHashTableIter iter;
      gpointer name;
      gpointer stamp;

      if (drop_stale_files (self, job))
        watch->rescan = TRUE;

      _syllabus_store_apply_merge (self, job->merge, &summary);
      _syllabus_store_set_merged_on_disk (self, job->merge->topics);

      /* The files read are known as they were read, unless a save wrote
       * one meanwhile: a save merges what it finds changed first. */
      g_mutex_lock (&self->writer->lock);
      g_hash_table_iter_init (&iter, job->merge->stamps);
      while (g_hash_table_iter_next (&iter, &name, &stamp))
        {
          if (still_known (job, self->writer, name))
            {
              g_hash_table_replace (self->writer->stamps, g_strdup (name),
                                    g_memdup2 (stamp, sizeof (FileStamp)));
              g_hash_table_add (self->writer->good, g_strdup (name));
            }
        }
      g_mutex_unlock (&self->writer->lock);

      /* A conflict copy is merged after the file it is a copy of, and
       * goes once its topic's file holds what it held. */
      for (guint i = 0; i < job->conflicts->len; i++)
        {
          ConflictCopy *copy = g_ptr_array_index (job->conflicts, i);
          SyllabusMergeSummary copy_summary;
          gboolean pending = FALSE;

          for (guint j = 0; j < watch->conflicts->len && !pending; j++)
            pending = strcmp (((ConflictCopy *)g_ptr_array_index (watch->conflicts, j))->path,
                              copy->path) == 0;
          if (pending)
            continue;

          _syllabus_store_apply_merge (self, copy->merge, &copy_summary);
          g_clear_pointer (&copy->merge, _syllabus_store_merge_data_free);
          summary.added += copy_summary.added;
          summary.taken += copy_summary.taken;
          summary.notes_joined += copy_summary.notes_joined;
          _syllabus_store_mark_topic_unsaved (self, copy->topic_id);
          g_ptr_array_add (watch->conflicts, g_steal_pointer (&job->conflicts->pdata[i]));
        }
      if (job->conflicts->len > 0)
        _syllabus_store_mark_changed (self, 0);

      if (summary.added + summary.taken + summary.notes_joined > 0)
        g_debug ("Merged what another program wrote into %s: %u added, %u taken, %u notes joined",
                 self->writer->folder, summary.added, summary.taken, summary.notes_joined);

      /* Back, or writable again: what waits in memory is written. */
      if ((was_missing || syllabus_store_get_save_error (self) != NULL) &&
          syllabus_store_get_dirty (self))
        _syllabus_store_queue_save (self, 0);
    }

  update_retry (watch);

  if (watch->rescan)
    {
      watch->rescan = FALSE;
      schedule_scan (watch, SCAN_DELAY_MS);
    }
}

static gboolean
scan_cb (gpointer user_data)
{
  StoreWatch *watch = user_data;
  SyllabusStore *self = watch->store;
  g_autoptr(GTask) task = NULL;
  ScanJob *job;

  watch->scan_source = 0;
  if (watch->scanning)
    {
      watch->rescan = TRUE;
      return G_SOURCE_REMOVE;
    }

  job = g_new0 (ScanJob, 1);
  job->writer = _syllabus_store_writer_ref (self->writer);
  g_mutex_lock (&self->writer->lock);
  job->known = copy_stamps (self->writer->stamps);
  job->frozen = copy_set (self->writer->frozen);
  g_mutex_unlock (&self->writer->lock);
  job->merge = new_merge (self->file, JOIN_NOTES_CHANGED_ON_BOTH);
  job->topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->conflicts = g_ptr_array_new_with_free_func (conflict_copy_free);

  watch->scanning = TRUE;
  task = g_task_new (self, watch->cancellable, scan_ready_cb, NULL);
  g_task_set_source_tag (task, scan_cb);
  g_task_set_task_data (task, job, scan_job_free);
  g_task_run_in_thread (task, scan_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_scan (StoreWatch *watch,
               guint       delay_ms)
{
  if (watch->scan_source != 0)
    return;

  watch->scan_source = g_timeout_add (delay_ms, scan_cb, watch);
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  StoreWatch *watch = user_data;

  /* Which file does not matter: the scan compares every file with what
   * the store knows of it, and its own saves look unchanged. */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  schedule_scan (watch, SCAN_DELAY_MS);
}

/**
 * _syllabus_store_watch_start:
 *
 * Watches the store's folder from now on, and looks at it once at once,
 * for the conflict copies a sync tool left while Syllabus was not
 * running. For a store that may save.
 */
void
_syllabus_store_watch_start (SyllabusStore *self)
{
  g_autoptr(GError) error = NULL;
  StoreWatch *watch;

  g_return_if_fail (self->watch == NULL);

  watch = g_new0 (StoreWatch, 1);
  watch->store = self;
  watch->cancellable = g_cancellable_new ();
  watch->conflicts = g_ptr_array_new_with_free_func (conflict_copy_free);

  /* A folder not there yet is watched for when it appears. */
  watch->monitor = g_file_monitor_directory (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (watch->monitor != NULL)
    g_signal_connect (watch->monitor, "changed", G_CALLBACK (folder_changed_cb), watch);
  else
    g_debug ("Cannot watch %s: %s", self->writer->folder, error->message);

  self->watch = watch;
  schedule_scan (watch, 0);
}

/**
 * _syllabus_store_watch_stop:
 *
 * Stops watching; a scan under way is dropped.
 */
void
_syllabus_store_watch_stop (SyllabusStore *self)
{
  StoreWatch *watch = self->watch;

  if (watch == NULL)
    return;

  self->watch = NULL;
  g_cancellable_cancel (watch->cancellable);
  g_clear_object (&watch->cancellable);
  g_clear_handle_id (&watch->scan_source, g_source_remove);
  g_clear_handle_id (&watch->retry_source, g_source_remove);
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
      g_clear_object (&watch->monitor);
    }
  g_clear_pointer (&watch->conflicts, g_ptr_array_unref);
  g_free (watch);
}

/**
 * _syllabus_store_watch_topics_written:
 * @topic_writes: (element-type TopicWrite): what a save wrote
 *
 * Removes the conflict copies whose content is now in the topic files
 * just written, unless they changed since they were merged.
 */
void
_syllabus_store_watch_topics_written (SyllabusStore *self,
                                      GPtrArray     *topic_writes)
{
  StoreWatch *watch = self->watch;

  if (watch == NULL)
    return;

  for (guint i = watch->conflicts->len; i > 0; i--)
    {
      ConflictCopy *copy = g_ptr_array_index (watch->conflicts, i - 1);
      gboolean written = FALSE;
      FileStamp now;

      for (guint j = 0; j < topic_writes->len && !written; j++)
        written = strcmp (((TopicWrite *)g_ptr_array_index (topic_writes, j))->topic_id,
                          copy->topic_id) == 0;
      if (!written)
        continue;

      /* Changed since it was merged: merged again at the next scan. */
      _syllabus_store_stamp_take (&now, copy->path);
      if (now.exists && _syllabus_store_stamp_equal (&now, &copy->stamp))
        {
          if (g_unlink (copy->path) != 0)
            g_debug ("Cannot remove %s: %s", copy->path, g_strerror (errno));
          else
            g_debug ("Removed %s: its progress is saved", copy->path);
        }
      g_ptr_array_remove_index (watch->conflicts, i - 1);
    }
}

/**
 * _syllabus_store_watch_update:
 *
 * Looks at the folder every few seconds while a save fails, so that what
 * waits in memory is written once the folder can take it; called when a
 * save's result is known.
 */
void
_syllabus_store_watch_update (SyllabusStore *self)
{
  if (self->watch != NULL)
    update_retry (self->watch);
}
