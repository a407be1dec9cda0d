/* syllabus-store-writer.c
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

/* The writer that the store shares with its threads: file stamps, the
 * lock's path, the atomic write of a snapshot and the backup. */

#include "config.h"

#include "syllabus-store-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-atomic-file.h"

void
_syllabus_store_stamp_from_stat (FileStamp      *stamp,
                                 const GStatBuf *buf)
{
  stamp->exists = TRUE;
  stamp->dev = buf->st_dev;
  stamp->ino = buf->st_ino;
  stamp->size = buf->st_size;
  stamp->mtime_ns = (gint64)buf->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                    buf->st_mtim.tv_nsec;
}

/* Looks at @path before it is read: if it changes while it is read, the
 * next save sees a change and reads it again, never the other way round. */
void
_syllabus_store_stamp_take (FileStamp  *stamp,
                            const char *path)
{
  GStatBuf buf;

  memset (stamp, 0, sizeof *stamp);
  if (g_stat (path, &buf) == 0)
    _syllabus_store_stamp_from_stat (stamp, &buf);
}

gboolean
_syllabus_store_stamp_equal (const FileStamp *a,
                             const FileStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;

  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_ns == b->mtime_ns;
}


void
_syllabus_store_topic_write_free (gpointer data)
{
  TopicWrite *write = data;

  g_free (write->topic_id);
  g_clear_pointer (&write->snapshots, g_ptr_array_unref);
  g_free (write);
}

/* Every path the store uses, beside the folder: progress/ gives
 * progress.json (what version 1 wrote, migrated), progress.partial/ (a
 * migration under way), progress.lock (the same lock as version 1 took,
 * so that an older Syllabus and this one never write at once) and
 * progress.json.unseen-damage (the damage log, where version 1 kept it).
 * A shared folder's lock and damage log are those of the default folder,
 * this computer's: nothing of them is synced, and one program at a time
 * writes, whichever folder it uses. */
Writer *
_syllabus_store_writer_new (GFile    *folder,
                            gboolean  reader,
                            gboolean  shared)
{
  Writer *writer = g_new0 (Writer, 1);
  g_autoptr(GFile) local = shared ? syllabus_store_get_default_file () : g_object_ref (folder);
  g_autofree char *local_path = g_file_get_path (local);

  g_atomic_ref_count_init (&writer->ref_count);
  g_mutex_init (&writer->lock);
  writer->folder = g_file_get_path (folder);
  writer->legacy_path = g_strconcat (writer->folder, ".json", NULL);
  writer->partial_path = g_strconcat (writer->folder, ".partial", NULL);
  writer->lock_path = g_strconcat (local_path, ".lock", NULL);
  writer->damage_log_path = g_strconcat (local_path, ".json.unseen-damage", NULL);
  writer->shared = shared;
  writer->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer->good = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->reader = reader;

  return writer;
}

Writer *
_syllabus_store_writer_ref (Writer *writer)
{
  g_atomic_ref_count_inc (&writer->ref_count);
  return writer;
}

void
_syllabus_store_writer_unref (Writer *writer)
{
  if (g_atomic_ref_count_dec (&writer->ref_count))
    {
      g_mutex_clear (&writer->lock);
      g_clear_pointer (&writer->file_lock, syllabus_lock_release);
      g_free (writer->folder);
      g_free (writer->legacy_path);
      g_free (writer->partial_path);
      g_free (writer->lock_path);
      g_free (writer->damage_log_path);
      g_clear_pointer (&writer->stamps, g_hash_table_unref);
      g_clear_pointer (&writer->good, g_hash_table_unref);
      g_clear_pointer (&writer->frozen, g_hash_table_unref);
      g_free (writer);
    }
}

/* Keeps the current file at @path, which was read or written
 * successfully, as its backup: a hard link where the file system allows,
 * else a copy. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup_path = g_strconcat (path, ".bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (syllabus_atomic_file_link (path, backup_path, &error) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return;

  if (g_file_get_contents (path, &contents, &length, NULL))
    syllabus_atomic_file_write_path (backup_path, contents, length, 0600, NULL);
}

/* Whether another program changed @name since this store read or wrote
 * it, or made it since: what it wrote is merged first, not overwritten.
 * A file gone meanwhile holds nothing to merge. */
static gboolean
changed_under_us (Writer     *writer,
                  const char *name,
                  const char *path,
                  FileStamp  *now)
{
  const FileStamp *known = g_hash_table_lookup (writer->stamps, name);

  _syllabus_store_stamp_take (now, path);
  if (!now->exists)
    return FALSE;

  return known == NULL || !_syllabus_store_stamp_equal (now, known);
}

/* Keeps the file a save just replaced, now at @displaced, if it is not
 * the one the save looked at a moment before (@seen): another program
 * (a sync tool bringing another computer's change) put it there
 * meanwhile. It becomes a conflict copy of @path, which the folder's
 * watcher merges and then removes, as it does a sync tool's. */
static void
keep_displaced (const char      *path,
                const char      *displaced,
                const FileStamp *seen)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".json"));
  FileStamp was;
  GStatBuf buf;

  if (g_lstat (displaced, &buf) == 0)
    {
      _syllabus_store_stamp_from_stat (&was, &buf);
      if (seen->exists && _syllabus_store_stamp_equal (&was, seen))
        {
          g_unlink (displaced);
          return;
        }
    }

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *copy = i == 0 ? g_strdup_printf ("%s.syllabus-conflict-%s.json", stem, when)
                                     : g_strdup_printf ("%s.syllabus-conflict-%s-%u.json", stem, when, i);

      if (g_file_test (copy, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (displaced, copy) == 0)
        {
          g_debug ("%s changed as it was saved; kept what it held as %s", path, copy);
          return;
        }
      break;
    }

  /* Nowhere to keep it: it stays where it is, a temporary file of ours
   * that the next start would remove, so say where. */
  g_warning ("%s changed as it was saved, and what it held could not be kept: it is in %s",
             path, displaced);
}

