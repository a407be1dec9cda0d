/* syllabus-topic-folder.h

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

#include "syllabus-library.h"
#include "syllabus-topic.h"

G_BEGIN_DECLS

/* For SyllabusLibrary only: the files behind it. */

typedef struct
{
  /* Topics parsed anew */
  GPtrArray  *topics;
  /* id → signature of every topic file found, %NULL for one that cannot
   * be read now */
  GHashTable *signatures;
  /* Paths of the topics' own folders, to watch */
  GPtrArray  *topic_folders;
  GString    *problem;
} SyllabusFolderRead;

typedef struct
{
  GFile                     *source;
  GFile                     *folder;
  SyllabusLibraryImportMode  mode;
  /* Taken when the import's turn comes: id → the topic's file, or the
   * folder itself for a shipped topic, of every listed topic */
  GHashTable                *listed;
  /* The ids of the shipped topics, a set */
  GHashTable                *bundled;
} SyllabusFolderImport;

typedef struct
{
  SyllabusTopic *topic;
  char          *signature;
  /* The topic's own folder, to watch */
  char          *topic_folder;
} SyllabusFolderCopy;

gboolean            syllabus_topic_folder_contains      (GFile                 *folder,
                                                         GFile                 *file);
gboolean            syllabus_topic_folder_is_own        (GFile                 *folder,
                                                         GFile                 *file);
char               *syllabus_topic_folder_signature     (GFile                 *file,
                                                         GCancellable          *cancellable);
SyllabusFolderRead *syllabus_topic_folder_read          (GFile                 *folder,
                                                         GHashTable            *bundled,
                                                         GHashTable            *signatures,
                                                         GCancellable          *cancellable);
SyllabusFolderCopy *syllabus_topic_folder_import        (SyllabusFolderImport  *import,
                                                         GCancellable          *cancellable,
                                                         GError               **error);
void                syllabus_topic_folder_delete_extras (GFile                 *folder,
                                                         SyllabusTopic         *topic);
void                syllabus_folder_read_free           (SyllabusFolderRead    *read);
void                syllabus_folder_import_free         (SyllabusFolderImport  *import);
void                syllabus_folder_copy_free           (SyllabusFolderCopy    *copy);

G_END_DECLS
