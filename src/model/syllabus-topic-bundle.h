/* syllabus-topic-bundle.h

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

/* A folder of Markdown files read as one topic. For the model only: the
 * library and the topics folder use it, tests too. */

/* A tree deeper than this, or with more files, is read only this far: a
 * stray folder (a home folder, a checkout) must not hang the program. */
#define SYLLABUS_BUNDLE_MAX_DEPTH 8
#define SYLLABUS_BUNDLE_MAX_FILES 2000

/* In a copied folder in the user's topics: marks it as a folder topic
 * even when one of its files is named as the folder. */
#define SYLLABUS_BUNDLE_MARKER ".syllabus-bundle"

typedef enum
{
  SYLLABUS_BUNDLE_ENTRY_FOLDER,
  SYLLABUS_BUNDLE_ENTRY_INDEX,
  SYLLABUS_BUNDLE_ENTRY_NODE,
  SYLLABUS_BUNDLE_ENTRY_IMAGE,
} SyllabusBundleEntryKind;

typedef struct
{
  SyllabusBundleEntryKind  kind;
  GFile                   *file;
  /* The path below the top folder, "/"-separated */
  char                    *relative_path;
  /* 0 for what lies in the top folder itself */
  guint                    depth;
} SyllabusBundleEntry;

/* A file or folder left out of the topic, and why */
typedef struct
{
  char   *path;
  GError *error;
} SyllabusBundleProblem;

void           syllabus_bundle_entry_free           (gpointer       entry);
void           syllabus_bundle_problem_free         (gpointer       problem);
void           syllabus_bundle_add_problem          (GPtrArray     *problems,
                                                     GFile         *file,
                                                     const GError  *error);

GPtrArray     *syllabus_topic_bundle_list           (GFile         *folder,
                                                     GPtrArray     *problems,
                                                     GCancellable  *cancellable);
char          *syllabus_topic_bundle_build          (GFile         *folder,
                                                     GPtrArray     *problems,
                                                     gsize         *length,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
SyllabusTopic *syllabus_topic_bundle_load           (GFile         *folder,
                                                     const char    *id,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
char          *syllabus_topic_bundle_signature      (GFile         *folder,
                                                     GCancellable  *cancellable);
gboolean       syllabus_topic_bundle_looks_like_one (GFile         *folder,
                                                     GCancellable  *cancellable);
char          *syllabus_topic_bundle_name           (GFile         *folder);
char          *syllabus_topic_bundle_title_for_name (const char    *name);
int            syllabus_topic_bundle_compare_names  (const char    *a,
                                                     const char    *b);
char          *syllabus_topic_bundle_rebase_address (const char    *dir,
                                                     const char    *address,
                                                     gsize          length);
char          *syllabus_topic_bundle_rebase_links   (const char    *text,
                                                     gsize          length,
                                                     const char    *dir,
                                                     gsize         *new_length);
char          *syllabus_topic_bundle_shift_headings (const char    *text,
                                                     gsize          length,
                                                     guint          shift,
                                                     gboolean       take_first_h1,
                                                     char         **first_h1);

/* Implemented in syllabus-topic.c: how a topic is told it is a folder's. */
void           syllabus_topic_set_folder            (SyllabusTopic *self,
                                                     GFile         *folder);
void           syllabus_topic_add_problem           (SyllabusTopic *self,
                                                     const char    *path,
                                                     const GError  *error);

G_END_DECLS
