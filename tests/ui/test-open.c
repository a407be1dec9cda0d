/* test-open.c
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

/* "syllabus some-topic.md": runs the real application with a topic file on
 * its command line (meson wraps this program in xvfb-run and
 * dbus-run-session, and every test has temporary XDG folders), and checks
 * that the window shows that topic, that the file was copied into the
 * user's topics and listed in the sidebar, and that it is still there when
 * the application starts again without arguments. "syllabus some-folder/"
 * opens a folder of Markdown files as one topic. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "syllabus-application.h"
#include "syllabus-library.h"
#include "syllabus-resource-row.h"
#include "syllabus-window.h"
#include "ui-test-utils.h"

#define TOPIC_ID "opened-topic"
#define TOPIC_TITLE "Opened from the Command Line"

static const char topic_text[] =
  "---\n"
  "title: " TOPIC_TITLE "\n"
  "weight: 99\n"
  "---\n"
  "\n"
  "A topic that does not come with Syllabus.\n"
  "\n"
  "## Learning resources\n"
  "\n"
  "- [Opened Guide](https://example.org/opened/guide)\n"
  "- [Opened Course](https://example.org/opened/course)\n"
  "- [Opened Talk](https://example.org/opened/talk)\n";

static const char *resource_titles[] = {
  "Opened Guide",
  "Opened Course",
  "Opened Talk",
};

/* What a test knows of the file it opened. */
typedef struct
{
  char *folder;
  char *source;
  char *copy;
} Opened;

static SyllabusLibrary *
get_library (SyllabusWindow *window)
{
  SyllabusLibrary *library = NULL;

  g_object_get (window, "library", &library, NULL);
  g_assert_true (SYLLABUS_IS_LIBRARY (library));

  /* The window holds a reference for as long as it lives. */
  g_object_unref (library);
  return library;
}

/* The one list view of @window that assistive technologies know as
 * @name. */
static GtkListView *
find_list_view (SyllabusWindow *window,
                const char     *name)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkListView *found = NULL;

  ui_test_collect (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, FALSE, views);
  for (guint i = 0; i < views->len; i++)
    {
      g_autofree char *mismatch =
        gtk_test_accessible_check_property (g_ptr_array_index (views, i),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (mismatch == NULL)
        {
          g_assert_null (found);
          found = g_ptr_array_index (views, i);
        }
    }

  g_assert_nonnull (found);
  return found;
}

/* The sidebar. */
static GtkListView *
find_topics_view (SyllabusWindow *window)
{
  return find_list_view (window, "Topics");
}

/* The label on screen in the sidebar that reads @title, or NULL. */
static GtkWidget *
find_sidebar_label (SyllabusWindow *window,
                    const char     *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *found = NULL;

  ui_test_collect (GTK_WIDGET (find_topics_view (window)), GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), title))
      {
        g_assert_null (found);
        found = g_ptr_array_index (labels, i);
      }

  return found;
}

/* How many topics of the library have @id (at most one, if all is well). */
static guint
count_listed (GListModel *topics,
              const char *id)
{
  guint n = g_list_model_get_n_items (topics);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      if (g_str_equal (syllabus_topic_get_id (topic), id))
        count++;
    }

  return count;
}

static void
opened_set_up (Opened *opened)
{
  g_autoptr(GError) error = NULL;

  /* A temporary folder outside the user's data, as a download would be. */
  opened->folder = g_dir_make_tmp ("syllabus-open-XXXXXX", &error);
  g_assert_no_error (error);
  opened->source = g_build_filename (opened->folder, TOPIC_ID ".md", NULL);
  g_assert_true (g_file_set_contents (opened->source, topic_text, -1, &error));
  g_assert_no_error (error);
  opened->copy = g_build_filename (g_get_user_data_dir (), "syllabus", "topics", TOPIC_ID,
                                   TOPIC_ID ".md", NULL);
  g_assert_false (g_file_test (opened->copy, G_FILE_TEST_EXISTS));
}

