/* syllabus-window.h

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
#include "syllabus-topic.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_WINDOW (syllabus_window_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusWindow, syllabus_window, SYLLABUS, WINDOW, AdwApplicationWindow)

SyllabusWindow *syllabus_window_new        (GtkApplication  *application,
                                            SyllabusStore   *store,
                                            SyllabusLibrary *library,
                                            GSettings       *settings);
void            syllabus_window_open_file  (SyllabusWindow  *self,
                                            GFile           *file);
void            syllabus_window_present_when_open (SyllabusWindow *self);
void            syllabus_window_set_store  (SyllabusWindow  *self,
                                            SyllabusStore   *store);
SyllabusTopic  *syllabus_window_get_topic  (SyllabusWindow *self);
void            syllabus_window_set_topic  (SyllabusWindow *self,
                                            SyllabusTopic  *topic);
void            syllabus_window_show_error (SyllabusWindow *self,
                                            const char     *title,
                                            const char     *message);
void            syllabus_window_show_resource (SyllabusWindow *self,
                                               SyllabusTopic  *topic,
                                               const char     *key);
void            syllabus_window_search_for (SyllabusWindow *self,
                                            const char     *text);

G_END_DECLS
