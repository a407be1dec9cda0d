/* syllabus-library.h

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

#include <gio/gio.h>

#include "syllabus-topic.h"

G_BEGIN_DECLS

#define SYLLABUS_LIBRARY_ERROR (syllabus_library_error_quark ())

typedef enum
{
  SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE,
  SYLLABUS_LIBRARY_ERROR_NAME_TAKEN,
} SyllabusLibraryError;

/**
 * SyllabusLibraryImportMode:
 * @SYLLABUS_LIBRARY_IMPORT_ASK: fail with %SYLLABUS_LIBRARY_ERROR_NAME_TAKEN
 *   when another topic of the user's has the file's name
 * @SYLLABUS_LIBRARY_IMPORT_REPLACE: replace that topic
 * @SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH: give the new topic an id of its own
 *
 * What syllabus_library_import_async() does when the user's topics already
 * hold another page of the file's name.
 */
typedef enum
{
  SYLLABUS_LIBRARY_IMPORT_ASK,
  SYLLABUS_LIBRARY_IMPORT_REPLACE,
  SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH,
} SyllabusLibraryImportMode;

#define SYLLABUS_TYPE_LIBRARY (syllabus_library_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusLibrary, syllabus_library, SYLLABUS, LIBRARY, GObject)

GQuark           syllabus_library_error_quark          (void);
int              syllabus_topic_compare                (gconstpointer         a,
                                                        gconstpointer         b);
GPtrArray       *syllabus_library_load_bundled         (const char           *resource_path,
                                                        GError              **error);
GFile           *syllabus_library_get_default_folder   (void);

SyllabusLibrary *syllabus_library_new                  (const char           *bundled_path,
                                                        GFile                *folder);
GFile           *syllabus_library_get_folder           (SyllabusLibrary      *self);
GListModel      *syllabus_library_get_topics           (SyllabusLibrary      *self);
SyllabusTopic   *syllabus_library_lookup               (SyllabusLibrary      *self,
                                                        const char           *id);
const char      *syllabus_library_get_problem          (SyllabusLibrary      *self);
gboolean         syllabus_library_get_loaded           (SyllabusLibrary      *self);
void             syllabus_library_load_async           (SyllabusLibrary      *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         syllabus_library_load_finish          (SyllabusLibrary      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             syllabus_library_import_async         (SyllabusLibrary      *self,
                                                        GFile                *file,
                                                        SyllabusLibraryImportMode mode,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
SyllabusTopic   *syllabus_library_import_finish        (SyllabusLibrary      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
gboolean         syllabus_library_is_removable         (SyllabusLibrary      *self,
                                                        SyllabusTopic        *topic);
gboolean         syllabus_library_remove               (SyllabusLibrary      *self,
                                                        SyllabusTopic        *topic,
                                                        GError              **error);

G_END_DECLS
