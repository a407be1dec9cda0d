/* syllabus-atomic-file.c
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

/* renameat2() */
#define _GNU_SOURCE

#include "config.h"

#include "syllabus-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Everything Syllabus writes goes through here: the progress file, its
 * backup, exported backups and reports. The new content is written to a
 * temporary file in the same folder, flushed to the disk, and renamed over
 * the old file, so that the old file stays whole until the new one is
 * complete; on any failure the temporary file is removed and the old file
 * is left as it was. A file another program may replace at any moment
 * (one in a folder a sync tool keeps) is exchanged with the temporary
 * file rather than renamed over, where the file system can: what it was
 * stays, for the caller to look at (syllabus_atomic_file_exchange_path()).
 *
 * GLib's own atomic writers are not used for two reasons.
 * g_file_set_contents_full() names its temporary file after the target
 * plus six random characters, which cannot be told apart from a user's
 * "progress.json.backup": a clean-up of leftovers would delete the user's
 * files. g_file_replace_contents() renames its temporary file over the
 * target when it is closed, even after a write failed: a full disk leaves
 * the old file truncated.
 *
 * Temporary files are called ".TARGET.syllabus-tmp-XXXXXX" (six letters or
 * digits): hidden, and with a name no person picks, so that a leftover one
 * can be recognised beyond doubt. */

#define TEMPORARY_INFIX ".syllabus-tmp-"
#define TEMPORARY_RANDOM_LENGTH 6

static char *
temporary_template (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strconcat (".", base, TEMPORARY_INFIX, "XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

/* The callers name the file in their own words. */
static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Flushes the folder's entry for a renamed file. Failure is not an error:
 * some file systems cannot open or flush a folder, and the rename itself
 * has already happened. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  g_close (fd, NULL);
}

static gboolean
write_all (int          fd,
           const char  *contents,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, contents, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      /* A write that takes nothing (a full disk on some file systems)
       * would loop for ever. */
      if (written == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }

      contents += written;
      length -= written;
    }

  return TRUE;
}

typedef enum
{
  PLACE_FAILED = -1,
  PLACE_UNSUPPORTED,  /* left to a plain rename */
  PLACE_NEW,          /* @path was not there: now it is @tmp */
  PLACE_EXCHANGED,    /* @path is @tmp, and @tmp what @path was */
} Place;

static gboolean
unsupported (int saved_errno)
{
  return saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == EOPNOTSUPP;
}

/* Where the file system can exchange two names atomically, puts @tmp in
 * the place of @path and what @path was at @tmp: nothing another program
 * put there a moment before is replaced unseen. */
static Place
exchange (const char *tmp,
          const char *path)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, path, RENAME_EXCHANGE) == 0)
        return PLACE_EXCHANGED;
      if (unsupported (errno))
        return PLACE_UNSUPPORTED;
      if (errno != ENOENT)
        return PLACE_FAILED;

      /* Not there: made here, unless another program makes it first. */
      if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
        return PLACE_NEW;
      if (unsupported (errno))
        return PLACE_UNSUPPORTED;
      if (errno != EEXIST)
        return PLACE_FAILED;
    }

  errno = EAGAIN;
  return PLACE_FAILED;
}

/* Writes @path through a temporary file; on failure returns FALSE with
 * @saved_errno set, @path as it was and the temporary file removed. With
 * @displaced, what @path was is kept under the temporary name, returned
 * there, where the file system can exchange names. */
