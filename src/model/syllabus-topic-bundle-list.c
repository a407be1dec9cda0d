/* syllabus-topic-bundle-list.c

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

#include "syllabus-topic-bundle.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* The files of a folder topic (syllabus-topic-bundle.c): which of them
 * are read, in which order, and the titles their names give. Hidden files
 * and symbolic links leading out of the folder are not followed; the
 * depth and the number of files are limited. Blocks: runs in the worker
 * threads that load topics.
 */
static const char * const image_suffixes[] = {
  ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif",
};

void
syllabus_bundle_entry_free (gpointer data)
{
  SyllabusBundleEntry *entry = data;

  g_clear_object (&entry->file);
  g_free (entry->relative_path);
  g_free (entry);
}

void
syllabus_bundle_problem_free (gpointer data)
{
  SyllabusBundleProblem *problem = data;

  g_free (problem->path);
  g_clear_error (&problem->error);
  g_free (problem);
}

/**
 * syllabus_bundle_add_problem:
 * @problems: (element-type SyllabusBundleProblem): where to add it
 * @file: the file or folder left out
 * @error: why
 *
 * Records that @file was left out of a folder topic.
 */
void
syllabus_bundle_add_problem (GPtrArray    *problems,
                             GFile        *file,
                             const GError *error)
{
  SyllabusBundleProblem *problem = g_new0 (SyllabusBundleProblem, 1);

  problem->path = g_file_get_path (file);
  if (problem->path == NULL)
    problem->path = g_file_get_uri (file);
  problem->error = g_error_copy (error);
  g_ptr_array_add (problems, problem);
}

/* Names ----------------------------------------------------------------- */

/* The length of the number a name starts with, and of the separator
 * after it: "101-" in "101-ownership". */
static gsize
number_prefix_length (const char *name)
{
  gsize i = 0;

  while (g_ascii_isdigit (name[i]))
    i++;
  if (i == 0)
    return 0;
  if (name[i] == '-' || name[i] == '_' || name[i] == '.' || name[i] == ' ')
    return i + 1;

  /* "2024" alone is a name, not a number before one. */
  return name[i] == '\0' ? 0 : i;
}

/**
 * syllabus_topic_bundle_compare_names:
 * @a: a file's name, without ".md"
 * @b: another
 *
 * Orders the files of a folder topic: names that start with a number
 * first, runs of digits by their value (2 before 10), the rest byte by
 * byte, ignoring the case of ASCII letters.
 *
 * Returns: less than, equal to or greater than zero
 */
int
syllabus_topic_bundle_compare_names (const char *a,
                                     const char *b)
{
  gboolean a_numbered = g_ascii_isdigit (a[0]);
  gboolean b_numbered = g_ascii_isdigit (b[0]);
  const char *p = a;
  const char *q = b;

  if (a_numbered != b_numbered)
    return a_numbered ? -1 : 1;

  while (*p != '\0' && *q != '\0')
    {
      if (g_ascii_isdigit (*p) && g_ascii_isdigit (*q))
        {
          const char *p_end;
          const char *q_end;
          gsize p_len;
          gsize q_len;
          int cmp;

          /* Leading zeros count for nothing: compare the digits that are
           * left, the longer run being the larger number. */
          while (*p == '0' && g_ascii_isdigit (p[1]))
            p++;
          while (*q == '0' && g_ascii_isdigit (q[1]))
            q++;
          for (p_end = p; g_ascii_isdigit (*p_end); p_end++)
            ;
          for (q_end = q; g_ascii_isdigit (*q_end); q_end++)
            ;
          p_len = p_end - p;
          q_len = q_end - q;
          if (p_len != q_len)
            return p_len < q_len ? -1 : 1;
          if ((cmp = memcmp (p, q, p_len)) != 0)
            return cmp;
          p = p_end;
          q = q_end;
          continue;
        }

      if (g_ascii_tolower (*p) != g_ascii_tolower (*q))
        return (guchar)g_ascii_tolower (*p) - (guchar)g_ascii_tolower (*q);
      p++;
      q++;
    }

  if (*p != *q)
    return *p == '\0' ? -1 : 1;

  /* Names equal but for case or zeros still have an order. */
  return strcmp (a, b);
}

