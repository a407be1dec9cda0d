/* syllabus-store-format.c
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

/* The progress files' format: parsing their text, a topic file of
 * version 2 or a progress file or backup of version 1, into entries and
 * seen lists with json-glib. Printing is in syllabus-store-print.c. */

#include "config.h"

#include "syllabus-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Parsing ------------------------------------------------------------------ */

GHashTable *
_syllabus_store_new_topics_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)g_hash_table_unref);
}

GHashTable *
_syllabus_store_ensure_topic_table (GHashTable *topics,
                                    const char *topic_id)
{
  GHashTable *entries = g_hash_table_lookup (topics, topic_id);

  if (entries == NULL)
    {
      entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_hash_table_insert (topics, g_strdup (topic_id), entries);
    }

  return entries;
}

gboolean
_syllabus_store_damaged (GError     **error,
                         const char  *message)
{
  g_set_error_literal (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED, message);
  return FALSE;
}

static gboolean
read_optional_string (JsonNode    *node,
                      const char **value)
{
  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_optional_time (JsonNode   *node,
                    GDateTime **value)
{
  const char *text;

  *value = NULL;
  if (!read_optional_string (node, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *value = g_date_time_new_from_iso8601 (text, NULL);
  return *value != NULL;
}

/* The members of a resource's progress that Syllabus reads; others are
 * ignored. */
typedef struct
{
  JsonNode *done;
  JsonNode *title;
  JsonNode *url;
  JsonNode *notes;
  JsonNode *status;
  JsonNode *done_at;
  JsonNode *started_at;
  JsonNode *changed_at;
} EntryMembers;

static SyllabusEntry *
parse_entry (const char  *topic_id,
             const char  *key,
             JsonNode    *node,
             GError     **error)
{
  g_autoptr(SyllabusEntry) entry = NULL;
  g_autoptr(GDateTime) started_at = NULL;
  g_autoptr(GDateTime) done_at = NULL;
  g_autoptr(GDateTime) changed_at = NULL;
  EntryMembers members = { NULL };
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *title;
  const char *url;
  const char *notes;
  const char *status_text;
  SyllabusStatus status;
  gboolean done = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _syllabus_store_damaged (error, _("A resource’s progress is not a JSON object"));
      return NULL;
    }

  /* One pass over the members rather than a lookup of each by name: for
   * ten thousand entries the lookups were a good part of loading. Names are
   * unique in a JsonObject, so this finds what lookups would. */
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (strcmp (name, "done") == 0)
        members.done = member;
      else if (strcmp (name, "title") == 0)
        members.title = member;
      else if (strcmp (name, "url") == 0)
        members.url = member;
      else if (strcmp (name, "notes") == 0)
        members.notes = member;
      else if (strcmp (name, "status") == 0)
        members.status = member;
      else if (strcmp (name, "done-at") == 0)
        members.done_at = member;
      else if (strcmp (name, "started-at") == 0)
        members.started_at = member;
      else if (strcmp (name, "changed-at") == 0)
        members.changed_at = member;
    }

  if (members.done != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (members.done) ||
          json_node_get_value_type (members.done) != G_TYPE_BOOLEAN)
        {
          _syllabus_store_damaged (error, _("“done” must be true or false"));
          return NULL;
        }
      done = json_node_get_boolean (members.done);
    }

  if (!read_optional_string (members.title, &title) ||
      !read_optional_string (members.url, &url) ||
      !read_optional_string (members.notes, &notes) ||
      !read_optional_string (members.status, &status_text))
    {
      _syllabus_store_damaged (error, _("A title, link or note is not text"));
      return NULL;
    }

  if (!read_optional_time (members.done_at, &done_at) ||
      !read_optional_time (members.started_at, &started_at) ||
      !read_optional_time (members.changed_at, &changed_at))
    {
      _syllabus_store_damaged (error, _("A date is not in ISO 8601 form"));
      return NULL;
    }

  /* "done" alone is how a status was written before statuses existed. */
  if (status_text == NULL)
    status = done ? SYLLABUS_STATUS_DONE : SYLLABUS_STATUS_NOT_STARTED;
  else if (!syllabus_status_from_string (status_text, &status))
    {
      _syllabus_store_damaged (error, _("A resource’s “status” is not one Syllabus knows"));
      return NULL;
    }
  else if (done != (status == SYLLABUS_STATUS_DONE) && members.done != NULL)
    {
      _syllabus_store_damaged (error, _("A resource’s “done” and “status” disagree"));
      return NULL;
    }

  entry = syllabus_entry_new (topic_id, key);
  syllabus_entry_set_title (entry, title);
  syllabus_entry_set_url (entry, url);
  syllabus_entry_restore (entry, status, started_at, done_at, notes, changed_at);

  return g_steal_pointer (&entry);
}

