/* syllabus-store-merge.c
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

/* Merging another progress file into the store: the import, and the file
 * that changed under a save. */

#include "config.h"

#include "syllabus-store-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

void
_syllabus_store_merge_data_free (gpointer data)
{
  MergeData *merge = data;

  g_clear_object (&merge->file);
  g_clear_pointer (&merge->topics, g_hash_table_unref);
  g_clear_pointer (&merge->seen, g_hash_table_unref);
  g_clear_pointer (&merge->stamps, g_hash_table_unref);
  g_clear_pointer (&merge->computers, g_hash_table_unref);
  g_free (merge);
}

MergeData *
_syllabus_store_merge_data_new (GFile *file)
{
  MergeData *merge = g_new0 (MergeData, 1);

  merge->file = g_object_ref (file);
  merge->topics = _syllabus_store_new_topics_table ();
  merge->seen = _syllabus_store_new_seen_table ();

  return merge;
}

/* Notes past the limit would be kept whole but could not be edited: the
 * import is refused, naming the resource, rather than cutting them. */
static gboolean
check_notes_length (GHashTable  *topics,
                    GError     **error)
{
  GHashTableIter topic_iter;
  GHashTable *entries;

  g_hash_table_iter_init (&topic_iter, topics);
  while (g_hash_table_iter_next (&topic_iter, NULL, (gpointer *)&entries))
    {
      GHashTableIter entry_iter;
      SyllabusEntry *entry;

      g_hash_table_iter_init (&entry_iter, entries);
      while (g_hash_table_iter_next (&entry_iter, NULL, (gpointer *)&entry))
        if (strlen (syllabus_entry_get_notes (entry)) > SYLLABUS_ENTRY_NOTES_MAX)
          {
            const char *title = syllabus_entry_get_title (entry);

            g_set_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_NOTES_TOO_LONG,
                         _("The notes for “%s” are longer than Syllabus keeps (%d KB)"),
                         title != NULL && *title != '\0' ? title : syllabus_entry_get_url (entry),
                         SYLLABUS_ENTRY_NOTES_MAX / 1024);
            return FALSE;
          }
    }

  return TRUE;
}

/* Reads and parses the file of @merge with the loader's strict parser. A
 * file this program would not load as it is, including one written by a
 * newer version, is refused. */
gboolean
_syllabus_store_read_merge_file (MergeData     *merge,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return _syllabus_store_read_merge_path (merge, merge->file, cancellable, error);
}

/* Reads @file into @merge, adding to what it holds: a backup or version 1
 * progress file (every topic), or one topic's file. */
gboolean
_syllabus_store_read_merge_path (MergeData     *merge,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gint64 version = SYLLABUS_STORE_VERSION;
  gsize length;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return _syllabus_store_damaged (error, _("A folder is not a backup of progress"));

  /* Reading a pipe or a device could block or never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return _syllabus_store_damaged (error, _("Only a file can be a backup of progress"));

  if (g_file_info_get_size (info) > SYLLABUS_STORE_MAX_SIZE)
    return _syllabus_store_damaged (error, _("The file is far too large to be a progress file"));

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  if (length > SYLLABUS_STORE_MAX_SIZE)
    return _syllabus_store_damaged (error, _("The file is far too large to be a progress file"));

  if (!_syllabus_store_parse_contents (contents, length, merge->topics, merge->seen, &version, error))
    return FALSE;

  /* What a newer program wrote may mean more than this one understands;
   * merging a part of it would lose the rest without a word. */
  if (version > SYLLABUS_STORE_VERSION)
    {
      g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_NEWER_VERSION,
                           _("The file was written by a newer version of Syllabus"));
      return FALSE;
    }

  return check_notes_length (merge->topics, error);
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

/* Orders change times; an entry without one (written before change times
 * were recorded) is older than any that has one. */
int
_syllabus_store_compare_change_times (GDateTime *a,
                                      GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_date_time_compare (a, b);
}

/* Whether two entries hold the same progress: what the user did, not how
 * the resource was titled when it was last seen. */
static gboolean
same_progress (SyllabusEntry *a,
               SyllabusEntry *b)
{
  return syllabus_entry_get_status (a) == syllabus_entry_get_status (b) &&
         same_time (syllabus_entry_get_started_at (a), syllabus_entry_get_started_at (b)) &&
         same_time (syllabus_entry_get_done_at (a), syllabus_entry_get_done_at (b)) &&
         g_strcmp0 (syllabus_entry_get_notes (a), syllabus_entry_get_notes (b)) == 0;
}

