/* syllabus-store-snapshot.c
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

/* Snapshots: what a save writes, copied on the main loop for a writer
 * thread, reused while an entry holds the same values, and which topics
 * changed since their file was last written. */

#include "config.h"

#include "syllabus-store-private.h"

#include <string.h>

Snapshot *
_syllabus_store_snapshot_ref (Snapshot *snapshot)
{
  g_atomic_ref_count_inc (&snapshot->ref_count);
  return snapshot;
}

void
_syllabus_store_snapshot_unref (gpointer data)
{
  Snapshot *snapshot = data;

  if (!g_atomic_ref_count_dec (&snapshot->ref_count))
    return;

  g_free (snapshot->topic_id);
  g_free (snapshot->key);
  g_free (snapshot->title);
  g_free (snapshot->url);
  g_free (snapshot->notes);
  g_clear_pointer (&snapshot->done_at, g_date_time_unref);
  g_clear_pointer (&snapshot->started_at, g_date_time_unref);
  g_strfreev (snapshot->seen);
  g_clear_pointer (&snapshot->changed_at, g_date_time_unref);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (const char *topic_id)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->topic_id = g_strdup (topic_id);

  return snapshot;
}

/* The file is read back only if it is UTF-8: text that is not is written
 * with replacement characters rather than making the whole file damaged. */
static char *
copy_valid (const char *text,
            gboolean   *repaired)
{
  if (text == NULL)
    return NULL;

  /* Nearly always valid already: checking is much cheaper than making. */
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  if (repaired != NULL)
    *repaired = TRUE;

  return g_utf8_make_valid (text, -1);
}

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Whether @snapshot holds exactly what @entry of @topic_id, under @key,
 * holds now, so that it can be written again as it is. Every value that
 * reaches the file is compared. Text that had to be repaired to become
 * UTF-8 never compares equal: such an entry is copied at each save.
 * GDateTime is immutable and the snapshot holds a reference to its dates,
 * so the same pointer is the same date. */
static gboolean
snapshot_matches_entry (const Snapshot *snapshot,
                        const char     *topic_id,
                        const char     *key,
                        SyllabusEntry  *entry)
{
  return snapshot->status == syllabus_entry_get_status (entry) &&
         snapshot->started_at == syllabus_entry_get_started_at (entry) &&
         snapshot->done_at == syllabus_entry_get_done_at (entry) &&
         snapshot->changed_at == syllabus_entry_get_changed_at (entry) &&
         g_strcmp0 (snapshot->title, syllabus_entry_get_title (entry)) == 0 &&
         g_strcmp0 (snapshot->url, syllabus_entry_get_url (entry)) == 0 &&
         g_strcmp0 (snapshot->notes, syllabus_entry_get_notes (entry)) == 0 &&
         strcmp (snapshot->key, key) == 0 &&
         strcmp (snapshot->topic_id, topic_id) == 0;
}

/* Whether @snapshot's seen list is the set @keys. The list was copied from
 * a set without repairs, so its strings are distinct: as many strings, all
 * in @keys, is the same set. */
static gboolean
snapshot_matches_seen (const Snapshot *snapshot,
                       const char     *topic_id,
                       GHashTable     *keys)
{
  if (!snapshot->seen_exact || strcmp (snapshot->topic_id, topic_id) != 0 ||
      snapshot->n_seen != g_hash_table_size (keys))
    return FALSE;

  for (guint i = 0; i < snapshot->n_seen; i++)
    if (!g_hash_table_contains (keys, snapshot->seen[i]))
      return FALSE;

  return TRUE;
}

Snapshot *
_syllabus_store_snapshot_new_for_entry (const char    *topic_id,
                                        const char    *key,
                                        SyllabusEntry *entry)
{
  Snapshot *snapshot = snapshot_new (topic_id);

  snapshot->key = g_strdup (key);
  snapshot->title = copy_valid (syllabus_entry_get_title (entry), NULL);
  snapshot->url = copy_valid (syllabus_entry_get_url (entry), NULL);
  snapshot->notes = copy_valid (syllabus_entry_get_notes (entry), NULL);
  snapshot->status = syllabus_entry_get_status (entry);
  snapshot->started_at = ref_time (syllabus_entry_get_started_at (entry));
  snapshot->done_at = ref_time (syllabus_entry_get_done_at (entry));
  snapshot->changed_at = ref_time (syllabus_entry_get_changed_at (entry));

  return snapshot;
}

Snapshot *
_syllabus_store_snapshot_new_for_seen (const char *topic_id,
                                       GHashTable *keys)
{
  Snapshot *snapshot = snapshot_new (topic_id);
  g_autofree gpointer *array = g_hash_table_get_keys_as_array (keys, &snapshot->n_seen);
  gboolean repaired = FALSE;

  snapshot->seen = g_new0 (char *, snapshot->n_seen + 1);
  for (guint i = 0; i < snapshot->n_seen; i++)
    snapshot->seen[i] = copy_valid (array[i], &repaired);
  snapshot->seen_exact = !repaired;

  /* Sorted, so that the file is stable from save to save; sorted here
   * because the snapshot is shared and never changes afterwards. */
  g_sort_array (snapshot->seen, snapshot->n_seen, sizeof (char *), compare_strings, NULL);

  return snapshot;
}

