/* syllabus-damage-log.c
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

#include "syllabus-damage-log.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "syllabus-atomic-file.h"

/* A damaged progress file is moved aside, and the progress it held is
 * missing until the user restores it. Saying so once is not enough: a
 * command line run may be the one that found it, or the window may be
 * closed before anyone read its banner. The damage log, a small key file
 * beside the progress file, names every file kept aside since the user
 * last dismissed the window's message about it; the window shows it on
 * every start, and the command line refuses to report or export progress
 * while it lists anything.
 *
 *   [Damaged]
 *   kept-files=/home/…/progress.json.damaged-20261125-120000;
 */

#define GROUP "Damaged"
#define KEY "kept-files"

static GKeyFile *
load (const char *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_steal_pointer (&key_file);
}

/**
 * syllabus_damage_log_read:
 * @path: the damage log
 *
 * Returns: (transfer full) (nullable): the files kept aside that the user
 *   has not seen yet, or %NULL if there are none
 */
GStrv
syllabus_damage_log_read (const char *path)
{
  g_autoptr(GKeyFile) key_file = load (path);
  g_auto(GStrv) kept = NULL;

  if (key_file == NULL)
    return NULL;

  kept = g_key_file_get_string_list (key_file, GROUP, KEY, NULL, NULL);
  if (kept == NULL || kept[0] == NULL)
    return NULL;

  return g_steal_pointer (&kept);
}

/**
 * syllabus_damage_log_add:
 * @path: the damage log
 * @kept_file: where a damaged progress file was moved
 *
 * Adds @kept_file to the log, writing it atomically. Only the writer of
 * the progress file (holding its lock) calls this.
 */
gboolean
syllabus_damage_log_add (const char  *path,
                         const char  *kept_file,
                         GError     **error)
{
  g_autoptr(GKeyFile) key_file = load (path);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (key_file == NULL)
    key_file = g_key_file_new ();

  kept = g_key_file_get_string_list (key_file, GROUP, KEY, NULL, NULL);
  if (kept != NULL)
    g_strv_builder_addv (builder, (const char **)kept);
  g_strv_builder_add (builder, kept_file);
  g_clear_pointer (&kept, g_strfreev);
  kept = g_strv_builder_end (builder);

  g_key_file_set_string_list (key_file, GROUP, KEY, (const char * const *)kept,
                              g_strv_length (kept));
  contents = g_key_file_to_data (key_file, &length, NULL);

  return syllabus_atomic_file_write_path (path, contents, length, 0600, error);
}

/**
 * syllabus_damage_log_clear:
 * @path: the damage log
 *
 * Removes the log, once the user has seen what it says. A file at @path
 * that is not a damage log is left alone.
 */
gboolean
syllabus_damage_log_clear (const char  *path,
                           GError     **error)
{
  g_autoptr(GKeyFile) key_file = load (path);

  if (key_file == NULL || !g_key_file_has_group (key_file, GROUP))
    return TRUE;

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