/* Makes @entry hold what @source holds. Views are bound to @entry, so it is
 * changed in place and every property that changed is notified. It is not
 * a change of the user's: the change time is the one @source records. */
static void
take_entry (SyllabusEntry *entry,
            SyllabusEntry *source)
{
  GObject *object = G_OBJECT (entry);
  SyllabusStatus old_status = syllabus_entry_get_status (entry);
  SyllabusStatus new_status = syllabus_entry_get_status (source);
  gboolean started_changed =
    !same_time (syllabus_entry_get_started_at (entry), syllabus_entry_get_started_at (source));
  gboolean done_at_changed =
    !same_time (syllabus_entry_get_done_at (entry), syllabus_entry_get_done_at (source));
  gboolean changed_at_changed =
    !same_time (syllabus_entry_get_changed_at (entry), syllabus_entry_get_changed_at (source));
  gboolean notes_changed =
    g_strcmp0 (syllabus_entry_get_notes (entry), syllabus_entry_get_notes (source)) != 0;

  g_object_freeze_notify (object);

  syllabus_entry_restore (entry, new_status,
                          syllabus_entry_get_started_at (source),
                          syllabus_entry_get_done_at (source),
                          syllabus_entry_get_notes (source),
                          syllabus_entry_get_changed_at (source));
  /* A file that did not record the title or link keeps ours. */
  if (syllabus_entry_get_title (source) != NULL)
    syllabus_entry_set_title (entry, syllabus_entry_get_title (source));
  if (syllabus_entry_get_url (source) != NULL)
    syllabus_entry_set_url (entry, syllabus_entry_get_url (source));

  if (old_status != new_status)
    g_object_notify (object, "status");
  if ((old_status == SYLLABUS_STATUS_DONE) != (new_status == SYLLABUS_STATUS_DONE))
    g_object_notify (object, "done");
  if (started_changed)
    g_object_notify (object, "started-at");
  if (done_at_changed)
    g_object_notify (object, "done-at");
  if (notes_changed)
    g_object_notify (object, "notes");
  if (changed_at_changed)
    g_object_notify (object, "changed-at");

  g_object_thaw_notify (object);
}

/* Whether @ours and @theirs hold notes that both computers changed since
 * they last agreed: since this store last read or wrote the topic's file,
 * what the other computer started from. */
static gboolean
notes_changed_on_both (SyllabusStore *self,
                       SyllabusEntry *ours,
                       SyllabusEntry *theirs)
{
  const char *base_notes = _syllabus_store_get_notes_on_disk (self, syllabus_entry_get_topic_id (ours),
                                                              syllabus_entry_get_key (ours));
  const char *our_notes = syllabus_entry_get_notes (ours);
  const char *their_notes = syllabus_entry_get_notes (theirs);

  return strcmp (our_notes, their_notes) != 0 && strcmp (our_notes, base_notes) != 0 &&
         strcmp (their_notes, base_notes) != 0;
}

static gboolean
must_join_notes (SyllabusStore *self,
                 JoinNotes      join,
                 SyllabusEntry *ours,
                 SyllabusEntry *theirs)
{
  const char *our_notes = syllabus_entry_get_notes (ours);
  const char *their_notes = syllabus_entry_get_notes (theirs);

  switch (join)
    {
    case JOIN_NOTES_CHANGED_ON_BOTH:
      return notes_changed_on_both (self, ours, theirs);
    case JOIN_NOTES_DIFFERENT:
      return *our_notes != '\0' && *their_notes != '\0' && strcmp (our_notes, their_notes) != 0;
    case JOIN_NOTES_NEVER:
    default:
      return FALSE;
    }
}

/* Keeps both texts of a note two computers changed at once: the later
 * change's stays the note, the other follows under a line saying where
 * and when it was written. The joined note is a change made now, so that
 * it wins on the other computer too. */