/* Taken by no save yet. */
#define NOT_TAKEN G_MAXSIZE

/* Records that @topic_id's file must be written, by a save that has not
 * started yet: one under way took it as it was before. */
void
_syllabus_store_mark_topic_unsaved (SyllabusStore *self,
                                    const char    *topic_id)
{
  /* A frozen topic's file is written only to say that the user's change
   * cannot be: what the store refreshes itself (titles, the seen list, a
   * snapshot made afresh) is no reason to fail a save. */
  if (g_hash_table_contains (self->frozen, topic_id) &&
      !g_hash_table_contains (self->frozen_changed, topic_id))
    return;

  g_hash_table_insert (self->unsaved, g_strdup (topic_id), GSIZE_TO_POINTER (NOT_TAKEN));
}

/* Copies what the files will hold, on the main loop, for a writer thread.
 * An entry or seen list that holds the same values as at the last
 * snapshot keeps that snapshot, with its text already made: comparing is
 * far cheaper than copying, and than printing the entry again. A topic
 * with any snapshot made afresh, or an entry that no longer holds
 * progress, changed: it joins the topics whose file is to be written. */
GPtrArray *
_syllabus_store_take_snapshot (SyllabusStore *self)
{
  GPtrArray *snapshots;
  g_autoptr(GHashTable) seen_snapshots = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint n_entries = 0;

  /* Entries are keys without a reference, only ever compared: an entry
   * can leave the store (a load replaces what a topic held), and a new one
   * at its address is then compared like any other, by value. */
  if (self->entry_snapshots == NULL)
    self->entry_snapshots = g_hash_table_new_full (NULL, NULL, NULL, _syllabus_store_snapshot_unref);
  snapshots = g_ptr_array_new_full (g_hash_table_size (self->entry_snapshots) + 16, _syllabus_store_snapshot_unref);

  g_hash_table_iter_init (&iter, self->topics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter entry_iter;
      gpointer entry_key;
      gpointer entry_value;

      g_hash_table_iter_init (&entry_iter, value);
      while (g_hash_table_iter_next (&entry_iter, &entry_key, &entry_value))
        {
          SyllabusEntry *entry = entry_value;
          Snapshot *snapshot;

          if (syllabus_entry_is_pristine (entry))
            {
              /* Progress undone: the file must lose it. */
              if (g_hash_table_remove (self->entry_snapshots, entry))
                _syllabus_store_mark_topic_unsaved (self, key);
              continue;
            }

          snapshot = g_hash_table_lookup (self->entry_snapshots, entry);
          if (snapshot == NULL || !snapshot_matches_entry (snapshot, key, entry_key, entry))
            {
              snapshot = _syllabus_store_snapshot_new_for_entry (key, entry_key, entry);
              g_hash_table_replace (self->entry_snapshots, entry, snapshot);
              _syllabus_store_mark_topic_unsaved (self, key);
            }

          g_ptr_array_add (snapshots, _syllabus_store_snapshot_ref (snapshot));
          n_entries++;
        }
    }

  /* Snapshots of entries no longer in the store (none leave it today) are
   * not kept: the next save copies every entry again. */
  if (g_hash_table_size (self->entry_snapshots) > n_entries)
    g_hash_table_remove_all (self->entry_snapshots);

  /* The seen lists of a few topics: this save's snapshots replace the
   * last ones, which drops those of topics no longer listed. */
  seen_snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _syllabus_store_snapshot_unref);
  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Snapshot *snapshot = NULL;

      if (self->seen_snapshots != NULL)
        snapshot = g_hash_table_lookup (self->seen_snapshots, key);

      if (snapshot != NULL && snapshot_matches_seen (snapshot, key, value))
        _syllabus_store_snapshot_ref (snapshot);
      else
        {
          snapshot = _syllabus_store_snapshot_new_for_seen (key, value);
          _syllabus_store_mark_topic_unsaved (self, key);
        }

      g_hash_table_insert (seen_snapshots, snapshot->topic_id, snapshot);
      g_ptr_array_add (snapshots, _syllabus_store_snapshot_ref (snapshot));
    }

  g_clear_pointer (&self->seen_snapshots, g_hash_table_unref);
  self->seen_snapshots = g_steal_pointer (&seen_snapshots);

  return snapshots;
}

/* What a save writes: the topics not yet written, each with its
 * snapshots. Each is marked as taken by the save of @generation. */
