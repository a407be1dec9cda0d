/* syllabus-store-private.h
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

#include <glib/gstdio.h>

#include "syllabus-lock.h"
#include "syllabus-store.h"

G_BEGIN_DECLS

/* What the files of the store (syllabus-store*.c) share: the object's
 * struct, the snapshot and the writer its threads use, and the functions
 * one file calls in another. No other unit includes this; tests may. */

/* For tests: saving reuses the snapshots of unchanged entries, and must
 * still write what snapshots made afresh print (the version 1 text of a
 * backup, every topic in one). */
char *_syllabus_store_serialize_for_test (SyllabusStore *self,
                                          gboolean       fresh,
                                          gsize         *length);
/* For tests: how many topic files this store's saves wrote. */
guint _syllabus_store_get_n_writes_for_test (SyllabusStore *self);

/* The version of backups (syllabus_store_export_backup()) and of the one
 * progress.json of Syllabus before topic files: every topic in one file. */
#define SYLLABUS_STORE_BACKUP_VERSION 1

/* syllabus-store.c */

enum {
  PROP_0,
  PROP_LOADED,
  PROP_READ_ONLY,
  PROP_LOCKED,
  PROP_PROBLEM,
  PROP_SAVE_ERROR,
  PROP_DIRTY,
  PROP_UNSEEN_DAMAGE,
  N_PROPS
};

struct _SyllabusStore
{
  GObject     parent_instance;

  GFile      *file;
  /* topic id → (normalised URL → SyllabusEntry) */
  GHashTable *topics;
  /* topic id → set of the normalised URLs the topic listed when it was
   * last opened, to tell which resources are new */
  GHashTable *seen;

  /* Shared with writer threads */
  struct _Writer *writer;
  /* The snapshots the last save took, for the next one to reuse: entry
   * (not referenced, only compared) → Snapshot, and topic id → Snapshot of
   * its seen list. */
  GHashTable *entry_snapshots;
  GHashTable *seen_snapshots;
  /* Topic id → (key → Snapshot): what each topic's file held when this
   * store last read or wrote it, the common ground a note changed by two
   * computers is compared with. */
  GHashTable *on_disk;
  /* Topic id → the generation of the last save that wrote it, for the
   * topics changed since their file was last written: what the next save
   * writes. A save's success removes those it wrote, unless a later save
   * took them again. */
  GHashTable *unsaved;
  /* Ids of topics whose file a newer version wrote, or that could be
   * neither read nor moved aside: shown, never written (the writer keeps
   * the names of their files for its threads). */
  GHashTable *frozen;
  /* Those of @frozen the user changed all the same: each save fails,
   * saying so, until they are saved elsewhere (a backup) or the program
   * ends. */
  GHashTable *frozen_changed;

  /* What other programs write into the folder is merged (a writer's). */
  struct _StoreWatch *watch;
  /* A progress.json an older version wrote beside the folder, merged: it
   * is renamed aside once what it added is saved (its file and stamp
   * only), or NULL. */
  struct _MergeData *late_legacy;

  char       *problem;
  char       *kept_file;
  char       *save_error;

  /* Every change increments generation; saved_generation is the newest
   * one known to be on disk, failed_generation the one whose save failed
   * last and whose error save_error shows. */
  guint64     generation;
  guint64     saved_generation;
  guint64     failed_generation;
  guint       save_source;
  guint       saves_in_flight;

  /* Why the file could not be read when it was loaded, or NULL. */
  GError     *damage;
  /* Files kept aside that the user has not seen yet (the damage log). */
  GStrv       unseen_damage;

  /* The topic to read first, and whether it is in (before the rest). */
  char       *first_topic;
  guint       first_topic_loaded : 1;
  guint       loading : 1;
  guint       loaded : 1;
  guint       read_only : 1;
  /* Another process holds the lock: this store cannot save. */
  guint       locked : 1;
  /* The queued save runs at the next idle, not after a delay. */
  guint       save_is_immediate : 1;
};

void     _syllabus_store_entry_changed_cb   (SyllabusEntry  *entry,
                                             gboolean        typing,
                                             SyllabusStore  *self);
void     _syllabus_store_mark_changed       (SyllabusStore  *self,
                                             guint           delay_ms);
gboolean _syllabus_store_check_writable     (SyllabusStore  *self,
                                             GError        **error);
GParamSpec *_syllabus_store_get_pspec       (guint           prop_id);
void     _syllabus_store_emit_entry_changed (SyllabusStore  *self,
                                             SyllabusEntry  *entry);
