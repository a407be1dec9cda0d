/* syllabus-store-migrate.c
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

/* Migration: the one progress.json of format version 1 becomes the folder
 * of topic files, without a moment where a crash could lose progress.
 *
 *   1. Every topic's file is written into progress.partial/, each flushed,
 *      then the folder itself.
 *   2. progress.partial/ is renamed to progress/: this one rename decides.
 *      Before it, progress.json is in charge; after it, the folder is.
 *   3. progress.json is renamed to progress.json.v1-migrated, kept for the
 *      user (an older Syllabus ignores it), never deleted.
 *
 * At each start, by the holder of the lock: with a progress/ folder, the
 * folder is in charge and a progress.json beside it (a crash between 2
 * and 3) is renamed aside as in 3; without one, a progress.partial/ is a
 * migration a crash interrupted: it is removed and the migration runs
 * again from progress.json, which nothing changed. */

#include "config.h"

#include "syllabus-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "syllabus-damage-log.h"

void
_syllabus_store_migration_clear (Migration *migration)
{
  g_clear_error (&migration->damage);
  g_clear_pointer (&migration->kept_file, g_free);
  g_clear_error (&migration->move_error);
  g_clear_error (&migration->write_error);
  g_clear_pointer (&migration->topics, g_hash_table_unref);
  g_clear_pointer (&migration->seen, g_hash_table_unref);
  g_clear_pointer (&migration->late, _syllabus_store_merge_data_free);
}

/* Flushes @dir's entries: the files written or renamed in it. Returns
 * the errno of a failure, or 0. */
static int
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0)
    return errno;
  if (fsync (fd) != 0)
    saved_errno = errno;
  g_close (fd, NULL);

  return saved_errno;
}

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

/* Removes what an interrupted migration left in progress.partial/: only
 * its regular files (topic files and their temporary files), then the
 * folder, if nothing else is in it. */
static void
remove_partial (const char *partial)
{
  g_autoptr(GDir) listing = g_dir_open (partial, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  GStatBuf buf;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (partial, name, NULL);

      if (g_lstat (path, &buf) == 0 && S_ISREG (buf.st_mode))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  g_debug ("Removing %s, left by an interrupted migration", partial);
  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  if (g_rmdir (partial) != 0)
    g_debug ("Cannot remove %s: %s", partial, g_strerror (errno));
}

/* Renames progress.json to progress.json.v1-migrated, or -2, -3... if
 * that is taken: nothing is ever overwritten. */
static void
rename_legacy_aside (const char *legacy)
{
  g_autofree char *dir = g_path_get_dirname (legacy);

  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *target = i == 1 ? g_strconcat (legacy, ".v1-migrated", NULL)
                                       : g_strdup_printf ("%s.v1-migrated-%u", legacy, i);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (legacy, target) != 0)
        g_debug ("Cannot rename %s to %s: %s", legacy, target, g_strerror (errno));
      sync_dir (dir);
      return;
    }
}

/* Writes every topic of @topics and @seen into a fresh progress.partial/
 * and renames it to progress/. On failure nothing is renamed and
 * progress.partial/ is removed again. */
/* progress.json beside the folder: left by a migration interrupted
 * before it was renamed, or written since by an older Syllabus, which
 * knows no folder. What it holds is merged once the folder is loaded
 * (nothing, in the first case), and it is renamed aside once that is
 * saved. One that cannot be merged is renamed aside at once, kept. */
static void
read_late_legacy (Writer    *writer,
                  Migration *migration)
{
  g_autoptr(GFile) file = g_file_new_for_path (writer->legacy_path);
  g_autoptr(GError) error = NULL;
  MergeData *late = _syllabus_store_merge_data_new (file);

  _syllabus_store_stamp_take (&late->stamp, writer->legacy_path);
  if (!_syllabus_store_read_merge_file (late, NULL, &error))
    {
      g_debug ("Cannot merge %s: %s", writer->legacy_path, error->message);
      _syllabus_store_merge_data_free (late);
      rename_legacy_aside (writer->legacy_path);
      return;
    }

  migration->late = late;
}

/**
 * _syllabus_store_retire_late_legacy:
 *
 * Renames aside the progress.json an older version wrote beside the
 * folder, now that what it added is saved; unless it changed since it was
 * merged: then the next start merges it again.
 */
void
_syllabus_store_retire_late_legacy (SyllabusStore *self)
{
  MergeData *late = g_steal_pointer (&self->late_legacy);
  g_autofree char *path = NULL;
  FileStamp now;

  if (late == NULL)
    return;

  path = g_file_get_path (late->file);
  _syllabus_store_stamp_take (&now, path);
  if (_syllabus_store_stamp_equal (&now, &late->stamp))
    rename_legacy_aside (path);
  else
    g_debug ("%s changed since it was merged: merged again at the next start", path);
  _syllabus_store_merge_data_free (late);
}

