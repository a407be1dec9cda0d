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
 * are copied into that folder so that they stay. Topics are listed by
 * weight, then title.
 *
 * A topic's id names its progress, so it must stay the same from one start
 * to the next, and no two topics may share one. In the user's folder a
 * topic is either NAME/NAME.md, with the images it shows and the address of
 * the file it was copied from (SOURCE_NAME) beside it, which is how opened
 * files are copied, or NAME.md, as earlier versions copied them, with its
 * images loose in the folder; both are read, and the id is NAME. A topic of
 * the user's named as a shipped one (or as another of the user's, in the
 * other layout) is given the first free id NAME-2, NAME-3…: it never hides
 * the shipped one.
 *
 * The folder has one writer at a time: imports run one after the other,
 * and not while the folder is being read. The folder is watched, and read
 * again a moment after it changes; only the files that changed are parsed
 * again.
 */

/* Beside a copied topic: the URI of the file it was copied from. */
#define SOURCE_NAME ".syllabus-source"

/* How long to wait after a change in the folder before reading it again:
 * saving a file is several events, and an editor may save twice. */
#define RELOAD_DELAY_MS 200

struct _SyllabusLibrary
{
  GObject       parent_instance;

  char         *bundled_path;
  GFile        *folder;
  /* id → SyllabusTopic, the shipped ones */
  GHashTable   *bundled;
  GListStore   *topics;
  /* id → the signature (path, etag, size) of the user's topic's file as
   * read, so that reading the folder again parses only what changed */
  GHashTable   *signatures;
  /* ids of the user's topics imported or removed while the folder is being
   * read, or %NULL when no read is under way: what the read found of them
   * is older */
  GHashTable   *changed_while_reading;
  /* Imports waiting for their turn, GTasks */
  GQueue        imports;
  /* A read or an import is under way */
  gboolean      busy;
  /* The folder changed while busy: read it again when done */
  gboolean      reload_wanted;
  guint         reload_source;
  GFileMonitor *monitor;
  /* path of a topic's own folder → GFileMonitor */
  GHashTable   *topic_monitors;
  char         *problem;
  gboolean      loaded;
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

static void run_next (SyllabusLibrary *self);

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

/* Whether @file is NAME/NAME.md in @folder: a topic in a folder of its
 * own. */
static gboolean
is_in_own_folder (GFile *folder,
                  GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) grandparent = NULL;
  g_autofree char *parent_name = NULL;
  g_autofree char *name = NULL;

  if (parent == NULL || (grandparent = g_file_get_parent (parent)) == NULL ||
      !g_file_equal (grandparent, folder))
    return FALSE;

  parent_name = g_file_get_basename (parent);
  name = syllabus_topic_id_for_file (file);
  return g_str_equal (parent_name, name) && g_str_has_suffix (g_file_peek_path (file), ".md");
}

/* Whether @file is a topic file of the user's folder, in either layout. */
static gboolean
is_in_folder (GFile *folder,
              GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return (parent != NULL && g_file_equal (parent, folder)) || is_in_own_folder (folder, file);
}

/* What @file looks like now, to tell whether it changed since it was
 * read: its path, etag and size, or %NULL if it cannot be asked. */
static char *
file_signature (GFile        *file,
                GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, g_file_peek_path (file),
                          g_file_info_get_etag (info), (gint64)g_file_info_get_size (info));
}

/* The id of a topic of the user's named @name: @name itself if no shipped
 * or already claimed topic has it, else the first free "@name-N". Names in
 * @avoid are the files' own and are never given to another. */
static char *
claim_id (const char *name,
          GHashTable *bundled,
          GHashTable *claimed,
          GHashTable *avoid)
{
  if (!g_hash_table_contains (bundled, name) && !g_hash_table_contains (claimed, name))
    return g_strdup (name);

  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, n);

      if (!g_hash_table_contains (bundled, id) && !g_hash_table_contains (claimed, id) &&
          (avoid == NULL || !g_hash_table_contains (avoid, id)))
        return g_steal_pointer (&id);
    }
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

typedef struct
{
  /* Topics parsed anew */
  GPtrArray  *topics;
  /* id → signature of every topic file found, %NULL for one that cannot
   * be read now */
  GHashTable *signatures;
  /* Paths of the topics' own folders, to watch */
  GPtrArray  *topic_folders;
  GString    *problem;
} ReadResult;