static void
join_notes (SyllabusEntry *ours,
            SyllabusEntry *theirs,
            gboolean       theirs_later,
            const char    *their_computer)
{
  SyllabusEntry *other = theirs_later ? ours : theirs;
  GDateTime *other_at = syllabus_entry_get_changed_at (other);
  g_autofree char *computer = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GDateTime) now = syllabus_now ();

  if (!theirs_later)
    computer = g_strdup (their_computer != NULL ? their_computer : _("another computer"));
  else
    computer = g_strdup (g_get_host_name ());

  if (other_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (other_at);
      /* Translators: how a time is shown where a note two computers
       * changed at once is joined; see g_date_time_format() */
      g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));

      /* Translators: the first %s is a computer's name, the second a time */
      heading = g_strdup_printf (_("From %s, %s:"), computer, when);
    }
  else
    {
      /* Translators: %s is a computer's name */
      heading = g_strdup_printf (_("From %s:"), computer);
    }

  first = g_strdup (syllabus_entry_get_notes (theirs_later ? theirs : ours));
  joined = g_strdup_printf ("%s\n\n%s\n%s", first, heading, syllabus_entry_get_notes (other));

  if (theirs_later)
    take_entry (ours, theirs);
  syllabus_entry_restore (ours, syllabus_entry_get_status (ours),
                          syllabus_entry_get_started_at (ours),
                          syllabus_entry_get_done_at (ours), joined, now);
  g_object_notify (G_OBJECT (ours), "notes");
  g_object_notify (G_OBJECT (ours), "changed-at");
}

/* Merges what @merge read into the store, on the main thread. */
void
_syllabus_store_apply_merge (SyllabusStore        *self,
                             MergeData            *merge,
                             SyllabusMergeSummary *summary)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean seen_changed = FALSE;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  memset (summary, 0, sizeof *summary);

  g_hash_table_iter_init (&iter, merge->topics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *topic_id = key;
      GHashTable *entries = NULL;
      GHashTableIter entry_iter;
      gpointer entry_key;
      gpointer entry_value;
      gboolean frozen = g_hash_table_contains (self->frozen, topic_id);

      g_hash_table_iter_init (&entry_iter, value);
      while (g_hash_table_iter_next (&entry_iter, &entry_key, &entry_value))
        {
          SyllabusEntry *theirs = entry_value;
          SyllabusEntry *ours;
          int order;

          /* Nothing was done with it there: nothing to take. */
          if (syllabus_entry_is_pristine (theirs))
            continue;

          /* This store could not save it: it stays in the file. */
          if (frozen)
            {
              summary->not_merged++;
              continue;
            }

          if (entries == NULL)
            entries = _syllabus_store_ensure_topic_table (self->topics, topic_id);

          if ((ours = g_hash_table_lookup (entries, entry_key)) == NULL)
            {
              /* Progress only the file has, even for a resource or a topic
               * this computer does not know, is kept. */
              g_hash_table_insert (entries, g_strdup (entry_key), g_object_ref (theirs));
              g_signal_connect_object (theirs, "changed", G_CALLBACK (_syllabus_store_entry_changed_cb), self, 0);
              g_ptr_array_add (changed, g_object_ref (theirs));
              summary->added++;
              continue;
            }

          if (syllabus_entry_is_pristine (ours))
            {
              take_entry (ours, theirs);
              g_ptr_array_add (changed, g_object_ref (ours));
              summary->added++;
              continue;
            }

          order = _syllabus_store_compare_change_times (syllabus_entry_get_changed_at (theirs),
                                        syllabus_entry_get_changed_at (ours));
          if (must_join_notes (self, merge->join_notes, ours, theirs))
            {
              join_notes (ours, theirs, order > 0,
                          merge->computers != NULL ? g_hash_table_lookup (merge->computers, topic_id)
                                                   : NULL);
              g_ptr_array_add (changed, g_object_ref (ours));
              summary->notes_joined++;
              continue;
            }
          /* Another computer's change to what this one has not changed
           * since: theirs, even where the clock (to the second) cannot
           * tell which came later. */
          if (merge->join_notes != JOIN_NOTES_NEVER && order == 0 &&
              !same_progress (ours, theirs) && _syllabus_store_entry_is_on_disk (self, ours))
            order = 1;
          if (order > 0)
            {
              take_entry (ours, theirs);
              g_ptr_array_add (changed, g_object_ref (ours));
              summary->taken++;
            }
          else if (order < 0)
            summary->kept_newer_here++;
          else if (same_progress (ours, theirs))
            summary->unchanged++;
          else
            summary->conflicts_kept++;
        }
    }

  /* A resource either computer listed in a topic is not new any more. */
  g_hash_table_iter_init (&iter, merge->seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *ours = g_hash_table_lookup (self->seen, key);
      GHashTableIter seen_iter;
      gpointer seen_key;

      if (g_hash_table_contains (self->frozen, key))
        continue;

      if (ours == NULL)
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (self->seen, key, value);
          seen_changed = TRUE;
          continue;
        }

      g_hash_table_iter_init (&seen_iter, value);
      while (g_hash_table_iter_next (&seen_iter, &seen_key, NULL))
        if (!g_hash_table_contains (ours, seen_key))
          {
            g_hash_table_add (ours, g_strdup (seen_key));
            seen_changed = TRUE;
          }
    }

  if (changed->len > 0 || seen_changed)
    _syllabus_store_mark_changed (self, 0);

  for (guint i = 0; i < changed->len; i++)
    _syllabus_store_emit_entry_changed (self, g_ptr_array_index (changed, i));
}

