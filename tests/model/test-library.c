/* test-library.c
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

/* The library of topics: the user's folder, files opened from elsewhere,
 * removal, and shipped topics (from a GResource compiled for this test
 * alone) that the user's own replace. Every test case runs in fresh XDG
 * folders, and every change of the list is checked against a copy kept up
 * to date through items-changed alone. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-library.h"

#define SHIPPED_PATH "/io/github/syllabus/SyllabusTests/shipped/"

/* A copy of a list model, maintained from its items-changed signals only:
 * if the signals lie, the copy and the model differ. */
typedef struct
{
  GListModel *model;
  GPtrArray  *items;
  guint       n_signals;
} Mirror;

static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_true (model == mirror->model);
  g_assert_cmpuint (removed + added, >, 0);
  g_assert_cmpuint (position + removed, <=, mirror->items->len);

  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));

  mirror->n_signals++;
}

static void
mirror_init (Mirror     *mirror,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  mirror->model = g_object_ref (model);
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  mirror->n_signals = 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
}

static void
mirror_assert_matches (Mirror *mirror)
{
  guint n = g_list_model_get_n_items (mirror->model);

  g_assert_cmpuint (mirror->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (mirror->model, i);

      g_assert_true (item == g_ptr_array_index (mirror->items, i));
    }
}

static void
mirror_clear (Mirror *mirror)
{
  mirror_assert_matches (mirror);
  g_signal_handlers_disconnect_by_func (mirror->model, mirror_items_changed_cb, mirror);
  g_clear_pointer (&mirror->items, g_ptr_array_unref);
  g_clear_object (&mirror->model);
}

typedef struct
{
  SyllabusLibrary *library;
  Mirror           mirror;
  /* the user's topic folder, g_get_user_data_dir()/syllabus/topics */
  char            *folder;
  /* a folder outside the library, where opened files come from */
  char            *elsewhere;
  guint            n_loaded_notifies;
  guint            n_problem_notifies;
} Fixture;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *bundled_path = data;
  g_autoptr(GFile) folder = syllabus_library_get_default_folder ();

  f->folder = g_build_filename (g_get_user_data_dir (), "syllabus", "topics", NULL);
  g_assert_cmpstr (g_file_peek_path (folder), ==, f->folder);
  f->elsewhere = g_build_filename (g_get_user_cache_dir (), "elsewhere", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->elsewhere, 0700), ==, 0);

  /* NULL: the default folder. */
  f->library = syllabus_library_new (bundled_path, NULL);
  g_assert_true (g_file_equal (syllabus_library_get_folder (f->library), folder));
  g_assert_false (syllabus_library_get_loaded (f->library));
  g_assert_null (syllabus_library_get_problem (f->library));
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (f->library)), ==, 0);
  g_assert_true (g_list_model_get_item_type (syllabus_library_get_topics (f->library)) ==
                 SYLLABUS_TYPE_TOPIC);

  mirror_init (&f->mirror, syllabus_library_get_topics (f->library));
  g_signal_connect (f->library, "notify::loaded", G_CALLBACK (count_notify_cb),
                    &f->n_loaded_notifies);
  g_signal_connect (f->library, "notify::problem", G_CALLBACK (count_notify_cb),
                    &f->n_problem_notifies);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  mirror_clear (&f->mirror);
  g_assert_finalize_object (f->library);
  g_clear_pointer (&f->folder, g_free);
  g_clear_pointer (&f->elsewhere, g_free);
}

/* Asynchronous calls: the callback keeps the result, the test runs the
 * main loop until it is there. */
static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

static gboolean
load (SyllabusLibrary  *library,
      GError          **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  syllabus_library_load_async (library, NULL, keep_result_cb, &slot);
  result = wait_for (&slot);

  return syllabus_library_load_finish (library, result, error);
}

static void
load_fixture (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (load (f->library, &error));
  g_assert_no_error (error);
  g_assert_true (syllabus_library_get_loaded (f->library));
  g_assert_cmpuint (f->n_loaded_notifies, ==, 1);
  mirror_assert_matches (&f->mirror);
}

static SyllabusTopic *
import_as (SyllabusLibrary            *library,
           const char                 *path,
           SyllabusLibraryImportMode   mode,
           GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  syllabus_library_import_async (library, file, mode, NULL, keep_result_cb, &slot);
  result = wait_for (&slot);

  return syllabus_library_import_finish (library, result, error);
}

/* Opening a file as the window does first: asking when the name is
 * another topic's. */
static SyllabusTopic *
import (SyllabusLibrary  *library,
        const char       *path,
        GError          **error)
{
  return import_as (library, path, SYLLABUS_LIBRARY_IMPORT_ASK, error);
}

/* Writes @length bytes of @contents (all of it if -1) to @dir/@name. */
static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  return path;
}

/* A small topic; @weight may be NULL. */
static char *
topic_text (const char *title,
            const char *weight)
{
  GString *text = g_string_new ("---\n");

  g_string_append_printf (text, "title: %s\n", title);
  if (weight != NULL)
    g_string_append_printf (text, "weight: %s\n", weight);
  g_string_append_printf (text,
                          "---\n\n"
                          "About %s.\n\n"
                          "## Learning resources\n\n"
                          "- [The book](https://example.org/book)\n"
                          "- [The course](https://example.org/course)\n",
                          title);

  return g_string_free (text, FALSE);
}

static void
write_topic (const char *dir,
             const char *name,
             const char *title,
             const char *weight)
{
  g_autofree char *text = topic_text (title, weight);
  g_free (write_file (dir, name, text, -1));
}

