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

#include "syllabus-library-private.h"
#include "syllabus-topic-folder.h"

#include <string.h>

/* The library is every topic the user can study: those shipped inside the
 * program, those in the user's own folder
 * (g_get_user_data_dir()/syllabus/topics/), and files the user opens, which
 * are copied into that folder so that they stay. Topics are listed by
 * weight, then title.
 *
 * A topic's id names its progress, so it must stay the same from one start
 * to the next, and no two topics may share one: how the files in the
 * user's folder are laid out and named is syllabus-topic-folder.c's.
 *
 * The folder has one writer at a time: imports run one after the other,
 * and not while the folder is being read. The folder is watched, and read
 * again a moment after it changes; only the files that changed are parsed
 * again.
 */

/* How long to wait after a change in the folder before reading it again:
 * saving a file is several events, and an editor may save twice. */
#define RELOAD_DELAY_MS 200

G_DEFINE_FINAL_TYPE (SyllabusLibrary, syllabus_library, G_TYPE_OBJECT)
G_DEFINE_QUARK (syllabus-library-error-quark, syllabus_library_error)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gint64 weight_a = syllabus_topic_get_weight (topic_a);
  gint64 weight_b = syllabus_topic_get_weight (topic_b);
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

static void
stop_watching (SyllabusLibrary *self)
{
  GHashTableIter iter;
  gpointer monitor;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  g_hash_table_iter_init (&iter, self->topic_monitors);
  while (g_hash_table_iter_next (&iter, NULL, &monitor))
    {
      g_signal_handlers_disconnect_by_data (monitor, self);
      g_file_monitor_cancel (monitor);
    }
  g_hash_table_remove_all (self->topic_monitors);
}

static void
syllabus_library_finalize (GObject *object)
{
  SyllabusLibrary *self = (SyllabusLibrary *)object;

  /* Every import holds the library until it is done. */
  g_assert (g_queue_is_empty (&self->imports));

  stop_watching (self);
  g_clear_pointer (&self->topic_monitors, g_hash_table_unref);
  g_clear_pointer (&self->bundled_path, g_free);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->bundled, g_hash_table_unref);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->signatures, g_hash_table_unref);
  g_clear_pointer (&self->changed_while_reading, g_hash_table_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (syllabus_library_parent_class)->finalize (object);
}

static void
syllabus_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SyllabusLibrary *self = SYLLABUS_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_library_class_init (SyllabusLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_library_finalize;
  object_class->get_property = syllabus_library_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusLibrary:problem:
   *
   * A sentence for the user naming the topic files that could not be read,
   * or %NULL.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_library_init (SyllabusLibrary *self)
{
  self->bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->topics = g_list_store_new (SYLLABUS_TYPE_TOPIC);
  self->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->topic_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->imports);
}

/**
 * syllabus_library_get_default_folder:
 *
 * Returns: (transfer full): g_get_user_data_dir()/syllabus/topics
 */
GFile *
syllabus_library_get_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "syllabus", "topics", NULL);
}

/**
 * syllabus_library_new:
 * @bundled_path: (nullable): the GResource folder of the shipped topics,
 *   ending in "/"
 * @folder: (nullable): the user's topic folder, or %NULL for the default
 *
 * Returns: (transfer full): an empty library; call
 *   syllabus_library_load_async() to fill it
 */
SyllabusLibrary *
syllabus_library_new (const char *bundled_path,
                      GFile      *folder)
{
  SyllabusLibrary *self = g_object_new (SYLLABUS_TYPE_LIBRARY, NULL);

  self->bundled_path = g_strdup (bundled_path);
  self->folder = folder != NULL ? g_object_ref (folder) : syllabus_library_get_default_folder ();

  return self;
}

/**
 * syllabus_library_get_folder:
 *
 * Returns: (transfer none): the user's topic folder
 */
GFile *
syllabus_library_get_folder (SyllabusLibrary *self)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);

  return self->folder;
}

/**
 * syllabus_library_get_topics:
 *
 * Returns: (transfer none): the topics, a list of #SyllabusTopic, sorted
 */
GListModel *
syllabus_library_get_topics (SyllabusLibrary *self)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->topics);
}

/**
 * syllabus_library_get_loaded:
 * @self: a #SyllabusLibrary
 *
 * Whether the user's folder has been read once, so that the topics listed
 * are all there are.
 *
 * Returns: %TRUE once the first read of the folder is done
 */
gboolean
syllabus_library_get_loaded (SyllabusLibrary *self)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);

  return self->loaded;
}

/**
 * syllabus_library_get_problem:
 *
 * Returns: (nullable): which topic files could not be read, for the user
 */
const char *
syllabus_library_get_problem (SyllabusLibrary *self)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);

  return self->problem;
}

