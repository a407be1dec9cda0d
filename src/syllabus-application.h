/* syllabus-application.h

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

#include "syllabus-library.h"
#include "syllabus-store.h"
#include "syllabus-window.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_APPLICATION (syllabus_application_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusApplication, syllabus_application, SYLLABUS, APPLICATION, AdwApplication)

SyllabusApplication *syllabus_application_new       (void);
SyllabusStore       *syllabus_application_get_store (SyllabusApplication *self);
SyllabusLibrary     *syllabus_application_get_library (SyllabusApplication *self);
SyllabusWindow      *syllabus_application_get_main_window (SyllabusApplication *self);

G_END_DECLS
