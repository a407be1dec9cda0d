/* store-test-utils.h
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

#pragma once

#include "syllabus-store.h"

G_BEGIN_DECLS

gboolean flag_cb        (gpointer        user_data);
gboolean never          (SyllabusStore  *store);
gboolean store_is_clean (SyllabusStore  *store);
char    *progress_path  (void);
char    *folder_path    (void);
char    *topic_path     (const char     *topic_id);
char    *read_folder_as_v1 (void);
void     remove_folder  (void);
void     write_text     (const char     *path,
                         const char     *contents);
void     save_or_fail   (SyllabusStore  *store);
gboolean run_until      (gboolean      (*done) (SyllabusStore *),
                         SyllabusStore  *store,
                         guint           timeout_ms);

G_END_DECLS