static void
opened_clear (Opened *opened)
{
  g_assert_cmpint (g_remove (opened->source), ==, 0);
  g_assert_cmpint (g_rmdir (opened->folder), ==, 0);
  g_clear_pointer (&opened->folder, g_free);
  g_clear_pointer (&opened->source, g_free);
  g_clear_pointer (&opened->copy, g_free);
}

static void
assert_copied (Opened *opened)
{
  g_autofree char *contents = NULL;
  g_autofree char *own_dir = g_path_get_dirname (opened->copy);
  g_autofree char *topics_dir = g_path_get_dirname (own_dir);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;
  gsize length;

  g_assert_true (g_file_get_contents (opened->copy, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, topic_text, strlen (topic_text));

  /* Only the copy, in a folder of its own, with the note of where it came
   * from: no temporary files left behind. */
  listing = g_dir_open (topics_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, TOPIC_ID);
  g_assert_null (g_dir_read_name (listing));
  g_clear_pointer (&listing, g_dir_close);
  listing = g_dir_open (own_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_equal (name, TOPIC_ID ".md") || g_str_equal (name, ".syllabus-source"));
      n++;
    }
  g_assert_cmpuint (n, ==, 2);

  /* The original, if still there, is left alone. */
  if (opened->source == NULL)
    return;
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (opened->source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, topic_text, strlen (topic_text));
}

/* The opened topic is shown, with its resources on screen. */
static gboolean
opened_topic_shown (SyllabusApplication *app,
                    gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic;
  g_autoptr(GPtrArray) rows = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;

  topic = syllabus_window_get_topic (window);
  if (topic == NULL || !g_str_equal (syllabus_topic_get_id (topic), TOPIC_ID))
    return FALSE;

  /* The sidebar and the checklist are drawn. */
  rows = ui_test_get_rows (app);
  return rows->len == G_N_ELEMENTS (resource_titles) &&
         syllabus_library_get_loaded (get_library (window)) &&
         find_sidebar_label (window, TOPIC_TITLE) != NULL;
}

static void
assert_listed (SyllabusWindow *window,
               Opened         *opened)
{
  SyllabusLibrary *library = get_library (window);
  GListModel *topics = syllabus_library_get_topics (library);
  SyllabusTopic *topic = syllabus_library_lookup (library, TOPIC_ID);
  GtkListView *view;
  GListModel *model;
  guint n;
  gboolean in_view = FALSE;

  /* Listed once, from the copy, and the user may remove it. */
  g_assert_nonnull (topic);
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, TOPIC_TITLE);
  g_assert_cmpuint (count_listed (topics, TOPIC_ID), ==, 1);
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, opened->copy);
  g_assert_true (syllabus_library_is_removable (library, topic));

  /* With the shipped topics, which it does not replace. */
  g_assert_nonnull (syllabus_library_lookup (library, "rust"));
  g_assert_cmpuint (g_list_model_get_n_items (topics), >, 1);

  /* The sidebar shows the library, this topic included, by its title. */
  view = find_topics_view (window);
  model = G_LIST_MODEL (gtk_list_view_get_model (view));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) item = g_list_model_get_item (model, i);

      if (item == topic)
        in_view = TRUE;
    }
  g_assert_true (in_view);
  g_assert_nonnull (find_sidebar_label (window, TOPIC_TITLE));
}

static gboolean
check_opened (SyllabusApplication *app,
              gpointer             data)
{
  Opened *opened = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusLibrary *library = get_library (window);
  SyllabusTopic *topic = syllabus_window_get_topic (window);
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);
  GtkListView *view;

  /* The window shows the topic as the library lists it: the copy. */
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, TOPIC_TITLE);
  g_assert_true (syllabus_library_lookup (library, TOPIC_ID) == topic);
  g_assert_cmpstr (g_file_peek_path (syllabus_topic_get_file (topic)), ==, opened->copy);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Syllabus");

  /* Its resources are check boxes named by their titles. */
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (resource_titles));
  for (guint i = 0; i < G_N_ELEMENTS (resource_titles); i++)
    {
      GtkWidget *row = ui_test_find_row (app, resource_titles[i]);
      GtkWidget *check;

      g_assert_nonnull (row);
      check = ui_test_row_check_button (row);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_ROLE_CHECKBOX);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, resource_titles[i]);
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }

  /* The file was copied into the user's topics. */
  assert_copied (opened);

  /* The sidebar lists it, and it is the one selected. */
  assert_listed (window, opened);
  view = find_topics_view (window);
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (gtk_list_view_get_model (view))) == topic);

  return TRUE;
}

