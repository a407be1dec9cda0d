/* syllabus-status-bar.h
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

#include <gtk/gtk.h>

#include "syllabus-store.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_STATUS_BAR (syllabus_status_bar_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusStatusBar, syllabus_status_bar, SYLLABUS, STATUS_BAR, GtkWidget)

GtkWidget *syllabus_status_bar_new        (const SyllabusCounts *counts);

G_END_DECLS
