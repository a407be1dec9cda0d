/* syllabus-resource-list.h
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

#include <gio/gio.h>

#include "syllabus-resource.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_RESOURCE_LIST (syllabus_resource_list_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusResourceList, syllabus_resource_list, SYLLABUS, RESOURCE_LIST, GObject)

SyllabusResourceList *syllabus_resource_list_new_take (GPtrArray *resources);

G_END_DECLS