/* The deepest nesting of arrays and objects a progress file may have. The
 * format needs five levels; unknown members may add a few. json-glib
 * refuses more than JSON_PARSER_MAX_RECURSION_DEPTH levels itself, which
 * keeps a small file of a million "[" from overflowing the stack; a file
 * nested deeper than this, but not that deep, is damaged all the same. */
#define MAX_NESTING 64

/* Whether @node holds arrays or objects nested more than @levels deep. The
 * recursion is bounded by the parser's own limit. */
static gboolean
nested_deeper (JsonNode *node,
               guint     levels)
{
  JsonObjectIter iter;
  JsonNode *member;
  JsonArray *array;
  guint n;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      if (levels == 0)
        return TRUE;
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, NULL, &member))
        if (nested_deeper (member, levels - 1))
          return TRUE;
      return FALSE;

    case JSON_NODE_ARRAY:
      if (levels == 0)
        return TRUE;
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        if (nested_deeper (json_array_get_element (array, i), levels - 1))
          return TRUE;
      return FALSE;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

GHashTable *
_syllabus_store_new_seen_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)g_hash_table_unref);
}

/* Reads a topic's "seen" member, a list of normalised URLs. */
static gboolean
parse_seen (const char  *topic_id,
            JsonNode    *node,
            GHashTable  *seen,
            GError     **error)
{
  JsonArray *array;
  GHashTable *keys;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _syllabus_store_damaged (error, _("A topic’s “seen” is not a list"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (seen, g_strdup (topic_id), keys);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return _syllabus_store_damaged (error, _("A topic’s “seen” holds something other than links"));
      g_hash_table_add (keys, g_strdup (json_node_get_string (element)));
    }

  return TRUE;
}

/* Parses the members of one topic's progress, "seen" and "resources", of
 * @object into @topics and @seen: a topic of a version 1 file, or the
 * whole of a version 2 topic file. */
static gboolean
parse_topic_object (const char  *topic_id,
                    JsonObject  *object,
                    GHashTable  *topics,
                    GHashTable  *seen,
                    GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *entry_node;
  JsonNode *node;
  GHashTable *entries;

  if (!parse_seen (topic_id, json_object_get_member (object, "seen"), seen, error))
    return FALSE;

  node = json_object_get_member (object, "resources");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _syllabus_store_damaged (error, _("A topic’s “resources” is not a JSON object"));

  entries = _syllabus_store_ensure_topic_table (topics, topic_id);
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &entry_node))
    {
      SyllabusEntry *entry;

      if ((entry = parse_entry (topic_id, key, entry_node, error)) == NULL)
        return FALSE;

      g_hash_table_replace (entries, g_strdup (key), entry);
    }

  return TRUE;
}

