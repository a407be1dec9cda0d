/* ui-test-utils.h
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

#include "syllabus-application.h"
#include "syllabus-window.h"

G_BEGIN_DECLS

typedef gboolean (*UiTestCheck) (SyllabusApplication *app,
                                 gpointer             data);

void ui_test_init           (int         *argc,
                             char      ***argv);
void ui_test_add            (const char  *path,
                             GTestFunc    func);
void ui_test_use_system_dirs (void);

gboolean        ui_test_run_app          (const char          *file,
                                          UiTestCheck          ready,
                                          UiTestCheck          act,
                                          gpointer             data);
void            ui_test_collect          (GtkWidget           *widget,
                                          GType                type,
                                          gboolean             mapped_only,
                                          GPtrArray           *found);
SyllabusWindow *ui_test_get_window       (SyllabusApplication *app);
GPtrArray      *ui_test_get_rows         (SyllabusApplication *app);
GtkWidget      *ui_test_find_row         (SyllabusApplication *app,
                                          const char          *title);
GtkWidget      *ui_test_row_check_button (GtkWidget           *row);
gboolean        ui_test_page_loaded      (SyllabusApplication *app);
gboolean        ui_test_dialog_shown     (SyllabusApplication *app);

void            ui_test_allow_popovers   (void);
GtkMenuButton  *ui_test_find_menu_button (GtkWidget           *widget,
                                          const char          *css_class,
                                          gboolean             mapped_only);
gboolean        ui_test_popover_shown    (GtkMenuButton       *button);
GPtrArray      *ui_test_menu_items       (GtkMenuButton       *button,
                                          const char * const  *labels,
                                          guint                n_labels);
GtkLabel       *ui_test_find_label       (GtkWidget           *widget,
                                          const char          *css_class);

G_END_DECLS