static void
test_open_file (void)
{
  Opened opened = { NULL };

  opened_set_up (&opened);
  g_assert_true (ui_test_run_app (opened.source, opened_topic_shown, check_opened, &opened));
  opened_clear (&opened);
}

/* Started again without arguments, after the original is gone: the copy
 * is still in the library and in the sidebar. */
static gboolean
library_shown (SyllabusApplication *app,
               gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         syllabus_library_get_loaded (get_library (window)) &&
         syllabus_window_get_topic (window) != NULL &&
         find_sidebar_label (window, TOPIC_TITLE) != NULL;
}

static gboolean
check_still_there (SyllabusApplication *app,
                   gpointer             data)
{
  Opened *opened = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *shown = syllabus_window_get_topic (window);

  assert_listed (window, opened);
  assert_copied (opened);

  /* Settings in memory last as long as the process, which ran the first
   * start too: the window comes back to the topic shown last, the copy,
   * and the sidebar selects it. */
  g_assert_true (syllabus_library_lookup (get_library (window), TOPIC_ID) == shown);
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (gtk_list_view_get_model (find_topics_view (window)))) ==
                 shown);

  return TRUE;
}

static void
test_open_again (void)
{
  Opened opened = { NULL };
  g_autofree char *source = NULL;

  opened_set_up (&opened);
  g_assert_true (ui_test_run_app (opened.source, opened_topic_shown, check_opened, &opened));

  /* The original goes away, as a download might. */
  source = g_strdup (opened.source);
  opened_clear (&opened);
  g_assert_false (g_file_test (source, G_FILE_TEST_EXISTS));

  opened.copy = g_build_filename (g_get_user_data_dir (), "syllabus", "topics", TOPIC_ID,
                                  TOPIC_ID ".md", NULL);
  g_assert_true (ui_test_run_app (NULL, library_shown, check_still_there, &opened));
  g_clear_pointer (&opened.copy, g_free);
}

/* A file that is not a topic is refused with a message, and not copied. */
static gboolean
refusal_shown (SyllabusApplication *app,
               gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      !syllabus_library_get_loaded (get_library (window)))
    return FALSE;

  ui_test_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (strstr (text, "Could not open the topic") != NULL)
        {
          /* The message says why. */
          g_assert_nonnull (strstr (text, "UTF-8"));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
check_refused (SyllabusApplication *app,
               gpointer             data)
{
  Opened *opened = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *shown = syllabus_window_get_topic (window);

  g_assert_false (g_file_test (opened->copy, G_FILE_TEST_EXISTS));
  g_assert_null (syllabus_library_lookup (get_library (window), TOPIC_ID));
  g_assert_null (find_sidebar_label (window, TOPIC_TITLE));

  /* The window shows a shipped topic instead. */
  g_assert_nonnull (shown);
  g_assert_null (syllabus_topic_get_file (shown));

  return TRUE;
}

static void
test_open_broken (void)
{
  Opened opened = { NULL };
  g_autoptr(GError) error = NULL;

  opened_set_up (&opened);
  /* The same topic in Latin-1. */
  g_assert_true (g_file_set_contents (opened.source,
                                      "---\ntitle: " TOPIC_TITLE "\n---\n\nCaf\xe9.\n", -1,
                                      &error));
  g_assert_no_error (error);

  g_assert_true (ui_test_run_app (opened.source, refusal_shown, check_refused, &opened));
  opened_clear (&opened);
}

/* Opening another page of the same name: the window asks. */
typedef struct
{
  /* The label of the button to press, or NULL when nothing must ask */
  const char *button;
  const char *id;
  const char *title;
  gboolean    pressed;
} Answer;

static AdwAlertDialog *
find_alert (SyllabusWindow *window)
{
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new ();

  ui_test_collect (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG, TRUE, dialogs);
  g_assert_cmpuint (dialogs->len, <=, 1);

  return dialogs->len > 0 ? g_ptr_array_index (dialogs, 0) : NULL;
}

static gboolean
shows (SyllabusWindow *window,
       const char     *id,
       const char     *title)
{
  SyllabusTopic *topic = syllabus_window_get_topic (window);

  return topic != NULL && g_str_equal (syllabus_topic_get_id (topic), id) &&
         g_str_equal (syllabus_topic_get_title (topic), title) &&
         find_sidebar_label (window, title) != NULL;
}

/* Ready when the question is on screen (or was answered), or, when
 * nothing must ask, the topic is. */
static gboolean
asked_or_shown (SyllabusApplication *app,
                gpointer             data)
{
  Answer *answer = data;
  SyllabusWindow *window = ui_test_get_window (app);

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      !syllabus_library_get_loaded (get_library (window)))
    return FALSE;

  if (answer->button == NULL)
    return shows (window, answer->id, answer->title);

  return answer->pressed || find_alert (window) != NULL;
}

