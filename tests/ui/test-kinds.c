/* test-kinds.c
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

/* Kinds of resource in the real application: each row with a kind shows it
 * as a tag and says it to a screen reader, and the checklist's menu lists
 * only the resources of the kind chosen, each group's heading above the
 * first of them shown. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-resource-private.h"
#include "syllabus-resource-row.h"
#include "syllabus-window-private.h"
#include "ui-test-utils.h"

/* The topic as the parser reads it today; the kinds are given by
 * kinds_given below, as the parser gives them to "@kind@" links. */
static const char plain_topic[] =
  "---\n"
  "title: Tokio\n"
  "---\n"
  "# Tokio\n"
  "\n"
  "An asynchronous runtime for Rust.\n"
  "\n"
  "## Learning Resources\n"
  "\n"
  "### Docs\n"
  "- [Official Website](https://tokio.rs/)\n"
  "- [Docs Video](https://example.org/docs-video)\n"
  "- [Tutorial](https://tokio.rs/tokio/tutorial)\n"
  "\n"
  "### Videos\n"
  "- [Plain Talk](https://example.org/talk)\n"
  "- [Video One](https://example.org/video-one)\n"
  "- [Video Two](https://example.org/video-two)\n";

static const struct { const char *title; const char *kind; const char *label; } kinds_given[] = {
  { "Official Website", "official", "Official" },
  { "Docs Video", "video", "Video" },
  { "Tutorial", "article", "Article" },
  { "Plain Talk", NULL, NULL },
  { "Video One", "video", "Video" },
  { "Video Two", "video", "Video" },
};

/* What the filter's menu offers: all, then the kinds in the order they
 * first appear in the topic, and no kind the topic does not mark. */
static const char * const menu_items[] = { "All Kinds", "Official", "Video", "Article" };

typedef struct
{
  int            step;
  char          *path;
  GtkMenuButton *button;
} KindsState;

static char *
write_topic (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("syllabus-kinds-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (folder, "tokio.md", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_topic (char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_free (path);
}

/* The group heading the row shows above itself, or NULL. */
static const char *
row_heading (GtkWidget *row)
{
  GtkLabel *heading = ui_test_find_label (row, "heading");

  g_assert_nonnull (heading);
  return gtk_widget_get_mapped (GTK_WIDGET (heading)) ? gtk_label_get_text (heading) : NULL;
}

/* The count the row's group heading shows beside it, or NULL. */
static const char *
row_summary (GtkWidget *row)
{
  GtkLabel *summary = ui_test_find_label (row, "numeric");

  g_assert_nonnull (summary);
  return gtk_widget_get_mapped (GTK_WIDGET (summary)) ? gtk_label_get_text (summary) : NULL;
}

/* The topic's progress, as its bar tells a screen reader and its label
 * shows. */
static void
assert_progress (SyllabusApplication *app,
                 const char          *text)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean shown = FALSE;

  ui_test_collect (GTK_WIDGET (ui_test_get_window (app)), GTK_TYPE_PROGRESS_BAR, TRUE, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  gtk_test_accessible_assert_property (g_ptr_array_index (bars, 0),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text);

  ui_test_collect (GTK_WIDGET (ui_test_get_window (app)), GTK_TYPE_LABEL, TRUE, labels);
  for (guint i = 0; i < labels->len; i++)
    shown |= g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), text);
  g_assert_true (shown);
}

/* The kind the row's tag shows, or NULL when it shows none. */
static const char *
row_tag (GtkWidget *row)
{
  GtkLabel *tag = ui_test_find_label (row, "kind-tag");

  g_assert_nonnull (tag);
  return gtk_widget_get_mapped (GTK_WIDGET (tag)) ? gtk_label_get_text (tag) : NULL;
}

static GtkMenuButton *
find_kind_button (SyllabusApplication *app)
{
  return ui_test_find_menu_button (GTK_WIDGET (ui_test_get_window (app)), "kind-filter", FALSE);
}

static GtkWidget *
menu_item (GtkMenuButton *button,
           const char    *label)
{
  g_autoptr(GPtrArray) items = ui_test_menu_items (button, menu_items, G_N_ELEMENTS (menu_items));

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (menu_items[i], label))
      return g_ptr_array_index (items, i);

  g_error ("No item “%s” in the kind menu", label);
  return NULL;
}

static gboolean
all_shown (SyllabusApplication *app,
           gpointer             data)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  return rows->len == G_N_ELEMENTS (kinds_given);
}

/* Gives the topic's resources their kinds, as the parser does, and has the
 * window show the topic again. */
