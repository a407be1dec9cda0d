/* syllabus-damage-log.h
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

GStrv    syllabus_damage_log_read  (const char  *path);
gboolean syllabus_damage_log_add   (const char  *path,
                                    const char  *kept_file,
                                    GError     **error);
gboolean syllabus_damage_log_clear (const char  *path,
                                    GError     **error);

G_END_DECLS
