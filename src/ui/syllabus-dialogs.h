/* syllabus-dialogs.h
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

G_BEGIN_DECLS

/* The dialogs several parts of the window ask: files through the portal,
 * confirmations, About; and links handed to the user's browser. */

void syllabus_show_uri   (GtkWidget  *parent,
                          const char *uri);
void syllabus_show_about (GtkWidget  *parent);

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
void   syllabus_choose_folder      (GtkWindow            *parent,
                                    const char           *title,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
GFile *syllabus_choose_file_finish (GAsyncResult         *result,
                                    GError              **error);

void     syllabus_confirm        (GtkWidget            *parent,
                                  const char           *heading,
                                  const char           *body,
                                  const char           *confirm_label,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean syllabus_confirm_finish (GAsyncResult         *result);

G_END_DECLS