/* "title|title|…" and "id|id|…" of the listed topics, in order. */
static char *
list_titles (SyllabusLibrary *library,
             gboolean         ids)
{
  GListModel *topics = syllabus_library_get_topics (library);
  guint n = g_list_model_get_n_items (topics);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text,
                       ids ? syllabus_topic_get_id (topic) : syllabus_topic_get_title (topic));
    }

  return g_strdup (text->str);
}

static void
assert_titles (SyllabusLibrary *library,
               const char      *expected)
{
  g_autofree char *titles = list_titles (library, FALSE);

  g_assert_cmpstr (titles, ==, expected);
}

static void
assert_ids (SyllabusLibrary *library,
            const char      *expected)
{
  g_autofree char *ids = list_titles (library, TRUE);

  g_assert_cmpstr (ids, ==, expected);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted and joined by "|". */
static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **)names->pdata);
}

static void
assert_folder (const char *dir,
               const char *expected)
{
  g_autofree char *names = list_folder (dir);

  g_assert_cmpstr (names, ==, expected);
}

static void
assert_file_contents (const char *path,
                      const char *expected,
                      gsize       expected_length)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, expected_length);
}

/* Topics are listed by weight, then title (then id); those without a weight
 * come last. Only regular, visible .md files in the folder itself count. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->folder, "sub", NULL);
  g_autofree char *dir_md = g_build_filename (f->folder, "folder.md", NULL);
  g_autofree char *m_path = NULL;

  write_topic (f->folder, "b.md", "Beta", "10");
  write_topic (f->folder, "a.md", "Alpha", "10");
  write_topic (f->folder, "z.md", "Zeta", "5");
  write_topic (f->folder, "xx.md", "Banana", NULL);
  write_topic (f->folder, "yy.md", "Apple", NULL);
  write_topic (f->folder, "twin-b.md", "Twin", "7");
  write_topic (f->folder, "twin-a.md", "Twin", "7");
  /* The title from the first heading, a negative weight. */
  m_path = write_file (f->folder, "m.md", "---\nweight: -3\n---\n\n# Minus\n\nText.\n", -1);

  /* Not topics of the library, although they parse. */
  write_topic (f->folder, "notes.txt", "Notes", "0");
  write_topic (f->folder, "README", "Readme", "0");
  write_topic (f->folder, "a.md.orig", "Backup", "0");
  write_topic (f->folder, ".hidden.md", "Hidden", "0");
  /* Folders of Markdown files are topics of their own, one each, titled
   * by their names (syllabus-topic-bundle.c): the files in them are not
   * topics apart. */
  write_topic (sub, "deep.md", "Deep", "0");
  write_topic (dir_md, "inner.md", "Inner", "0");

  g_assert_null (syllabus_library_lookup (f->library, "a"));
  load_fixture (f);

  assert_titles (f->library, "Minus|Zeta|Twin|Twin|Alpha|Beta|Apple|Banana|Folder.md|Sub");
  assert_ids (f->library, "m|z|twin-a|twin-b|a|b|yy|xx|folder.md|sub");
  g_assert_null (syllabus_library_get_problem (f->library));
  g_assert_cmpuint (f->n_problem_notifies, ==, 0);
  g_assert_cmpuint (f->mirror.n_signals, >, 0);

  /* Each is its file in the folder, and can be removed. */
  for (guint i = 0; i < f->mirror.items->len; i++)
    {
      SyllabusTopic *topic = g_ptr_array_index (f->mirror.items, i);
      gboolean is_folder = syllabus_topic_is_folder (topic);
      g_autofree char *name = g_strconcat (syllabus_topic_get_id (topic), is_folder ? "" : ".md",
                                           NULL);
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, path);
      g_assert_true (is_folder == (g_str_equal (name, "sub") || g_str_equal (name, "folder.md")));
      g_assert_true (syllabus_library_is_removable (f->library, topic));
    }

  g_assert_cmpint (syllabus_topic_compare (g_ptr_array_index (f->mirror.items, 0),
                                           g_ptr_array_index (f->mirror.items, 1)), <, 0);
  g_assert_cmpint (syllabus_topic_compare (g_ptr_array_index (f->mirror.items, 3),
                                           g_ptr_array_index (f->mirror.items, 2)), >, 0);
  g_assert_cmpint (syllabus_topic_compare (g_ptr_array_index (f->mirror.items, 7),
                                           g_ptr_array_index (f->mirror.items, 7)), ==, 0);
}

/* A file that cannot be read is named in the problem; the others load. */
static void
test_problem (Fixture       *f,
              gconstpointer  data)
{
  static const char broken[] = "---\ntitle: Broken\n---\n\nLatin-1: caf\xe9\n";
  g_autofree char *broken_path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *good_path = g_build_filename (f->folder, "good.md", NULL);
  const char *problem;

  write_topic (f->folder, "good.md", "Good", "1");
  write_topic (f->folder, "also-good.md", "Also good", NULL);
  broken_path = write_file (f->folder, "broken.md", broken, -1);
  other_path = write_file (f->folder, "other.md", "\xff\xfe\x00\x41", 4);

  load_fixture (f);

  assert_titles (f->library, "Good|Also good");
  problem = syllabus_library_get_problem (f->library);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, broken_path));
  g_assert_nonnull (strstr (problem, other_path));
  g_assert_nonnull (strstr (problem, "UTF-8"));
  g_assert_null (strstr (problem, good_path));
  /* One line for each file. */
  g_assert_nonnull (strchr (problem, '\n'));
  g_assert_null (strchr (strchr (problem, '\n') + 1, '\n'));
  g_assert_cmpuint (f->n_problem_notifies, ==, 1);

  /* The broken files are left alone. */
  assert_file_contents (broken_path, broken, strlen (broken));
  g_assert_null (syllabus_library_lookup (f->library, "broken"));
}

