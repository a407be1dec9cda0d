/* syllabus-library.c

 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "syllabus-library.h"

#include <string.h>

/**
 * syllabus_topic_compare:
 * @a: a #SyllabusTopic
 * @b: a #SyllabusTopic
 *
 * Orders topics as the library shows them: by front matter weight, then by
 * title, then by id so that the order is total.
 */
int
syllabus_topic_compare (gconstpointer a,
                        gconstpointer b)
{
  SyllabusTopic *topic_a = SYLLABUS_TOPIC ((gpointer)a);
  SyllabusTopic *topic_b = SYLLABUS_TOPIC ((gpointer)b);
  int weight_a = syllabus_topic_get_weight (topic_a);
  int weight_b = syllabus_topic_get_weight (topic_b);
  g_autofree char *title_a = NULL;
  g_autofree char *title_b = NULL;
  int ret;

  if (weight_a != weight_b)
    return weight_a < weight_b ? -1 : 1;

  title_a = g_utf8_collate_key (syllabus_topic_get_title (topic_a), -1);
  title_b = g_utf8_collate_key (syllabus_topic_get_title (topic_b), -1);
  if ((ret = strcmp (title_a, title_b)) != 0)
    return ret;

  return strcmp (syllabus_topic_get_id (topic_a), syllabus_topic_get_id (topic_b));
}

static int
compare_topic_pointers (gconstpointer a,
                        gconstpointer b)
{
  return syllabus_topic_compare (*(gpointer *)a, *(gpointer *)b);
}

/**
 * syllabus_library_load_bundled:
 * @resource_path: a folder in the program's GResource, ending in "/"
 * @error: return location for a #GError
 *
 * Parses the topics shipped inside the program. They are in memory, so this
 * costs no I/O. A shipped topic that fails to parse is a bug, reported as
 * an error.
 *
 * Returns: (transfer container) (element-type SyllabusTopic): the topics,
 *   sorted with syllabus_topic_compare()
 */
GPtrArray *
syllabus_library_load_bundled (const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (resource_path != NULL && g_str_has_suffix (resource_path, "/"), NULL);

  names = g_resources_enumerate_children (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *id = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SyllabusTopic *topic;

      if (!g_str_has_suffix (names[i], ".md"))
        continue;

      path = g_strconcat (resource_path, names[i], NULL);
      id = g_strndup (names[i], strlen (names[i]) - strlen (".md"));
      if (!(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error)) ||
          !(topic = syllabus_topic_new_from_bytes (id, id, bytes, error)))
        return NULL;

      g_ptr_array_add (topics, topic);
    }

  g_ptr_array_sort (topics, compare_topic_pointers);

  return g_steal_pointer (&topics);
}
