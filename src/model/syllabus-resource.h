/* syllabus-resource.h
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

G_BEGIN_DECLS

#define SYLLABUS_TYPE_RESOURCE (syllabus_resource_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusResource, syllabus_resource, SYLLABUS, RESOURCE, GObject)

SyllabusResource *syllabus_resource_new            (const char       *title,
                                                    const char       *url,
                                                    const char       *group,
                                                    guint             group_index);
SyllabusResource *syllabus_resource_new_len        (const char       *title,
                                                    gsize             title_len,
                                                    const char       *url,
                                                    gsize             url_len,
                                                    const char       *group,
                                                    guint             group_index);
const char       *syllabus_resource_get_title      (SyllabusResource *self);
const char       *syllabus_resource_get_url        (SyllabusResource *self);
const char       *syllabus_resource_get_key        (SyllabusResource *self);
const char       *syllabus_resource_get_host       (SyllabusResource *self);
const char       *syllabus_resource_get_group      (SyllabusResource *self);
const char       *syllabus_resource_get_kind       (SyllabusResource *self);
guint             syllabus_resource_get_group_index (SyllabusResource *self);
gboolean          syllabus_resource_get_first_in_group (SyllabusResource *self);
void              syllabus_resource_set_first_in_group (SyllabusResource *self,
                                                        gboolean          first_in_group);

char             *syllabus_normalize_url           (const char       *url);

/* syllabus-resource-kind.c */
const char       *syllabus_resource_kind_get_label (const char       *kind);

G_END_DECLS
