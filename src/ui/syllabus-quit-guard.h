/* syllabus-quit-guard.h
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

#include <adwaita.h>

#include "syllabus-store.h"

G_BEGIN_DECLS

gboolean syllabus_quit_guard_check (GtkWidget     *parent,
                                    SyllabusStore *store);

G_END_DECLS
