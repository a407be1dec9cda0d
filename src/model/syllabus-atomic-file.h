/* syllabus-atomic-file.h
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

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

gboolean syllabus_atomic_file_write_path   (const char           *path,
                                            const char           *contents,
                                            gsize                 length,
                                            int                   mode,
                                            GError              **error);
gboolean syllabus_atomic_file_exchange_path (const char          *path,
                                             const char          *contents,
                                             gsize                length,
                                             int                  mode,
                                             GStatBuf            *written,
                                             char               **displaced,
                                             GError             **error);
gboolean syllabus_atomic_file_write        (GFile                *file,
                                            const char           *contents,
                                            gsize                 length,
                                            int                   mode,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     syllabus_atomic_file_write_async  (GFile                *file,
                                            GBytes               *contents,
                                            int                   mode,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean syllabus_atomic_file_write_finish (GFile                *file,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean syllabus_atomic_file_link         (const char           *source,
                                            const char           *target,
                                            GError              **error);
gboolean syllabus_atomic_file_is_temporary (const char           *name,
                                            const char           *target_name);
guint    syllabus_atomic_file_remove_stale (const char           *target);

G_END_DECLS