static void
read_result_free (gpointer data)
{
  ReadResult *result = data;

  g_clear_pointer (&result->topics, g_ptr_array_unref);
  g_clear_pointer (&result->signatures, g_hash_table_unref);
  g_clear_pointer (&result->topic_folders, g_ptr_array_unref);
  g_string_free (result->problem, TRUE);
  g_free (result);
}

typedef struct
{
  char  *name;
  GFile *file;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_object_unref (candidate->file);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *candidate_a = *(const Candidate * const *)a;
  const Candidate *candidate_b = *(const Candidate * const *)b;

  return strcmp (candidate_a->name, candidate_b->name);
}

static void
add_problem (GString    *problem,
             GFile      *file,
             const char *message)
{
  if (problem->len > 0)
    g_string_append_c (problem, '\n');
  g_string_append_printf (problem, _("The topic %s cannot be opened: %s"),
                          g_file_peek_path (file), message);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *read = task_data;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) own_folders = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GPtrArray) loose = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  ReadResult *result = g_new0 (ReadResult, 1);

  result->topics = g_ptr_array_new_with_free_func (g_object_unref);
  result->signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  result->topic_folders = g_ptr_array_new_with_free_func (g_free);
  result->problem = g_string_new (NULL);

  enumerator = g_file_enumerate_children (read->folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder yet simply means no topics of the user's own. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_string_append_printf (result->problem, _("The topic folder %s cannot be read: %s"),
                                g_file_peek_path (read->folder), error->message);
      g_task_return_pointer (task, result, read_result_free);
      return;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      Candidate *candidate;
      const char *name;

      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md"))
        {
          candidate = g_new0 (Candidate, 1);
          candidate->file = g_file_get_child (read->folder, name);
          candidate->name = syllabus_topic_id_for_file (candidate->file);
          g_ptr_array_add (loose, candidate);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) dir = g_file_get_child (read->folder, name);
          g_autofree char *basename = g_strconcat (name, ".md", NULL);
          g_autoptr(GFile) file = g_file_get_child (dir, basename);

          if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) !=
              G_FILE_TYPE_REGULAR)
            continue;

          candidate = g_new0 (Candidate, 1);
          candidate->file = g_steal_pointer (&file);
          candidate->name = g_strdup (name);
          g_ptr_array_add (own_folders, candidate);
          g_ptr_array_add (result->topic_folders, g_file_get_path (dir));
        }
    }

  /* Ids are given in an order that does not depend on the order the
   * folder lists its files in: the same files give the same ids at every
   * start. Topics in folders of their own were given their names by the
   * import, which only picks free ones: they come first. */
  g_ptr_array_sort (own_folders, compare_candidates);
  g_ptr_array_sort (loose, compare_candidates);
  for (guint i = 0; i < own_folders->len; i++)
    g_hash_table_add (names, ((Candidate *)g_ptr_array_index (own_folders, i))->name);
  for (guint i = 0; i < loose->len; i++)
    g_hash_table_add (names, ((Candidate *)g_ptr_array_index (loose, i))->name);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *candidates = pass == 0 ? own_folders : loose;

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *candidate = g_ptr_array_index (candidates, i);
          g_autofree char *id = claim_id (candidate->name, read->bundled, claimed, names);
          g_autofree char *signature = file_signature (candidate->file, cancellable);
          g_autoptr(GError) topic_error = NULL;
          const char *known;
          SyllabusTopic *topic;

          g_hash_table_add (claimed, g_strdup (id));

          known = read->signatures != NULL ? g_hash_table_lookup (read->signatures, id) : NULL;
          if (signature != NULL && g_strcmp0 (known, signature) == 0)
            {
              g_hash_table_replace (result->signatures, g_steal_pointer (&id),
                                    g_steal_pointer (&signature));
              continue;
            }

          if ((topic = syllabus_topic_load_file_as (candidate->file, id, cancellable,
                                                    &topic_error)) != NULL)
            {
              g_ptr_array_add (result->topics, topic);
              g_hash_table_replace (result->signatures, g_steal_pointer (&id),
                                    signature != NULL ? g_steal_pointer (&signature) : g_strdup (""));
            }
          else
            {
              /* Listed as it was until the file is fixed. */
              add_problem (result->problem, candidate->file, topic_error->message);
              g_hash_table_replace (result->signatures, g_steal_pointer (&id), NULL);
            }
        }
    }

  g_task_return_pointer (task, result, read_result_free);
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
static void
update_monitors (SyllabusLibrary *self,
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

static gboolean
is_user_topic (SyllabusLibrary *self,
               SyllabusTopic   *topic)
{
  GFile *file = syllabus_topic_get_file (topic);

  return file != NULL && is_in_folder (self->folder, file);
}

/* Brings the list in line with what a read of the folder found: topics
 * parsed anew replace theirs, those whose files are gone leave. */
static void
apply_read (SyllabusLibrary *self,
            ReadResult      *result)
{
  g_autoptr(GHashTable) changed = g_steal_pointer (&self->changed_while_reading);
  guint n;

  for (guint i = 0; i < result->topics->len; i++)
    {
      SyllabusTopic *topic = g_ptr_array_index (result->topics, i);
      const char *id = syllabus_topic_get_id (topic);

      if (changed != NULL && g_hash_table_contains (changed, id))
        continue;

      put_topic (self, topic);
      g_hash_table_replace (self->signatures, g_strdup (id),
                            g_strdup (g_hash_table_lookup (result->signatures, id)));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i - 1);
      const char *id = syllabus_topic_get_id (topic);

      if (is_user_topic (self, topic) && !g_hash_table_contains (result->signatures, id) &&
          (changed == NULL || !g_hash_table_contains (changed, id)))
        {
          g_hash_table_remove (self->signatures, id);
          g_list_store_remove (self->topics, i - 1);
        }
    }

  update_monitors (self, result->topic_folders, TRUE);
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
  ReadResult *read_result;
  GError *error = NULL;

  read_result = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    {
      g_clear_pointer (&read_result, read_result_free);
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
      run_next (self);
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

  read_result_free (read_result);
  if (outer != NULL)
    g_task_return_boolean (outer, TRUE);
  run_next (self);
}

/* Reads the user's folder in a worker thread; @outer, if any, is the load
 * to finish when done. */
static void
start_read (SyllabusLibrary *self,
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
  run_next (self);

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
          put_topic (self, topic);
        }
    }

  /* An import under way finishes first; the read then sees what it
   * wrote. */
  if (self->busy)
    {
      g_queue_push_head (&self->imports, g_steal_pointer (&task));
      return;
    }

  start_read (self, task, cancellable);
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

