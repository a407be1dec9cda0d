/* syllabus-heat-map.h
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

#include "syllabus-activity.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_HEAT_MAP (syllabus_heat_map_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusHeatMap, syllabus_heat_map, SYLLABUS, HEAT_MAP, GtkWidget)

GtkWidget        *syllabus_heat_map_new          (void);
void              syllabus_heat_map_set_activity (SyllabusHeatMap  *self,
                                                  SyllabusActivity *activity);
SyllabusActivity *syllabus_heat_map_get_activity (SyllabusHeatMap  *self);
char             *syllabus_heat_map_describe_day (SyllabusActivity *activity,
                                                  guint             index);
guint             syllabus_heat_map_get_level    (SyllabusActivity *activity,
                                                  guint             index);

G_END_DECLS