GPtrArray *
_syllabus_store_take_topic_writes (SyllabusStore *self,
                                   guint64        generation)
{
  g_autoptr(GPtrArray) snapshots = _syllabus_store_take_snapshot (self);
  GPtrArray *topic_writes = g_ptr_array_new_with_free_func (_syllabus_store_topic_write_free);
  g_autoptr(GHashTable) by_topic = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TopicWrite *write = g_new0 (TopicWrite, 1);

      write->topic_id = g_strdup (key);
      write->snapshots = g_ptr_array_new_with_free_func (_syllabus_store_snapshot_unref);
      g_ptr_array_add (topic_writes, write);
      g_hash_table_insert (by_topic, write->topic_id, write);
      g_hash_table_iter_replace (&iter, GSIZE_TO_POINTER ((gsize)generation));
    }

  for (guint i = 0; i < snapshots->len; i++)
    {
      Snapshot *snapshot = g_ptr_array_index (snapshots, i);
      TopicWrite *write = g_hash_table_lookup (by_topic, snapshot->topic_id);

      if (write != NULL)
        g_ptr_array_add (write->snapshots, _syllabus_store_snapshot_ref (snapshot));
    }

  return topic_writes;
}

/* The save of @generation wrote @topic_writes: they are on disk unless a
 * later save took them again. */
void
_syllabus_store_forget_written_topics (SyllabusStore *self,
                                       GPtrArray     *topic_writes,
                                       guint64        generation)
{
  for (guint i = 0; i < topic_writes->len; i++)
    {
      TopicWrite *write = g_ptr_array_index (topic_writes, i);
      gpointer taken;

      if (g_hash_table_lookup_extended (self->unsaved, write->topic_id, NULL, &taken) &&
          GPOINTER_TO_SIZE (taken) <= generation)
        g_hash_table_remove (self->unsaved, write->topic_id);
      _syllabus_store_set_on_disk (self, write->topic_id, write->snapshots);
    }

  _syllabus_store_watch_topics_written (self, topic_writes);
  /* What an older version's progress.json added is on the disk. */
  if (self->late_legacy != NULL && g_hash_table_size (self->unsaved) == 0)
    _syllabus_store_retire_late_legacy (self);
}

/* What the files hold ------------------------------------------------------ */

/* @snapshots (of one topic; seen lists are skipped) are what its file
 * holds now. */
void
_syllabus_store_set_on_disk (SyllabusStore *self,
                             const char    *topic_id,
                             GPtrArray     *snapshots)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               _syllabus_store_snapshot_unref);

  if (self->on_disk == NULL)
    self->on_disk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)g_hash_table_unref);

  for (guint i = 0; i < snapshots->len; i++)
    {
      Snapshot *snapshot = g_ptr_array_index (snapshots, i);

      if (snapshot->key != NULL)
        g_hash_table_replace (entries, snapshot->key, _syllabus_store_snapshot_ref (snapshot));
    }

  g_hash_table_replace (self->on_disk, g_strdup (topic_id), entries);
}

/* The files of @topics (topic id → (key → SyllabusEntry)), just read,
 * hold what @topics holds. */
void
_syllabus_store_set_merged_on_disk (SyllabusStore *self,
                                    GHashTable    *topics)
{
  GHashTableIter iter;
  gpointer topic_id;
  gpointer entries;

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, &topic_id, &entries))
    {
      g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (_syllabus_store_snapshot_unref);
      GHashTableIter entry_iter;
      gpointer key;
      gpointer entry;

      g_hash_table_iter_init (&entry_iter, entries);
      while (g_hash_table_iter_next (&entry_iter, &key, &entry))
        g_ptr_array_add (snapshots, _syllabus_store_snapshot_new_for_entry (topic_id, key, entry));
      _syllabus_store_set_on_disk (self, topic_id, snapshots);
    }
}

/* Returns: the notes of @key in @topic_id's file, as this store last read
 * or wrote it: "" where it held none. */
const char *
_syllabus_store_get_notes_on_disk (SyllabusStore *self,
                                   const char    *topic_id,
                                   const char    *key)
{
  GHashTable *entries = self->on_disk != NULL ? g_hash_table_lookup (self->on_disk, topic_id) : NULL;
  Snapshot *snapshot = entries != NULL ? g_hash_table_lookup (entries, key) : NULL;

  return snapshot != NULL && snapshot->notes != NULL ? snapshot->notes : "";
}

static gboolean
same_date (GDateTime *a,
           GDateTime *b)
{
  return a == NULL || b == NULL ? a == b : g_date_time_equal (a, b);
}

/* Whether @entry holds what its topic's file held when this store last
 * read or wrote it: no change of this computer's since. */
gboolean
_syllabus_store_entry_is_on_disk (SyllabusStore *self,
                                  SyllabusEntry *entry)
{
  GHashTable *entries = self->on_disk != NULL
                          ? g_hash_table_lookup (self->on_disk, syllabus_entry_get_topic_id (entry))
                          : NULL;
  Snapshot *snapshot = entries != NULL ? g_hash_table_lookup (entries, syllabus_entry_get_key (entry))
                                       : NULL;

  return snapshot != NULL && snapshot->status == syllabus_entry_get_status (entry) &&
         same_date (snapshot->started_at, syllabus_entry_get_started_at (entry)) &&
         same_date (snapshot->done_at, syllabus_entry_get_done_at (entry)) &&
         g_strcmp0 (snapshot->notes != NULL ? snapshot->notes : "", syllabus_entry_get_notes (entry)) == 0;
}