static void
give_kinds (SyllabusWindow *window)
{
  GListModel *resources = syllabus_topic_get_resources (syllabus_window_get_topic (window));

  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, G_N_ELEMENTS (kinds_given));
  for (guint i = 0; i < G_N_ELEMENTS (kinds_given); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_assert_cmpstr (syllabus_resource_get_title (resource), ==, kinds_given[i].title);
      syllabus_resource_set_kind (resource, kinds_given[i].kind);
    }

  syllabus_window_update_checklist (window);
}

/* Every resource listed, with its kind's tag and its heading where the
 * topic puts it. */
static void
assert_all_listed (SyllabusApplication *app)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (kinds_given));
  for (guint i = 0; i < G_N_ELEMENTS (kinds_given); i++)
    {
      GtkWidget *row = ui_test_find_row (app, kinds_given[i].title);

      g_assert_nonnull (row);
      g_assert_cmpstr (row_tag (row), ==, kinds_given[i].label);
    }

  g_assert_cmpstr (row_heading (ui_test_find_row (app, "Official Website")), ==, "Docs");
  g_assert_null (row_heading (ui_test_find_row (app, "Docs Video")));
  g_assert_cmpstr (row_heading (ui_test_find_row (app, "Plain Talk")), ==, "Videos");
  g_assert_null (row_heading (ui_test_find_row (app, "Video One")));
}

static void
assert_button (GtkMenuButton *button,
               const char    *label)
{
  g_autofree char *name = g_strdup_printf ("Filter by kind: %s", label);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
}

/* Ready once every resource is listed; then acting, however many the
 * filter lists. */
static gboolean
ready_to_filter (SyllabusApplication *app,
                 gpointer             data)
{
  KindsState *state = data;

  return state->step > 0 || all_shown (app, NULL);
}