/* No folder yet is no problem: the user simply has no topics of their own. */
static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  load_fixture (f);

  g_assert_null (syllabus_library_get_problem (f->library));
  g_assert_cmpuint (f->n_problem_notifies, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (f->library)), ==, 0);
  g_assert_cmpuint (f->mirror.n_signals, ==, 0);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));
}

/* A folder that is there but cannot be listed is a problem, named. */
static void
test_folder_not_a_folder (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->folder);
  g_autofree char *path = write_file (parent, "topics", "not a folder", -1);
  const char *problem;

  g_assert_cmpstr (path, ==, f->folder);
  load_fixture (f);

  problem = syllabus_library_get_problem (f->library);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, f->folder));
  g_assert_cmpuint (f->n_problem_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (f->library)), ==, 0);
}

/* A file opened from elsewhere is copied, byte for byte, into a folder of
 * its own in the user's folder (created if need be) and listed; the
 * original stays where it was. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  /* A byte order mark and CRLF line ends must survive the copy. */
  static const char text[] =
    "\xEF\xBB\xBF---\r\ntitle: Mine\r\nweight: 4\r\n---\r\n\r\nMy own topic.\r\n\r\n"
    "## Learning resources\r\n\r\n- [Mine](https://example.org/mine)\r\n";
  g_autofree char *source = write_file (f->elsewhere, "mine.md", text, -1);
  g_autofree char *own_folder = g_build_filename (f->folder, "mine", NULL);
  g_autofree char *target = g_build_filename (own_folder, "mine.md", NULL);
  g_autofree char *folder_uri = NULL;
  g_autofree char *base_uri = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(SyllabusTopic) elsewhere_topic = NULL;
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;

  write_topic (f->folder, "first.md", "First", "1");
  write_topic (f->folder, "last.md", "Last", NULL);
  load_fixture (f);

  topic = import (f->library, source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "mine");
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "Mine");
  g_assert_cmpint (syllabus_topic_get_weight (topic), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (topic)), ==, 1);

  /* The copy is the topic's file now, and links resolve beside it. */
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, target);
  assert_file_contents (target, text, strlen (text));
  assert_file_contents (source, text, strlen (text));
  assert_folder (f->folder, "first.md|last.md|mine");
  assert_folder (own_folder, ".syllabus-source|mine.md");
  folder_uri = g_filename_to_uri (own_folder, NULL, NULL);
  base_uri = g_strconcat (folder_uri, "/", NULL);
  g_assert_cmpstr (syllabus_topic_get_base_uri (topic), ==, base_uri);

  /* Listed in its place, and what the library hands out is the listed
   * topic. */
  assert_titles (f->library, "First|Mine|Last");
  g_assert_true (syllabus_library_lookup (f->library, "mine") == topic);
  g_assert_true (syllabus_library_is_removable (f->library, topic));

  /* The original, read where it is, is not the library's to delete. */
  elsewhere_topic = syllabus_topic_load_file (source_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (syllabus_library_is_removable (f->library, elsewhere_topic));
}

/* Images the page shows from its folder come along with the copy;
 * nothing from outside that folder does. */
static void
test_import_images (Fixture       *f,
                    gconstpointer  data)
{
  static const char text[] =
    "# Pictures\n\n![local](pic.png) ![nested](img/deep.png?v=2) ![missing](gone.png)\n"
    "![outside](../outside.png) ![absolute](/etc/hostname) ![remote](https://example.org/r.png)\n\n"
    "## Learning Resources\n\n- [One](https://example.org/one)\n";
  g_autofree char *source = write_file (f->elsewhere, "pictures.md", text, -1);
  g_autofree char *pic G_GNUC_UNUSED = write_file (f->elsewhere, "pic.png", "PNG1", -1);
  g_autofree char *img_dir = g_build_filename (f->elsewhere, "img", NULL);
  g_autofree char *deep G_GNUC_UNUSED = write_file (img_dir, "deep.png", "PNG2", -1);
  g_autofree char *parent = g_path_get_dirname (f->elsewhere);
  g_autofree char *outside = write_file (parent, "outside.png", "SECRET", -1);
  g_autofree char *own_folder = g_build_filename (f->folder, "pictures", NULL);
  g_autofree char *copied_pic = g_build_filename (own_folder, "pic.png", NULL);
  g_autofree char *copied_deep = g_build_filename (own_folder, "img", "deep.png", NULL);
  g_autofree char *folder_parent = g_path_get_dirname (f->folder);
  g_autofree char *leaked = g_build_filename (folder_parent, "outside.png", NULL);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  load_fixture (f);
  topic = import (f->library, source, &error);
  g_assert_no_error (error);

  assert_file_contents (copied_pic, "PNG1", 4);
  assert_file_contents (copied_deep, "PNG2", 4);
  /* "../outside.png" would have landed beside the folder. */
  if (g_strcmp0 (leaked, outside) != 0)
    g_assert_false (g_file_test (leaked, G_FILE_TEST_EXISTS));
  assert_folder (f->folder, "pictures");
  assert_folder (own_folder, ".syllabus-source|img|pic.png|pictures.md");
  g_assert_cmpint (g_remove (outside), ==, 0);

  /* Removing the topic takes what was copied with it. */
  g_assert_true (syllabus_library_remove (f->library, topic, &error));
  g_assert_no_error (error);
  assert_folder (f->folder, "");
}

/* Opening before anything is loaded creates the folder. */
static void
test_import_creates_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *text = topic_text ("Fresh", NULL);
  g_autofree char *source = write_file (f->elsewhere, "fresh.md", text, -1);
  g_autofree char *target = g_build_filename (f->folder, "fresh", "fresh.md", NULL);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  topic = import (f->library, source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);
  assert_file_contents (target, text, strlen (text));
  assert_titles (f->library, "Fresh");

  /* The load that follows finds the same topic, once. */
  load_fixture (f);
  assert_titles (f->library, "Fresh");
}