static gboolean
answer_question (SyllabusApplication *app,
                 gpointer             data)
{
  Answer *answer = data;
  SyllabusWindow *window = ui_test_get_window (app);
  AdwAlertDialog *alert = find_alert (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  if (answer->button == NULL)
    {
      g_assert_null (alert);
      return TRUE;
    }

  if (answer->pressed)
    return alert == NULL && shows (window, answer->id, answer->title);

  /* It names the topic in the way. */
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (adw_alert_dialog_get_heading (alert), TOPIC_TITLE));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), TOPIC_ID ".md"));

  /* The button on screen, once the dialog has come up. */
  ui_test_collect (GTK_WIDGET (alert), GTK_TYPE_BUTTON, TRUE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), answer->button) == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        answer->pressed = TRUE;
        return FALSE;
      }

  return FALSE;
}

static char *
write_page (const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("syllabus-same-XXXXXX", &error);
  g_autofree char *text = g_strdup_printf ("---\ntitle: %s\n---\n\n## Learning resources\n\n"
                                           "- [%s Guide](https://example.org/%s)\n",
                                           title, title, title);
  char *path = g_build_filename (folder, TOPIC_ID ".md", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_page (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
assert_copy (const char *id,
             const char *title)
{
  g_autofree char *name = g_strconcat (id, ".md", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "syllabus", "topics", id,
                                            name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *line = g_strdup_printf ("title: %s\n", title);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, line));
}

/* "syllabus /x/a/opened-topic.md", then "syllabus /x/b/opened-topic.md":
 * another page of the same name. The window asks; "Keep Both" lists the
 * second as opened-topic-2 beside the first, whose copy stays as it was.
 * A third page, "Replace": it takes the first one's place and id. The
 * second file opened again, changed, just replaces its own copy, without
 * asking. */
static void
test_open_same_name (void)
{
  Opened opened = { NULL };
  g_autofree char *second = write_page ("Second Page");
  g_autofree char *third = write_page ("Third Page");
  Answer keep_both = { "_Keep Both", TOPIC_ID "-2", "Second Page" };
  Answer replace = { "_Replace", TOPIC_ID, "Third Page" };
  Answer again = { NULL, TOPIC_ID "-2", "Second Page Revised" };
  g_autofree char *revised = NULL;
  g_autoptr(GError) error = NULL;

  opened_set_up (&opened);
  g_assert_true (ui_test_run_app (opened.source, opened_topic_shown, check_opened, &opened));

  g_assert_true (ui_test_run_app (second, asked_or_shown, answer_question, &keep_both));
  g_assert_true (keep_both.pressed);
  assert_copy (TOPIC_ID, TOPIC_TITLE);
  assert_copy (TOPIC_ID "-2", "Second Page");

  g_assert_true (ui_test_run_app (third, asked_or_shown, answer_question, &replace));
  g_assert_true (replace.pressed);
  assert_copy (TOPIC_ID, "Third Page");
  assert_copy (TOPIC_ID "-2", "Second Page");

  revised = g_strdup_printf ("---\ntitle: Second Page Revised\n---\n\n## Learning resources\n\n"
                             "- [Guide](https://example.org/guide)\n");
  g_assert_true (g_file_set_contents (second, revised, -1, &error));
  g_assert_no_error (error);
  g_assert_true (ui_test_run_app (second, asked_or_shown, answer_question, &again));
  assert_copy (TOPIC_ID "-2", "Second Page Revised");
  assert_copy (TOPIC_ID, "Third Page");

  remove_page (second);
  remove_page (third);
  opened_clear (&opened);
}

/* The user edits the copy of an open topic in the topics folder (with a
 * text editor): the window shows the new page a moment later, without a
 * restart. */
#define EDITED_TITLE "Edited While Open"

static gboolean
edit_copy (SyllabusApplication *app,
           gpointer             data)
{
  Opened *opened = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic = syllabus_window_get_topic (window);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (syllabus_topic_get_title (topic), EDITED_TITLE))
    {
      g_autofree char *text = NULL;

      /* Once, when the window first shows the topic. */
      if (opened->source == NULL)
        return FALSE;
      text = g_strdup_printf ("---\ntitle: " EDITED_TITLE "\n---\n\n## Learning resources\n\n"
                              "- [Opened Guide](https://example.org/opened/guide)\n"
                              "- [Added Later](https://example.org/opened/added)\n");
      g_assert_true (g_file_set_contents (opened->copy, text, -1, &error));
      g_assert_no_error (error);
      g_clear_pointer (&opened->source, g_free);
      return FALSE;
    }

  /* The same topic, read again: its id, its new resources on screen. */
  g_assert_cmpstr (syllabus_topic_get_id (topic), ==, TOPIC_ID);
  g_assert_true (syllabus_library_lookup (get_library (window), TOPIC_ID) == topic);
  rows = ui_test_get_rows (app);
  return rows->len == 2 && ui_test_find_row (app, "Added Later") != NULL &&
         find_sidebar_label (window, EDITED_TITLE) != NULL;
}

/* Ready as long as the topic is shown, before the edit and after. */
static gboolean
opened_topic_listed (SyllabusApplication *app,
                     gpointer             data)
{
  Opened *opened = data;
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic;

  if (opened->source != NULL)
    return opened_topic_shown (app, data);

  topic = window != NULL ? syllabus_window_get_topic (window) : NULL;
  return topic != NULL && g_str_equal (syllabus_topic_get_id (topic), TOPIC_ID);
}

static void
test_open_edited (void)
{
  Opened opened = { NULL };
  g_autofree char *source = NULL;

  opened_set_up (&opened);
  source = g_strdup (opened.source);
  g_assert_true (ui_test_run_app (source, opened_topic_listed, edit_copy, &opened));
  opened.source = g_steal_pointer (&source);
  opened_clear (&opened);
}

/* A long topic: every resource reaches the checklist, even where the
 * list is handed to GTK in steps (see syllabus_list_view_model_in_steps()),
 * and the first rows are there at once. */
#define LONG_TOPIC_ID "long-topic"
#define N_LONG 450

/* What the window held when it was first mapped. */
typedef struct
{
  gboolean mapped;
  char    *topic_id;
  guint    n_rows;
} AtMap;

static gboolean
window_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               data)
{
  AtMap *at_map = data;
  GtkWidget *widget = g_value_get_object (&values[0]);
  g_autoptr(GPtrArray) rows = NULL;
  SyllabusTopic *topic;

  if (!SYLLABUS_IS_WINDOW (widget) || at_map->mapped)
    return TRUE;

  at_map->mapped = TRUE;
  topic = syllabus_window_get_topic (SYLLABUS_WINDOW (widget));
  at_map->topic_id = g_strdup (topic != NULL ? syllabus_topic_get_id (topic) : NULL);
  rows = g_ptr_array_new ();
  ui_test_collect (widget, SYLLABUS_TYPE_RESOURCE_ROW, FALSE, rows);
  at_map->n_rows = rows->len;

  return TRUE;
}

