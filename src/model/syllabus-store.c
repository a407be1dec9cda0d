/* syllabus-store.c

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

#include "syllabus-store.h"
#include "syllabus-store-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syllabus-atomic-file.h"
#include "syllabus-damage-log.h"
#include "syllabus-lock.h"

/* The progress store keeps every SyllabusEntry the user changed in a
 * folder, g_get_user_data_dir()/syllabus/progress/, one JSON file per
 * topic (format version 2, named as syllabus-store-folder.c describes):
 *
 *   progress/rust.json
 *   {
 *     "version" : 2,
 *     "topic" : "rust",
 *     "seen" : [ "https://www.manning.com/books/rust-in-action" ],
 *     "resources" : {
 *       "https://www.manning.com/books/rust-in-action" : {
 *         "title" : "Rust in Action", "url" : "…", "status" : "done",
 *         "done" : true, "done-at" : "2026-11-25T12:00:00Z", "notes" : "…",
 *         "changed-at" : "2026-11-25T12:00:00Z"
 *       } } }
 *
 * Saving snapshots the entries on the main loop (cheap: string copies, and
 * none for an entry unchanged since the last save) and builds and writes
 * the JSON in a worker thread with json-glib; only the files of topics
 * that changed since the last save are written. Each write goes to a
 * temporary file that is flushed and renamed over the old one
 * (syllabus-atomic-file.c), so that each file on disk is always either
 * the old or the new content; the previous one is kept as NAME.json.bak.
 * A file that cannot be read is moved aside, never overwritten, and the
 * store says so in its "problem" property; the other topics load.
 *
 * Syllabus before version 2 kept everything in one progress.json beside
 * the folder; syllabus-store-migrate.c turns it into the folder at the
 * first start, and backups are still written in that form (version 1).
 *
 * One writer at a time: a store that may write holds the lock on
 * progress.lock beside the folder (syllabus-lock.c) from loading until it
 * is finalized. A store that cannot get it, because another process
 * writes the folder, is read-only and says so in its "locked" property. A
 * store made for reading (the command line's --status and --export) takes
 * no lock and changes nothing in the folder: it neither removes leftovers,
 * migrates nor moves a damaged file aside.
 */

G_DEFINE_FINAL_TYPE (SyllabusStore, syllabus_store, G_TYPE_OBJECT)

static const char *valid_utf8 (const char  *text,
                               char       **copy);

G_DEFINE_QUARK (syllabus-store-error-quark, syllabus_store_error)

enum {
  ENTRY_CHANGED,
  TOPIC_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GParamSpec *properties[N_PROPS];


static void
syllabus_store_dispose (GObject *object)
{
  SyllabusStore *self = (SyllabusStore *)object;

  /* A change still waiting for its save (notes typed a moment ago) is
   * written now rather than lost with the store. */
  if (self->save_source != 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->save_source, g_source_remove);
      if (self->loaded && !self->read_only && !syllabus_store_save (self, &error))
        g_debug ("Saving progress on disposal failed: %s", error->message);
    }

  _syllabus_store_watch_stop (self);

  G_OBJECT_CLASS (syllabus_store_parent_class)->dispose (object);
}