static void
set_problem (SyllabusLibrary *self,
             const char      *problem)
{
  if (problem != NULL && *problem == '\0')
    problem = NULL;

  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

gboolean
syllabus_library_find_topic (SyllabusLibrary *self,
                             const char      *id,
                             guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      if (g_str_equal (syllabus_topic_get_id (topic), id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * syllabus_library_lookup:
 * @id: a topic id
 *
 * Returns: (transfer none) (nullable): the topic with @id
 */
SyllabusTopic *
syllabus_library_lookup (SyllabusLibrary *self,
                         const char      *id)
{
  g_autoptr(SyllabusTopic) topic = NULL;
  guint position;

  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!syllabus_library_find_topic (self, id, &position))
    return NULL;

  /* The store holds a reference for as long as the topic is listed. */
  topic = g_list_model_get_item (G_LIST_MODEL (self->topics), position);
  return topic;
}

static int
compare_topics_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return syllabus_topic_compare (a, b);
}

/* Adds @topic, replacing a topic of the same id. */
void
syllabus_library_put_topic (SyllabusLibrary *self,
                            SyllabusTopic   *topic)
{
  guint position;

  if (syllabus_library_find_topic (self, syllabus_topic_get_id (topic), &position))
    g_list_store_remove (self->topics, position);

  g_list_store_insert_sorted (self->topics, topic, compare_topics_cb, NULL);
}

/* Reading the folder --------------------------------------------------- */

typedef struct
{
  GFile      *folder;
  /* ids of the shipped topics, a set */
  GHashTable *bundled;
  /* id → signature of the file as last read; a file that still has it is
   * not parsed again */
  GHashTable *signatures;
  /* The library, for when the read is done; it may be gone by then */
  GWeakRef    library;
  GTask      *outer;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_object (&read->folder);
  g_clear_pointer (&read->bundled, g_hash_table_unref);
  g_clear_pointer (&read->signatures, g_hash_table_unref);
  g_weak_ref_clear (&read->library);
  g_clear_object (&read->outer);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *read = task_data;

  g_task_return_pointer (task,
                         syllabus_topic_folder_read (read->folder, read->bundled, read->signatures,
                                                     cancellable),
                         (GDestroyNotify)syllabus_folder_read_free);
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data);

static GFileMonitor *
watch (SyllabusLibrary *self,
       GFile           *dir)
{
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (!(monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, &error)))
    {
      /* The list then changes only at the next start, as it used to. */
      g_debug ("Cannot watch %s: %s", g_file_peek_path (dir), error->message);
      return NULL;
    }

  g_signal_connect (monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  return monitor;
}

/* Watches the folder and the topics' own folders in it: a monitor sees
 * only the files of its own folder. */
void
syllabus_library_update_monitors (SyllabusLibrary *self,
                                  GPtrArray       *topic_folders,
                                  gboolean         complete)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer path;
  gpointer monitor;

  if (self->monitor == NULL)
    self->monitor = watch (self, self->folder);

  for (guint i = 0; i < topic_folders->len; i++)
    {
      path = g_ptr_array_index (topic_folders, i);
      g_hash_table_add (wanted, path);
      if (!g_hash_table_contains (self->topic_monitors, path))
        {
          g_autoptr(GFile) dir = g_file_new_for_path (path);

          if ((monitor = watch (self, dir)) != NULL)
            g_hash_table_insert (self->topic_monitors, g_strdup (path), monitor);
        }
    }

  if (!complete)
    return;

  g_hash_table_iter_init (&iter, self->topic_monitors);
  while (g_hash_table_iter_next (&iter, &path, &monitor))
    if (!g_hash_table_contains (wanted, path))
      {
        g_signal_handlers_disconnect_by_data (monitor, self);
        g_file_monitor_cancel (monitor);
        g_hash_table_iter_remove (&iter);
      }
}

gboolean
syllabus_library_is_user_topic (SyllabusLibrary *self,
                                SyllabusTopic   *topic)
{
  GFile *file = syllabus_topic_get_file (topic);

  return file != NULL && syllabus_topic_folder_contains (self->folder, file);
}

/* Brings the list in line with what a read of the folder found: topics
 * parsed anew replace theirs, those whose files are gone leave. */
static void
apply_read (SyllabusLibrary *self,
            SyllabusFolderRead      *result)
{
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed_while_reading);
  guint n;

  for (guint i = 0; i < result->topics->len; i++)
    {
      SyllabusTopic *topic = g_ptr_array_index (result->topics, i);
      const char *id = syllabus_topic_get_id (topic);

      if (changed != NULL && g_hash_table_contains (changed, id))
        continue;

      syllabus_library_put_topic (self, topic);
      g_hash_table_replace (self->signatures, g_strdup (id),
                            g_strdup (g_hash_table_lookup (result->signatures, id)));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i - 1);
      const char *id = syllabus_topic_get_id (topic);

      if (syllabus_library_is_user_topic (self, topic) && !g_hash_table_contains (result->signatures, id) &&
          (changed == NULL || !g_hash_table_contains (changed, id)))
        {
          g_hash_table_remove (self->signatures, id);
          g_list_store_remove (self->topics, i - 1);
        }
    }

  syllabus_library_update_monitors (self, result->topic_folders, TRUE);
  set_problem (self, result->problem->str);
}

