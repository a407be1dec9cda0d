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

#include <glib/gi18n.h>
#include <string.h>

/* The library is every topic the user can study: those shipped inside the
 * program, those in the user's own folder
 * (g_get_user_data_dir()/syllabus/topics/), and files the user opens, which
 * are copied into that folder so that they stay. A topic in the user's
 * folder replaces a shipped one of the same id. Topics are listed by weight,
 * then title.
 */
struct _SyllabusLibrary
{
  GObject     parent_instance;

  char       *bundled_path;
  GFile      *folder;
  /* id → SyllabusTopic, the shipped ones, for when a user topic that
   * replaced one is removed */
  GHashTable *bundled;
  GListStore *topics;
  /* ids of the user's topics imported or removed while the folder is being
   * read, or %NULL when no load is under way: what the load read of them
   * is older */
  GHashTable *changed_while_loading;
  char       *problem;
  gboolean    loaded;
};

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
syllabus_library_finalize (GObject *object)
{
  SyllabusLibrary *self = (SyllabusLibrary *)object;

  g_clear_pointer (&self->bundled_path, g_free);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->bundled, g_hash_table_unref);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->changed_while_loading, g_hash_table_unref);
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

static gboolean
find_topic (SyllabusLibrary *self,
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

  if (!find_topic (self, id, &position))
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
static void
put_topic (SyllabusLibrary *self,
           SyllabusTopic   *topic)
{
  guint position;

  if (find_topic (self, syllabus_topic_get_id (topic), &position))
    g_list_store_remove (self->topics, position);

  g_list_store_insert_sorted (self->topics, topic, compare_topics_cb, NULL);
}

typedef struct
{
  GPtrArray *topics;
  GString   *problem;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->topics, g_ptr_array_unref);
  g_string_free (result->problem, TRUE);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->topics = g_ptr_array_new_with_free_func (g_object_unref);
  result->problem = g_string_new (NULL);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder yet simply means no topics of the user's own. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_path (folder);

          g_string_append_printf (result->problem, _("The topic folder %s cannot be read: %s"),
                                  path, error->message);
        }
      g_task_return_pointer (task, result, load_result_free);
      return;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      const char *name;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) topic_error = NULL;
      SyllabusTopic *topic;

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (name, ".md") || name[0] == '.')
        continue;

      file = g_file_get_child (folder, name);
      if ((topic = syllabus_topic_load_file (file, cancellable, &topic_error)) != NULL)
        {
          g_ptr_array_add (result->topics, topic);
        }
      else
        {
          g_autofree char *path = g_file_get_path (file);

          if (result->problem->len > 0)
            g_string_append_c (result->problem, '\n');
          g_string_append_printf (result->problem, _("The topic %s cannot be opened: %s"),
                                  path, topic_error->message);
        }
    }

  g_task_return_pointer (task, result, load_result_free);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusLibrary *self = g_task_get_source_object (task);
  LoadResult *load_result;
  GError *error = NULL;

  if (!(load_result = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_clear_pointer (&self->changed_while_loading, g_hash_table_unref);
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < load_result->topics->len; i++)
    {
      SyllabusTopic *topic = g_ptr_array_index (load_result->topics, i);

      if (self->changed_while_loading == NULL ||
          !g_hash_table_contains (self->changed_while_loading, syllabus_topic_get_id (topic)))
        put_topic (self, topic);
    }
  g_clear_pointer (&self->changed_while_loading, g_hash_table_unref);

  g_object_freeze_notify (G_OBJECT (self));
  if (load_result->problem->len > 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (load_result->problem->str);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_thaw_notify (G_OBJECT (self));

  load_result_free (load_result);
  g_task_return_boolean (task, TRUE);
}

/**
 * syllabus_library_load_async:
 *
 * Lists the shipped topics at once (they are in memory) and reads the
 * user's folder in a worker thread. Topic files that cannot be read are
 * reported through #SyllabusLibrary:problem; loading only fails when a
 * shipped topic is broken or the load is cancelled.
 */
void
syllabus_library_load_async (SyllabusLibrary     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
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
          put_topic (self, topic);
        }
    }

  /* Files opened while the folder is read are imported at the same time;
   * what the import brings (or a removal) must win over what the load
   * read. */
  if (self->changed_while_loading == NULL)
    self->changed_while_loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  inner = g_task_new (NULL, cancellable, load_ready_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, g_object_ref (self->folder), g_object_unref);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
syllabus_library_load_finish (SyllabusLibrary  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GFile *source;
  GFile *folder;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->source);
  g_clear_object (&import->folder);
  g_free (import);
}

/* Images the page shows from its own folder come along with it, so that
 * the copy looks like the original. One that is missing or cannot be
 * copied is left out: the page then shows it as missing, as before. */