static void
syllabus_store_finalize (GObject *object)
{
  SyllabusStore *self = (SyllabusStore *)object;

  /* No save can be running: each holds the store. Threads that finish
   * late may still hold the writer, but the lock is released now, for the
   * next writer. */
  g_mutex_lock (&self->writer->lock);
  g_clear_pointer (&self->writer->file_lock, syllabus_lock_release);
  g_mutex_unlock (&self->writer->lock);

  g_clear_object (&self->file);
  g_clear_pointer (&self->topics, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->writer, _syllabus_store_writer_unref);
  g_clear_pointer (&self->entry_snapshots, g_hash_table_unref);
  g_clear_pointer (&self->on_disk, g_hash_table_unref);
  g_clear_pointer (&self->seen_snapshots, g_hash_table_unref);
  g_clear_pointer (&self->unsaved, g_hash_table_unref);
  g_clear_pointer (&self->frozen, g_hash_table_unref);
  g_clear_pointer (&self->frozen_changed, g_hash_table_unref);
  g_clear_pointer (&self->first_topic, g_free);
  g_clear_pointer (&self->late_legacy, _syllabus_store_merge_data_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->kept_file, g_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_error (&self->damage);
  g_clear_pointer (&self->unseen_damage, g_strfreev);

  G_OBJECT_CLASS (syllabus_store_parent_class)->finalize (object);
}

static void
syllabus_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SyllabusStore *self = SYLLABUS_STORE (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, syllabus_store_get_dirty (self));
      break;
    case PROP_UNSEEN_DAMAGE:
      g_value_set_boxed (value, self->unseen_damage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_store_class_init (SyllabusStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syllabus_store_dispose;
  object_class->finalize = syllabus_store_finalize;
  object_class->get_property = syllabus_store_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusStore:locked:
   *
   * Whether another process was writing the progress file when this store
   * loaded it: the store is then read-only.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusStore:problem:
   *
   * A sentence for the user about what went wrong reading the file, naming
   * the file that was kept, or %NULL.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusStore:save-error:
   *
   * A sentence for the user about why the last save failed, or %NULL once
   * a save succeeded.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusStore:unseen-damage:
   *
   * The damaged progress files kept aside, at this start or an earlier
   * one, that the user has not been shown yet, or %NULL.
   */
  properties[PROP_UNSEEN_DAMAGE] =
    g_param_spec_boxed ("unseen-damage", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SyllabusStore::entry-changed:
   * @entry: the entry the user changed
   *
   * Emitted for every change the user makes, so that views can count.
   */
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SYLLABUS_TYPE_ENTRY);

  /**
   * SyllabusStore::topic-loaded:
   * @topic_id: the topic whose progress is in
   *
   * Emitted while loading, when the progress of the topic given to
   * syllabus_store_set_first_topic() is in, before the rest: its checklist
   * may be shown. #SyllabusStore:loaded follows when everything is.
   */
  signals[TOPIC_LOADED] =
    g_signal_new ("topic-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
syllabus_store_init (SyllabusStore *self)
{
  self->seen = _syllabus_store_new_seen_table ();
  self->unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->frozen_changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_hash_table_unref);
}

/**
 * syllabus_store_get_default_file:
 *
 * Returns: (transfer full): the progress folder,
 *   g_get_user_data_dir()/syllabus/progress
 */
GFile *
syllabus_store_get_default_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "syllabus", "progress", NULL);
}

/* The folder for @file: itself, or for a version 1 file "NAME.json" (as
 * callers named the store before folders) the folder "NAME" beside it. */
static GFile *
folder_for (GFile *file)
{
  g_autofree char *path = NULL;

  if (file == NULL)
    return syllabus_store_get_default_file ();

  path = g_file_get_path (file);
  if (path != NULL && g_str_has_suffix (path, ".json"))
    {
      path[strlen (path) - strlen (".json")] = '\0';
      return g_file_new_for_path (path);
    }

  return g_object_ref (file);
}

/**
 * syllabus_store_new:
 * @file: (nullable): the progress folder, or %NULL for the default one;
 *   a path ending in ".json" names a version 1 file, and the folder
 *   beside it of the same name without ".json" is used
 *
 * Returns: (transfer full): a store; call syllabus_store_load_async() next
 */
SyllabusStore *
syllabus_store_new (GFile *file)
{
  return syllabus_store_new_full (file, SYLLABUS_STORE_FLAGS_NONE);
}

/**
 * syllabus_store_new_full:
 * @folder: (nullable): the progress folder, as for syllabus_store_new();
 *   with %SYLLABUS_STORE_SHARED, not %NULL and never a ".json" name
 * @flags: what kind of store
 *
 * Returns: (transfer full): a store; call syllabus_store_load_async() next
 */
SyllabusStore *
syllabus_store_new_full (GFile              *folder,
                         SyllabusStoreFlags  flags)
{
  SyllabusStore *self;
  gboolean shared = (flags & SYLLABUS_STORE_SHARED) != 0;

  g_return_val_if_fail (!shared || G_IS_FILE (folder), NULL);

  self = g_object_new (SYLLABUS_TYPE_STORE, NULL);
  self->file = shared ? g_object_ref (folder) : folder_for (folder);
  self->read_only = (flags & SYLLABUS_STORE_READ_ONLY) != 0;
  self->writer = _syllabus_store_writer_new (self->file, self->read_only, shared);

  return self;
}

/**
 * syllabus_store_get_shared:
 *
 * Returns: whether the store was made with %SYLLABUS_STORE_SHARED
 */
gboolean
syllabus_store_get_shared (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  return self->writer->shared;
}

/**
 * syllabus_store_new_for_reading:
 * @file: (nullable): the progress folder, as for syllabus_store_new()
 *
 * A store that only reads: it takes no lock, removes nothing, never moves
 * a damaged file aside (syllabus_store_get_damage() says why it could not
 * be read) and never saves. For the command line's --status and --export,
 * which must not change the user's folder.
 *
 * Returns: (transfer full): a read-only store; call syllabus_store_load()
 *   next
 */
SyllabusStore *
syllabus_store_new_for_reading (GFile *file)
{
  return syllabus_store_new_full (file, SYLLABUS_STORE_READ_ONLY);
}

/**
 * syllabus_store_get_file:
 *
 * Returns: (transfer none): the progress folder
 */
GFile *
syllabus_store_get_file (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return self->file;
}

void
_syllabus_store_set_string_property (SyllabusStore  *self,
                                     char          **field,
                                     const char     *value,
                                     GParamSpec     *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

GParamSpec *
_syllabus_store_get_pspec (guint prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  return properties[prop_id];
}

void
_syllabus_store_emit_entry_changed (SyllabusStore *self,
                                    SyllabusEntry *entry)
{
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, entry);
}

void
_syllabus_store_emit_topic_loaded (SyllabusStore *self,
                                   const char    *topic_id)
{
  g_signal_emit (self, signals[TOPIC_LOADED], 0, topic_id);
}

/**
 * syllabus_store_set_first_topic:
 * @topic_id: (nullable): the topic the window will show first
 *
 * Before syllabus_store_load_async(): that topic's file is read before
 * the others, and #SyllabusStore::topic-loaded says when it is in, so that
 * its checklist comes with its ticks however large the rest is.
 */
void
syllabus_store_set_first_topic (SyllabusStore *self,
                                const char    *topic_id)
{
  g_return_if_fail (SYLLABUS_IS_STORE (self));
  g_return_if_fail (!self->loaded && !self->loading);

  g_free (self->first_topic);
  self->first_topic = topic_id != NULL && *topic_id != '\0' && g_utf8_validate (topic_id, -1, NULL)
                        ? g_strdup (topic_id) : NULL;
}

/**
 * syllabus_store_get_topic_loaded:
 *
 * Returns: whether @topic_id's progress is in: everything is loaded, or
 *   it is the first topic, read before the rest
 */
gboolean
syllabus_store_get_topic_loaded (SyllabusStore *self,
                                 const char    *topic_id)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  return self->loaded ||
         (self->first_topic_loaded && g_strcmp0 (self->first_topic, topic_id) == 0);
}