/* Importing ------------------------------------------------------------ */

typedef struct
{
  GFile                     *source;
  GFile                     *folder;
  SyllabusLibraryImportMode  mode;
  /* Taken when the import's turn comes: id → the topic's file, or the
   * folder itself for a shipped topic, of every listed topic */
  GHashTable                *listed;
  GHashTable                *bundled;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->source);
  g_clear_object (&import->folder);
  g_clear_pointer (&import->listed, g_hash_table_unref);
  g_clear_pointer (&import->bundled, g_hash_table_unref);
  g_free (import);
}

typedef struct
{
  SyllabusTopic *topic;
  char          *signature;
  /* The topic's own folder, to watch */
  char          *topic_folder;
} ImportResult;

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_object (&result->topic);
  g_free (result->signature);
  g_free (result->topic_folder);
  g_free (result);
}

/* Images the page shows from its own folder come along with it, so that
 * the copy looks like the original; each is taken from the first of
 * @from that has it. One that is missing or cannot be copied is left out:
 * the page then shows it as missing, as before. Each topic has a folder
 * of its own, so an image never replaces another topic's. */
static void
copy_local_images (SyllabusTopic *topic,
                   GFile        **from,
                   guint          n_from,
                   GFile         *to,
                   GCancellable  *cancellable)
{
  const char * const *images = syllabus_topic_get_local_images (topic);

  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autoptr(GFile) target = g_file_resolve_relative_path (to, images[i]);
      g_autoptr(GFile) target_parent = g_file_get_parent (target);

      for (guint j = 0; j < n_from; j++)
        {
          g_autoptr(GFile) source = NULL;
          g_autoptr(GError) error = NULL;

          if (from[j] == NULL)
            continue;

          source = g_file_resolve_relative_path (from[j], images[i]);
          if (g_file_equal (source, target))
            break;
          if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable) !=
              G_FILE_TYPE_REGULAR)
            continue;

          if (target_parent != NULL)
            g_file_make_directory_with_parents (target_parent, cancellable, NULL);

          if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
            g_debug ("Could not copy image %s: %s", images[i], error->message);
          break;
        }
    }
}

