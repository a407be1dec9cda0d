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

/* How long the rest of the progress waits, once the shown topic's is in,
 * for the main loop to have drawn it (see Gate), at the most. */
#define REST_WAIT_MS 2000

/* Loading ---------------------------------------------------------------- */

typedef struct
{
  GHashTable *topics;
  GHashTable *seen;
  char       *problem;
  char       *kept_file;
  GError     *damage;
  GStrv       unseen_damage;
  SyllabusLock *file_lock;
  gboolean    read_only;
  gboolean    locked;
  /* What the writer learnt of the folder: FileStamps, good files, topics
   * of a newer version. */
  GHashTable *stamps;
  GHashTable *good;
  GHashTable *frozen;
  GHashTable *frozen_names;
  /* The snapshots of what was read, made in the thread, so that the first
   * save writes only what changes. */
  GHashTable *entry_snapshots;
  GHashTable *seen_snapshots;
  /* Topic id → GPtrArray of the Snapshots of what its file holds */
  GHashTable *groups;
  /* Ids of topics whose progress came from a backup and is not in their
   * file yet. */
  GPtrArray  *restored;
  /* A progress.json an older version wrote beside the folder, to merge */
  MergeData  *late;
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
  g_clear_pointer (&result->stamps, g_hash_table_unref);
  g_clear_pointer (&result->good, g_hash_table_unref);
  g_clear_pointer (&result->frozen, g_hash_table_unref);
  g_clear_pointer (&result->frozen_names, g_hash_table_unref);
  g_clear_pointer (&result->entry_snapshots, g_hash_table_unref);
  g_clear_pointer (&result->seen_snapshots, g_hash_table_unref);
  g_clear_pointer (&result->groups, g_hash_table_unref);
  g_clear_pointer (&result->restored, g_ptr_array_unref);
  g_clear_pointer (&result->late, _syllabus_store_merge_data_free);
  g_free (result);
}

/* Takes the lock of a store that may write, creating the folder for it.
 * Only a lock another process holds makes the store read-only: a folder
 * that cannot be written makes saving fail and say why. */
static void
take_lock (Writer     *writer,
           LoadResult *result)
{
  g_autofree char *dir = g_path_get_dirname (writer->lock_path);
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
      g_autofree char *legacy_backup = g_strconcat (writer->legacy_path, ".bak", NULL);

      syllabus_atomic_file_remove_stale (writer->legacy_path);
      syllabus_atomic_file_remove_stale (legacy_backup);
      _syllabus_store_remove_stale_in_folder (writer->folder);
    }
}

static void
add_problem (GString    *problems,
             const char *problem)
{
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, problem);
}

