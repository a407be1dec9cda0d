/* syllabus-window-private.h
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

#pragma once

#include "syllabus-window.h"

#include "syllabus-topic-view.h"

G_BEGIN_DECLS

/* What the window's own pieces, in files of their own, use of it; other
 * units keep to syllabus-window.h. */

struct _SyllabusWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  GtkStack            *main_stack;
  AdwMultiLayoutView  *layout_view;
  AdwOverlaySplitView *split_view;
  AdwNavigationSplitView *navigation_view;
  AdwNavigationPage   *topic_page;
  AdwToolbarView      *topics_pane;
  AdwMultiLayoutView  *topic_layout;
  AdwViewStack        *view_stack;
  AdwViewSwitcherBar  *switcher_bar;
  GtkStack            *sidebar_stack;
  GtkListView         *topics_view;
  GtkListView         *results_view;
  GtkToggleButton     *search_button;
  GtkToggleButton     *sidebar_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkPaned            *paned;
  SyllabusTopicView   *topic_view;
  GtkWidget           *checklist_header;
  GtkMenuButton       *kind_button;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *checklist_stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;

  /* Owned references */
  SyllabusStore       *store;
  SyllabusLibrary     *library;
  GtkSingleSelection  *topics_selection;
  /* topic id → the GtkListItem of its sidebar row, while bound */
  GHashTable          *topic_items;
  /* resource key → its row in the checklist, while bound */
  GHashTable          *resource_rows;
  SyllabusTopic       *topic;
  GSettings           *settings;
  /* What the checklist shows: the topic's resources, then those whose
   * progress outlived their place in the topic */
  GListModel          *checklist;
  GListStore          *orphans;
  /* The kinds of resource the topic marks, in the order they first
   * appear; the one the checklist lists, or %NULL for all; the filter
   * that keeps those */
  GPtrArray           *kinds;
  char                *kind;
  GtkCustomFilter     *kind_filter;
  /* group index → SyllabusGroup */
  GHashTable          *groups;
  /* topic id → set of keys new since the topic was last opened, worked
   * out at the first opening in this session */
  GHashTable          *new_keys;
  /* The toast offering to undo the last change, while shown */
  AdwToast            *undo_toast;
  /* The resource to focus once the checklist shows it */
  char                *focus_key;
  /* Files being opened: the window shows the last of them rather than
   * first showing the library's default topic */
  guint                n_opening;
  /* Presents the window opened for files once their wait is too long */
  guint                present_source;
  /* Checks that the topic shown is still the library's, after the list
   * changed */
  guint                check_topic_source;
  /* The id of the folder topic whose left-out files the user dismissed */
  char                *topic_problems_dismissed;
  /* The topic whose checklist was built before the store had loaded the
   * rest, from its own file read first */
  char                *early_topic_id;

  guint                announced_shown : 1;
  guint                announced_checklist : 1;
  guint                undoing : 1;
  guint                problem_dismissed : 1;
};

AdwToast        *syllabus_window_new_toast          (const char     *text);
void             syllabus_window_add_toast          (SyllabusWindow *self,
                                                     AdwToast       *toast);
SyllabusStore   *syllabus_window_get_store          (SyllabusWindow *self);
SyllabusLibrary *syllabus_window_get_library        (SyllabusWindow *self);
void             syllabus_window_update_checklist   (SyllabusWindow *self);
void             syllabus_window_update_progress    (SyllabusWindow *self);
void             syllabus_window_focus_resource     (SyllabusWindow *self,
                                                     const char     *key);

/* syllabus-window-transfer.c: exporting reports, backing up and importing
 * progress. */
void             syllabus_window_transfer_class_init (GtkWidgetClass *widget_class);

/* syllabus-window-problem.c: the bar saying what went wrong. */
void             syllabus_window_problem_class_init (GtkWidgetClass *widget_class);
void             syllabus_window_update_problem     (SyllabusWindow *self);

/* syllabus-window-topics.c: the topic sidebar. */
void             syllabus_window_topics_class_init  (GtkWidgetClass *widget_class);
void             syllabus_window_topics_init        (SyllabusWindow *self);
void             syllabus_window_topics_constructed (SyllabusWindow *self);
void             syllabus_window_topics_loaded      (SyllabusWindow *self);
void             syllabus_window_topics_connect_store (SyllabusWindow *self);
void             syllabus_window_update_topic_label (SyllabusWindow *self,
                                                     SyllabusTopic  *topic);
void             syllabus_window_select_topic_in_sidebar (SyllabusWindow *self);

/* syllabus-window-layout.c: the panes at each width, F6 and F9, and the
 * window's remembered size. */
void             syllabus_window_layout_class_init  (GtkWidgetClass *widget_class);
void             syllabus_window_layout_init        (SyllabusWindow *self);
void             syllabus_window_layout_restore     (SyllabusWindow *self);
void             syllabus_window_layout_save        (SyllabusWindow *self);
gboolean         syllabus_window_is_narrow          (SyllabusWindow *self);
void             syllabus_window_show_topics        (SyllabusWindow *self);
void             syllabus_window_show_topic_pane    (SyllabusWindow *self);
void             syllabus_window_cycle_panes        (SyllabusWindow *self,
                                                     int             step);

/* syllabus-window-search.c: searching all topics from the sidebar. */
void             syllabus_window_search_class_init  (GtkWidgetClass *widget_class);
void             syllabus_window_search_init        (SyllabusWindow *self);

/* syllabus-window-kinds.c: the checklist's filter by kind of resource. */
void             syllabus_window_kinds_class_init   (GtkWidgetClass *widget_class);
void             syllabus_window_kinds_init         (SyllabusWindow *self);
void             syllabus_window_kinds_finalize     (SyllabusWindow *self);
GListModel      *syllabus_window_kinds_filter       (SyllabusWindow *self,
                                                     GListModel     *checklist);
gboolean         syllabus_window_kinds_opens_group  (SyllabusWindow   *self,
                                                     guint             position,
                                                     SyllabusResource *resource);
gboolean         syllabus_window_kinds_shows        (SyllabusWindow   *self,
                                                     SyllabusResource *resource);
void             syllabus_window_set_kind_filter    (SyllabusWindow *self,
                                                     const char     *kind);

G_END_DECLS