static void
read_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReadData *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(SyllabusLibrary) self = g_weak_ref_get (&read->library);
  g_autoptr(GTask) outer = g_steal_pointer (&read->outer);
  SyllabusFolderRead *read_result;
  GError *error = NULL;

  read_result = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    {
      g_clear_pointer (&read_result, syllabus_folder_read_free);
      g_clear_error (&error);
      return;
    }

  self->busy = FALSE;
  if (read_result == NULL)
    {
      g_clear_pointer (&self->changed_while_reading, g_hash_table_unref);
      if (outer != NULL)
        g_task_return_error (outer, error);
      else
        g_clear_error (&error);
      syllabus_library_run_next (self);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  apply_read (self, read_result);
  if (outer != NULL && !self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  syllabus_folder_read_free (read_result);
  if (outer != NULL)
    g_task_return_boolean (outer, TRUE);
  syllabus_library_run_next (self);
}

/* Reads the user's folder in a worker thread; @outer, if any, is the load
 * to finish when done. */
void
syllabus_library_start_read (SyllabusLibrary *self,
                             GTask           *outer,
                             GCancellable    *cancellable)
{
  g_autoptr(GTask) inner = NULL;
  ReadData *read = g_new0 (ReadData, 1);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_assert (!self->busy);
  self->busy = TRUE;

  read->folder = g_object_ref (self->folder);
  read->bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->bundled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (read->bundled, g_strdup (key));
  read->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->signatures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (read->signatures, g_strdup (key), g_strdup (value));
  g_weak_ref_init (&read->library, self);
  read->outer = outer != NULL ? g_object_ref (outer) : NULL;

  /* What an import or a removal does meanwhile wins over what the read
   * finds. */
  if (self->changed_while_reading == NULL)
    self->changed_while_reading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The library is not held: a read it no longer needs is let go. */
  inner = g_task_new (NULL, cancellable, read_ready_cb, NULL);
  g_task_set_task_data (inner, read, read_data_free);
  g_task_run_in_thread (inner, read_thread);
}

static gboolean
reload_cb (gpointer user_data)
{
  SyllabusLibrary *self = user_data;

  self->reload_source = 0;
  self->reload_wanted = TRUE;
  syllabus_library_run_next (self);

  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   gpointer           user_data)
{
  SyllabusLibrary *self = user_data;
  g_autofree char *name = g_file_get_basename (file);

  /* Temporary files of atomic saves (ours too) and the source notes. */
  if (name[0] == '.')
    return;

  /* Many events come at once: read the folder once they are over. */
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

/**
 * syllabus_library_load_async:
 *
 * Lists the shipped topics at once (they are in memory) and reads the
 * user's folder in a worker thread. Topic files that cannot be read are
 * reported through #SyllabusLibrary:problem; loading only fails when a
 * shipped topic is broken or the load is cancelled.
 *
 * Once loaded, the library watches the user's folder: a topic file that is
 * added, changed or deleted there is read again, or leaves the list, a
 * moment later (the list's #GListModel::items-changed tells).
 */
void
syllabus_library_load_async (SyllabusLibrary     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (SYLLABUS_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_library_load_async);

  if (self->bundled_path != NULL)
    {
      g_autoptr(GPtrArray) bundled = syllabus_library_load_bundled (self->bundled_path, &error);

      if (bundled == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      for (guint i = 0; i < bundled->len; i++)
        {
          SyllabusTopic *topic = g_ptr_array_index (bundled, i);

          g_hash_table_replace (self->bundled, g_strdup (syllabus_topic_get_id (topic)),
                                g_object_ref (topic));
          syllabus_library_put_topic (self, topic);
        }
    }

  /* An import under way finishes first; the read then sees what it
   * wrote. */
  if (self->busy)
    {
      g_queue_push_head (&self->imports, g_steal_pointer (&task));
      return;
    }

  syllabus_library_start_read (self, task, cancellable);
}

/**
 * syllabus_library_load_finish:
 * @self: a #SyllabusLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes syllabus_library_load_async().
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
syllabus_library_load_finish (SyllabusLibrary  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