static gboolean
long_topic_shown (SyllabusApplication *app,
                  gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic;
  g_autoptr(GPtrArray) rows = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;

  topic = syllabus_window_get_topic (window);
  if (topic == NULL || !g_str_equal (syllabus_topic_get_id (topic), LONG_TOPIC_ID))
    return FALSE;

  rows = ui_test_get_rows (app);
  return rows->len > 0;
}

static gboolean
check_long_topic (SyllabusApplication *app,
                  gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (find_list_view (window, "Learning resources")));
  g_autoptr(SyllabusResource) first = NULL;
  g_autoptr(SyllabusResource) last = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* Polled until the whole list has arrived. */
  if (g_list_model_get_n_items (model) < N_LONG)
    return FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_LONG);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, N_LONG - 1);
  g_assert_cmpstr (syllabus_resource_get_title (first), ==, "Long resource 1");
  g_assert_cmpstr (syllabus_resource_get_title (last), ==, "Long resource " G_STRINGIFY (N_LONG));

  /* The first one is on screen, as a check box named by its title. */
  g_assert_nonnull (ui_test_find_row (app, "Long resource 1"));
  rows = ui_test_get_rows (app);
  g_assert_cmpuint (rows->len, <=, N_LONG);

  return TRUE;
}

static void
test_open_long (void)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: A Long Topic\n---\n\n## Learning Resources\n\n");
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= N_LONG; i++)
    g_string_append_printf (text, "- [Long resource %u](https://example.org/long/%u)\n", i, i);

  folder = g_dir_make_tmp ("syllabus-long-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, LONG_TOPIC_ID ".md", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  {
    AtMap at_map = { 0 };
    gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
    guint map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);
    gulong hook = g_signal_add_emission_hook (map_signal, 0, window_mapped_hook, &at_map, NULL);

    g_assert_true (ui_test_run_app (path, long_topic_shown, check_long_topic, NULL));
    g_signal_remove_emission_hook (map_signal, hook);
    g_type_class_unref (widget_class);

    /* The window waited for the file: its first frame shows the topic,
     * with the rows of a screen, not the 200 GTK's list view makes at
     * once for a long model. The wait has a limit (300 ms), which a
     * sanitizer build may pass. */
    g_assert_true (at_map.mapped);
