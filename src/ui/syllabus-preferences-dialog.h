/* syllabus-preferences-dialog.h
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

#include <adwaita.h>

#include "syllabus-store.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_PREFERENCES_DIALOG (syllabus_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusPreferencesDialog, syllabus_preferences_dialog, SYLLABUS,
                      PREFERENCES_DIALOG, AdwPreferencesDialog)

SyllabusPreferencesDialog *syllabus_preferences_dialog_new       (GSettings     *settings,
                                                                  SyllabusStore *store);
SyllabusStore             *syllabus_preferences_dialog_get_store (SyllabusPreferencesDialog *self);

G_END_DECLS