/**
 * syllabus_store_get_loaded:
 *
 * Returns: whether the store has been loaded (#SyllabusStore:loaded)
 */
gboolean
syllabus_store_get_loaded (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  return self->loaded;
}

/**
 * syllabus_store_get_locked:
 *
 * Returns: whether another process was writing the progress file when the
 *   store was loaded, so that this store may not save
 */
gboolean
syllabus_store_get_locked (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  return self->locked;
}

/**
 * syllabus_store_get_damage:
 *
 * Returns: (transfer none) (nullable): why the progress file could not be
 *   read when the store was loaded, or %NULL if it could (or did not
 *   exist). syllabus_store_get_kept_file() names where it was moved, if it
 *   was.
 */
const GError *
syllabus_store_get_damage (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return self->damage;
}

/**
 * syllabus_store_get_unseen_damage:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   damaged progress files kept aside, at this start or an earlier one,
 *   that the user has not seen yet: see syllabus_store_forget_damage_async()
 */
const char * const *
syllabus_store_get_unseen_damage (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return (const char * const *)self->unseen_damage;
}

/**
 * syllabus_store_get_read_only:
 *
 * Returns: whether the store may not save (#SyllabusStore:read-only)
 */
gboolean
syllabus_store_get_read_only (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * syllabus_store_get_topic_read_only:
 * @topic_id: a topic's id
 *
 * Whether changes to @topic_id's progress will not be saved: the store is
 * read-only, or that topic's file was written by a newer version of
 * Syllabus (or could be neither read nor moved aside), and the others
 * are saved as usual. #SyllabusStore:problem says why.
 *
 * Returns: whether @topic_id's progress may not be changed
 */
gboolean
syllabus_store_get_topic_read_only (SyllabusStore *self,
                                    const char    *topic_id)
{
  g_autofree char *topic_id_copy = NULL;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), TRUE);
  g_return_val_if_fail (topic_id != NULL, TRUE);

  return self->read_only ||
         g_hash_table_contains (self->frozen, valid_utf8 (topic_id, &topic_id_copy));
}