/**
 * syllabus_topic_bundle_title_for_name:
 * @name: a file's or folder's name, without ".md"
 *
 * The title of a node or folder that names none: its name without the
 * number in front, dashes and underscores as spaces, the first letter
 * capitalised ("101-language-basics" gives "Language basics").
 *
 * Returns: (transfer full): the title
 */
char *
syllabus_topic_bundle_title_for_name (const char *name)
{
  g_autoptr(GString) title = NULL;
  const char *rest = name + number_prefix_length (name);
  gunichar first;

  if (*rest == '\0')
    rest = name;

  title = g_string_new (rest);
  for (gsize i = 0; i < title->len; i++)
    if (title->str[i] == '-' || title->str[i] == '_')
      title->str[i] = ' ';

  if (g_utf8_validate (title->str, title->len, NULL) &&
      (first = g_utf8_get_char (title->str)) != 0 && g_unichar_islower (first))
    {
      char upper[6];
      int upper_len = g_unichar_to_utf8 (g_unichar_totitle (first), upper);

      g_string_erase (title, 0, g_utf8_skip[(guchar)title->str[0]]);
      g_string_prepend_len (title, upper, upper_len);
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/**
 * syllabus_topic_bundle_name:
 * @folder: a folder topic's folder
 *
 * The name a folder topic's copy and id take: the folder's own, or its
 * parent's for a folder named "content", as roadmap.sh names the folder
 * of each roadmap's files.
 *
 * Returns: (transfer full): the name
 */
char *
syllabus_topic_bundle_name (GFile *folder)
{
  g_autofree char *name = g_file_get_basename (folder);
  g_autoptr(GFile) parent = NULL;

  if (g_ascii_strcasecmp (name, "content") == 0 && (parent = g_file_get_parent (folder)) != NULL)
    {
      g_autofree char *parent_name = g_file_get_basename (parent);

      if (parent_name != NULL && !g_str_equal (parent_name, "/"))
        return g_steal_pointer (&parent_name);
    }

  return g_steal_pointer (&name);
}

/* Listing the tree ------------------------------------------------------ */

typedef struct
{
  char         *top_real;
  GPtrArray    *entries;
  GPtrArray    *problems;
  GFile        *top;
  guint         n_files;
  gboolean      full;
  GCancellable *cancellable;
} Lister;

typedef struct
{
  char     *name;
  char     *sort_name;
  GFile    *file;
  gboolean  is_folder;
  gboolean  is_image;
} Child;

static void
child_free (gpointer data)
{
  Child *child = data;

  g_free (child->name);
  g_free (child->sort_name);
  g_clear_object (&child->file);
  g_free (child);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  const Child *child_a = *(const Child * const *)a;
  const Child *child_b = *(const Child * const *)b;

  return syllabus_topic_bundle_compare_names (child_a->sort_name, child_b->sort_name);
}

static gboolean
is_image_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (image_suffixes); i++)
    if (g_str_has_suffix (lower, image_suffixes[i]))
      return TRUE;

  return FALSE;
}

/* Whether the symbolic link @file leads to somewhere inside the top
 * folder; one that leads out of it, or nowhere, is not followed. */
static gboolean
link_stays_inside (Lister *lister,
                   GFile  *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real = NULL;

  if (path == NULL || lister->top_real == NULL || (real = realpath (path, NULL)) == NULL)
    return FALSE;

  return g_str_equal (real, lister->top_real) ||
         (g_str_has_prefix (real, lister->top_real) && real[strlen (lister->top_real)] == '/');
}