/* Says what migrating progress.json found, if anything went wrong. */
static void
report_migration (Writer     *writer,
                  gboolean    reader,
                  Migration  *migration,
                  LoadResult *result,
                  GString    *problems)
{
  g_autofree char *problem = NULL;

  if (migration->newer)
    {
      /* Saving would drop whatever the newer program added. */
      result->read_only = TRUE;
      problem = g_strdup_printf (_("Your progress was saved by a newer version of Syllabus. "
                                   "It is shown read-only; changes will not be saved to %s."),
                                 writer->legacy_path);
    }
  else if (migration->write_error != NULL && migration->damage != NULL)
    {
      /* The damaged file stays in charge, so that the next start tries
       * again; what the backup holds is shown meanwhile. */
      result->damage = g_error_copy (migration->damage);
      result->read_only = TRUE;
      problem = g_strdup_printf (_("Your progress file %s cannot be read (%s). The progress of "
                                   "its last backup is shown read-only: it could not be written "
                                   "into the folder %s (%s). Nothing was moved, and changes will "
                                   "not be saved until this is fixed."),
                                 writer->legacy_path, migration->damage->message, writer->folder,
                                 migration->write_error->message);
    }
  else if (migration->write_error != NULL)
    {
      /* Saving into a folder without the other topics would put it in
       * charge and lose them. */
      result->read_only = TRUE;
      problem = g_strdup_printf (_("Your progress could not be moved from %s into the folder %s "
                                   "(%s). It is shown read-only; changes will not be saved until "
                                   "this is fixed."),
                                 writer->legacy_path, writer->folder,
                                 migration->write_error->message);
    }
  else if (migration->damage != NULL)
    {
      result->damage = g_error_copy (migration->damage);
      if (reader)
        return;

      if (migration->kept_file == NULL && migration->restored)
        {
          /* The folder is in charge; the next start renames the file. */
          problem = g_strdup_printf (_("Your progress file %s cannot be read (%s) and could not "
                                       "be moved aside (%s). Your progress was restored from the "
                                       "last backup."),
                                     writer->legacy_path, migration->damage->message,
                                     migration->move_error->message);
        }
      else if (migration->kept_file == NULL)
        {
          /* Neither readable nor movable: saving would overwrite it. */
          result->read_only = TRUE;
          problem = g_strdup_printf (_("Your progress file %s cannot be read (%s) and could not "
                                       "be moved aside (%s). Changes will not be saved until "
                                       "this is fixed."),
                                     writer->legacy_path, migration->damage->message,
                                     migration->move_error->message);
        }
      else
        {
          result->kept_file = g_strdup (migration->kept_file);
          if (migration->restored)
            problem = g_strdup_printf (_("Your progress file could not be read (%s). It was kept "
                                         "as %s, and your progress was restored from the last "
                                         "backup."),
                                       migration->damage->message, migration->kept_file);
          else
            problem = g_strdup_printf (_("Your progress file could not be read (%s). It was kept "
                                         "as %s, and Syllabus started with empty progress."),
                                       migration->damage->message, migration->kept_file);
        }
    }

  if (problem != NULL)
    add_problem (problems, problem);
}

/* What names a damaged file's topic for the user: its id, or its file's
 * name where the id is not known. */
static const char *
damage_title (const TopicDamage *damage)
{
  return damage->topic_id != NULL ? damage->topic_id : damage->name;
}

