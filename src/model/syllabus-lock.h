/* syllabus-lock.h
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

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SyllabusLock SyllabusLock;

SyllabusLock *syllabus_lock_acquire    (const char    *path,
                                        guint          timeout_ms,
                                        gboolean      *first,
                                        GError       **error);
const char   *syllabus_lock_get_path   (SyllabusLock  *lock);
void          syllabus_lock_release    (SyllabusLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyllabusLock, syllabus_lock_release)

G_END_DECLS
