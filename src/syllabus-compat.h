/* syllabus-compat.h

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

G_BEGIN_DECLS

/* Every difference between the oldest toolkit we support (GTK 4.8 and
 * libadwaita 1.2 on Debian 12) and the newest (the GNOME Flatpak runtime)
 * is bridged here and nowhere else. */

void syllabus_show_uri          (GtkWindow  *parent,
                                 const char *uri);
void syllabus_show_about        (GtkWindow  *parent);
void syllabus_list_view_scroll_to (GtkListView *list_view,
                                   guint        position);
GListModel *syllabus_list_view_model_in_steps (GtkListView *list_view,
                                               GListModel  *model);
void syllabus_add_toast (AdwToastOverlay *overlay,
                         AdwToast        *toast);

typedef enum
{
  SYLLABUS_FILE_TOPIC,
  SYLLABUS_FILE_REPORT,
  SYLLABUS_FILE_BACKUP,
} SyllabusFileKind;

void   syllabus_choose_file        (GtkWindow            *parent,
                                    SyllabusFileKind      kind,
                                    gboolean              save,
                                    const char           *title,
                                    const char           *initial_name,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
GFile *syllabus_choose_file_finish (GAsyncResult         *result,
                                    GError              **error);

void     syllabus_confirm        (GtkWindow            *parent,
                                  const char           *heading,
                                  const char           *body,
                                  const char           *confirm_label,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean syllabus_confirm_finish (GAsyncResult         *result);

G_END_DECLS
