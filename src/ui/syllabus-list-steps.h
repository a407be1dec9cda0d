/* syllabus-list-steps.h
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

G_BEGIN_DECLS

void syllabus_list_steps_set_model (GtkListView *list_view,
                                    GListModel  *model);
void syllabus_list_steps_complete  (GtkListView *list_view);

G_END_DECLS
