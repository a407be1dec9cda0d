/* syllabus-group.h

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

G_BEGIN_DECLS

#define SYLLABUS_TYPE_GROUP (syllabus_group_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusGroup, syllabus_group, SYLLABUS, GROUP, GObject)

SyllabusGroup *syllabus_group_new         (const char    *title);
const char    *syllabus_group_get_title   (SyllabusGroup *self);
const char    *syllabus_group_get_summary (SyllabusGroup *self);
void           syllabus_group_set_summary (SyllabusGroup *self,
                                           const char    *summary);

G_END_DECLS