static void
add_entry (Lister                  *lister,
           SyllabusBundleEntryKind  kind,
           GFile                   *file,
           const char              *relative_path,
           guint                    depth)
{
  SyllabusBundleEntry *entry = g_new0 (SyllabusBundleEntry, 1);

  entry->kind = kind;
  entry->file = g_object_ref (file);
  entry->relative_path = g_strdup (relative_path);
  entry->depth = depth;
  g_ptr_array_add (lister->entries, entry);
}

/* Counts one more file; FALSE once there are too many, which is said
 * once. */
static gboolean
count_file (Lister *lister)
{
  if (lister->full)
    return FALSE;

  if (++lister->n_files > SYLLABUS_BUNDLE_MAX_FILES)
    {
      g_autoptr(GError) error = g_error_new (SYLLABUS_TOPIC_ERROR,
                                             SYLLABUS_TOPIC_ERROR_TOO_MANY_FILES,
                                             _("The folder holds more than %u files; the "
                                               "rest were left out"),
                                             SYLLABUS_BUNDLE_MAX_FILES);

      syllabus_bundle_add_problem (lister->problems, lister->top, error);
      lister->full = TRUE;
      return FALSE;
    }

  return TRUE;
}

static char *
child_path (const char *relative_path,
            const char *name)
{
  return *relative_path == '\0' ? g_strdup (name) : g_strconcat (relative_path, "/", name, NULL);
}

static void
list_folder (Lister     *lister,
             GFile      *folder,
             const char *relative_path,
             guint       depth)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (child_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) index = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          lister->cancellable, &error);
  if (enumerator == NULL)
    {
      syllabus_bundle_add_problem (lister->problems, folder, error);
      return;
    }

  for (;;)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) file = NULL;
      const char *name;
      GFileType type;
      Child *child;

      if (!(info = g_file_enumerator_next_file (enumerator, lister->cancellable, &error)))
        {
          if (error != NULL)
            syllabus_bundle_add_problem (lister->problems, folder, error);
          break;
        }

      name = g_file_info_get_name (info);
      if (name[0] == '.')
        continue;

      file = g_file_get_child (folder, name);
      type = g_file_info_get_file_type (info);
      if (g_file_info_get_is_symlink (info) || type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          if (!link_stays_inside (lister, file))
            {
              g_debug ("Not following %s: it leads out of the folder", g_file_peek_path (file));
              continue;
            }
          type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, lister->cancellable);
        }

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          child = g_new0 (Child, 1);
          child->is_folder = TRUE;
          child->sort_name = g_strdup (name);
        }
      else if (type == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md"))
        {
          if (g_str_equal (name, "index.md"))
            {
              g_set_object (&index, file);
              continue;
            }
          child = g_new0 (Child, 1);
          child->sort_name = g_strndup (name, strlen (name) - 3);
        }
      else if (type == G_FILE_TYPE_REGULAR && is_image_name (name))
        {
          child = g_new0 (Child, 1);
          child->is_image = TRUE;
          child->sort_name = g_strdup (name);
        }
      else
        continue;

      child->name = g_strdup (name);
      child->file = g_steal_pointer (&file);
      g_ptr_array_add (children, child);
    }

  if (index != NULL && count_file (lister))
    {
      g_autofree char *path = child_path (relative_path, "index.md");

      add_entry (lister, SYLLABUS_BUNDLE_ENTRY_INDEX, index, path, depth);
    }

  g_ptr_array_sort (children, compare_children);
  for (guint i = 0; i < children->len && !lister->full; i++)
    {
      Child *child = g_ptr_array_index (children, i);
      g_autofree char *path = child_path (relative_path, child->name);

      if (g_cancellable_is_cancelled (lister->cancellable) || !count_file (lister))
        return;

      if (child->is_folder)
        {
          if (depth + 1 > SYLLABUS_BUNDLE_MAX_DEPTH)
            {
              g_autoptr(GError) deep = g_error_new (SYLLABUS_TOPIC_ERROR,
                                                    SYLLABUS_TOPIC_ERROR_TOO_DEEP,
                                                    _("Folders are read only %u levels deep"),
                                                    SYLLABUS_BUNDLE_MAX_DEPTH);

              syllabus_bundle_add_problem (lister->problems, child->file, deep);
              continue;
            }
          add_entry (lister, SYLLABUS_BUNDLE_ENTRY_FOLDER, child->file, path, depth + 1);
          list_folder (lister, child->file, path, depth + 1);
        }
      else
        {
          add_entry (lister, child->is_image ? SYLLABUS_BUNDLE_ENTRY_IMAGE
                                             : SYLLABUS_BUNDLE_ENTRY_NODE,
                     child->file, path, depth);
        }
    }
}