static gboolean
filter_by_kind (SyllabusApplication *app,
                gpointer             data)
{
  KindsState *state = data;
  SyllabusWindow *window = ui_test_get_window (app);
  GtkWidget *row;

  switch (state->step)
    {
    case 0:
      /* Without kinds, no tag and no filter. */
      row = ui_test_find_row (app, "Official Website");
      g_assert_nonnull (row);
      g_assert_null (row_tag (row));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_kind_button (app))));

      give_kinds (window);
      state->step++;
      return FALSE;

    case 1:
      if (!all_shown (app, NULL) || row_tag (ui_test_find_row (app, "Official Website")) == NULL)
        return FALSE;
      assert_all_listed (app);

      /* The check box says the kind once, before where the link goes; a
       * resource without a kind, only where. */
      gtk_test_accessible_assert_property (
        GTK_ACCESSIBLE (ui_test_row_check_button (ui_test_find_row (app, "Official Website"))),
        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Official, tokio.rs");
      gtk_test_accessible_assert_property (
        GTK_ACCESSIBLE (ui_test_row_check_button (ui_test_find_row (app, "Plain Talk"))),
        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "example.org");
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ui_test_find_label (ui_test_find_row (app, "Video One"),
                                                                   "kind-tag")),
                                       GTK_ACCESSIBLE_ROLE_PRESENTATION);

      /* One video done: the groups count it among all their resources. */
      syllabus_entry_set_status (syllabus_resource_row_get_entry (SYLLABUS_RESOURCE_ROW (ui_test_find_row (app, "Video One"))),
                                 SYLLABUS_STATUS_DONE);
      g_assert_cmpstr (row_summary (ui_test_find_row (app, "Official Website")), ==, "0 of 3 done");
      g_assert_cmpstr (row_summary (ui_test_find_row (app, "Plain Talk")), ==, "1 of 3 done");
      assert_progress (app, "1 of 6 done");

      state->button = find_kind_button (app);
      assert_button (state->button, "All Kinds");
      gtk_menu_button_popup (state->button);
      state->step++;
      return FALSE;

    case 2:
      if (!ui_test_popover_shown (state->button))
        return FALSE;
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (menu_item (state->button, "All Kinds")),
                                        GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);
      gtk_widget_activate (menu_item (state->button, "Video"));
      state->step++;
      return FALSE;

    case 3:
      {
        g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

        if (rows->len != 3 || gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (state->button))))
          return FALSE;

        /* Only the videos, each group's heading above its first video
         * even where that is not the first of the group. */
        for (guint i = 0; i < rows->len; i++)
          g_assert_cmpstr (row_tag (g_ptr_array_index (rows, i)), ==, "Video");
        g_assert_nonnull (ui_test_find_row (app, "Docs Video"));
        g_assert_nonnull (ui_test_find_row (app, "Video One"));
        g_assert_nonnull (ui_test_find_row (app, "Video Two"));
        g_assert_cmpstr (row_heading (ui_test_find_row (app, "Docs Video")), ==, "Docs");
        g_assert_cmpstr (row_heading (ui_test_find_row (app, "Video One")), ==, "Videos");
        g_assert_null (row_heading (ui_test_find_row (app, "Video Two")));
        assert_button (state->button, "Video");

        /* Each heading counts the videos it lists, and says so; the bar
         * still counts the whole topic, and its label says both. */
        g_assert_cmpstr (row_summary (ui_test_find_row (app, "Docs Video")), ==, "0 of 1 shown done");
        g_assert_cmpstr (row_summary (ui_test_find_row (app, "Video One")), ==, "1 of 2 shown done");
        assert_progress (app, "1 of 3 shown done · 1 of 6 in the topic");

        gtk_menu_button_popup (state->button);
        state->step++;
        return FALSE;
      }

    case 4:
      if (!ui_test_popover_shown (state->button))
        return FALSE;
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (menu_item (state->button, "Video")),
                                        GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (menu_item (state->button, "All Kinds")),
                                        GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);
      gtk_widget_activate (menu_item (state->button, "All Kinds"));
      state->step++;
      return FALSE;

    case 5:
      if (!all_shown (app, NULL) || gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (state->button))))
        return FALSE;
      assert_all_listed (app);
      assert_button (state->button, "All Kinds");
      g_assert_cmpstr (row_summary (ui_test_find_row (app, "Official Website")), ==, "0 of 3 done");
      g_assert_cmpstr (row_summary (ui_test_find_row (app, "Plain Talk")), ==, "1 of 3 done");
      assert_progress (app, "1 of 6 done");

      /* Going to a resource the filter hides, as a search hit does, lists
       * every kind again. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-kind", "s", "article"));
      g_assert_cmpstr (gtk_menu_button_get_label (state->button), ==, "Article");
      syllabus_window_focus_resource (window, "https://tokio.rs/");
      state->step++;
      return FALSE;

    default:
      {
        GtkWidget *official = ui_test_find_row (app, "Official Website");
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

        if (!all_shown (app, NULL) || official == NULL || focus == NULL ||
            !gtk_widget_is_ancestor (focus, official))
          return FALSE;
        assert_all_listed (app);
        assert_button (state->button, "All Kinds");
        return TRUE;
      }
    }
}

static void
test_kinds_filter (void)
{
  KindsState state = { 0 };

  ui_test_allow_popovers ();
  state.path = write_topic (plain_topic);
  g_assert_true (ui_test_run_app (state.path, ready_to_filter, filter_by_kind, &state));
  remove_topic (state.path);
}

/* The same from the Markdown alone: roadmap.sh's "@kind@" at the start of a
 * link's text is the tag, not part of the title. */
static const char marked_topic[] =
  "---\n"
  "title: Tokio\n"
  "---\n"
  "# Tokio\n"
  "\n"
  "## Learning Resources\n"
  "\n"
  "- [@official@Official Website](https://tokio.rs/)\n"
  "- [@video@Async Rust in Depth](https://example.org/video)\n"
  "- [Plain Link](https://example.org/plain)\n";

static gboolean
three_shown (SyllabusApplication *app,
             gpointer             data)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  return rows->len == 3;
}

static gboolean
check_marked (SyllabusApplication *app,
              gpointer             data)
{
  GtkWidget *official = ui_test_find_row (app, "Official Website");
  GtkWidget *video = ui_test_find_row (app, "Async Rust in Depth");
  GtkWidget *plain = ui_test_find_row (app, "Plain Link");

  g_assert_nonnull (official);
  g_assert_nonnull (video);
  g_assert_nonnull (plain);
  g_assert_cmpstr (row_tag (official), ==, "Official");
  g_assert_cmpstr (row_tag (video), ==, "Video");
  g_assert_null (row_tag (plain));
  assert_button (find_kind_button (app), "All Kinds");

  return TRUE;
}

static void
test_kinds_marked (void)
{
  g_autofree char *path = write_topic (marked_topic);

  g_assert_true (ui_test_run_app (path, three_shown, check_marked, NULL));
  remove_topic (g_steal_pointer (&path));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/kinds/filter", test_kinds_filter);
  ui_test_add ("/kinds/marked", test_kinds_marked);

  return g_test_run ();
}
