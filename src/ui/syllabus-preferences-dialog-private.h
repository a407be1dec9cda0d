/* syllabus-preferences-dialog-private.h
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

#include "syllabus-preferences-dialog.h"

G_BEGIN_DECLS

/* What the tests use: the move that choosing a folder starts, without the
 * file chooser. */
void     syllabus_preferences_dialog_use_folder (SyllabusPreferencesDialog *self,
                                                 const char                *folder);
gboolean syllabus_preferences_dialog_get_busy   (SyllabusPreferencesDialog *self);

G_END_DECLS