/**
 * syllabus_topic_bundle_list:
 * @folder: a folder topic's folder
 * @problems: (element-type SyllabusBundleProblem): where to add what
 *   could not be listed
 * @cancellable: (nullable): a #GCancellable
 *
 * Lists the tree in page order: each folder, then its index.md, then its
 * nodes and folders in the order of their names; the images in it come
 * along, in their place. The top folder comes first, at depth 0. Blocks.
 *
 * Returns: (transfer full) (element-type SyllabusBundleEntry): the entries
 */
GPtrArray *
syllabus_topic_bundle_list (GFile        *folder,
                            GPtrArray    *problems,
                            GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (folder);
  Lister lister = { 0 };

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  lister.top = folder;
  lister.top_real = path != NULL ? realpath (path, NULL) : NULL;
  lister.entries = g_ptr_array_new_with_free_func (syllabus_bundle_entry_free);
  lister.problems = problems;
  lister.cancellable = cancellable;

  add_entry (&lister, SYLLABUS_BUNDLE_ENTRY_FOLDER, folder, "", 0);
  list_folder (&lister, folder, "", 0);

  free (lister.top_real);
  return lister.entries;
}

/* Stamps ---------------------------------------------------------------- */

/**
 * syllabus_topic_bundle_signature:
 * @folder: a folder topic's folder
 * @cancellable: (nullable): a #GCancellable
 *
 * What the tree under @folder looks like now, to tell whether the topic
 * made of it must be built again: a checksum over the path, etag (its
 * modification time), size and mode of the folder and of every folder
 * and file syllabus_topic_bundle_list() gives, and of what it could not
 * list. A file added, removed, renamed or edited anywhere in the tree
 * changes it; nothing is read but the folders' listings. Blocks.
 *
 * Returns: (transfer full) (nullable): the signature, or %NULL if the
 *   folder itself cannot be asked
 */
char *
syllabus_topic_bundle_signature (GFile        *folder,
                                 GCancellable *cancellable)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (syllabus_bundle_problem_free);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  entries = syllabus_topic_bundle_list (folder, problems, cancellable);
  for (guint i = 0; i < entries->len; i++)
    {
      SyllabusBundleEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *line = NULL;

      info = g_file_query_info (entry->file,
                                G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_UNIX_MODE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info == NULL)
        {
          /* The top folder gone is no topic; a file gone meanwhile is a
           * change like any other. */
          if (i == 0)
            return NULL;
          line = g_strdup_printf ("%u %s -\n", entry->kind, entry->relative_path);
        }
      else
        line = g_strdup_printf ("%u %s %s %" G_GINT64_FORMAT " %u\n", entry->kind,
                                entry->relative_path,
                                g_file_info_get_etag (info) != NULL ? g_file_info_get_etag (info) : "-",
                                (gint64)g_file_info_get_size (info),
                                g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE));
      g_checksum_update (checksum, (const guchar *)line, -1);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      SyllabusBundleProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = g_strdup_printf ("! %s %d\n", problem->path, problem->error->code);

      g_checksum_update (checksum, (const guchar *)line, -1);
    }

  return g_strdup_printf ("%s\nfolder %s", g_file_peek_path (folder),
                          g_checksum_get_string (checksum));
}