static gboolean
check_mergeable (SyllabusStore  *self,
                 GError        **error)
{
  /* Merging into a store that cannot save would look like it worked and
   * then be lost. */
  return _syllabus_store_check_writable (self, error);
}

/**
 * syllabus_store_merge_file:
 * @file: a backup written by syllabus_store_export_backup(), or a progress
 *   file
 * @summary: (out caller-allocates) (optional): what the merge did
 * @error: return location for a #GError
 *
 * Merges the progress in @file into the store, resource by resource: the
 * one changed last wins (status, dates, notes, title and link); progress
 * only in @file is added, even for resources no topic lists any more;
 * progress only here stays. When both were changed at the same moment but
 * differ, ours is kept and counted in @summary as a conflict. The lists of
 * resources seen in each topic are joined. Merging the same file again
 * changes nothing.
 *
 * @file is parsed as strictly as the progress file: a damaged file, or one
 * written by a newer version of Syllabus, is refused and nothing changes.
 *
 * Entries are changed in place, with property notifications, and
 * #SyllabusStore::entry-changed is emitted for each; the store then saves
 * as it does after any change.
 *
 * This blocks while reading @file: for the command line and tests. The
 * application uses syllabus_store_merge_file_async().
 *
 * Returns: %TRUE if @file was merged
 */
gboolean
syllabus_store_merge_file (SyllabusStore         *self,
                           GFile                 *file,
                           SyllabusMergeSummary  *summary,
                           GError               **error)
{
  MergeData *merge;
  SyllabusMergeSummary local_summary;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_mergeable (self, error))
    return FALSE;

  merge = _syllabus_store_merge_data_new (file);
  if (!_syllabus_store_read_merge_file (merge, NULL, error))
    {
      _syllabus_store_merge_data_free (merge);
      return FALSE;
    }

  _syllabus_store_apply_merge (self, merge, summary != NULL ? summary : &local_summary);
  _syllabus_store_merge_data_free (merge);

  return TRUE;
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MergeData *merge = task_data;
  GError *error = NULL;

  if (_syllabus_store_read_merge_file (merge, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
merge_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusStore *self = g_task_get_source_object (task);
  MergeData *merge = g_task_get_task_data (G_TASK (result));
  SyllabusMergeSummary *summary;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      g_task_return_error_if_cancelled (task) ||
      !check_mergeable (self, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }

  summary = g_new0 (SyllabusMergeSummary, 1);
  _syllabus_store_apply_merge (self, merge, summary);
  g_task_return_pointer (task, summary, g_free);
}

/**
 * syllabus_store_merge_file_async:
 * @file: a backup or a progress file
 *
 * Like syllabus_store_merge_file(), but reads and parses @file in a worker
 * thread; the merge itself happens on the main thread when it is done.
 * Cancelling before then leaves the store untouched.
 */
void
syllabus_store_merge_file_async (SyllabusStore       *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  g_return_if_fail (SYLLABUS_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_store_merge_file_async);

  if (!check_mergeable (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  inner = g_task_new (NULL, cancellable, merge_ready_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, _syllabus_store_merge_data_new (file), _syllabus_store_merge_data_free);
  g_task_run_in_thread (inner, merge_thread);
}

/**
 * syllabus_store_merge_file_finish:
 * @summary: (out caller-allocates) (optional): what the merge did
 *
 * Returns: %TRUE if the file was merged
 */
gboolean
syllabus_store_merge_file_finish (SyllabusStore         *self,
                                  GAsyncResult          *result,
                                  SyllabusMergeSummary  *summary,
                                  GError               **error)
{
  g_autofree SyllabusMergeSummary *result_summary = NULL;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(result_summary = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (summary != NULL)
    *summary = *result_summary;

  return TRUE;
}

/**
 * syllabus_merge_summary_changed:
 *
 * Returns: whether the merge changed any progress
 */
gboolean
syllabus_merge_summary_changed (const SyllabusMergeSummary *summary)
{
  g_return_val_if_fail (summary != NULL, FALSE);

  return summary->added > 0 || summary->taken > 0 || summary->notes_joined > 0;
}
