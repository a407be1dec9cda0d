/* syllabus-open-flow.h

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

#include <adwaita.h>

#include "syllabus-library.h"

G_BEGIN_DECLS

void           syllabus_open_topic_async  (GtkWidget            *parent,
                                           SyllabusLibrary      *library,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
SyllabusTopic *syllabus_open_topic_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