/* A file that is not a topic is refused, and nothing is copied: least of
 * all over a good topic of the same name. */
static void
test_import_broken (Fixture       *f,
                    gconstpointer  data)
{
  static const char broken[] = "---\ntitle: Mine\n---\n\n\xc3\x28 is not UTF-8\n";
  g_autofree char *good = topic_text ("Good", NULL);
  g_autofree char *source = write_file (f->elsewhere, "mine.md", broken, -1);
  g_autofree char *other = write_file (f->elsewhere, "other.md", broken, -1);
  g_autofree char *missing = g_build_filename (f->elsewhere, "missing.md", NULL);
  g_autofree char *target = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  target = write_file (f->folder, "mine.md", good, -1);
  load_fixture (f);
  g_assert_cmpuint (f->mirror.n_signals, ==, 1);

  topic = import (f->library, source, &error);
  g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
  g_assert_null (topic);
  g_clear_error (&error);

  topic = import (f->library, other, &error);
  g_assert_error (error, SYLLABUS_TOPIC_ERROR, SYLLABUS_TOPIC_ERROR_ENCODING);
  g_assert_null (topic);
  g_clear_error (&error);

  topic = import (f->library, missing, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (topic);

  assert_folder (f->folder, "mine.md");
  assert_file_contents (target, good, strlen (good));
  assert_titles (f->library, "Good");
  g_assert_cmpuint (f->mirror.n_signals, ==, 1);
}

/* Opening the same file again, changed, replaces its copy without
 * asking. */
static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *first = topic_text ("First version", "1");
  g_autofree char *second = topic_text ("Second version", "9");
  g_autofree char *source = write_file (f->elsewhere, "mine.md", first, -1);
  g_autofree char *target = g_build_filename (f->folder, "mine", "mine.md", NULL);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(SyllabusTopic) again = NULL;
  g_autoptr(GError) error = NULL;

  write_topic (f->folder, "other.md", "Other", "5");
  load_fixture (f);

  topic = import (f->library, source, &error);
  g_assert_no_error (error);
  assert_titles (f->library, "First version|Other");

  g_free (write_file (f->elsewhere, "mine.md", second, -1));
  again = import (f->library, source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (again != topic);

  assert_titles (f->library, "Other|Second version");
  g_assert_true (syllabus_library_lookup (f->library, "mine") == again);
  assert_file_contents (target, second, strlen (second));
  assert_folder (f->folder, "mine|other.md");
}

/* Opening a file that is already in the folder neither copies nor
 * duplicates it, but reads it again. */
static void
test_import_in_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = topic_text ("Mine", NULL);
  g_autofree char *renamed = topic_text ("Renamed", NULL);
  g_autofree char *path = write_file (f->folder, "mine.md", text, -1);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(SyllabusTopic) again = NULL;
  g_autoptr(GError) error = NULL;

  load_fixture (f);
  assert_titles (f->library, "Mine");

  topic = import (f->library, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, path);
  assert_titles (f->library, "Mine");
  assert_folder (f->folder, "mine.md");
  g_assert_true (syllabus_library_lookup (f->library, "mine") == topic);

  g_free (write_file (f->folder, "mine.md", renamed, -1));
  again = import (f->library, path, &error);
  g_assert_no_error (error);
  assert_titles (f->library, "Renamed");
  assert_folder (f->folder, "mine.md");
  assert_file_contents (path, renamed, strlen (renamed));
}

/* Removing deletes the file and takes the topic off the list; only files
 * in the user's folder can go. */
static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *b_text = topic_text ("Bravo", "2");
  g_autofree char *a_path = g_build_filename (f->folder, "a.md", NULL);
  g_autofree char *b_path = NULL;
  g_autofree char *b_elsewhere = write_file (f->elsewhere, "b.md", b_text, -1);
  g_autoptr(GFile) b_elsewhere_file = g_file_new_for_path (b_elsewhere);
  g_autoptr(SyllabusTopic) a = NULL;
  g_autoptr(SyllabusTopic) loose = NULL;
  g_autoptr(SyllabusTopic) outside = NULL;
  g_autoptr(GError) error = NULL;

  write_topic (f->folder, "a.md", "Alpha", "1");
  b_path = write_file (f->folder, "b.md", b_text, -1);
  load_fixture (f);

  a = g_object_ref (syllabus_library_lookup (f->library, "a"));
  g_assert_true (syllabus_library_is_removable (f->library, a));
  g_assert_true (syllabus_library_remove (f->library, a, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (a_path, G_FILE_TEST_EXISTS));
  g_assert_null (syllabus_library_lookup (f->library, "a"));
  assert_titles (f->library, "Bravo");
  mirror_assert_matches (&f->mirror);

  /* Removing it again has nothing left to do. */
  g_assert_true (syllabus_library_remove (f->library, a, &error));
  g_assert_no_error (error);
  assert_titles (f->library, "Bravo");

  /* A topic without a file, and one whose file is elsewhere, are not the
   * library's to delete, even with the id of a listed one. */
  loose = syllabus_topic_new_from_data ("b", NULL, b_text, strlen (b_text), &error);
  g_assert_no_error (error);
  g_assert_false (syllabus_library_is_removable (f->library, loose));
  g_assert_false (syllabus_library_remove (f->library, loose, &error));
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE);
  g_assert_nonnull (strstr (error->message, "Bravo"));
  g_clear_error (&error);

  outside = syllabus_topic_load_file (b_elsewhere_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (syllabus_library_is_removable (f->library, outside));
  g_assert_false (syllabus_library_remove (f->library, outside, &error));
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE);
  g_clear_error (&error);

  g_assert_true (g_file_test (b_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (b_elsewhere, G_FILE_TEST_EXISTS));
  assert_titles (f->library, "Bravo");

  /* The last one goes too, even when its file was deleted by other means
   * meanwhile. */
  g_assert_cmpint (g_remove (b_path), ==, 0);
  g_assert_true (syllabus_library_remove (f->library, syllabus_library_lookup (f->library, "b"),
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (f->library)), ==, 0);
  assert_folder (f->folder, "");
}

