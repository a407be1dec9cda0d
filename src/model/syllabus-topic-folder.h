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
gboolean            syllabus_topic_folder_delete_bundle (GFile                 *folder,
                                                         SyllabusTopic         *topic,
                                                         GError               **error);
void                syllabus_folder_read_free           (SyllabusFolderRead    *read);
void                syllabus_folder_import_free         (SyllabusFolderImport  *import);
void                syllabus_folder_copy_free           (SyllabusFolderCopy    *copy);

/* Shared by the two ways of importing: a file (syllabus-topic-folder.c)
 * and a folder (syllabus-topic-bundle-copy.c) */
#define SYLLABUS_SOURCE_NAME ".syllabus-source"

SyllabusFolderCopy *syllabus_topic_folder_import_bundle (SyllabusFolderImport  *import,
                                                         GCancellable          *cancellable,
                                                         GError               **error);
char               *syllabus_topic_folder_find_copy_of  (GFile                 *folder,
                                                         const char            *uri,
                                                         GCancellable          *cancellable);
GFile              *syllabus_topic_folder_find_existing (SyllabusFolderImport  *import,
                                                         const char            *id,
                                                         GCancellable          *cancellable);
char               *syllabus_topic_folder_free_id       (SyllabusFolderImport  *import,
                                                         const char            *name,
                                                         GCancellable          *cancellable);
gboolean            syllabus_topic_folder_write_file    (GFile                 *file,
                                                         GBytes                *bytes,
                                                         GError               **error);

G_END_DECLS