/**
 * _syllabus_store_write_topics:
 * @topic_writes: (element-type TopicWrite): the topics to write
 * @generation: the store's generation they were taken at
 * @changed: (out): what other programs wrote meanwhile, if they did
 *
 * Writes the file of each topic of @topic_writes atomically and durably,
 * or, if another program changed one of them since this store read or
 * wrote it, none, returning what it wrote in @changed to merge before
 * saving again. A topic whose file is frozen (a newer version wrote it,
 * or it could be neither read nor moved aside) is never written: the
 * others are, and then this fails, saying which.
 */
gboolean
_syllabus_store_write_topics (Writer      *writer,
                              GPtrArray   *topic_writes,
                              guint64      generation,
                              MergeData  **changed,
                              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree FileStamp *seen = g_new0 (FileStamp, topic_writes->len);
  MergeData *merge = NULL;
  TopicWrite *frozen = NULL;
  gboolean ret = TRUE;

  for (guint i = 0; i < topic_writes->len; i++)
    {
      TopicWrite *write = g_ptr_array_index (topic_writes, i);

      g_ptr_array_add (names, _syllabus_store_topic_file_name (write->topic_id));
    }

  g_mutex_lock (&writer->lock);

  /* A newer snapshot already reached the disk: this one must not undo it.
   * It wrote every topic this one would: a save takes every topic not yet
   * written when it starts. */
  if (generation <= writer->written_generation)
    goto out;

  /* A shared folder not there is a disk not mounted, or a sync tool's
   * folder gone: making it would write beside the user's data. */
  if (writer->shared && !g_file_test (writer->folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The progress folder %s is not there"), writer->folder);
      ret = FALSE;
      goto out;
    }

  if (g_mkdir_with_parents (writer->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), writer->folder, g_strerror (saved_errno));
      ret = FALSE;
      goto out;
    }

  for (guint i = 0; i < topic_writes->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (writer->folder, name, NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      FileStamp *now = &seen[i];

      if (g_hash_table_contains (writer->frozen, name) ||
          !changed_under_us (writer, name, path, now))
        continue;

      g_debug ("%s changed since it was last read or written; merging it", path);
      if (merge == NULL)
        {
          g_autoptr(GFile) folder = g_file_new_for_path (writer->folder);

          merge = _syllabus_store_merge_data_new (folder);
          merge->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }

      file = g_file_new_for_path (path);
      if (!_syllabus_store_read_merge_path (merge, file, NULL, &local_error))
        {
          /* Never overwrite what cannot be read: the save fails and says
           * why, and the file stays as it is. */
          g_set_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_CHANGED,
                       _("Another program changed the progress file %s, and it cannot be "
                         "merged: %s"),
                       path, local_error->message);
          g_clear_pointer (&merge, _syllabus_store_merge_data_free);
          ret = FALSE;
          goto out;
        }
      g_hash_table_insert (merge->stamps, g_strdup (name), g_memdup2 (now, sizeof *now));
    }

  if (merge != NULL)
    {
      *changed = g_steal_pointer (&merge);
      goto out;
    }

  if (writer->before_replace != NULL)
    {
      void (*before_replace) (gpointer data) = writer->before_replace;

      writer->before_replace = NULL;
      before_replace (writer->before_replace_data);
    }

  for (guint i = 0; i < topic_writes->len; i++)
    {
      TopicWrite *write = g_ptr_array_index (topic_writes, i);
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (writer->folder, name, NULL);
      g_autofree char *displaced = NULL;
      FileStamp *stamp;
      GStatBuf written;

      /* Told once the others are written. */
      if (g_hash_table_contains (writer->frozen, name))
        {
          if (frozen == NULL)
            frozen = write;
          continue;
        }

      if (g_hash_table_contains (writer->good, name))
        keep_backup (path);

      if (!_syllabus_store_write_topic_file (writer->folder, write->topic_id, write->snapshots,
                                             &written, &displaced, error))
        {
          g_prefix_error (error, "%s: ", path);
          ret = FALSE;
          goto out;
        }
      if (displaced != NULL)
        keep_displaced (path, displaced, &seen[i]);

      writer->n_writes++;
      g_hash_table_add (writer->good, g_strdup (name));
      stamp = g_new0 (FileStamp, 1);
      _syllabus_store_stamp_from_stat (stamp, &written);
      g_hash_table_replace (writer->stamps, g_strdup (name), stamp);
    }

  writer->written_generation = generation;

  /* The user changed a topic whose file cannot be written: the save must
   * not look as if it kept that change. */
  if (frozen != NULL)
    {
      g_autofree char *name = _syllabus_store_topic_file_name (frozen->topic_id);
      g_autofree char *path = g_build_filename (writer->folder, name, NULL);

      g_set_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_NEWER_VERSION,
                   /* Translators: the first %s is a topic's name */
                   _("changes to “%s” cannot be written to %s, a file Syllabus may not "
                     "change (a newer version wrote it, or it cannot be read)"),
                   frozen->topic_id, path);
      ret = FALSE;
    }

out:
  g_mutex_unlock (&writer->lock);

  return ret;
}