void     _syllabus_store_emit_topic_loaded  (SyllabusStore  *self,
                                             const char     *topic_id);

/* What tells whether the progress file changed since this store read or
 * wrote it: another program (an older Syllabus, a sync tool, the user
 * restoring a copy) may replace it without taking the lock. */
typedef struct
{
  gboolean exists;
  dev_t    dev;
  ino_t    ino;
  off_t    size;
  gint64   mtime_ns;
} FileStamp;

void _syllabus_store_stamp_take (FileStamp  *stamp,
                                 const char *path);

/* One entry as it will be written, copied so that a thread can use it.
 *
 * A snapshot is immutable once made, and shared: the store keeps the last
 * snapshot of every entry and hands the same one to the next save when the
 * entry still holds equal values (see take_snapshot()), which spares copying
 * the strings of thousands of unchanged entries on the main loop. */
typedef struct
{
  gatomicrefcount ref_count;

  char    *topic_id;
  char    *key;
  char    *title;
  char    *url;
  char    *notes;
  /* Dates are formatted in the writer's thread: on the main loop, for
   * thousands of entries, formatting alone blocked typing. */
  GDateTime *done_at;
  GDateTime *started_at;
  GDateTime *changed_at;
  /* A topic's seen list travels as a snapshot without a key, sorted. */
  GStrv    seen;
  guint    n_seen;
  SyllabusStatus status;
  /* Whether the seen list is the topic's set as it was, no text repaired
   * to make it UTF-8: only then can it be compared with the set. */
  gboolean seen_exact;
} Snapshot;

/* syllabus-store-merge.c */

/* When a merge keeps both texts of a note rather than the later one. */
typedef enum
{
  /* An import: the later change wins. */
  JOIN_NOTES_NEVER,
  /* What another computer wrote into the folder: a note both changed
   * since this store last read or wrote it. */
  JOIN_NOTES_CHANGED_ON_BOTH,
  /* A sync tool's conflict copy, made because both changed the file at
   * once: a note that differs, with text on both sides. */
  JOIN_NOTES_DIFFERENT,
} JoinNotes;

/* What a file to merge holds, parsed in a worker thread. */
typedef struct _MergeData
{
  GFile      *file;
  GHashTable *topics;
  GHashTable *seen;
  /* The file as it was before it was read. */
  FileStamp   stamp;
  /* For topic files that changed under a save: file name → FileStamp
   * (g_free) of each file as it was before it was read. */
  GHashTable *stamps;
  /* When a note both sides changed keeps both texts. */
  JoinNotes   join_notes;
  /* Topic id → the computer that wrote its file, where it says. */
  GHashTable *computers;
} MergeData;