/* Says which topic files could not be read, and what became of each. */
static void
report_folder (Writer     *writer,
               gboolean    reader,
               FolderRead *read,
               LoadResult *result,
               GString    *problems)
{
  GHashTableIter iter;
  gpointer topic_id;

  if (read->missing && writer->shared)
    {
      g_autofree char *problem = NULL;

      /* Saves fail, saying so, and keep the changes in memory. */
      problem = g_strdup_printf (_("Your progress folder %s is not there: if it is on a disk, "
                                   "connect it. Until then your progress in it is not shown, "
                                   "and changes are kept in memory."),
                                 writer->folder);
      add_problem (problems, problem);
    }

  if (read->unreadable != NULL)
    {
      g_autofree char *problem = NULL;

      result->read_only = TRUE;
      problem = g_strdup_printf (_("Your progress folder %s cannot be read (%s). Nothing in it "
                                   "was changed, and changes will not be saved until this is "
                                   "fixed."),
                                 writer->folder, read->unreadable->message);
      add_problem (problems, problem);
    }

  for (guint i = 0; i < read->damages->len; i++)
    {
      TopicDamage *damage = g_ptr_array_index (read->damages, i);
      g_autofree char *problem = NULL;

      if (result->damage == NULL)
        {
          result->damage = g_error_copy (damage->error);
          g_prefix_error (&result->damage, "%s: ", damage->path);
        }
      if (damage->kept_file != NULL && result->kept_file == NULL)
        result->kept_file = g_strdup (damage->kept_file);
      if (damage->restored && damage->topic_id != NULL)
        {
          if (result->restored == NULL)
            result->restored = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (result->restored, g_strdup (damage->topic_id));
        }

      if (reader)
        continue;

      if (damage->name == NULL)
        {
          /* Not even the folder could be read. */
          if (damage->kept_file == NULL)
            {
              result->read_only = TRUE;
              problem = g_strdup_printf (_("Your progress folder %s cannot be read (%s) and could "
                                           "not be moved aside (%s). Changes will not be saved "
                                           "until this is fixed."),
                                         damage->path, damage->error->message,
                                         damage->move_error->message);
            }
          else
            problem = g_strdup_printf (_("Your progress folder could not be read (%s). It was "
                                         "kept as %s, and Syllabus started with empty progress."),
                                       damage->error->message, damage->kept_file);
        }
      else if (damage->kept_file == NULL)
        /* Translators: the first %s is a topic's name */
        problem = g_strdup_printf (_("Your progress in “%s” cannot be read from %s (%s) and could "
                                     "not be moved aside (%s). Changes to it will not be saved "
                                     "until this is fixed."),
                                   damage_title (damage), damage->path, damage->error->message,
                                   damage->move_error->message);
      else if (damage->restored)
        problem = g_strdup_printf (_("Your progress in “%s” could not be read (%s). Its file was "
                                     "kept as %s, and its progress was restored from the last "
                                     "backup."),
                                   damage_title (damage), damage->error->message, damage->kept_file);
      else
        problem = g_strdup_printf (_("Your progress in “%s” could not be read (%s). Its file was "
                                     "kept as %s, and it starts with empty progress."),
                                   damage_title (damage), damage->error->message, damage->kept_file);

      add_problem (problems, problem);
    }

  g_hash_table_iter_init (&iter, read->frozen);
  while (g_hash_table_iter_next (&iter, &topic_id, NULL))
    {
      g_autofree char *name = _syllabus_store_topic_file_name (topic_id);
      g_autofree char *path = g_build_filename (writer->folder, name, NULL);
      g_autofree char *problem = NULL;
      gboolean damaged = FALSE;

      /* A damaged file left in place is told above. */
      for (guint i = 0; i < read->damages->len; i++)
        damaged |= g_strcmp0 (((TopicDamage *)g_ptr_array_index (read->damages, i))->topic_id,
                              topic_id) == 0;
      if (damaged || reader)
        continue;

      problem = g_strdup_printf (_("Your progress in “%s” was saved by a newer version of "
                                   "Syllabus. It is shown, but changes to it will not be saved "
                                   "to %s."),
                                 (const char *)topic_id, path);
      add_problem (problems, problem);
    }
}

/* Holds the rest of the load back until the shown topic's checklist is
 * on screen: on two cores, reading 10,000 resources beside GTK and WebKit
 * starting up would delay it by a tenth (benchmark 8). The thread waits
 * for the main loop to be idle once the shown topic's progress is in, or
 * REST_WAIT_MS at most. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GCond            cond;
  gboolean         open;
} Gate;

static Gate *
gate_new (void)
{
  Gate *gate = g_new0 (Gate, 1);

  g_atomic_ref_count_init (&gate->ref_count);
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);

  return gate;
}

static Gate *
gate_ref (Gate *gate)
{
  g_atomic_ref_count_inc (&gate->ref_count);
  return gate;
}

static void
gate_unref (Gate *gate)
{
  if (!g_atomic_ref_count_dec (&gate->ref_count))
    return;

  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
  g_free (gate);
}

/* Lets the thread go on, and drops a reference. */
static void
gate_open_unref (gpointer data)
{
  Gate *gate = data;

  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
  gate_unref (gate);
}

static void
gate_wait (Gate *gate)
{
  gint64 deadline = g_get_monotonic_time () + REST_WAIT_MS * G_TIME_SPAN_MILLISECOND;

  g_mutex_lock (&gate->mutex);
  while (!gate->open)
    if (!g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
      break;
  g_mutex_unlock (&gate->mutex);
}

/* The main loop has nothing else to do: the checklist is drawn. Opening
 * is the source's destroy notify, so that the thread goes on also if the
 * source never runs. */
static gboolean
rest_may_load_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* What the loading thread is given. */
typedef struct
{
  Writer        *writer;
  /* The topic to read before the others, or NULL */
  char          *first_topic;
  /* Where its progress goes, at once: the store, on its main context */
  SyllabusStore *store;
  GMainContext  *context;
  /* Opened by the main loop once the first topic is shown, or NULL */
  Gate          *gate;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_pointer (&job->writer, _syllabus_store_writer_unref);
  g_free (job->first_topic);
  g_clear_object (&job->store);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->gate, gate_unref);
  g_free (job);
}

