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

#include "syllabus-store.h"

G_BEGIN_DECLS

/* For tests: saving reuses the snapshots of unchanged entries, and must
 * still write what snapshots made afresh print. */
char *_syllabus_store_serialize_for_test (SyllabusStore *self,
                                          gboolean       fresh,
                                          gsize         *length);

/* syllabus-store.c */

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
char       *_syllabus_store_serialize          (GPtrArray   *snapshots,
                                                gsize       *length);

G_END_DECLS