static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SyllabusTopic) first = NULL;
  g_autoptr(SyllabusTopic) second = NULL;

  write_topic (f->folder, "a.md", "Alpha", "1");
  write_topic (f->folder, "b.md", "Bravo", "2");
  load_fixture (f);

  first = g_list_model_get_item (syllabus_library_get_topics (f->library), 0);
  second = g_list_model_get_item (syllabus_library_get_topics (f->library), 1);
  g_assert_true (syllabus_library_lookup (f->library, "a") == first);
  g_assert_true (syllabus_library_lookup (f->library, "b") == second);
  g_assert_null (syllabus_library_lookup (f->library, "a.md"));
  g_assert_null (syllabus_library_lookup (f->library, "Alpha"));
  g_assert_null (syllabus_library_lookup (f->library, "c"));
  g_assert_null (syllabus_library_lookup (f->library, ""));
}

/* Shipped topics (here from this test's own GResource) are listed with the
 * user's and cannot be removed. A user's file named as a shipped topic (as
 * a user's rust.md is named as the shipped Rust) never hides it: both are
 * listed, the user's under an id of its own, the same at every start. */
static void
test_shipped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) bundled = NULL;
  g_autofree char *mine = topic_text ("My only", NULL);
  g_autofree char *source = write_file (f->elsewhere, "only.md", mine, -1);
  g_autofree char *shared_path = g_build_filename (f->folder, "shared.md", NULL);
  g_autoptr(SyllabusTopic) imported = NULL;
  g_autoptr(SyllabusLibrary) again = NULL;
  SyllabusTopic *topic;
  g_autoptr(GError) error = NULL;

  bundled = syllabus_library_load_bundled (SHIPPED_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundled);
  g_assert_cmpuint (bundled->len, ==, 2);
  g_assert_cmpstr (syllabus_topic_get_id (g_ptr_array_index (bundled, 0)), ==, "only");
  g_assert_cmpstr (syllabus_topic_get_title (g_ptr_array_index (bundled, 1)), ==,
                   "Shipped and shared");
  g_assert_null (syllabus_topic_get_file (g_ptr_array_index (bundled, 0)));

  write_topic (f->folder, "shared.md", "Mine and shared", "3");
  write_topic (f->folder, "own.md", "Own", NULL);
  load_fixture (f);

  assert_titles (f->library, "Shipped only|Shipped and shared|Mine and shared|Own");
  assert_ids (f->library, "only|shared|shared-2|own");
  g_assert_null (syllabus_topic_get_file (syllabus_library_lookup (f->library, "shared")));
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (syllabus_library_lookup (f->library,
                                                                                       "shared-2"))),
                   ==, shared_path);
  topic = syllabus_library_lookup (f->library, "only");
  g_assert_null (syllabus_topic_get_file (topic));
  g_assert_false (syllabus_library_is_removable (f->library, topic));
  g_assert_false (syllabus_library_remove (f->library, topic, &error));
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NOT_REMOVABLE);
  g_assert_nonnull (strstr (error->message, "Shipped only"));
  g_clear_error (&error);

  /* The next start gives the same ids. */
  again = syllabus_library_new (SHIPPED_PATH, NULL);
  g_assert_true (load (again, &error));
  g_assert_no_error (error);
  assert_ids (again, "only|shared|shared-2|own");

  /* Removing the user's topic leaves the shipped one. */
  topic = syllabus_library_lookup (f->library, "shared-2");
  g_assert_true (syllabus_library_remove (f->library, topic, &error));
  g_assert_no_error (error);
  assert_titles (f->library, "Shipped only|Shipped and shared|Own");
  g_assert_false (g_file_test (shared_path, G_FILE_TEST_EXISTS));
  mirror_assert_matches (&f->mirror);

  /* A file opened with a shipped topic's name is listed beside it,
   * without asking. */
  imported = import (f->library, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (imported), ==, "only-2");
  assert_titles (f->library, "Shipped only|Shipped and shared|My only|Own");
  g_assert_true (syllabus_library_lookup (f->library, "only-2") == imported);
  g_assert_cmpstr (syllabus_topic_get_title (syllabus_library_lookup (f->library, "only")), ==,
                   "Shipped only");
  g_assert_true (syllabus_library_remove (f->library, imported, &error));
  g_assert_no_error (error);
  assert_titles (f->library, "Shipped only|Shipped and shared|Own");
  assert_folder (f->folder, "own.md");
}

/* A shipped folder that is not there is a bug of the program: the load
 * fails rather than showing nothing. */