static gboolean
write_folder (Writer      *writer,
              GHashTable  *topics,
              GHashTable  *seen,
              GError     **error)
{
  g_autoptr(GHashTable) groups = _syllabus_store_group_snapshots (topics, seen, NULL, NULL);
  g_autofree char *parent = g_path_get_dirname (writer->folder);
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  int saved_errno;

  if (g_mkdir_with_parents (parent, 0700) != 0)
    return set_errno_error (error, errno, parent);
  if (g_mkdir (writer->partial_path, 0700) != 0)
    return set_errno_error (error, errno, writer->partial_path);

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_syllabus_store_write_topic_file (writer->partial_path, key, value, NULL, NULL, error))
      {
        remove_partial (writer->partial_path);
        return FALSE;
      }

  /* Every file is on the disk before the folder takes charge. */
  if ((saved_errno = sync_dir (writer->partial_path)) != 0)
    {
      remove_partial (writer->partial_path);
      return set_errno_error (error, saved_errno, writer->partial_path);
    }

  if (g_rename (writer->partial_path, writer->folder) != 0)
    {
      saved_errno = errno;
      remove_partial (writer->partial_path);
      return set_errno_error (error, saved_errno, writer->folder);
    }
  sync_dir (parent);

  return TRUE;
}

/**
 * _syllabus_store_migrate:
 * @may_change: whether the store holds the lock and may change the folder
 * @migration: (out caller-allocates): zeroed; what was found
 *
 * Puts the folder in charge, migrating progress.json if it is still in
 * charge, for a store that holds the lock; for one that only reads,
 * changes nothing and reads progress.json if there is no folder.
 *
 * Returns: %TRUE if the folder is to be read, %FALSE if the progress is
 *   what @migration->topics and @migration->seen hold (a store that only
 *   reads progress.json, a newer progress.json, a folder that could not be
 *   written, or a damaged progress.json that could not be moved aside)
 */
gboolean
_syllabus_store_migrate (Writer    *writer,
                         gboolean   may_change,
                         Migration *migration)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  gint64 version;
  gboolean missing;
  GStatBuf buf;

  migration->topics = _syllabus_store_new_topics_table ();
  migration->seen = _syllabus_store_new_seen_table ();

  /* A folder the user chose holds topic files only. */
  if (writer->shared)
    return TRUE;

  if (g_lstat (writer->folder, &buf) == 0)
    {
      if (may_change)
        {
          if (g_lstat (writer->legacy_path, &buf) == 0)
            read_late_legacy (writer, migration);
          if (g_lstat (writer->partial_path, &buf) == 0)
            remove_partial (writer->partial_path);
        }
      return TRUE;
    }

  if (may_change && g_lstat (writer->partial_path, &buf) == 0)
    remove_partial (writer->partial_path);

  if (!_syllabus_store_read_path (writer->legacy_path, FALSE, migration->topics, migration->seen,
                                  NULL, NULL, &version, &missing, &error))
    {
      g_autoptr(GError) backup_error = NULL;
      g_autofree char *data_dir = g_path_get_dirname (writer->legacy_path);

      g_debug ("Cannot read %s: %s", writer->legacy_path, error->message);
      g_hash_table_remove_all (migration->topics);
      g_hash_table_remove_all (migration->seen);
      migration->damage = g_steal_pointer (&error);

      /* Only the writer moves it; one that only reads reports it. */
      if (!may_change)
        return FALSE;

      /* Start from the last good copy if there is one. Its folder is
       * written before the damaged file is moved: if writing fails, the
       * damaged file stays in charge and the next start tries again,
       * rather than finding nothing and starting empty. */
      backup = g_strconcat (writer->legacy_path, ".bak", NULL);
      if (g_file_test (backup, G_FILE_TEST_IS_REGULAR) &&
          _syllabus_store_read_path (backup, FALSE, migration->topics, migration->seen, NULL,
                                     NULL, &version, &missing, &backup_error) &&
          version == SYLLABUS_STORE_BACKUP_VERSION)
        {
          migration->restored = TRUE;
          if (!write_folder (writer, migration->topics, migration->seen, &migration->write_error))
            {
              g_debug ("Cannot restore %s into the folder: %s", backup,
                       migration->write_error->message);
              return FALSE;
            }
          g_hash_table_remove_all (migration->topics);
          g_hash_table_remove_all (migration->seen);
        }
      else
        {
          g_hash_table_remove_all (migration->topics);
          g_hash_table_remove_all (migration->seen);
        }
      g_clear_error (&backup_error);

      /* Restored, the folder is in charge even if the damaged file
       * cannot be moved: the next start renames it aside. */
      migration->kept_file = _syllabus_store_move_aside (writer->legacy_path, &migration->move_error);
      if (migration->kept_file == NULL)
        return migration->restored;
      if (!syllabus_damage_log_add (writer->damage_log_path, migration->kept_file, &backup_error))
        g_debug ("Cannot record %s: %s", migration->kept_file, backup_error->message);
      sync_dir (data_dir);

      return TRUE;
    }
  else if (missing)
    {
      return TRUE;
    }
  else if (version != SYLLABUS_STORE_BACKUP_VERSION)
    {
      /* Saving would drop whatever the newer program added. */
      migration->newer = TRUE;
      return FALSE;
    }

  if (!may_change)
    return FALSE;

  if (!write_folder (writer, migration->topics, migration->seen, &migration->write_error))
    {
      g_debug ("Cannot migrate %s: %s", writer->legacy_path, migration->write_error->message);
      return FALSE;
    }

  rename_legacy_aside (writer->legacy_path);

  /* The folder is read back: what it holds is what the store holds. */
  g_hash_table_remove_all (migration->topics);
  g_hash_table_remove_all (migration->seen);

  return TRUE;
}