static gboolean
write_path (const char *path,
            const char *contents,
            gsize       length,
            int         mode,
            GStatBuf   *written,
            char      **displaced,
            int        *saved_errno)
{
  g_autofree char *tmp = temporary_template (path);
  Place placed;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }

  if (!write_all (fd, contents, length) || fsync (fd) != 0 ||
      (written != NULL && fstat (fd, written) != 0))
    {
      *saved_errno = errno;
      g_close (fd, NULL);
      goto failed;
    }

  /* close() can report a write-back error of its own (NFS). */
  if (!g_close (fd, NULL))
    {
      *saved_errno = errno;
      goto failed;
    }

  placed = displaced != NULL ? exchange (tmp, path) : PLACE_UNSUPPORTED;
  if (placed == PLACE_FAILED || (placed == PLACE_UNSUPPORTED && g_rename (tmp, path) != 0))
    {
      *saved_errno = errno;
      goto failed;
    }

  sync_folder (path);

  if (placed == PLACE_EXCHANGED)
    *displaced = g_steal_pointer (&tmp);

  return TRUE;

failed:
  g_unlink (tmp);
  return FALSE;
}

/**
 * syllabus_atomic_file_write_path:
 * @path: the file to replace or create
 * @contents: (array length=length): the new content
 * @length: the length of @contents
 * @mode: the permissions of a new file, e.g. 0600
 * @error: return location for a #GError in the %G_FILE_ERROR domain
 *
 * Replaces @path with @contents atomically and durably: once this returns
 * %TRUE the new content is on the disk; when it returns %FALSE, @path is
 * exactly as it was and no temporary file is left.
 *
 * Returns: %TRUE if @path holds @contents
 */
gboolean
syllabus_atomic_file_write_path (const char  *path,
                                 const char  *contents,
                                 gsize        length,
                                 int          mode,
                                 GError     **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (write_path (path, contents, length, mode, NULL, NULL, &saved_errno))
    return TRUE;

  return set_errno_error (error, saved_errno);
}

/**
 * syllabus_atomic_file_exchange_path:
 * @written: (out): what the new file is, as fstat() saw it before it
 *   took the place of @path
 * @displaced: (out) (transfer full) (nullable): where what @path was
 *   is now, or %NULL
 *
 * Like syllabus_atomic_file_write_path(), for a file other programs may
 * replace at any moment (a sync tool's): it tells what was written
 * without looking at @path again, and where the file system can exchange
 * two names in one step, the file it replaced is not removed but kept at
 * @displaced, a temporary name, for the caller to see whether it is the
 * one it expected, and to remove or keep. What another program put at
 * @path just before is never lost.
 */
gboolean
syllabus_atomic_file_exchange_path (const char  *path,
                                    const char  *contents,
                                    gsize        length,
                                    int          mode,
                                    GStatBuf    *written,
                                    char       **displaced,
                                    GError     **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (written != NULL, FALSE);
  g_return_val_if_fail (displaced != NULL && *displaced == NULL, FALSE);

  if (write_path (path, contents, length, mode, written, displaced, &saved_errno))
    return TRUE;

  return set_errno_error (error, saved_errno);
}

/**
 * syllabus_atomic_file_write:
 * @file: the file to replace or create
 * @contents: (array length=length): the new content
 * @length: the length of @contents
 * @mode: the permissions of a new file: 0600 makes it private
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in the %G_IO_ERROR domain
 *
 * Like syllabus_atomic_file_write_path(), for any #GFile, with errors as
 * GIO reports them. A file without a
 * local path (a remote location) is written through g_file_replace() and,
 * when writing fails, closed cancelled, so that the old file is not
 * replaced by what was written so far.
 *
 * This blocks: the application calls syllabus_atomic_file_write_async().
 *
 * Returns: %TRUE if @file holds @contents
 */
gboolean
syllabus_atomic_file_write (GFile         *file,
                            const char    *contents,
                            gsize          length,
                            int            mode,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) != NULL)
    {
      int saved_errno = 0;

      if (write_path (path, contents != NULL ? contents : "", length, mode, NULL, NULL, &saved_errno))
        return TRUE;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_REPLACE_DESTINATION |
                        ((mode & 0077) == 0 ? G_FILE_CREATE_PRIVATE : G_FILE_CREATE_NONE),
                        cancellable, error);
  if (out == NULL)
    return FALSE;

  if (g_output_stream_write_all (G_OUTPUT_STREAM (out), contents, length, NULL, cancellable,
                                 error))
    return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);

  /* A cancelled close leaves the original file in place. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);

  return FALSE;
}

typedef struct
{
  GBytes *contents;
  int     mode;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write_data = data;

  g_bytes_unref (write_data->contents);
  g_free (write_data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (data->contents, &length);

  if (syllabus_atomic_file_write (G_FILE (source_object), contents != NULL ? contents : "",
                                  length, data->mode, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * syllabus_atomic_file_write_async:
 * @file: the file to replace or create
 * @contents: the new content
 * @mode: the permissions of a new file
 *
 * Runs syllabus_atomic_file_write() in a worker thread.
 */
