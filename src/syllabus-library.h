/* syllabus-library.h

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

#include "syllabus-topic.h"

G_BEGIN_DECLS

int        syllabus_topic_compare         (gconstpointer a,
                                           gconstpointer b);
GPtrArray *syllabus_library_load_bundled  (const char   *resource_path,
                                           GError      **error);

G_END_DECLS
