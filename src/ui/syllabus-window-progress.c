/* syllabus-window-progress.c
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

/* The checklist's counts: the topic's progress over the list, and each
 * group's in its heading. While the list is filtered by kind
 * (syllabus-window-kinds.c), a group's heading counts the resources it
 * lists, and says so ("1 of 2 shown done"); the topic's bar still counts
 * the whole topic, and its label says both ("1 of 3 shown done · 5 of 7
 * in the topic"). */

#include "config.h"

#include "syllabus-window-private.h"

#include "syllabus-group.h"
#include "syllabus-progress-text.h"

static void
count (SyllabusCounts *counts,
       SyllabusStatus  status)
{
  counts->total++;
  if (status == SYLLABUS_STATUS_DONE)
    counts->done++;
  else if (status == SYLLABUS_STATUS_SKIPPED)
    counts->skipped++;
  else if (status == SYLLABUS_STATUS_IN_PROGRESS)
    counts->in_progress++;
}

/**
 * syllabus_window_update_progress:
 *
 * Counts the topic's progress, that of what the checklist lists and that
 * of each group, in one pass, and shows them.
 */
void
syllabus_window_update_progress (SyllabusWindow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) group_counts = NULL;
  SyllabusCounts counts = { 0 };
  SyllabusCounts shown = { 0 };
  gboolean filtered = self->kind != NULL;
  GListModel *resources;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint n;

  if (self->topic == NULL || self->checklist == NULL)
    return;

  group_counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  resources = syllabus_topic_get_resources (self->topic);
  n = g_list_model_get_n_items (resources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      guint index = syllabus_resource_get_group_index (resource);
      SyllabusCounts *group;
      SyllabusEntry *entry = syllabus_store_lookup (self->store, syllabus_topic_get_id (self->topic),
                                                    syllabus_resource_get_key (resource));
      SyllabusStatus status = entry != NULL ? syllabus_entry_get_status (entry)
                                            : SYLLABUS_STATUS_NOT_STARTED;

      count (&counts, status);
      if (!syllabus_window_kinds_shows (self, resource))
        continue;
      count (&shown, status);

      if ((group = g_hash_table_lookup (group_counts, GUINT_TO_POINTER (index))) == NULL)
        {
          group = g_new0 (SyllabusCounts, 1);
          g_hash_table_insert (group_counts, GUINT_TO_POINTER (index), group);
        }
      count (group, status);
    }

  g_hash_table_iter_init (&iter, group_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SyllabusGroup *group = g_hash_table_lookup (self->groups, key);
      g_autofree char *summary = filtered ? syllabus_progress_text_shown (value)
                                          : syllabus_progress_text_counts (value);

      if (group != NULL)
        syllabus_group_set_summary (group, summary);
    }

  text = filtered ? syllabus_progress_text_filtered (&shown, &counts)
                  : syllabus_progress_text_counts (&counts);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 counts.total > 0 ? (double)counts.done / counts.total : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  gtk_widget_set_visible (self->checklist_header, counts.total > 0);

  syllabus_window_update_topic_label (self, self->topic);
}