/* The shown topic's progress, read before the rest. */
typedef struct
{
  SyllabusStore *store;
  char          *topic_id;
  GHashTable    *topics;
  GHashTable    *seen;
  GHashTable    *entry_snapshots;
  GHashTable    *seen_snapshots;
  GHashTable    *groups;
  /* Opened once the main loop is done with the topic: see Gate */
  Gate          *gate;
} FirstTopic;

static void
first_topic_free (gpointer data)
{
  FirstTopic *first = data;

  g_clear_object (&first->store);
  g_free (first->topic_id);
  g_clear_pointer (&first->topics, g_hash_table_unref);
  g_clear_pointer (&first->seen, g_hash_table_unref);
  g_clear_pointer (&first->entry_snapshots, g_hash_table_unref);
  g_clear_pointer (&first->seen_snapshots, g_hash_table_unref);
  g_clear_pointer (&first->groups, g_hash_table_unref);
  /* Not handed on: the rest loads at once. */
  g_clear_pointer (&first->gate, gate_open_unref);
  g_free (first);
}

static void adopt_topics (SyllabusStore *self,
                          GHashTable    *topics);

/* On the main loop: the shown topic's progress is in, before the rest,
 * so that its checklist comes with its ticks. Everything else waits for
 * the whole: saving, counts of other topics, search. */
static gboolean
apply_first_topic_cb (gpointer data)
{
  FirstTopic *first = data;
  SyllabusStore *self = first->store;
  GHashTableIter iter;
  gpointer topic_id;
  gpointer snapshots;

  if (!self->loading || self->loaded)
    return G_SOURCE_REMOVE;

  adopt_topics (self, first->topics);
  _syllabus_store_steal_all (first->seen, self->seen);
  if (self->entry_snapshots == NULL)
    self->entry_snapshots = g_hash_table_new_full (NULL, NULL, NULL, _syllabus_store_snapshot_unref);
  _syllabus_store_steal_all (first->entry_snapshots, self->entry_snapshots);
  if (self->seen_snapshots == NULL)
    self->seen_snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  _syllabus_store_snapshot_unref);
  _syllabus_store_steal_all (first->seen_snapshots, self->seen_snapshots);
  g_hash_table_iter_init (&iter, first->groups);
  while (g_hash_table_iter_next (&iter, &topic_id, &snapshots))
    _syllabus_store_set_on_disk (self, topic_id, snapshots);

  self->first_topic_loaded = TRUE;
  g_debug ("The progress of %s is in, before the rest", first->topic_id);
  _syllabus_store_emit_topic_loaded (self, first->topic_id);
  /* After what the topic's checklist makes the main loop do (laying it
   * out, drawing it), the rest. */
  g_idle_add_full (G_PRIORITY_LOW, rest_may_load_cb, g_steal_pointer (&first->gate),
                   gate_open_unref);

  return G_SOURCE_REMOVE;
}

/* Reads the file of @job's first topic alone and hands it to the store at
 * once; @read then leaves the file out. Only a good file of this version
 * goes first: anything else is for the whole load to deal with. */
