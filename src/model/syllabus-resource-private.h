/* syllabus-resource-private.h

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

#include "syllabus-resource.h"

G_BEGIN_DECLS

/* For the topic parser only, before the resource is handed out. */
void syllabus_resource_set_key (SyllabusResource *self,
                                const char       *key);
void syllabus_resource_set_kind (SyllabusResource *self,
                                 const char       *kind);

G_END_DECLS
