/* syllabus-progress-move.h
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

#include "syllabus-store.h"

G_BEGIN_DECLS

SyllabusStore *syllabus_progress_store_new   (const char           *folder,
                                              SyllabusStoreFlags    flags);
gboolean       syllabus_progress_store_is_in (SyllabusStore        *store,
                                              const char           *folder);

void           syllabus_progress_move_async  (SyllabusStore        *store,
                                              const char           *folder,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
SyllabusStore *syllabus_progress_move_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
