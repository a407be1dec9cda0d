/* syllabus-store-count.c
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

/* Counting how far the user is through a topic's resources. */

#include "config.h"

#include "syllabus-store-private.h"

#include <string.h>

/**
 * syllabus_store_count:
 * @topic_id: a topic's id
 * @resources: (element-type SyllabusResource): the resources to count
 * @counts: (out caller-allocates): where to put the figures
 *
 * Counts how far the user is through @resources. Skipped resources are
 * counted apart, never as done.
 */
void
syllabus_store_count (SyllabusStore  *self,
                      const char     *topic_id,
                      GListModel     *resources,
                      SyllabusCounts *counts)
{
  guint n;

  g_return_if_fail (SYLLABUS_IS_STORE (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  n = g_list_model_get_n_items (resources);
  counts->total = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      SyllabusEntry *entry = syllabus_store_lookup (self, topic_id,
                                                    syllabus_resource_get_key (resource));

      switch (entry != NULL ? syllabus_entry_get_status (entry) : SYLLABUS_STATUS_NOT_STARTED)
        {
        case SYLLABUS_STATUS_DONE:
          counts->done++;
          break;
        case SYLLABUS_STATUS_IN_PROGRESS:
          counts->in_progress++;
          break;
        case SYLLABUS_STATUS_SKIPPED:
          counts->skipped++;
          break;
        case SYLLABUS_STATUS_NOT_STARTED:
        default:
          break;
        }
    }
}

/**
 * syllabus_store_get_next_up:
 * @topic_id: a topic's id
 * @resources: (element-type SyllabusResource): the topic's resources, in
 *   page order
 *
 * What to study next in a topic: the first resource in progress, else the
 * first not started, in page order.
 *
 * Returns: (transfer full) (nullable): that resource, or %NULL when every
 *   one is done or skipped
 */
SyllabusResource *
syllabus_store_get_next_up (SyllabusStore *self,
                            const char    *topic_id,
                            GListModel    *resources)
{
  SyllabusResource *first_new = NULL;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (resources), NULL);

  n = g_list_model_get_n_items (resources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      SyllabusEntry *entry = syllabus_store_lookup (self, topic_id,
                                                    syllabus_resource_get_key (resource));
      SyllabusStatus status = entry != NULL ? syllabus_entry_get_status (entry)
                                            : SYLLABUS_STATUS_NOT_STARTED;

      if (status == SYLLABUS_STATUS_IN_PROGRESS)
        {
          g_clear_object (&first_new);
          return g_steal_pointer (&resource);
        }
      if (status == SYLLABUS_STATUS_NOT_STARTED && first_new == NULL)
        first_new = g_steal_pointer (&resource);
    }

  return first_new;
}