/**
 * syllabus_store_get_problem:
 *
 * Returns: (nullable): what went wrong reading the progress file, for the user
 */
const char *
syllabus_store_get_problem (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return self->problem;
}

/**
 * syllabus_store_get_kept_file:
 *
 * Returns: (nullable): where an unreadable progress file was moved to
 */
const char *
syllabus_store_get_kept_file (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return self->kept_file;
}

/**
 * syllabus_store_get_save_error:
 *
 * Returns: (nullable): why the last save failed, for the user
 */
const char *
syllabus_store_get_save_error (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  return self->save_error;
}

/**
 * syllabus_store_get_dirty:
 *
 * Returns: %TRUE while some change is not yet on disk
 */
gboolean
syllabus_store_get_dirty (SyllabusStore *self)
{
  g_return_val_if_fail (SYLLABUS_IS_STORE (self), FALSE);

  return self->generation != self->saved_generation;
}

/* Entries ---------------------------------------------------------------- */

/* Topic ids come from file names, which need not be UTF-8; a file holding
 * such bytes could not be read back. Ids and keys are made valid where they
 * enter the store, so that saving and looking up agree. */
static const char *
valid_utf8 (const char  *text,
            char       **copy)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;

  *copy = g_utf8_make_valid (text, -1);
  return *copy;
}

void
_syllabus_store_mark_changed (SyllabusStore *self,
                              guint          delay_ms)
{
  gboolean was_dirty = syllabus_store_get_dirty (self);

  self->generation++;
  if (!was_dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);

  _syllabus_store_queue_save (self, delay_ms);
}

void
_syllabus_store_entry_changed_cb (SyllabusEntry *entry,
                                  gboolean       typing,
                                  SyllabusStore *self)
{
  const char *topic_id = syllabus_entry_get_topic_id (entry);

  /* The window offers no way to change a frozen topic; a change all the
   * same (from a caller of the model) makes each save fail, saying so. */
  if (g_hash_table_contains (self->frozen, topic_id))
    g_hash_table_add (self->frozen_changed, g_strdup (topic_id));

  /* Typing in notes saves after a pause; everything else at once. */
  _syllabus_store_mark_changed (self, typing ? SYLLABUS_STORE_NOTES_DELAY_MS : 0);
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, entry);
}

/**
 * syllabus_store_lookup:
 *
 * Returns: (transfer none) (nullable): the entry for @key in @topic_id
 */
SyllabusEntry *
syllabus_store_lookup (SyllabusStore *self,
                       const char    *topic_id,
                       const char    *key)
{
  g_autofree char *topic_id_copy = NULL;
  g_autofree char *key_copy = NULL;
  GHashTable *entries;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  topic_id = valid_utf8 (topic_id, &topic_id_copy);
  key = valid_utf8 (key, &key_copy);
  if ((entries = g_hash_table_lookup (self->topics, topic_id)) == NULL)
    return NULL;

  return g_hash_table_lookup (entries, key);
}

/**
 * syllabus_store_get_entry:
 * @topic_id: the topic's id
 * @resource: a resource of that topic
 *
 * Finds the progress of @resource, creating an empty entry when there is
 * none. The entry's title and URL are brought up to date with @resource, so
 * that the file always records how a resource was last seen. Empty entries
 * are not written to disk.
 *
 * Returns: (transfer none): the entry, owned by the store
 */