static void
test_shipped_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) bundled = NULL;
  g_autoptr(GError) error = NULL;

  bundled = syllabus_library_load_bundled ("/io/github/syllabus/SyllabusTests/none/", &error);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  g_assert_null (bundled);
  g_clear_error (&error);

  g_assert_false (load (f->library, &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* A file opened at start-up is imported while the folder is still being
 * read (here replacing a copy of the earlier layout, as the user chose).
 * Whichever would finish first, the library ends up with what the import
 * wrote, listed once, and not the older copy the load may have read; a
 * topic removed while loading stays removed. */
static void
test_import_while_loading (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *old_text = topic_text ("Old", "1");
  g_autofree char *new_text = topic_text ("New", "1");
  g_autofree char *source = write_file (f->elsewhere, "race.md", new_text, -1);
  g_autofree char *loose = g_build_filename (f->folder, "race.md", NULL);
  g_autofree char *own_folder = g_build_filename (f->folder, "race", NULL);
  g_autofree char *target = g_build_filename (own_folder, "race.md", NULL);
  g_autofree char *note = g_build_filename (own_folder, ".syllabus-source", NULL);

  /* Enough files that reading the folder takes a while. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("filler-%03u.md", i);
      g_autofree char *title = g_strdup_printf ("Filler %03u", i);

      write_topic (f->folder, name, title, "50");
    }

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(SyllabusLibrary) library = syllabus_library_new (NULL, NULL);
      g_autoptr(SyllabusTopic) topic = NULL;
      g_autoptr(GAsyncResult) load_result = NULL;
      g_autoptr(GAsyncResult) import_result = NULL;
      GAsyncResult *load_slot = NULL;
      GAsyncResult *import_slot = NULL;
      g_autoptr(GFile) source_file = g_file_new_for_path (source);
      g_autoptr(GError) error = NULL;
      Mirror mirror;

      g_free (write_file (f->folder, "race.md", old_text, -1));
      g_remove (target);
      g_remove (note);
      g_rmdir (own_folder);
      mirror_init (&mirror, syllabus_library_get_topics (library));

      syllabus_library_load_async (library, NULL, keep_result_cb, &load_slot);
      syllabus_library_import_async (library, source_file, SYLLABUS_LIBRARY_IMPORT_REPLACE, NULL,
                                     keep_result_cb, &import_slot);
      import_result = wait_for (&import_slot);
      load_result = wait_for (&load_slot);

      topic = syllabus_library_import_finish (library, import_result, &error);
      g_assert_no_error (error);
      g_assert_true (syllabus_library_load_finish (library, load_result, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (library)), ==, 151);
      g_assert_true (syllabus_library_lookup (library, "race") == topic);
      g_assert_cmpstr (syllabus_topic_get_title (topic), ==, "New");
      assert_file_contents (target, new_text, strlen (new_text));
      g_assert_false (g_file_test (loose, G_FILE_TEST_EXISTS));

      mirror_clear (&mirror);
    }

  /* Removed while the folder is read: it must not come back. */
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(SyllabusLibrary) library = syllabus_library_new (NULL, NULL);
      g_autoptr(SyllabusTopic) topic = NULL;
      GAsyncResult *load_slot = NULL;
      g_autoptr(GAsyncResult) load_result = NULL;
      g_autoptr(GError) error = NULL;

      topic = import (library, source, &error);
      g_assert_no_error (error);

      syllabus_library_load_async (library, NULL, keep_result_cb, &load_slot);
      g_assert_true (syllabus_library_remove (library, topic, &error));
      g_assert_no_error (error);
      load_result = wait_for (&load_slot);
      g_assert_true (syllabus_library_load_finish (library, load_result, &error));
      g_assert_no_error (error);

      g_assert_null (syllabus_library_lookup (library, "race"));
      g_assert_cmpuint (g_list_model_get_n_items (syllabus_library_get_topics (library)), ==, 150);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    }
}

/* Runs the main loop until the titles listed are @expected, as the
 * library finds a change in its folder a moment after it happens. */
static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for_titles (SyllabusLibrary *library,
                 const char      *expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  for (;;)
    {
      g_autofree char *titles = list_titles (library, FALSE);

      if (g_str_equal (titles, expected) || g_get_monotonic_time () > deadline)
        {
          g_source_remove (wake);
          g_assert_cmpstr (titles, ==, expected);
          return;
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_for_problem (SyllabusLibrary *library,
                  gboolean         expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while ((syllabus_library_get_problem (library) != NULL) != expected &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_cmpint (syllabus_library_get_problem (library) != NULL, ==, expected);
}

/* "syllabus /x/a/notes.md", then "syllabus /x/b/notes.md": another page
 * of the same name. Opening it asks first (the import fails with
 * NAME_TAKEN and changes nothing); "Keep Both" lists it as notes-2 beside
 * the first, whose copy stays as it was. Opening either file again
 * replaces its own copy without asking, and a page the same as one listed
 * is that topic. "Replace" puts a page in the first one's place, under
 * its id, so that its progress stays with it. */
static void
test_same_name (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a_dir = g_build_filename (f->elsewhere, "a", NULL);
  g_autofree char *b_dir = g_build_filename (f->elsewhere, "b", NULL);
  g_autofree char *c_dir = g_build_filename (f->elsewhere, "c", NULL);
  g_autofree char *d_dir = g_build_filename (f->elsewhere, "d", NULL);
  g_autofree char *a_text = topic_text ("Notes A", NULL);
  g_autofree char *b_text = topic_text ("Notes B", NULL);
  g_autofree char *a_revised = topic_text ("Notes A revised", NULL);
  g_autofree char *b_revised = topic_text ("Notes B revised", NULL);
  g_autofree char *d_text = topic_text ("Notes D", NULL);
  g_autofree char *a = write_file (a_dir, "notes.md", a_text, -1);
  g_autofree char *b = write_file (b_dir, "notes.md", b_text, -1);
  g_autofree char *d = write_file (d_dir, "notes.md", d_text, -1);
  g_autofree char *c = NULL;
  g_autofree char *first_copy = g_build_filename (f->folder, "notes", "notes.md", NULL);
  g_autofree char *second_copy = g_build_filename (f->folder, "notes-2", "notes-2.md", NULL);
  g_autoptr(SyllabusTopic) first = NULL;
  g_autoptr(SyllabusTopic) second = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(SyllabusLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_signals;

  load_fixture (f);

  first = import (f->library, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (first), ==, "notes");
  n_signals = f->mirror.n_signals;

  second = import (f->library, b, &error);
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NAME_TAKEN);
  g_assert_null (second);
  g_clear_error (&error);
  assert_file_contents (first_copy, a_text, strlen (a_text));
  assert_titles (f->library, "Notes A");
  g_assert_cmpuint (f->mirror.n_signals, ==, n_signals);

  second = import_as (f->library, b, SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (second), ==, "notes-2");
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (second)), ==, second_copy);
  assert_titles (f->library, "Notes A|Notes B");
  g_assert_true (syllabus_library_lookup (f->library, "notes") == first);
  assert_file_contents (first_copy, a_text, strlen (a_text));
  assert_file_contents (second_copy, b_text, strlen (b_text));
  assert_folder (f->folder, "notes|notes-2");

  /* Each file again, changed: its own copy, without asking. */
  g_free (write_file (a_dir, "notes.md", a_revised, -1));
  g_clear_object (&topic);
  topic = import (f->library, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "notes");
  g_free (write_file (b_dir, "notes.md", b_revised, -1));
  g_clear_object (&topic);
  topic = import (f->library, b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "notes-2");
  assert_titles (f->library, "Notes A revised|Notes B revised");
  assert_file_contents (first_copy, a_revised, strlen (a_revised));
  assert_file_contents (second_copy, b_revised, strlen (b_revised));

  /* The same page as a listed one, from another folder: that topic. */
  c = write_file (c_dir, "notes.md", a_revised, -1);
  g_clear_object (&topic);
  topic = import (f->library, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "notes");
  assert_titles (f->library, "Notes A revised|Notes B revised");

  /* Replace: another page takes the place of the first, under its id. */
  g_clear_object (&topic);
  topic = import (f->library, d, &error);
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NAME_TAKEN);
  g_clear_error (&error);
  topic = import_as (f->library, d, SYLLABUS_LIBRARY_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "notes");
  assert_titles (f->library, "Notes B revised|Notes D");
  assert_file_contents (first_copy, d_text, strlen (d_text));
  assert_file_contents (second_copy, b_revised, strlen (b_revised));
  assert_folder (f->folder, "notes|notes-2");

  /* The next start lists both under the same ids. */
  again = syllabus_library_new (NULL, NULL);
  g_assert_true (load (again, &error));
  g_assert_no_error (error);
  assert_ids (again, "notes-2|notes");
}

/* Two pages showing an image of the same name, each from its own folder:
 * each copy keeps its own image. */
static void
test_images_apart (Fixture       *f,
                   gconstpointer  data)
{
  static const char text_a[] = "# Pictures A\n\n![a](pic.png)\n";
  static const char text_b[] = "# Pictures B\n\n![b](pic.png)\n";
  g_autofree char *a_dir = g_build_filename (f->elsewhere, "a", NULL);
  g_autofree char *b_dir = g_build_filename (f->elsewhere, "b", NULL);
  g_autofree char *a = write_file (a_dir, "pictures.md", text_a, -1);
  g_autofree char *b = write_file (b_dir, "pictures.md", text_b, -1);
  g_autofree char *a_pic G_GNUC_UNUSED = write_file (a_dir, "pic.png", "PNG-A", -1);
  g_autofree char *b_pic G_GNUC_UNUSED = write_file (b_dir, "pic.png", "PNG-B", -1);
  g_autofree char *a_copy = g_build_filename (f->folder, "pictures", "pic.png", NULL);
  g_autofree char *b_copy = g_build_filename (f->folder, "pictures-2", "pic.png", NULL);
  g_autoptr(SyllabusTopic) first = NULL;
  g_autoptr(SyllabusTopic) second = NULL;
  g_autoptr(GError) error = NULL;

  load_fixture (f);
  first = import (f->library, a, &error);
  g_assert_no_error (error);
  second = import_as (f->library, b, SYLLABUS_LIBRARY_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);

  assert_file_contents (a_copy, "PNG-A", 5);
  assert_file_contents (b_copy, "PNG-B", 5);
  g_assert_cmpstr (syllabus_topic_get_title (first), ==, "Pictures A");
  g_assert_cmpstr (syllabus_topic_get_title (second), ==, "Pictures B");
  assert_folder (f->folder, "pictures|pictures-2");
}

/* A folder from an earlier version: copies loose in it, their images
 * beside them. They are read as before, under the same ids, their images
 * shown from there. Replacing one moves it into a folder of its own, with
 * its images (from its source or, missing there, from the old copy's
 * folder), and leaves the other topics' files alone. */
static void
test_earlier_layout (Fixture       *f,
                     gconstpointer  data)
{
  static const char old_text[] =
    "# Old\n\n![p](pic.png) ![k](keep.png)\n\n## Learning Resources\n\n- [X](https://example.org/x)\n";
  static const char new_text[] =
    "# Replaced\n\n![p](pic.png) ![k](keep.png)\n\n## Learning Resources\n\n- [X](https://example.org/x)\n";
  g_autofree char *old_path = write_file (f->folder, "old.md", old_text, -1);
  g_autofree char *old_pic = write_file (f->folder, "pic.png", "OLD-PIC", -1);
  g_autofree char *old_keep = write_file (f->folder, "keep.png", "KEEP", -1);
  g_autofree char *source_dir = g_build_filename (f->elsewhere, "b", NULL);
  g_autofree char *source = write_file (source_dir, "old.md", new_text, -1);
  g_autofree char *source_pic G_GNUC_UNUSED = write_file (source_dir, "pic.png", "NEW-PIC", -1);
  g_autofree char *own_folder = g_build_filename (f->folder, "old", NULL);
  g_autofree char *folder_uri = g_filename_to_uri (f->folder, NULL, NULL);
  g_autofree char *base_uri = g_strconcat (folder_uri, "/", NULL);
  g_autofree char *new_pic = g_build_filename (own_folder, "pic.png", NULL);
  g_autofree char *new_keep = g_build_filename (own_folder, "keep.png", NULL);
  g_autofree char *new_path = g_build_filename (own_folder, "old.md", NULL);
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  SyllabusTopic *old;

  write_topic (f->folder, "other.md", "Other", NULL);
  load_fixture (f);

  old = syllabus_library_lookup (f->library, "old");
  g_assert_nonnull (old);
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (old)), ==, old_path);
  g_assert_cmpstr (syllabus_topic_get_base_uri (old), ==, base_uri);
  g_assert_true (syllabus_library_is_removable (f->library, old));

  /* Another page of its name asks, and changes nothing until answered. */
  topic = import (f->library, source, &error);
  g_assert_error (error, SYLLABUS_LIBRARY_ERROR, SYLLABUS_LIBRARY_ERROR_NAME_TAKEN);
  g_clear_error (&error);
  assert_file_contents (old_path, old_text, strlen (old_text));

  topic = import_as (f->library, source, SYLLABUS_LIBRARY_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, "old");
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, new_path);
  assert_titles (f->library, "Other|Replaced");
  assert_file_contents (new_path, new_text, strlen (new_text));
  assert_file_contents (new_pic, "NEW-PIC", 7);
  assert_file_contents (new_keep, "KEEP", 4);
  /* The images of the earlier layout may be other topics' too: kept. */
  assert_file_contents (old_pic, "OLD-PIC", 7);
  assert_file_contents (old_keep, "KEEP", 4);
  assert_folder (f->folder, "keep.png|old|other.md|pic.png");
}

