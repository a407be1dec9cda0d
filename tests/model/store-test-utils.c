/* store-test-utils.c
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

/* Helpers shared by the store's test programs. */

#include "config.h"

#include "store-test-utils.h"

gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
never (SyllabusStore *store)
{
  return FALSE;
}

gboolean
store_is_clean (SyllabusStore *store)
{
  return !syllabus_store_get_dirty (store);
}

char *
progress_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "syllabus", "progress.json", NULL);
}

void
save_or_fail (SyllabusStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (syllabus_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (syllabus_store_get_dirty (store));
  g_assert_null (syllabus_store_get_save_error (store));
}

/* Runs the main loop until @done returns TRUE or @timeout_ms passed.
 * Returns the last value of @done. */
gboolean
run_until (gboolean      (*done) (SyllabusStore *),
           SyllabusStore  *store,
           guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, flag_cb, &timed_out);

  while (!done (store) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return done (store);
}
