/* syllabus-store-print.c
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

/* Printing snapshots with json-glib: a topic's file (version 2) and a
 * backup (version 1, every topic in one file), pretty-printed and sorted
 * so that they are easy to read and to compare. */

#include "config.h"

#include "syllabus-store-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  const Snapshot *snapshot_a = *(const Snapshot **)a;
  const Snapshot *snapshot_b = *(const Snapshot **)b;
  int ret;

  if ((ret = strcmp (snapshot_a->topic_id, snapshot_b->topic_id)) != 0)
    return ret;

  /* A topic's seen list comes before its resources. */
  return g_strcmp0 (snapshot_a->key, snapshot_b->key);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_optional_time (JsonBuilder *builder,
                   const char  *member,
                   GDateTime   *time)
{
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  add_optional_string (builder, member, text);
}

/* Adds the member of "resources" that @snapshot of an entry is. */
static void
add_entry (JsonBuilder    *builder,
           const Snapshot *snapshot)
{
  json_builder_set_member_name (builder, snapshot->key);
  json_builder_begin_object (builder);
  add_optional_string (builder, "title", snapshot->title);
  add_optional_string (builder, "url", snapshot->url);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, syllabus_status_to_string (snapshot->status));
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, snapshot->status == SYLLABUS_STATUS_DONE);
  add_optional_time (builder, "started-at", snapshot->started_at);
  add_optional_time (builder, "done-at", snapshot->done_at);
  add_optional_string (builder, "notes", snapshot->notes);
  add_optional_time (builder, "changed-at", snapshot->changed_at);
  json_builder_end_object (builder);
}

/* Adds the "seen" member of a topic from @snapshot of its seen list. */
static void
add_seen (JsonBuilder    *builder,
          const Snapshot *snapshot)
{
  json_builder_set_member_name (builder, "seen");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshot->n_seen; i++)
    json_builder_add_string_value (builder, snapshot->seen[i]);
  json_builder_end_array (builder);
}

static JsonGenerator *
new_generator (void)
{
  JsonGenerator *generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return generator;
}

/* Adds the members of one topic, "seen" and "resources", from the sorted
 * @snapshots from @start on; returns the index of the first snapshot of
 * the next topic. */
static guint
add_topic_members (JsonBuilder *builder,
                   GPtrArray   *snapshots,
                   guint        start)
{
  const Snapshot *first = g_ptr_array_index (snapshots, start);
  guint i = start;

  if (first->seen != NULL)
    add_seen (builder, first);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_object (builder);
  for (; i < snapshots->len; i++)
    {
      const Snapshot *snapshot = g_ptr_array_index (snapshots, i);

      if (strcmp (snapshot->topic_id, first->topic_id) != 0)
        break;
      if (snapshot->key != NULL)
        add_entry (builder, snapshot);
    }
  json_builder_end_object (builder);

  return i;
}

static char *
generate (JsonBuilder *builder,
          gsize       *length)
{
  g_autoptr(JsonGenerator) generator = new_generator ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  GString *out = g_string_new (NULL);

  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');
  *length = out->len;

  return g_string_free (out, FALSE);
}

/* Builds a version 1 file's text, every topic in one, from a snapshot with
 * json-glib, the whole tree at once, sorted so that the file is easy to
 * read and to compare. Backups are written in this form, which every
 * Syllabus can import. */
char *
_syllabus_store_serialize (GPtrArray *snapshots,
                           gsize     *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint i = 0;

  g_ptr_array_sort (snapshots, compare_snapshots);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SYLLABUS_STORE_BACKUP_VERSION);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_object (builder);

  while (i < snapshots->len)
    {
      const Snapshot *snapshot = g_ptr_array_index (snapshots, i);

      json_builder_set_member_name (builder, snapshot->topic_id);
      json_builder_begin_object (builder);
      i = add_topic_members (builder, snapshots, i);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return generate (builder, length);
}

/* Builds the text of @topic_id's version 2 file from the snapshots of its
 * entries and seen list (none of another topic), pretty-printed. A topic
 * without any is written with an empty list of resources. */
char *
_syllabus_store_serialize_topic (const char *topic_id,
                                 GPtrArray  *snapshots,
                                 gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_ptr_array_sort (snapshots, compare_snapshots);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SYLLABUS_STORE_VERSION);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, topic_id);
  /* For a note two computers changed at once: the one merging it says
   * where the other text came from. */
  json_builder_set_member_name (builder, "computer");
  json_builder_add_string_value (builder, g_get_host_name ());
  if (snapshots->len > 0)
    {
      g_assert (strcmp (((Snapshot *)g_ptr_array_index (snapshots, 0))->topic_id, topic_id) == 0);
      add_topic_members (builder, snapshots, 0);
    }
  else
    {
      json_builder_set_member_name (builder, "resources");
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return generate (builder, length);
}

