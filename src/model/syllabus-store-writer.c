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


/* progress.json → progress.lock; any other name gets ".lock" added. */
static char *
lock_path_for (const char *path)
{
  if (g_str_has_suffix (path, ".json"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".json"));

      return g_strconcat (stem, ".lock", NULL);
    }

  return g_strconcat (path, ".lock", NULL);
}

Writer *
_syllabus_store_writer_new (GFile    *file,
                            gboolean  reader)
{
  Writer *writer = g_new0 (Writer, 1);

  g_atomic_ref_count_init (&writer->ref_count);
  g_mutex_init (&writer->lock);
  writer->path = g_file_get_path (file);
  writer->backup_path = g_strconcat (writer->path, ".bak", NULL);
  writer->lock_path = lock_path_for (writer->path);
  writer->damage_log_path = g_strconcat (writer->path, ".unseen-damage", NULL);
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
      g_free (writer->path);
      g_free (writer->backup_path);
      g_free (writer->lock_path);
      g_free (writer->damage_log_path);
      g_free (writer);
    }
}

/* Keeps the current file, which was read or written successfully, as the
 * backup: a hard link where the file system allows, else a copy. */
static void
keep_backup (Writer *writer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (syllabus_atomic_file_link (writer->path, writer->backup_path, &error) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return;

  if (g_file_get_contents (writer->path, &contents, &length, NULL))
    syllabus_atomic_file_write_path (writer->backup_path, contents, length, 0600, NULL);
}

gboolean
_syllabus_store_write_snapshot (Writer      *writer,
                                GPtrArray   *snapshots,
                                guint64      generation,
                                MergeData  **changed,
                                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  gboolean ret = TRUE;
  FileStamp now;
  GStatBuf written;
  gsize length;

  contents = _syllabus_store_serialize (snapshots, &length);

  g_mutex_lock (&writer->lock);

  /* A newer snapshot already reached the disk: this one must not undo it. */
  if (generation <= writer->written_generation)
    goto out;

  dir = g_path_get_dirname (writer->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      ret = FALSE;
      goto out;
    }

  /* Another program changed the file since we read or wrote it: what it
   * wrote is merged first, not overwritten. A file gone meanwhile holds
   * nothing to merge. */
  _syllabus_store_stamp_take (&now, writer->path);
  if (now.exists && !_syllabus_store_stamp_equal (&now, &writer->stamp))
    {
      g_autoptr(GFile) file = g_file_new_for_path (writer->path);
      g_autoptr(GError) local_error = NULL;
      MergeData *merge = _syllabus_store_merge_data_new (file);

      merge->stamp = now;
      g_debug ("%s changed since it was last read or written; merging it", writer->path);
      if (!_syllabus_store_read_merge_file (merge, NULL, &local_error))
        {
          /* Never overwrite what cannot be read: the save fails and says
           * why, and the file stays as it is. */
          _syllabus_store_merge_data_free (merge);
          g_set_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_CHANGED,
                       _("Another program changed the progress file, and it cannot be "
                         "merged: %s"),
                       local_error->message);
          ret = FALSE;
          goto out;
        }

      *changed = merge;
      goto out;
    }

  if (writer->file_is_good)
    keep_backup (writer);

  if (!syllabus_atomic_file_write_path_stat (writer->path, contents, length, 0600, &written,
                                             error))
    {
      ret = FALSE;
      goto out;
    }

  writer->written_generation = generation;
  writer->file_is_good = TRUE;
  _syllabus_store_stamp_from_stat (&writer->stamp, &written);

out:
  g_mutex_unlock (&writer->lock);

  return ret;
}
