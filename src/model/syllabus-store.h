/* syllabus-store.h

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

#include "syllabus-entry.h"
#include "syllabus-resource.h"

G_BEGIN_DECLS

#define SYLLABUS_STORE_ERROR (syllabus_store_error_quark ())

typedef enum
{
  SYLLABUS_STORE_ERROR_DAMAGED,
  SYLLABUS_STORE_ERROR_NEWER_VERSION,
  SYLLABUS_STORE_ERROR_READ_ONLY,
  SYLLABUS_STORE_ERROR_LOCKED,
  SYLLABUS_STORE_ERROR_CHANGED,
  SYLLABUS_STORE_ERROR_NOTES_TOO_LONG,
} SyllabusStoreError;

/* The format version of the topic files this program writes and fully
 * understands (backups keep version 1's one-file form). */
#define SYLLABUS_STORE_VERSION 2

/* Progress files (a topic's, a backup) larger than this are not parsed: ten thousand resources
 * with notes take a few megabytes. */
#define SYLLABUS_STORE_MAX_SIZE (64 * 1024 * 1024)

/* How long typing in notes may pause before the notes are written. */
#define SYLLABUS_STORE_NOTES_DELAY_MS 500

/* How far the user is through a list of resources. */
typedef struct
{
  guint total;
  guint done;
  guint in_progress;
  guint skipped;
} SyllabusCounts;

#define SYLLABUS_TYPE_STORE (syllabus_store_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusStore, syllabus_store, SYLLABUS, STORE, GObject)

GQuark         syllabus_store_error_quark       (void);
GFile         *syllabus_store_get_default_file  (void);

/**
 * SyllabusStoreFlags:
 * @SYLLABUS_STORE_FLAGS_NONE: a store that saves into a folder of this
 *   computer's
 * @SYLLABUS_STORE_READ_ONLY: the store only reads, as
 *   syllabus_store_new_for_reading() makes
 * @SYLLABUS_STORE_SHARED: the folder is one the user chose, which a sync
 *   tool may share with other computers: the lock and the log of damaged
 *   files stay in this computer's data folder, nothing is migrated into
 *   it, it is never created (a folder that is not there is a disk not
 *   mounted), and what other programs write into it is merged while the
 *   store runs
 */
typedef enum
{
  SYLLABUS_STORE_FLAGS_NONE = 0,
  SYLLABUS_STORE_READ_ONLY = 1 << 0,
  SYLLABUS_STORE_SHARED = 1 << 1,
} SyllabusStoreFlags;

SyllabusStore *syllabus_store_new               (GFile               *file);
SyllabusStore *syllabus_store_new_for_reading   (GFile               *file);
SyllabusStore *syllabus_store_new_full          (GFile               *folder,
                                                 SyllabusStoreFlags   flags);
gboolean       syllabus_store_get_shared        (SyllabusStore       *self);
GFile         *syllabus_store_get_file          (SyllabusStore       *self);
void           syllabus_store_load_async        (SyllabusStore       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       syllabus_store_load_finish       (SyllabusStore       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
gboolean       syllabus_store_load              (SyllabusStore       *self,
                                                 GError             **error);
gboolean       syllabus_store_get_loaded        (SyllabusStore       *self);
void           syllabus_store_set_first_topic   (SyllabusStore       *self,
                                                 const char          *topic_id);
gboolean       syllabus_store_get_topic_loaded  (SyllabusStore       *self,
                                                 const char          *topic_id);
gboolean       syllabus_store_get_read_only     (SyllabusStore       *self);
gboolean       syllabus_store_get_topic_read_only (SyllabusStore     *self,
                                                   const char        *topic_id);
gboolean       syllabus_store_get_locked        (SyllabusStore       *self);
const GError  *syllabus_store_get_damage        (SyllabusStore       *self);
const char * const *syllabus_store_get_unseen_damage (SyllabusStore  *self);
void           syllabus_store_forget_damage_async (SyllabusStore     *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
gboolean       syllabus_store_forget_damage_finish (SyllabusStore    *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);
const char    *syllabus_store_get_problem       (SyllabusStore       *self);
const char    *syllabus_store_get_kept_file     (SyllabusStore       *self);
const char    *syllabus_store_get_save_error    (SyllabusStore       *self);
gboolean       syllabus_store_get_dirty         (SyllabusStore       *self);

SyllabusEntry *syllabus_store_get_entry         (SyllabusStore       *self,
                                                 const char          *topic_id,
                                                 SyllabusResource    *resource);
SyllabusEntry *syllabus_store_lookup            (SyllabusStore       *self,
                                                 const char          *topic_id,
                                                 const char          *key);
char         **syllabus_store_list_topic_ids    (SyllabusStore       *self);
GPtrArray     *syllabus_store_list_entries      (SyllabusStore       *self,
                                                 const char          *topic_id);

gboolean       syllabus_store_save              (SyllabusStore       *self,
                                                 GError             **error);
void           syllabus_store_save_async        (SyllabusStore       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       syllabus_store_save_finish       (SyllabusStore       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

gboolean       syllabus_store_parse_data        (const char          *data,
                                                 gsize                length,
                                                 guint               *n_entries,
                                                 GError             **error);

GHashTable    *syllabus_store_mark_seen         (SyllabusStore       *self,
                                                 const char          *topic_id,
                                                 GListModel          *resources);
void           syllabus_store_count             (SyllabusStore       *self,
                                                 const char          *topic_id,
                                                 GListModel          *resources,
                                                 SyllabusCounts      *counts);
SyllabusResource *syllabus_store_get_next_up    (SyllabusStore       *self,
                                                 const char          *topic_id,
                                                 GListModel          *resources);

/**
 * SyllabusMergeSummary:
 * @added: resources whose progress only the merged file had (or that had
 *   none here), now added
 * @taken: resources changed later in the file than here: the file's
 *   progress replaced ours
 * @kept_newer_here: resources changed later here than in the file: ours
 *   was kept
 * @conflicts_kept: resources changed at the same moment in both but
 *   holding different progress: ours was kept
 * @unchanged: resources with the same progress in both
 * @notes_joined: resources whose notes both sides changed since they last
 *   agreed (only for what another computer wrote into the folder): both
 *   texts were kept in one note
 * @not_merged: resources of topics whose progress here cannot be saved
 *   (a newer version of Syllabus wrote their file, or it can be neither
 *   read nor moved aside): left as they are in the merged file
 *
 * What syllabus_store_merge_file() did. Merging the same file twice gives
 * @added and @taken of 0 the second time.
 */
typedef struct
{
  guint added;
  guint taken;
  guint kept_newer_here;
  guint conflicts_kept;
  guint unchanged;
  guint notes_joined;
  guint not_merged;
} SyllabusMergeSummary;

gboolean       syllabus_store_export_backup     (SyllabusStore       *self,
                                                 GFile               *file,
                                                 GError             **error);
gboolean       syllabus_store_merge_file        (SyllabusStore       *self,
                                                 GFile               *file,
                                                 SyllabusMergeSummary *summary,
                                                 GError             **error);
void           syllabus_store_merge_file_async  (SyllabusStore       *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       syllabus_store_merge_file_finish (SyllabusStore       *self,
                                                 GAsyncResult        *result,
                                                 SyllabusMergeSummary *summary,
                                                 GError             **error);
gboolean       syllabus_merge_summary_changed   (const SyllabusMergeSummary *summary);

G_END_DECLS