void        _syllabus_store_merge_data_free    (gpointer              data);
MergeData  *_syllabus_store_merge_data_new     (GFile                *file);
gboolean    _syllabus_store_read_merge_file    (MergeData            *merge,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean    _syllabus_store_read_merge_path    (MergeData            *merge,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);
void        _syllabus_store_apply_merge        (SyllabusStore        *self,
                                                MergeData            *merge,
                                                SyllabusMergeSummary *summary);
int         _syllabus_store_compare_change_times (GDateTime          *a,
                                                GDateTime            *b);

/* syllabus-store-watch.c */

typedef struct _StoreWatch StoreWatch;

char       *_syllabus_store_conflict_copy_target (const char         *name);
void        _syllabus_store_watch_start        (SyllabusStore        *self);
void        _syllabus_store_watch_stop         (SyllabusStore        *self);
void        _syllabus_store_watch_update       (SyllabusStore        *self);
void        _syllabus_store_watch_topics_written (SyllabusStore      *self,
                                                GPtrArray            *topic_writes);

/* syllabus-store-format.c */

GHashTable *_syllabus_store_new_topics_table   (void);
GHashTable *_syllabus_store_new_seen_table     (void);
GHashTable *_syllabus_store_ensure_topic_table (GHashTable  *topics,
                                                const char  *topic_id);
gboolean    _syllabus_store_damaged            (GError     **error,
                                                const char  *message);
gboolean    _syllabus_store_parse_contents     (const char  *contents,
                                                gsize        length,
                                                GHashTable  *topics,
                                                GHashTable  *seen,
                                                gint64      *version,
                                                GError     **error);
gboolean    _syllabus_store_parse_legacy       (const char  *contents,
                                                gsize        length,
                                                GHashTable  *topics,
                                                GHashTable  *seen,
                                                gint64      *version,
                                                GError     **error);
gboolean    _syllabus_store_parse_topic_file   (const char  *contents,
                                                gsize        length,
                                                GHashTable  *topics,
                                                GHashTable  *seen,
                                                char       **topic_id,
                                                char       **computer,
                                                gint64      *version,
                                                GError     **error);
/* syllabus-store-print.c */

char       *_syllabus_store_serialize          (GPtrArray   *snapshots,
                                                gsize       *length);
char       *_syllabus_store_serialize_topic    (const char  *topic_id,
                                                GPtrArray   *snapshots,
                                                gsize       *length);

/* syllabus-store-snapshot.c */

Snapshot   *_syllabus_store_snapshot_ref          (Snapshot      *snapshot);
void        _syllabus_store_snapshot_unref        (gpointer       snapshot);
Snapshot   *_syllabus_store_snapshot_new_for_entry (const char    *topic_id,
                                                   const char    *key,
                                                   SyllabusEntry *entry);
Snapshot   *_syllabus_store_snapshot_new_for_seen (const char    *topic_id,
                                                   GHashTable    *keys);
void        _syllabus_store_mark_topic_unsaved    (SyllabusStore *self,
                                                   const char    *topic_id);
GPtrArray  *_syllabus_store_take_snapshot         (SyllabusStore *self);
GPtrArray  *_syllabus_store_take_topic_writes     (SyllabusStore *self,
                                                   guint64        generation);
void        _syllabus_store_forget_written_topics (SyllabusStore *self,
                                                   GPtrArray     *topic_writes,
                                                   guint64        generation);
void        _syllabus_store_set_on_disk           (SyllabusStore *self,
                                                   const char    *topic_id,
                                                   GPtrArray     *snapshots);
void        _syllabus_store_set_merged_on_disk    (SyllabusStore *self,
                                                   GHashTable    *topics);
gboolean    _syllabus_store_entry_is_on_disk      (SyllabusStore *self,
                                                   SyllabusEntry *entry);
const char *_syllabus_store_get_notes_on_disk     (SyllabusStore *self,
                                                   const char    *topic_id,
                                                   const char    *key);

/* syllabus-store-writer.c */

/* The writer: serialises writes from threads and from the main loop, and
 * never lets an older snapshot replace a newer one. Every path is fixed
 * when it is made; the rest is guarded by @lock. */
typedef struct _Writer
{
  gatomicrefcount ref_count;
  GMutex          lock;
  /* progress/, one file per topic */
  char           *folder;
  /* progress.json, the one file of format version 1 */
  char           *legacy_path;
  /* progress.partial/, where a migration writes the folder first */
  char           *partial_path;
  char           *lock_path;
  char           *damage_log_path;
  /* Held from loading on, unless the store only reads. */
  SyllabusLock   *file_lock;
  /* Topic file name → FileStamp: each file as this store last read or
   * wrote it. */
  GHashTable     *stamps;
  /* Names of the topic files this program read or wrote: only those are
   * copied to their backup (NAME.bak). */
  GHashTable     *good;
  /* Names of the topic files a newer version wrote, or that could be
   * neither read nor moved aside: never written. */
  GHashTable     *frozen;
  gboolean        reader;
  /* The folder is one the user chose (SYLLABUS_STORE_SHARED). */
  gboolean        shared;
  guint64         written_generation;
  /* How many topic files were written, for tests. */
  guint           n_writes;
  /* For tests: called once, in the saving thread, between looking at the
   * files and replacing them, where another program may replace one. */
  void          (*before_replace) (gpointer data);
  gpointer        before_replace_data;
} Writer;

/* What a save writes of one topic. */
typedef struct
{
  char      *topic_id;
  /* The Snapshots of its entries and its seen list. */
  GPtrArray *snapshots;
} TopicWrite;

void        _syllabus_store_topic_write_free    (gpointer         data);
Writer     *_syllabus_store_writer_new          (GFile           *folder,
                                                 gboolean         reader,
                                                 gboolean         shared);
Writer     *_syllabus_store_writer_ref          (Writer          *writer);
void        _syllabus_store_writer_unref        (Writer          *writer);
void        _syllabus_store_stamp_from_stat     (FileStamp       *stamp,
                                                 const GStatBuf  *buf);
gboolean    _syllabus_store_stamp_equal         (const FileStamp *a,
                                                 const FileStamp *b);
gboolean    _syllabus_store_write_topics        (Writer          *writer,
                                                 GPtrArray       *topic_writes,
                                                 guint64          generation,
                                                 MergeData      **changed,
                                                 GError         **error);

/* syllabus-store-folder.c */

char       *_syllabus_store_topic_file_name     (const char      *topic_id);
char       *_syllabus_store_topic_id_from_file_name (const char  *name);
GHashTable *_syllabus_store_group_snapshots     (GHashTable      *topics,
                                                 GHashTable      *seen,
                                                 GHashTable      *entry_snapshots,
                                                 GHashTable      *seen_snapshots);
gboolean    _syllabus_store_write_topic_file    (const char      *folder,
                                                 const char      *topic_id,
                                                 GPtrArray       *snapshots,
                                                 GStatBuf        *written,
                                                 char           **displaced,
                                                 GError         **error);
void        _syllabus_store_remove_stale_in_folder (const char   *folder);
void        _syllabus_store_steal_all           (GHashTable      *from,
                                                 GHashTable      *to);
char       *_syllabus_store_move_aside          (const char      *path,
                                                 GError         **error);
gboolean    _syllabus_store_read_path           (const char      *path,
                                                 gboolean         topic_file,
                                                 GHashTable      *topics,
                                                 GHashTable      *seen,
                                                 char           **topic_id,
                                                 char           **computer,
                                                 gint64          *version,
                                                 gboolean        *missing,
                                                 GError         **error);

/* One topic file that could not be read, found by loading. */
typedef struct
{
  /* The topic's id, or %NULL where not known: a long id's cut name whose
   * backup did not tell it, or the folder itself (@name %NULL too). */
  char   *topic_id;
  char   *name;
  char   *path;
  GError *error;
  /* Where it was moved, or NULL if it was left in place. */
  char   *kept_file;
  GError *move_error;
  /* Its progress came from NAME.bak. */
  gboolean restored;
} TopicDamage;

void        _syllabus_store_topic_damage_free   (gpointer         data);

/* What reading the folder found, for loading. */
typedef struct
{
  GHashTable *topics;
  GHashTable *seen;
  GHashTable *stamps;
  GHashTable *good;
  /* Ids of topics of a newer version, or of files that could be neither
   * read nor moved aside, and the names of those files (the latter even
   * where the id is not known) */
  GHashTable *frozen;
  GHashTable *frozen_names;
  /* TopicDamage of each damaged file */
  GPtrArray  *damages;
  /* Why the folder could not be listed, if it could not: nothing was
   * read, and nothing may be written. */
  GError     *unreadable;
  /* There was no folder. */
  gboolean    missing;
  /* A file read before the others (the shown topic's), with its stamp as
   * it was then: not read again. */
  char       *read_first;
  FileStamp   read_first_stamp;
} FolderRead;

void        _syllabus_store_folder_read_init    (FolderRead      *read);
void        _syllabus_store_folder_read_clear   (FolderRead      *read);
void        _syllabus_store_read_folder         (const char      *folder,
                                                 gboolean         may_move,
                                                 const char      *damage_log_path,
                                                 FolderRead      *read);

/* syllabus-store-migrate.c */

/* What migrating progress.json found, for loading. */
typedef struct
{
  /* progress.json could not be read: why, and where it went. */
  GError   *damage;
  char     *kept_file;
  GError   *move_error;
  /* Its progress came from progress.json.bak. */
  gboolean  restored;
  /* progress.json is of a newer version: not migrated, the store reads
   * it and saves nothing. */
  gboolean  newer;
  /* Writing the folder failed: the store keeps progress.json in charge
   * for this run and saves nothing. */
  GError   *write_error;
  /* What progress.json held, for a store that may not migrate it (one
   * that only reads, or a newer file). */
  GHashTable *topics;
  GHashTable *seen;
  /* progress.json beside the folder, written since the folder took
   * charge (by an older Syllabus): what it holds, merged on the main
   * thread, or NULL. */
  MergeData  *late;
} Migration;

void        _syllabus_store_migration_clear     (Migration       *migration);
void        _syllabus_store_retire_late_legacy  (SyllabusStore   *self);
gboolean    _syllabus_store_migrate             (Writer          *writer,
                                                 gboolean         may_change,
                                                 Migration       *migration);

/* In syllabus-store.c. */
void        _syllabus_store_set_string_property (SyllabusStore   *self,
                                                 char           **field,
                                                 const char      *value,
                                                 GParamSpec      *pspec);

/* Saves the store @delay_ms from now, or at the next idle for 0. */
void        _syllabus_store_queue_save          (SyllabusStore   *self,
                                                 guint            delay_ms);

G_END_DECLS
