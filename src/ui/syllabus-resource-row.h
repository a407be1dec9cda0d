/* syllabus-resource-row.h

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

#include "syllabus-entry.h"
#include "syllabus-group.h"
#include "syllabus-resource.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_RESOURCE_ROW (syllabus_resource_row_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusResourceRow, syllabus_resource_row, SYLLABUS, RESOURCE_ROW, GtkWidget)

GtkWidget        *syllabus_resource_row_new          (void);
void              syllabus_resource_row_bind         (SyllabusResourceRow *self,
                                                      SyllabusResource    *resource,
                                                      SyllabusEntry       *entry,
                                                      SyllabusGroup       *group,
                                                      gboolean             is_new,
                                                      gboolean             read_only);
void              syllabus_resource_row_unbind       (SyllabusResourceRow *self);
SyllabusResource *syllabus_resource_row_get_resource (SyllabusResourceRow *self);
void              syllabus_resource_row_edit_notes   (SyllabusResourceRow *self);
SyllabusEntry    *syllabus_resource_row_get_entry    (SyllabusResourceRow *self);
void              syllabus_resource_row_focus        (SyllabusResourceRow *self);

G_END_DECLS