SyllabusEntry *
syllabus_store_get_entry (SyllabusStore    *self,
                          const char       *topic_id,
                          SyllabusResource *resource)
{
  g_autofree char *topic_id_copy = NULL;
  g_autofree char *key_copy = NULL;
  GHashTable *entries;
  SyllabusEntry *entry;
  const char *key;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE (resource), NULL);

  topic_id = valid_utf8 (topic_id, &topic_id_copy);
  key = valid_utf8 (syllabus_resource_get_key (resource), &key_copy);
  entries = _syllabus_store_ensure_topic_table (self->topics, topic_id);

  if ((entry = g_hash_table_lookup (entries, key)) == NULL)
    {
      entry = syllabus_entry_new (topic_id, key);
      syllabus_entry_set_title (entry, syllabus_resource_get_title (resource));
      syllabus_entry_set_url (entry, syllabus_resource_get_url (resource));
      g_hash_table_insert (entries, g_strdup (key), entry);
      g_signal_connect_object (entry, "changed", G_CALLBACK (_syllabus_store_entry_changed_cb), self, 0);
      return entry;
    }

  /* A resource seen under a new title or address is worth recording, if
   * its entry is recorded at all. */
  if (g_strcmp0 (syllabus_entry_get_title (entry), syllabus_resource_get_title (resource)) != 0 ||
      g_strcmp0 (syllabus_entry_get_url (entry), syllabus_resource_get_url (resource)) != 0)
    {
      syllabus_entry_set_title (entry, syllabus_resource_get_title (resource));
      syllabus_entry_set_url (entry, syllabus_resource_get_url (resource));
      if (!syllabus_entry_is_pristine (entry))
        _syllabus_store_mark_changed (self, 0);
    }

  return entry;
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  SyllabusEntry *entry_a = *(SyllabusEntry **)a;
  SyllabusEntry *entry_b = *(SyllabusEntry **)b;

  return g_strcmp0 (syllabus_entry_get_key (entry_a), syllabus_entry_get_key (entry_b));
}

/**
 * syllabus_store_list_entries:
 * @topic_id: a topic's id
 *
 * Returns: (transfer full) (element-type SyllabusEntry): the entries of
 *   @topic_id that hold any progress, sorted by key, including those whose
 *   resource left the topic
 */
GPtrArray *
syllabus_store_list_entries (SyllabusStore *self,
                             const char    *topic_id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *topic_id_copy = NULL;
  GHashTable *entries;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), list);
  g_return_val_if_fail (topic_id != NULL, list);

  topic_id = valid_utf8 (topic_id, &topic_id_copy);
  if ((entries = g_hash_table_lookup (self->topics, topic_id)) == NULL)
    return list;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!syllabus_entry_is_pristine (value))
      g_ptr_array_add (list, g_object_ref (value));

  g_ptr_array_sort (list, compare_entries);

  return list;
}

/**
 * syllabus_store_list_topic_ids:
 *
 * Returns: (transfer full): the ids of every topic the store holds
 *   progress of, including topics the library no longer has, sorted
 */
char **
syllabus_store_list_topic_ids (SyllabusStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **ids = NULL;
  guint n = 0;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), NULL);

  ids = (const char **)g_hash_table_get_keys_as_array (self->topics, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, ids[i]);

  {
    char **list = g_strv_builder_end (builder);

    qsort (list, n, sizeof (char *), compare_ids);
    return list;
  }
}

/**
 * syllabus_store_mark_seen:
 * @topic_id: a topic's id
 * @resources: the topic's resources, a list of #SyllabusResource
 *
 * Records that the user opened the topic and saw @resources, and tells
 * which of them were not there the last time. The first time a topic is
 * opened nothing is new.
 *
 * Returns: (transfer full): the set of normalised URLs that are new
 */
GHashTable *
syllabus_store_mark_seen (SyllabusStore *self,
                          const char    *topic_id,
                          GListModel    *resources)
{
  GHashTable *new_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *topic_id_copy = NULL;
  GHashTable *previous;
  GHashTable *current;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (self), new_keys);
  g_return_val_if_fail (topic_id != NULL, new_keys);
  g_return_val_if_fail (G_IS_LIST_MODEL (resources), new_keys);

  /* Topic ids are file names, which need not be UTF-8; the file must be. */
  topic_id = valid_utf8 (topic_id, &topic_id_copy);
  previous = g_hash_table_lookup (self->seen, topic_id);
  current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (resources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      g_autofree char *key_copy = NULL;
      const char *key = valid_utf8 (syllabus_resource_get_key (resource), &key_copy);

      g_hash_table_add (current, g_strdup (key));
      if (previous != NULL && !g_hash_table_contains (previous, key))
        g_hash_table_add (new_keys, g_strdup (key));
    }

  /* Only a real difference is worth a save, and what a frozen topic's
   * file says was seen stays so. */
  if (g_hash_table_contains (self->frozen, topic_id))
    g_hash_table_unref (current);
  else if (previous == NULL || g_hash_table_size (new_keys) > 0 ||
      g_hash_table_size (previous) != g_hash_table_size (current))
    {
      g_hash_table_replace (self->seen, g_strdup (topic_id), current);
      if (!self->read_only)
        _syllabus_store_mark_changed (self, 0);
    }
  else
    {
      g_hash_table_unref (current);
    }

  return new_keys;
}