/* The id of the topic last copied from @uri, if its copy is still there. */
static char *
find_copy_of (GFile        *folder,
              const char   *uri,
              GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (enumerator, cancellable, NULL);
      g_autoptr(GFile) dir = NULL;
      g_autoptr(GFile) note = NULL;
      g_autoptr(GFile) topic_file = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *basename = NULL;
      const char *name;

      if (info == NULL)
        return NULL;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY || name[0] == '.')
        continue;

      dir = g_file_get_child (folder, name);
      note = g_file_get_child (dir, SOURCE_NAME);
      if (!g_file_load_contents (note, cancellable, &contents, NULL, NULL, NULL) ||
          !g_str_equal (g_strchomp (contents), uri))
        continue;

      basename = g_strconcat (name, ".md", NULL);
      topic_file = g_file_get_child (dir, basename);
      if (g_file_query_exists (topic_file, cancellable))
        return g_strdup (name);
    }
}

/* The file of the user's topic @id, listed or on disk, or %NULL. */
static GFile *
find_existing (ImportData   *import,
               const char   *id,
               GCancellable *cancellable)
{
  g_autofree char *basename = g_strconcat (id, ".md", NULL);
  g_autoptr(GFile) dir = g_file_get_child (import->folder, id);
  g_autoptr(GFile) in_own_folder = g_file_get_child (dir, basename);
  g_autoptr(GFile) loose = g_file_get_child (import->folder, basename);
  GFile *listed = g_hash_table_lookup (import->listed, id);

  if (listed != NULL && !g_file_equal (listed, import->folder))
    return g_object_ref (listed);
  if (g_file_query_exists (in_own_folder, cancellable))
    return g_steal_pointer (&in_own_folder);
  if (g_file_query_exists (loose, cancellable))
    return g_steal_pointer (&loose);

  return NULL;
}

/* The first "@name-N" that no topic has, listed or on disk. */
static char *
free_id (ImportData   *import,
         const char   *name,
         GCancellable *cancellable)
{
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, n);
      g_autofree char *basename = g_strconcat (id, ".md", NULL);
      g_autoptr(GFile) dir = g_file_get_child (import->folder, id);
      g_autoptr(GFile) loose = g_file_get_child (import->folder, basename);

      if (!g_hash_table_contains (import->listed, id) &&
          !g_hash_table_contains (import->bundled, id) &&
          !g_file_query_exists (dir, cancellable) && !g_file_query_exists (loose, cancellable))
        return g_steal_pointer (&id);
    }
}