void
syllabus_atomic_file_write_async (GFile               *file,
                                  GBytes              *contents,
                                  int                  mode,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  data = g_new0 (WriteData, 1);
  data->contents = g_bytes_ref (contents);
  data->mode = mode;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_atomic_file_write_async);
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * syllabus_atomic_file_write_finish:
 * @file: the file that was written
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes syllabus_atomic_file_write_async().
 *
 * Returns: %TRUE if the file now holds the new contents; %FALSE with
 *   @error set if it still holds what it held before
 */
gboolean
syllabus_atomic_file_write_finish (GFile         *file,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * syllabus_atomic_file_link:
 * @source: an existing file
 * @target: the name it gets in addition
 * @error: return location for a #GError
 *
 * Makes @target a hard link to @source, replacing what @target was
 * atomically: for keeping a backup without copying. Fails where the file
 * system has no hard links; @target is then as it was.
 *
 * Returns: %TRUE if @target is now @source
 */
gboolean
syllabus_atomic_file_link (const char  *source,
                           const char  *target,
                           GError     **error)
{
  g_autofree char *tmp = temporary_template (target);
  int saved_errno;
  int fd;

  /* Reserve a name of our own, then put the link in its place. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno);
  g_close (fd, NULL);
  g_unlink (tmp);

  if (link (source, tmp) != 0)
    {
      saved_errno = errno;
      return set_errno_error (error, saved_errno);
    }

  if (g_rename (tmp, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_errno_error (error, saved_errno);
    }

  return TRUE;
}

/**
 * syllabus_atomic_file_is_temporary:
 * @name: a file name, without a folder
 * @target_name: the name of the file it would replace, without a folder
 *
 * Returns: whether @name is a temporary file that writing @target_name
 *   through this module makes
 */
gboolean
syllabus_atomic_file_is_temporary (const char *name,
                                   const char *target_name)
{
  gsize target_length;
  const char *random;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (target_name != NULL, FALSE);

  target_length = strlen (target_name);
  if (name[0] != '.' || strncmp (name + 1, target_name, target_length) != 0 ||
      !g_str_has_prefix (name + 1 + target_length, TEMPORARY_INFIX))
    return FALSE;

  random = name + 1 + target_length + strlen (TEMPORARY_INFIX);
  if (strlen (random) != TEMPORARY_RANDOM_LENGTH)
    return FALSE;

  for (const char *p = random; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * syllabus_atomic_file_remove_stale:
 * @target: a file written through this module
 *
 * Removes the temporary files that writing @target left when the writer
 * was killed. Only call this while no other process can be writing
 * @target (holding its lock): a temporary file being written would be
 * removed under its writer.
 *
 * Returns: how many files were removed
 */
guint
syllabus_atomic_file_remove_stale (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_removed = 0;

  if (listing == NULL)
    return 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *leftover = NULL;
      GStatBuf buf;

      if (!syllabus_atomic_file_is_temporary (name, base))
        continue;

      /* Only a file of our own making: never a folder or a link. */
      leftover = g_build_filename (dir, name, NULL);
      if (g_lstat (leftover, &buf) != 0 || !S_ISREG (buf.st_mode) || buf.st_uid != getuid ())
        continue;

      g_debug ("Removing %s, left by an interrupted save", leftover);
      if (g_unlink (leftover) == 0)
        n_removed++;
    }

  return n_removed;
}
