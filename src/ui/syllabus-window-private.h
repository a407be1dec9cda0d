/* syllabus-window-private.h
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

#include "syllabus-window.h"

G_BEGIN_DECLS

/* What the window's own pieces, in files of their own, use of it; other
 * units keep to syllabus-window.h. */

AdwToast        *syllabus_window_new_toast          (const char     *text);
void             syllabus_window_add_toast          (SyllabusWindow *self,
                                                     AdwToast       *toast);
SyllabusStore   *syllabus_window_get_store          (SyllabusWindow *self);
SyllabusLibrary *syllabus_window_get_library        (SyllabusWindow *self);
void             syllabus_window_update_checklist   (SyllabusWindow *self);

/* syllabus-window-transfer.c: exporting reports, backing up and importing
 * progress. */
void             syllabus_window_transfer_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
