/* syllabus-search.c

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

#include "syllabus-search.h"

#include <string.h>

/* Search across every topic's resources: their titles, links and the
 * user's notes, including progress whose resource left its topic. Matching
 * ignores case and accents' composition (both sides are normalised and
 * case-folded) and needs every word of the query somewhere in the
 * resource's text.
 */
struct _SyllabusSearchHit
{
  GObject              parent_instance;

  SyllabusTopic       *topic;
  char                *key;
  char                *title;
  char                *snippet;
  SyllabusSearchFields fields;
};

G_DEFINE_FINAL_TYPE (SyllabusSearchHit, syllabus_search_hit, G_TYPE_OBJECT)

static void
syllabus_search_hit_finalize (GObject *object)
{
  SyllabusSearchHit *self = (SyllabusSearchHit *)object;

  g_clear_object (&self->topic);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (syllabus_search_hit_parent_class)->finalize (object);
}

static void
syllabus_search_hit_class_init (SyllabusSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = syllabus_search_hit_finalize;
}

static void
syllabus_search_hit_init (SyllabusSearchHit *self)
{
}

/**
 * syllabus_search_hit_get_topic:
 *
 * Returns: (transfer none): the topic the resource belongs to
 */
SyllabusTopic *
syllabus_search_hit_get_topic (SyllabusSearchHit *self)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_HIT (self), NULL);

  return self->topic;
}

/**
 * syllabus_search_hit_get_key:
 *
 * Returns: the resource's normalised URL
 */
const char *
syllabus_search_hit_get_key (SyllabusSearchHit *self)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_HIT (self), NULL);

  return self->key;
}

/**
 * syllabus_search_hit_get_title:
 * @self: a #SyllabusSearchHit
 *
 * Returns: (transfer none): the title of the resource that matched
 */
const char *
syllabus_search_hit_get_title (SyllabusSearchHit *self)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

/**
 * syllabus_search_hit_get_snippet:
 *
 * Returns: (nullable): the start of the notes, when they matched
 */
const char *
syllabus_search_hit_get_snippet (SyllabusSearchHit *self)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

/**
 * syllabus_search_hit_get_fields:
 *
 * Returns: where the query was found
 */
SyllabusSearchFields
syllabus_search_hit_get_fields (SyllabusSearchHit *self)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_HIT (self), 0);

  return self->fields;
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Most titles, links and notes are ASCII, which normalising leaves as
   * it is and case folding only lowers: three times quicker so, and a
   * search of 10,000 resources looks at each of them. */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        return g_ascii_strdown (text, -1);
      if ((guchar)*p >= 0x80)
        break;
    }

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static gboolean
contains_all (const char  *haystack,
              char       **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
contains_any (const char  *haystack,
              char       **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The first line of the notes, cut at a word near 80 characters. */
static char *
make_snippet (const char *notes)
{
  const char *end = strchr (notes, '\n');
  g_autofree char *line = end != NULL ? g_strndup (notes, end - notes) : g_strdup (notes);

  if (g_utf8_strlen (line, -1) > 80)
    {
      char *cut = g_utf8_offset_to_pointer (line, 80);

      *cut = '\0';
      return g_strconcat (line, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static gboolean
match (SyllabusTopic  *topic,
       const char     *key,
       const char     *title,
       const char     *url,
       SyllabusEntry  *entry,
       char          **words,
       GListStore     *hits)
{
  g_autofree char *folded_title = fold (title);
  g_autofree char *folded_url = fold (url);
  g_autofree char *folded_notes = fold (entry != NULL ? syllabus_entry_get_notes (entry) : NULL);
  g_autofree char *all = g_strjoin ("\n", folded_title, folded_url, folded_notes, NULL);
  g_autoptr(SyllabusSearchHit) hit = NULL;

  if (!contains_all (all, words))
    return FALSE;

  hit = g_object_new (SYLLABUS_TYPE_SEARCH_HIT, NULL);
  hit->topic = g_object_ref (topic);
  hit->key = g_strdup (key);
  hit->title = g_strdup (title);
  if (contains_any (folded_title, words))
    hit->fields |= SYLLABUS_SEARCH_TITLE;
  if (contains_any (folded_url, words))
    hit->fields |= SYLLABUS_SEARCH_LINK;
  if (contains_any (folded_notes, words))
    {
      hit->fields |= SYLLABUS_SEARCH_NOTES;
      hit->snippet = make_snippet (syllabus_entry_get_notes (entry));
    }

  g_list_store_append (hits, hit);
  return TRUE;
}

/**
 * syllabus_search:
 * @store: the progress store, for notes
 * @topics: the topics to search, a list of #SyllabusTopic
 * @query: what the user typed
 * @max_hits: stop after this many hits, or 0 for no limit
 *
 * Finds resources whose title, link or notes hold every word of @query,
 * in topic order, then page order; progress that left its topic comes
 * after the topic's resources.
 *
 * Returns: (transfer full): a list of #SyllabusSearchHit
 */
GListModel *
syllabus_search (SyllabusStore *store,
                 GListModel    *topics,
                 const char    *query,
                 guint          max_hits)
{
  GListStore *hits = g_list_store_new (SYLLABUS_TYPE_SEARCH_HIT);
  g_autofree char *folded = fold (query);
  g_auto(GStrv) words = NULL;
  guint n_topics;
  guint n_hits = 0;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), G_LIST_MODEL (hits));
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), G_LIST_MODEL (hits));

  words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  {
    /* Drop the empty words that runs of spaces leave. */
    guint j = 0;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[j++] = words[i];
      else
        g_free (words[i]);
    words[j] = NULL;
  }

  if (words[0] == NULL)
    return G_LIST_MODEL (hits);

  n_topics = g_list_model_get_n_items (topics);
  for (guint t = 0; t < n_topics && (max_hits == 0 || n_hits < max_hits); t++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, t);
      const char *topic_id = syllabus_topic_get_id (topic);
      GListModel *resources = syllabus_topic_get_resources (topic);
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) entries = NULL;
      guint n = g_list_model_get_n_items (resources);

      for (guint i = 0; i < n && (max_hits == 0 || n_hits < max_hits); i++)
        {
          g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
          const char *key = syllabus_resource_get_key (resource);

          g_hash_table_add (keys, (gpointer)key);
          if (match (topic, key, syllabus_resource_get_title (resource),
                     syllabus_resource_get_url (resource),
                     syllabus_store_lookup (store, topic_id, key), words, hits))
            n_hits++;
        }

      entries = syllabus_store_list_entries (store, topic_id);
      for (guint i = 0; i < entries->len && (max_hits == 0 || n_hits < max_hits); i++)
        {
          SyllabusEntry *entry = g_ptr_array_index (entries, i);
          const char *key = syllabus_entry_get_key (entry);

          if (g_hash_table_contains (keys, key))
            continue;
          if (match (topic, key,
                     syllabus_entry_get_title (entry) != NULL ? syllabus_entry_get_title (entry) : key,
                     syllabus_entry_get_url (entry), entry, words, hits))
            n_hits++;
        }
    }

  return G_LIST_MODEL (hits);
}