static void
read_first_topic (LoadJob    *job,
                  FolderRead *read)
{
  g_autofree char *name = _syllabus_store_topic_file_name (job->first_topic);
  g_autofree char *path = g_build_filename (job->writer->folder, name, NULL);
  g_autofree char *file_id = NULL;
  FirstTopic *first;
  FileStamp stamp;
  gint64 version;
  gboolean missing;

  first = g_new0 (FirstTopic, 1);
  first->topics = _syllabus_store_new_topics_table ();
  first->seen = _syllabus_store_new_seen_table ();
  _syllabus_store_stamp_take (&stamp, path);
  if (!stamp.exists ||
      !_syllabus_store_read_path (path, TRUE, first->topics, first->seen, &file_id, NULL, &version,
                                  &missing, NULL) ||
      missing || version != SYLLABUS_STORE_VERSION || g_strcmp0 (file_id, job->first_topic) != 0)
    {
      first_topic_free (first);
      return;
    }

  first->store = g_object_ref (job->store);
  first->topic_id = g_strdup (job->first_topic);
  first->entry_snapshots = g_hash_table_new_full (NULL, NULL, NULL, _syllabus_store_snapshot_unref);
  first->seen_snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 _syllabus_store_snapshot_unref);
  first->groups = _syllabus_store_group_snapshots (first->topics, first->seen,
                                                   first->entry_snapshots, first->seen_snapshots);
  read->read_first = g_strdup (name);
  read->read_first_stamp = stamp;
  first->gate = gate_ref (job->gate);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, apply_first_topic_cb, first,
                              first_topic_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  Writer *writer = job->writer;
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(GString) problems = g_string_new (NULL);
  Migration migration = { NULL };
  FolderRead read = { NULL };
  gboolean reader;

  result->read_only = writer->reader;

  if (!writer->reader)
    take_lock (writer, result);

  _syllabus_store_folder_read_init (&read);

  /* Another process holds the lock, and may be migrating: what is there
   * is read as a store that only reads would, and nothing is changed. */
  reader = writer->reader || result->locked;

  if (_syllabus_store_migrate (writer, !reader, &migration))
    {
      if (job->first_topic != NULL && !reader)
        {
          read_first_topic (job, &read);
          if (read.read_first != NULL)
            gate_wait (job->gate);
        }
      _syllabus_store_read_folder (writer->folder, !reader, writer->damage_log_path, &read);
    }
  else
    {
      g_hash_table_unref (read.topics);
      g_hash_table_unref (read.seen);
      read.topics = g_steal_pointer (&migration.topics);
      read.seen = g_steal_pointer (&migration.seen);
    }

  report_migration (writer, reader, &migration, result, problems);
  report_folder (writer, reader, &read, result, problems);

  result->topics = g_steal_pointer (&read.topics);
  result->seen = g_steal_pointer (&read.seen);
  result->stamps = g_steal_pointer (&read.stamps);
  result->good = g_steal_pointer (&read.good);
  result->frozen = g_steal_pointer (&read.frozen);
  result->frozen_names = g_steal_pointer (&read.frozen_names);
  result->entry_snapshots = g_hash_table_new_full (NULL, NULL, NULL, _syllabus_store_snapshot_unref);
  result->seen_snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  _syllabus_store_snapshot_unref);
  result->groups = _syllabus_store_group_snapshots (result->topics, result->seen,
                                                    result->entry_snapshots, result->seen_snapshots);
  if (problems->len > 0)
    result->problem = g_strdup (problems->str);

  result->late = g_steal_pointer (&migration.late);
  _syllabus_store_migration_clear (&migration);
  _syllabus_store_folder_read_clear (&read);

  /* Every kept file the user has not seen yet, this one included: the
   * window shows them until its message is dismissed. */
  result->unseen_damage = syllabus_damage_log_read (writer->damage_log_path);
  g_task_return_pointer (task, result, load_result_free);
}

/* On the main loop, once everything is in: what an older version wrote
 * to progress.json after the folder took charge is merged by the
 * import's rule, and said. The file is renamed aside once that is saved,
 * or at once if it held nothing new (a migration interrupted before its
 * last step). */
