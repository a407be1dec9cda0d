/* syllabus-lock.c
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

#include "config.h"

#include "syllabus-lock.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

/* One writer at a time: every process that writes the progress file holds
 * an exclusive flock() on a lock file beside it, for as long as it may
 * write. The kernel releases the lock when the process ends, however it
 * ends, so a killed Syllabus never leaves a stale lock behind, and the lock
 * file itself is never removed (removing it would let two processes hold
 * locks on two different files of the same name).
 *
 * flock() locks belong to an open file description: two opens of the same
 * file in one process would lock each other out. The stores of one process
 * share its lock instead, counted here. */

struct _SyllabusLock
{
  char *path;
  int   fd;
  guint ref_count;
};

G_LOCK_DEFINE_STATIC (locks);
/* path → SyllabusLock held by this process */
static GHashTable *locks;

/* How often a lock held by another process is tried again. */
#define RETRY_INTERVAL_MS 50

static gboolean
try_lock (int fd)
{
  int result;

  while ((result = flock (fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR)
    ;

  return result == 0;
}

/**
 * syllabus_lock_acquire:
 * @path: the lock file, created if missing
 * @timeout_ms: how long to wait while another process holds the lock
 * @first: (out) (optional): whether this process did not hold the lock
 *   before this call
 * @error: return location for a #GError: %G_IO_ERROR_BUSY when another
 *   process held the lock for all of @timeout_ms
 *
 * Takes the exclusive lock on @path, waiting up to @timeout_ms for another
 * process to release it. This blocks: call it in a worker thread.
 *
 * Returns: (transfer full) (nullable): the lock, held until
 *   syllabus_lock_release()
 */
SyllabusLock *
syllabus_lock_acquire (const char  *path,
                       guint        timeout_ms,
                       gboolean    *first,
                       GError     **error)
{
  SyllabusLock *lock;
  gint64 deadline;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  G_LOCK (locks);
  if (locks != NULL && (lock = g_hash_table_lookup (locks, path)) != NULL)
    {
      lock->ref_count++;
      G_UNLOCK (locks);
      if (first != NULL)
        *first = FALSE;
      return lock;
    }
  G_UNLOCK (locks);

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  deadline = g_get_monotonic_time () + (gint64)timeout_ms * G_TIME_SPAN_MILLISECOND;
  while (!try_lock (fd))
    {
      int saved_errno = errno;

      if (saved_errno != EWOULDBLOCK)
        {
          g_close (fd, NULL);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      if (g_get_monotonic_time () >= deadline)
        {
          g_close (fd, NULL);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("Another program holds the lock"));
          return NULL;
        }

      g_usleep (RETRY_INTERVAL_MS * G_TIME_SPAN_MILLISECOND);
    }

  G_LOCK (locks);
  /* Another thread of this process may have taken it meanwhile: then
   * this open would be locked out, were it not for the first one. */
  if (locks != NULL && (lock = g_hash_table_lookup (locks, path)) != NULL)
    {
      lock->ref_count++;
      G_UNLOCK (locks);
      g_close (fd, NULL);
      if (first != NULL)
        *first = FALSE;
      return lock;
    }

  lock = g_new0 (SyllabusLock, 1);
  lock->path = g_strdup (path);
  lock->fd = fd;
  lock->ref_count = 1;
  if (locks == NULL)
    locks = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (locks, lock->path, lock);
  G_UNLOCK (locks);

  if (first != NULL)
    *first = TRUE;

  return lock;
}

/**
 * syllabus_lock_get_path:
 *
 * Returns: the lock file's path
 */
const char *
syllabus_lock_get_path (SyllabusLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);

  return lock->path;
}

/**
 * syllabus_lock_release:
 *
 * Gives up this hold on the lock; the lock itself is released when the
 * last holder in this process gives it up.
 */
void
syllabus_lock_release (SyllabusLock *lock)
{
  g_return_if_fail (lock != NULL);

  G_LOCK (locks);
  if (--lock->ref_count > 0)
    {
      G_UNLOCK (locks);
      return;
    }
  g_hash_table_remove (locks, lock->path);
  G_UNLOCK (locks);

  /* Closing the last descriptor of the open file releases the lock. */
  g_close (lock->fd, NULL);
  g_free (lock->path);
  g_free (lock);
}