static void
copy_local_images (SyllabusTopic *topic,
                   GFile         *from,
                   GFile         *to,
                   GCancellable  *cancellable)
{
  const char * const *images = syllabus_topic_get_local_images (topic);

  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autoptr(GFile) source = g_file_resolve_relative_path (from, images[i]);
      g_autoptr(GFile) target = g_file_resolve_relative_path (to, images[i]);
      g_autoptr(GFile) target_parent = g_file_get_parent (target);
      g_autoptr(GError) error = NULL;

      if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable) !=
          G_FILE_TYPE_REGULAR)
        continue;

      if (target_parent != NULL)
        g_file_make_directory_with_parents (target_parent, cancellable, NULL);

      if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
        g_debug ("Could not copy image %s: %s", images[i], error->message);
    }
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *import = task_data;
  g_autoptr(SyllabusTopic) checked = NULL;
  g_autoptr(SyllabusTopic) copied = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  SyllabusTopic *topic;

  /* Only a file that parses is copied: a broken file is reported, not
   * kept. */
  if (!(checked = syllabus_topic_load_file (import->source, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  parent = g_file_get_parent (import->source);
  if (parent != NULL && g_file_equal (parent, import->folder))
    {
      g_task_return_pointer (task, g_steal_pointer (&checked), g_object_unref);
      return;
    }

  basename = g_strconcat (syllabus_topic_get_id (checked), ".md", NULL);
  target = g_file_get_child (import->folder, basename);
  path = g_file_get_path (target);

  /* The file may have changed since it was checked: check the very bytes
   * that are copied, so that a good copy is never replaced by a broken
   * one. */
  if (!(bytes = g_file_load_bytes (import->source, cancellable, NULL, &error)) ||
      !(copied = syllabus_topic_new_from_bytes (syllabus_topic_get_id (checked), NULL, bytes,
                                                &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_file_make_directory_with_parents (import->folder, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }

  if (parent != NULL)
    copy_local_images (copied, parent, import->folder, cancellable);

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &error) ||
      !(topic = syllabus_topic_load_file (target, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, topic, g_object_unref);
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusLibrary *self = g_task_get_source_object (task);
  SyllabusTopic *topic;
  GError *error = NULL;

  if (!(topic = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->changed_while_loading != NULL)
    g_hash_table_add (self->changed_while_loading, g_strdup (syllabus_topic_get_id (topic)));
  put_topic (self, topic);
  g_task_return_pointer (task, topic, g_object_unref);
}

/**
 * syllabus_library_import_async:
 * @file: a topic file anywhere
 *
 * Checks that @file is a topic, copies it into the user's topic folder (so
 * that it stays when the original moves) and adds it to the library,
 * replacing a topic of the same id.
 */
void
syllabus_library_import_async (SyllabusLibrary     *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportData *import;

  g_return_if_fail (SYLLABUS_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_library_import_async);

  import = g_new0 (ImportData, 1);
  import->source = g_object_ref (file);
  import->folder = g_object_ref (self->folder);

  inner = g_task_new (NULL, cancellable, import_ready_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, import, import_data_free);
  g_task_run_in_thread (inner, import_thread);
}

/**
 * syllabus_library_import_finish:
 *
 * Returns: (transfer full): the topic as now listed, or %NULL with @error set
 */
SyllabusTopic *
syllabus_library_import_finish (SyllabusLibrary  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * syllabus_library_is_removable:
 *
 * Returns: whether @topic lives in the user's folder and so can be removed
 */
gboolean
syllabus_library_is_removable (SyllabusLibrary *self,
                               SyllabusTopic   *topic)
{
  g_autoptr(GFile) parent = NULL;
  GFile *file;

  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (topic), FALSE);

  if ((file = syllabus_topic_get_file (topic)) == NULL)
    return FALSE;

  parent = g_file_get_parent (file);
  return parent != NULL && g_file_equal (parent, self->folder);
}

/**
 * syllabus_library_remove:
 * @topic: a topic in the user's folder
 *
 * Deletes the topic's file from the user's folder and takes it out of the
 * library; a shipped topic it replaced comes back. Progress is not touched:
 * opening the topic again shows it.
 *
 * Returns: %TRUE if the topic was removed
 */
gboolean
syllabus_library_remove (SyllabusLibrary  *self,
                         SyllabusTopic    *topic,
                         GError          **error)
{
  g_autoptr(SyllabusTopic) hold = NULL;
  g_autoptr(GError) local_error = NULL;
  SyllabusTopic *bundled;
  guint position;

  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (topic), FALSE);

  if (!syllabus_library_is_removable (self, topic))
    {
      g_set_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE,
                   _("“%s” comes with Syllabus and cannot be removed"),
                   syllabus_topic_get_title (topic));
      return FALSE;
    }

  /* A file already deleted by other means only has to leave the list. */
  if (!g_file_delete (syllabus_topic_get_file (topic), NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  hold = g_object_ref (topic);
  if (self->changed_while_loading != NULL)
    g_hash_table_add (self->changed_while_loading, g_strdup (syllabus_topic_get_id (topic)));
  if (find_topic (self, syllabus_topic_get_id (topic), &position))
    g_list_store_remove (self->topics, position);

  if ((bundled = g_hash_table_lookup (self->bundled, syllabus_topic_get_id (topic))) != NULL)
    put_topic (self, bundled);

  return TRUE;
}