static void
merge_late_legacy (SyllabusStore *self,
                   MergeData     *late)
{
  SyllabusMergeSummary summary = { 0 };
  g_autofree char *path = g_file_get_path (late->file);
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  guint n;

  _syllabus_store_apply_merge (self, late, &summary);
  g_hash_table_remove_all (late->topics);
  g_hash_table_remove_all (late->seen);
  self->late_legacy = late;

  n = summary.added + summary.taken + summary.notes_joined;
  if (n == 0)
    {
      _syllabus_store_retire_late_legacy (self);
      return;
    }

  g_debug ("Merged %u changes from %s, written beside the progress folder", n, path);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "An older version of Syllabus saved progress to %s after "
                                       "yours had moved to %s. Its %u change was added to your "
                                       "progress, and the file is kept, renamed.",
                                       "An older version of Syllabus saved progress to %s after "
                                       "yours had moved to %s. Its %u changes were added to your "
                                       "progress, and the file is kept, renamed.", n),
                          path, self->writer->folder, n);
  problem = self->problem != NULL ? g_strconcat (self->problem, "\n", text, NULL) : g_strdup (text);
  _syllabus_store_set_string_property (self, &self->problem, problem,
                                       _syllabus_store_get_pspec (PROP_PROBLEM));
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
  _syllabus_store_steal_all (result->seen, self->seen);

  g_mutex_lock (&self->writer->lock);
  g_clear_pointer (&self->writer->stamps, g_hash_table_unref);
  self->writer->stamps = g_steal_pointer (&result->stamps);
  g_clear_pointer (&self->writer->good, g_hash_table_unref);
  self->writer->good = g_steal_pointer (&result->good);
  {
    GHashTableIter iter;
    gpointer topic_id;

    g_hash_table_iter_init (&iter, result->frozen);
    while (g_hash_table_iter_next (&iter, &topic_id, NULL))
      g_hash_table_add (self->frozen, g_strdup (topic_id));
  }
  g_clear_pointer (&self->writer->frozen, g_hash_table_unref);
  self->writer->frozen = g_steal_pointer (&result->frozen_names);
  if (self->writer->file_lock == NULL)
    self->writer->file_lock = g_steal_pointer (&result->file_lock);
  g_mutex_unlock (&self->writer->lock);

  /* What was read is what the files hold: the first save compares with
   * it and writes only what changes. */
  if (self->entry_snapshots == NULL)
    self->entry_snapshots = g_steal_pointer (&result->entry_snapshots);
  else
    _syllabus_store_steal_all (result->entry_snapshots, self->entry_snapshots);
  if (self->seen_snapshots == NULL)
    self->seen_snapshots = g_steal_pointer (&result->seen_snapshots);
  else
    _syllabus_store_steal_all (result->seen_snapshots, self->seen_snapshots);
  {
    GHashTableIter iter;
    gpointer topic_id;
    gpointer snapshots;

    g_hash_table_iter_init (&iter, result->groups);
    while (g_hash_table_iter_next (&iter, &topic_id, &snapshots))
      _syllabus_store_set_on_disk (self, topic_id, snapshots);
  }

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

  /* What was restored from a backup must reach its topic's file, or the
   * next start would find no file and begin empty. */
  if (result->restored != NULL)
    {
      for (guint i = 0; i < result->restored->len; i++)
        _syllabus_store_mark_topic_unsaved (self, g_ptr_array_index (result->restored, i));
      _syllabus_store_mark_changed (self, 0);
    }

  if (result->late != NULL)
    merge_late_legacy (self, g_steal_pointer (&result->late));

  /* A store that saves merges what other programs write meanwhile. */
  if (!self->read_only && !self->locked)
    _syllabus_store_watch_start (self);

  /* What changed in the shown topic before the rest was in (a tick in
   * the first moments) is saved now. */
  if (syllabus_store_get_dirty (self))
    _syllabus_store_queue_save (self, 0);

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
  LoadJob *job;

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
  job = g_new0 (LoadJob, 1);
  job->writer = _syllabus_store_writer_ref (self->writer);
  job->first_topic = g_strdup (self->first_topic);
  job->store = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->gate = gate_new ();
  g_task_set_task_data (inner, job, load_job_free);
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
  LoadJob *job;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->loaded && !self->loading, FALSE);

  task = g_task_new (NULL, NULL, NULL, NULL);
  /* All at once: nothing to show first. */
  job = g_new0 (LoadJob, 1);
  job->writer = _syllabus_store_writer_ref (self->writer);
  g_task_set_task_data (task, job, load_job_free);
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
