/* syllabus-radio-menu.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SYLLABUS_TYPE_RADIO_MENU (syllabus_radio_menu_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusRadioMenu, syllabus_radio_menu, SYLLABUS, RADIO_MENU, GtkPopover)

GtkWidget *syllabus_radio_menu_new       (const char        *action_name);
void       syllabus_radio_menu_add       (SyllabusRadioMenu *self,
                                          const char        *label,
                                          const char        *target);
void       syllabus_radio_menu_set_state (SyllabusRadioMenu *self,
                                          const char        *target);

G_END_DECLS