/* A topic file edited, added or deleted in the user's folder (by an
 * editor, a sync tool) shows in the list a moment later, without a
 * restart, under the same id, so that its progress follows; a file made
 * unreadable is named in the problem, and listed as it was until it is
 * fixed. */
static void
test_watch (Fixture       *f,
            gconstpointer  data)
{
  static const char broken[] = "---\ntitle: Broken\n---\n\ncaf\xe9\n";
  g_autofree char *own_text = topic_text ("Own before", NULL);
  g_autofree char *own_after = topic_text ("Own after", NULL);
  g_autofree char *own_source = write_file (f->elsewhere, "own.md", own_text, -1);
  g_autofree char *own_folder = g_build_filename (f->folder, "own", NULL);
  g_autofree char *added = NULL;
  g_autoptr(SyllabusTopic) own = NULL;
  g_autoptr(GError) error = NULL;
  SyllabusTopic *edited;
  guint n_signals;

  write_topic (f->folder, "edited.md", "Before", "1");
  load_fixture (f);
  own = import (f->library, own_source, &error);
  g_assert_no_error (error);
  assert_titles (f->library, "Before|Own before");
  n_signals = f->mirror.n_signals;

  write_topic (f->folder, "edited.md", "After", "1");
  wait_for_titles (f->library, "After|Own before");
  edited = syllabus_library_lookup (f->library, "edited");
  g_assert_cmpstr (syllabus_topic_get_title (edited), ==, "After");
  g_assert_cmpuint (g_list_model_get_n_items (syllabus_topic_get_resources (edited)), ==, 2);
  g_assert_cmpuint (f->mirror.n_signals, >, n_signals);

  write_topic (f->folder, "added.md", "Added", "2");
  wait_for_titles (f->library, "After|Added|Own before");

  /* A copied topic, in its own folder. */
  g_free (write_file (own_folder, "own.md", own_after, -1));
  wait_for_titles (f->library, "After|Added|Own after");
  g_assert_cmpstr (syllabus_topic_get_id (syllabus_library_lookup (f->library, "own")), ==, "own");

  added = g_build_filename (f->folder, "added.md", NULL);
  g_assert_cmpint (g_remove (added), ==, 0);
  wait_for_titles (f->library, "After|Own after");

  g_assert_null (syllabus_library_get_problem (f->library));
  g_free (write_file (f->folder, "edited.md", broken, -1));
  wait_for_problem (f->library, TRUE);
  assert_titles (f->library, "After|Own after");
  write_topic (f->folder, "edited.md", "Fixed", "1");
  wait_for_titles (f->library, "Fixed|Own after");
  wait_for_problem (f->library, FALSE);
  mirror_assert_matches (&f->mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/library/order", test_order, NULL);
  ADD ("/library/problem", test_problem, NULL);
  ADD ("/library/missing-folder", test_missing_folder, NULL);
  ADD ("/library/folder-not-a-folder", test_folder_not_a_folder, NULL);
  ADD ("/library/import", test_import, NULL);
  ADD ("/library/import-images", test_import_images, NULL);
  ADD ("/library/import-creates-folder", test_import_creates_folder, NULL);
  ADD ("/library/import-broken", test_import_broken, NULL);
  ADD ("/library/reimport", test_reimport, NULL);
  ADD ("/library/import-in-folder", test_import_in_folder, NULL);
  ADD ("/library/remove", test_remove, NULL);
  ADD ("/library/lookup", test_lookup, NULL);
  ADD ("/library/shipped", test_shipped, SHIPPED_PATH);
  ADD ("/library/shipped-missing", test_shipped_missing, "/io/github/syllabus/SyllabusTests/none/");
  ADD ("/library/import-while-loading", test_import_while_loading, NULL);
  ADD ("/library/same-name", test_same_name, NULL);
  ADD ("/library/images-apart", test_images_apart, NULL);
  ADD ("/library/earlier-layout", test_earlier_layout, NULL);
  ADD ("/library/watch", test_watch, NULL);

#undef ADD

  return g_test_run ();
}
