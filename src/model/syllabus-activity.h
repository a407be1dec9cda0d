/* syllabus-activity.h
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

#include <glib-object.h>

#include "syllabus-store.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_ACTIVITY (syllabus_activity_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusActivity, syllabus_activity, SYLLABUS, ACTIVITY, GObject)

SyllabusActivity *syllabus_activity_new                (SyllabusStore    *store,
                                                        GDateTime        *now);
guint             syllabus_activity_get_n_days         (SyllabusActivity *self);
void              syllabus_activity_get_day            (SyllabusActivity *self,
                                                        guint             index,
                                                        GDate            *date,
                                                        guint            *finished,
                                                        guint            *started);
guint             syllabus_activity_get_busiest        (SyllabusActivity *self);
guint             syllabus_activity_get_n_study_days   (SyllabusActivity *self);
guint             syllabus_activity_get_n_finished     (SyllabusActivity *self);
guint             syllabus_activity_get_current_streak (SyllabusActivity *self);
guint             syllabus_activity_get_longest_streak (SyllabusActivity *self);

G_END_DECLS