static gboolean
write_file (GFile   *file,
            GBytes  *bytes,
            GError **error)
{
  return g_file_set_contents_full (g_file_peek_path (file), g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
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
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) existing = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) note = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) source_uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) existing_parent = NULL;
  GFile *from[2] = { NULL, NULL };
  ImportResult *result;
  GError *error = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  /* Only a file that parses is copied: a broken file is reported, not
   * kept. */
  if (!(checked = syllabus_topic_load_file (import->source, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A topic file of the library itself is only read again. */
  if (is_in_folder (import->folder, import->source))
    {
      id = syllabus_topic_id_for_file (import->source);
      g_hash_table_iter_init (&iter, import->listed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_file_equal (value, import->source))
          {
            g_free (id);
            id = g_strdup (key);
          }

      result = g_new0 (ImportResult, 1);
      if (!(result->topic = syllabus_topic_load_file_as (import->source, id, cancellable, &error)))
        {
          import_result_free (result);
          g_task_return_error (task, error);
          return;
        }
      result->signature = file_signature (import->source, cancellable);
      g_task_return_pointer (task, result, import_result_free);
      return;
    }

  /* The file may have changed since it was checked: check the very bytes
   * that are copied, so that a good copy is never replaced by a broken
   * one. */
  name = syllabus_topic_id_for_file (import->source);
  if (!(bytes = g_file_load_bytes (import->source, cancellable, NULL, &error)) ||
      !(copied = syllabus_topic_new_from_bytes (name, NULL, bytes, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Which topic the file becomes: the one copied from it before; else
   * the one of its name, if there is none, or it is the same page, or the
   * user chose to replace it; else one of its own. A shipped topic is
   * never replaced, nor a file that cannot be read. */
  uri = g_file_get_uri (import->source);
  if ((id = find_copy_of (import->folder, uri, cancellable)) == NULL &&
      !g_hash_table_contains (import->bundled, name))
    {
      g_autoptr(GFile) same_name = find_existing (import, name, cancellable);
      g_autoptr(GBytes) same_name_bytes = NULL;

      if (same_name == NULL)
        id = g_strdup (name);
      else if ((same_name_bytes = g_file_load_bytes (same_name, cancellable, NULL, NULL)) != NULL)
        {
          if (g_bytes_equal (same_name_bytes, bytes) ||
              import->mode == SYLLABUS_LIBRARY_IMPORT_REPLACE)
            id = g_strdup (name);
          else if (import->mode == SYLLABUS_LIBRARY_IMPORT_ASK)
            {
              /* Not shown to the user: the window asks instead. */
              g_task_return_new_error (task, SYLLABUS_LIBRARY_ERROR,
                                       SYLLABUS_LIBRARY_ERROR_NAME_TAKEN,
                                       "The topic id “%s” is taken", name);
              return;
            }
        }
    }
  if (id == NULL)
    id = free_id (import, name, cancellable);

  basename = g_strconcat (id, ".md", NULL);
  dir = g_file_get_child (import->folder, id);
  target = g_file_get_child (dir, basename);
  note = g_file_get_child (dir, SOURCE_NAME);
  existing = find_existing (import, id, cancellable);

  if (!g_file_make_directory_with_parents (dir, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }

  /* A copy in the earlier layout that this one replaces still has the
   * images the source may no longer have. */
  parent = g_file_get_parent (import->source);
  if (existing != NULL && !g_file_equal (existing, target))
    existing_parent = g_file_get_parent (existing);
  from[0] = parent;
  from[1] = existing_parent;
  copy_local_images (copied, from, G_N_ELEMENTS (from), dir, cancellable);

  source_uri = g_bytes_new_take (g_strconcat (uri, "\n", NULL), strlen (uri) + 1);
  result = g_new0 (ImportResult, 1);
  if (!write_file (target, bytes, &error) || !write_file (note, source_uri, &error) ||
      !(result->topic = syllabus_topic_load_file_as (target, id, cancellable, &error)))
    {
      import_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  /* The copy in the earlier layout has been replaced: the user chose to,
   * or it was the same page. */
  if (existing != NULL && !g_file_equal (existing, target) &&
      !g_file_delete (existing, cancellable, &error))
    {
      g_debug ("Could not delete the replaced %s: %s", g_file_peek_path (existing),
               error->message);
      g_clear_error (&error);
    }

  result->signature = file_signature (target, cancellable);
  result->topic_folder = g_file_get_path (dir);
  g_task_return_pointer (task, result, import_result_free);
}

static void
import_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyllabusLibrary *self = g_task_get_source_object (task);
  ImportResult *import_result;
  const char *id;
  GError *error = NULL;

  self->busy = FALSE;

  if (!(import_result = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      run_next (self);
      return;
    }

  id = syllabus_topic_get_id (import_result->topic);
  if (self->changed_while_reading != NULL)
    g_hash_table_add (self->changed_while_reading, g_strdup (id));
  put_topic (self, import_result->topic);
  if (import_result->signature != NULL)
    g_hash_table_replace (self->signatures, g_strdup (id), g_strdup (import_result->signature));
  if (import_result->topic_folder != NULL && self->loaded)
    {
      g_autoptr(GPtrArray) folders = g_ptr_array_new ();

      g_ptr_array_add (folders, import_result->topic_folder);
      update_monitors (self, folders, FALSE);
    }

  g_task_return_pointer (task, g_steal_pointer (&import_result->topic), g_object_unref);
  import_result_free (import_result);
  run_next (self);
}

static void
start_import (SyllabusLibrary *self,
              GTask           *task)
{
  ImportData *import = g_task_get_task_data (task);
  g_autoptr(GTask) inner = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  GHashTableIter iter;
  gpointer key;

  g_assert (!self->busy);
  self->busy = TRUE;

  /* What the library holds as the import's turn comes. */
  import->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);
      GFile *file = syllabus_topic_get_file (topic);

      g_hash_table_replace (import->listed, g_strdup (syllabus_topic_get_id (topic)),
                            g_object_ref (file != NULL ? file : self->folder));
    }
  import->bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->bundled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (import->bundled, g_strdup (key));

  inner = g_task_new (NULL, g_task_get_cancellable (task), import_ready_cb, task);
  g_task_set_task_data (inner, import, NULL);
  g_task_run_in_thread (inner, import_thread);
}

/* Starts what waits: a load, imports in the order they came, then a read
 * of the folder that changed. */
static void
run_next (SyllabusLibrary *self)
{
  GTask *task;

  if (self->busy)
    return;

  if ((task = g_queue_pop_head (&self->imports)) != NULL)
    {
      if (g_task_get_source_tag (task) == syllabus_library_load_async)
        {
          start_read (self, task, g_task_get_cancellable (task));
          g_object_unref (task);
        }
      else
        {
          /* The import's callback takes the queue's reference. */
          start_import (self, task);
        }
      return;
    }

  if (self->reload_wanted && self->loaded)
    {
      self->reload_wanted = FALSE;
      start_read (self, NULL, NULL);
    }
}

/**
 * syllabus_library_import_async:
 * @file: a topic file anywhere
 * @mode: what to do when a topic of the user's has the file's name
 *
 * Checks that @file is a topic, copies it into a folder of its own in the
 * user's topic folder, with the images it shows (so that it stays when the
 * original moves), and adds it to the library.
 *
 * The copy replaces the topic copied from the same file before, if any;
 * else the user's topic of the same name if it is the same page, or @mode
 * is %SYLLABUS_LIBRARY_IMPORT_REPLACE. With
 * %SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH the copy gets an id of its own,
 * "NAME-2" or the next free one, as it does whenever the name is a shipped
 * topic's; with %SYLLABUS_LIBRARY_IMPORT_ASK the import fails with
 * %SYLLABUS_LIBRARY_ERROR_NAME_TAKEN, so that the caller can ask the user
 * and import again; the topic in the way is the one with the id
 * syllabus_topic_id_for_file() gives for @file.
 *
 * Imports run one at a time, in the order they were asked for, after a
 * load under way.
 */
void
syllabus_library_import_async (SyllabusLibrary           *self,
                               GFile                     *file,
                               SyllabusLibraryImportMode  mode,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  GTask *task;
  ImportData *import;

  g_return_if_fail (SYLLABUS_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syllabus_library_import_async);

  import = g_new0 (ImportData, 1);
  import->source = g_object_ref (file);
  import->folder = g_object_ref (self->folder);
  import->mode = mode;
  g_task_set_task_data (task, import, import_data_free);

  g_queue_push_tail (&self->imports, task);
  run_next (self);
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
  g_return_val_if_fail (SYLLABUS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (SYLLABUS_IS_TOPIC (topic), FALSE);

  return is_user_topic (self, topic);
}

/* Deletes @file and the folders above it up to @top as they become empty;
 * what cannot be deleted stays. */
static void
delete_within (GFile *file,
               GFile *top)
{
  g_autoptr(GFile) current = g_object_ref (file);

  while (!g_file_equal (current, top) && g_file_has_prefix (current, top))
    {
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (!g_file_delete (current, NULL, NULL))
        return;
      g_set_object (&current, parent);
    }
}

/**
 * syllabus_library_remove:
 * @topic: a topic in the user's folder
 *
 * Deletes the topic's file from the user's folder (with the images copied
 * with it, and its folder when that is then empty) and takes it out of the
 * library. Progress is not touched: opening the topic again shows it.
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
  GFile *file;
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
  file = syllabus_topic_get_file (topic);
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* In a folder of its own, what was copied with it goes too; images of
   * the earlier layout may be another topic's as well, and stay. */
  if (is_in_own_folder (self->folder, file))
    {
      g_autoptr(GFile) dir = g_file_get_parent (file);
      g_autoptr(GFile) note = g_file_get_child (dir, SOURCE_NAME);
      const char * const *images = syllabus_topic_get_local_images (topic);

      for (guint i = 0; images[i] != NULL; i++)
        {
          g_autoptr(GFile) image = g_file_resolve_relative_path (dir, images[i]);

          delete_within (image, dir);
        }
      g_file_delete (note, NULL, NULL);
      g_file_delete (dir, NULL, NULL);
    }

  hold = g_object_ref (topic);
  if (self->changed_while_reading != NULL)
    g_hash_table_add (self->changed_while_reading, g_strdup (syllabus_topic_get_id (topic)));
  g_hash_table_remove (self->signatures, syllabus_topic_get_id (topic));
  if (find_topic (self, syllabus_topic_get_id (topic), &position))
    {
      g_autoptr(SyllabusTopic) listed = g_list_model_get_item (G_LIST_MODEL (self->topics),
                                                               position);

      if (is_user_topic (self, listed))
        g_list_store_remove (self->topics, position);
    }

  return TRUE;
}