#if defined(__SANITIZE_ADDRESS__)
    if (g_strcmp0 (at_map.topic_id, LONG_TOPIC_ID) != 0)
      g_test_message ("Under the sanitizer the window mapped before the file was in");
    else
#endif
      {
        g_assert_cmpstr (at_map.topic_id, ==, LONG_TOPIC_ID);
        g_assert_cmpuint (at_map.n_rows, >, 0);
        g_assert_cmpuint (at_map.n_rows, <, 100);
      }
    g_free (at_map.topic_id);
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* A folder as one topic: "syllabus FOLDER", a resource ticked, the folder
 * renumbered and opened again, the tick still there. */

#define FOLDER_ID "ui-garden"
#define FOLDER_TITLE "Window Garden"
#define FOLDER_RESOURCE "Folder Guide"
#define FOLDER_URL "https://example.org/folder/guide"

static void
write_in (const char *dir,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static gboolean
folder_topic_shown (SyllabusApplication *app,
                    gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;

  topic = syllabus_window_get_topic (window);
  return topic != NULL && g_str_equal (syllabus_topic_get_id (topic), FOLDER_ID) &&
         syllabus_library_get_loaded (get_library (window)) &&
         ui_test_find_row (app, FOLDER_RESOURCE) != NULL &&
         find_sidebar_label (window, FOLDER_TITLE) != NULL;
}

/* The label of the window's problem bar that names @text, if shown. */
static gboolean
problem_shown (SyllabusWindow *window,
               const char     *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_test_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
tick_in_folder (SyllabusApplication *app,
                gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic = syllabus_window_get_topic (window);
  GtkWidget *check = ui_test_row_check_button (ui_test_find_row (app, FOLDER_RESOURCE));

  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, FOLDER_TITLE);
  g_assert_true (syllabus_topic_is_folder (topic));
  g_assert_true (syllabus_library_is_removable (get_library (window), topic));

  /* The file that is not UTF-8 is named in the window; the rest opened. */
  if (!problem_shown (window, "3-broken.md was left out of the topic"))
    return FALSE;

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* Quitting saves. */
  return TRUE;
}

static gboolean
check_folder_ticked (SyllabusApplication *app,
                     gpointer             data)
{
  SyllabusWindow *window = ui_test_get_window (app);
  SyllabusTopic *topic = syllabus_window_get_topic (window);
  GtkWidget *row = ui_test_find_row (app, FOLDER_RESOURCE);
  GtkWidget *check = row != NULL ? ui_test_row_check_button (row) : NULL;
  g_autofree char *renamed = g_build_filename (g_get_user_data_dir (), "syllabus", "topics",
                                               FOLDER_ID, "1-basics", "5-first.md", NULL);

  /* The copy listed at start-up may show first: wait until the
   * renumbered folder replaced it, under the same id. */
  if (!g_file_test (renamed, G_FILE_TEST_IS_REGULAR) ||
      syllabus_library_lookup (get_library (window), FOLDER_ID) != topic || check == NULL)
    return FALSE;
  g_assert_cmpuint (count_listed (syllabus_library_get_topics (get_library (window)), FOLDER_ID),
                    ==, 1);
  g_assert_cmpstr (syllabus_topic_get_title (topic), ==, FOLDER_TITLE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  return TRUE;
}

static void
test_open_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("syllabus-folder-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, FOLDER_ID, NULL);
  g_autofree char *first = g_build_filename (folder, "1-basics", "2-first.md", NULL);
  g_autofree char *renumbered = g_build_filename (folder, "1-basics", "5-first.md", NULL);
  g_autofree char *progress = g_build_filename (g_get_user_data_dir (), "syllabus",
                                                "progress", FOLDER_ID ".json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GSubprocess) rm = NULL;
  JsonObject *topic;
  JsonObject *entry;

  g_assert_no_error (error);
  write_in (folder, "index.md", "# " FOLDER_TITLE "\n\nA folder opened from the command line.\n");
  write_in (folder, "1-basics/index.md", "# Basics\n\nWhere to start.\n");
  /* The rule that makes every link a resource ("resources: all") comes
   * with the topic walk's branch: this node says where its links are. */
  write_in (folder, "1-basics/2-first.md",
            "# First Steps\n\nRead this first.\n\n## Learning Resources\n\n"
            "- [" FOLDER_RESOURCE "](" FOLDER_URL ")\n");
  write_in (folder, "1-basics/3-broken.md", "# Broken\n\ncaf\xe9\n");
  write_in (folder, "10-later.md", "# Later\n\nNothing to read yet.\n");

  g_assert_true (ui_test_run_app (folder, folder_topic_shown, tick_in_folder, NULL));

  /* The tick was saved under the folder's id and the link's address. */
  g_assert_true (g_file_get_contents (progress, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  topic = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (topic, "topic"), ==, FOLDER_ID);
  entry = json_object_get_object_member (json_object_get_object_member (topic, "resources"),
                                         FOLDER_URL);
  g_assert_nonnull (entry);
  g_assert_true (json_object_get_boolean_member (entry, "done"));

  /* Renumbered and opened again: the same topic, still ticked. */
  g_assert_cmpint (g_rename (first, renumbered), ==, 0);
  g_assert_true (ui_test_run_app (folder, folder_topic_shown, check_folder_ticked, NULL));

  /* The original was only read. */
  g_assert_true (g_file_test (renumbered, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "rm", "-rf", tmp, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (rm, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/open/file", test_open_file);
  ui_test_add ("/open/again", test_open_again);
  ui_test_add ("/open/broken", test_open_broken);
  ui_test_add ("/open/same-name", test_open_same_name);
  ui_test_add ("/open/edited", test_open_edited);
  ui_test_add ("/open/long", test_open_long);
  ui_test_add ("/open/folder", test_open_folder);

  return g_test_run ();
}