/* Parses the "topics" member of a version 1 file into @topics and @seen. */
static gboolean
parse_topics (JsonNode    *node,
              GHashTable  *topics,
              GHashTable  *seen,
              GError     **error)
{
  JsonObjectIter topic_iter;
  const char *topic_id;
  JsonNode *topic_node;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _syllabus_store_damaged (error, _("“topics” is not a JSON object"));

  /* In the file's order, so that of several damages the first is told;
   * iterating spares copying the list of members. */
  json_object_iter_init_ordered (&topic_iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&topic_iter, &topic_id, &topic_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (topic_node))
        return _syllabus_store_damaged (error, _("A topic’s progress is not a JSON object"));

      if (!parse_topic_object (topic_id, json_node_get_object (topic_node), topics, seen, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads the topic id a version 2 file names. */
static gboolean
parse_topic_id (JsonObject  *root,
                const char **topic_id,
                GError     **error)
{
  JsonNode *node = json_object_get_member (root, "topic");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return _syllabus_store_damaged (error, _("The file does not name its topic"));

  *topic_id = json_node_get_string (node);
  return TRUE;
}

/* Parses @contents as JSON and checks what every progress file shares: one
 * object, not nested too deeply, with a "version". @parser holds the tree
 * that @root points into. */
static gboolean
parse_json (const char  *contents,
            gsize        length,
            JsonParser  *parser,
            JsonObject **root,
            gint64      *version,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  gsize start;

  if (!g_utf8_validate_len (contents, length, NULL))
    return _syllabus_store_damaged (error, _("The file is not UTF-8 text"));

  /* A progress file is one object; json-glib, like editors that save
   * with one, skips a byte order mark. */
  start = length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (start < length && g_ascii_isspace (contents[start]))
    start++;
  if (start >= length || contents[start] != '{')
    return _syllabus_store_damaged (error, _("The file does not hold a JSON object"));

  /* Strict: plain JSON only, one value, no comments or single-quoted
   * strings, which json-glib otherwise tolerates. */
  json_parser_set_strict (parser, TRUE);
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* json-glib quotes the text it choked on, cut at a byte count that
       * may fall inside a character; the message is shown in the window. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, SYLLABUS_STORE_ERROR, SYLLABUS_STORE_ERROR_DAMAGED,
                   _("The file is not valid JSON: %s"), message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _syllabus_store_damaged (error, _("The file does not hold a JSON object"));
  if (nested_deeper (node, MAX_NESTING))
    return _syllabus_store_damaged (error, _("The file is nested far too deeply to be a progress file"));
  *root = json_node_get_object (node);

  node = json_object_get_member (*root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    return _syllabus_store_damaged (error, _("The file has no valid “version”"));
  *version = json_node_get_int (node);

  return TRUE;
}

/* A newer program may have changed the shape: what can be understood is
 * shown, but its file is never called damaged, which would move it aside.
 * The caller opens it read-only. */
static void
parse_newer (JsonObject *root,
             GHashTable *topics,
             GHashTable *seen)
{
  g_autoptr(GError) local_error = NULL;
  const char *topic_id = NULL;
  gboolean ok;

  if (json_object_has_member (root, "topics"))
    ok = parse_topics (json_object_get_member (root, "topics"), topics, seen, &local_error);
  else
    ok = parse_topic_id (root, &topic_id, &local_error) &&
         parse_topic_object (topic_id, root, topics, seen, &local_error);

  if (!ok)
    {
      g_debug ("Progress of a newer version not understood: %s", local_error->message);
      g_hash_table_remove_all (topics);
      g_hash_table_remove_all (seen);
    }
}

/**
 * _syllabus_store_parse_legacy:
 *
 * Parses the progress.json of version 1 that is to be migrated. One of any
 * later version is what a newer Syllabus wrote there: parsed as far as it
 * is understood, never damaged.
 */
gboolean
_syllabus_store_parse_legacy (const char  *contents,
                              gsize        length,
                              GHashTable  *topics,
                              GHashTable  *seen,
                              gint64      *version,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (!parse_json (contents, length, parser, &root, version, error))
    return FALSE;

  if (*version > SYLLABUS_STORE_BACKUP_VERSION)
    {
      parse_newer (root, topics, seen);
      return TRUE;
    }

  return parse_topics (json_object_get_member (root, "topics"), topics, seen, error);
}

/**
 * _syllabus_store_parse_topic_file:
 * @topic_id: (out) (transfer full): the id the file names
 * @computer: (out) (transfer full) (optional) (nullable): the computer
 *   that wrote it, if the file says
 *
 * Parses a version 2 topic file, progress/<name>.json, into @topics and
 * @seen. A file of a newer version is parsed as far as it is understood
 * and returns TRUE with @version set; anything else that deviates makes
 * the file damaged.
 */
gboolean
_syllabus_store_parse_topic_file (const char  *contents,
                                  gsize        length,
                                  GHashTable  *topics,
                                  GHashTable  *seen,
                                  char       **topic_id,
                                  char       **computer,
                                  gint64      *version,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *id = NULL;
  JsonObject *root;

  *topic_id = NULL;
  if (computer != NULL)
    *computer = NULL;
  if (!parse_json (contents, length, parser, &root, version, error))
    return FALSE;

  if (*version > SYLLABUS_STORE_VERSION)
    {
      if (json_object_has_member (root, "topic") && parse_topic_id (root, &id, NULL))
        *topic_id = g_strdup (id);
      parse_newer (root, topics, seen);
      return TRUE;
    }

  if (*version != SYLLABUS_STORE_VERSION)
    return _syllabus_store_damaged (error, _("The file has no valid “version”"));

  if (!parse_topic_id (root, &id, error) ||
      !parse_topic_object (id, root, topics, seen, error))
    return FALSE;

  /* Only a name: anything else there is no reason to refuse the file. */
  if (computer != NULL)
    {
      JsonNode *node = json_object_get_member (root, "computer");

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_utf8_validate (json_node_get_string (node), -1, NULL))
        *computer = g_strdup (json_node_get_string (node));
    }

  *topic_id = g_strdup (id);
  return TRUE;
}

/* Parses a file of either version into @topics: a version 1 progress
 * file or backup, with every topic, or one version 2 topic file. Any
 * deviation from the expected shape makes the whole file damaged: guessing
 * at a half-understood file is how data gets lost. */
gboolean
_syllabus_store_parse_contents (const char  *contents,
                                gsize        length,
                                GHashTable  *topics,
                                GHashTable  *seen,
                                gint64      *version,
                                GError     **error)
{
  /* Not immutable: the tree is only read, and sealing every node of a
   * large file took a tenth of parsing it. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *topic_id = NULL;
  JsonObject *root;

  if (!parse_json (contents, length, parser, &root, version, error))
    return FALSE;

  if (*version > SYLLABUS_STORE_VERSION)
    {
      parse_newer (root, topics, seen);
      return TRUE;
    }

  if (*version == SYLLABUS_STORE_BACKUP_VERSION)
    return parse_topics (json_object_get_member (root, "topics"), topics, seen, error);

  return parse_topic_id (root, &topic_id, error) &&
         parse_topic_object (topic_id, root, topics, seen, error);
}

/* Checking ----------------------------------------------------------------- */

/**
 * syllabus_store_parse_data:
 * @data: (array length=length): the contents of a progress file: one
 *   topic's file (version 2), or a backup or progress.json (version 1)
 * @length: the length of @data
 * @n_entries: (out) (optional): return location for the number of entries
 *   read, or %NULL
 * @error: return location for a #GError
 *
 * Parses @data exactly as loading a progress file does, into a table that
 * is thrown away: for tools and fuzzers that ask whether a file would be
 * accepted. A file written by a newer version is accepted, as loading
 * accepts it (read-only).
 *
 * Returns: %TRUE if loading would accept @data, else %FALSE with @error set
 */
gboolean
syllabus_store_parse_data (const char  *data,
                           gsize        length,
                           guint       *n_entries,
                           GError     **error)
{
  g_autoptr(GHashTable) topics = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 version = SYLLABUS_STORE_VERSION;
  guint count = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_entries != NULL)
    *n_entries = 0;

  if (length > SYLLABUS_STORE_MAX_SIZE)
    return _syllabus_store_damaged (error, _("The file is far too large to be a progress file"));

  topics = _syllabus_store_new_topics_table ();
  seen = _syllabus_store_new_seen_table ();
  if (!_syllabus_store_parse_contents (data != NULL ? data : "", length, topics, seen, &version, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    count += g_hash_table_size (value);

  if (n_entries != NULL)
    *n_entries = count;

  return TRUE;
}
