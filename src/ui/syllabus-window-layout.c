/* syllabus-window-layout.c
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

/* How the window arranges its panes at each width, moves between them,
 * and remembers how it was left.
 *
 * The breakpoints are in syllabus-window.ui: at full width the topic list,
 * the page and the checklist are side by side; on a half screen the topic
 * list slides in over the topic; on a phone one thing is shown at a time,
 * the topic behind a back button, its introduction and its resources as two
 * views switched at the bottom. */

#include "config.h"

#include "syllabus-window-private.h"

#include "syllabus-store.h"
#include "syllabus-topic.h"

gboolean
syllabus_window_is_narrow (SyllabusWindow *self)
{
  return g_strcmp0 (adw_multi_layout_view_get_layout_name (self->layout_view), "narrow") == 0;
}

/* Whether anything of the topic shown is done, started or skipped. */
static gboolean
topic_has_progress (SyllabusWindow *self)
{
  SyllabusCounts counts = { 0 };

  if (self->topic == NULL || !syllabus_store_get_loaded (self->store))
    return FALSE;

  syllabus_store_count (self->store, syllabus_topic_get_id (self->topic),
                        syllabus_topic_get_resources (self->topic), &counts);
  return counts.done + counts.in_progress + counts.skipped > 0;
}

/**
 * syllabus_window_show_topic_pane:
 *
 * Brings the topic forward after the user chose it: the topic list gives
 * way where it covers or replaces the topic, and on a phone the topic opens
 * on its resources once the user has begun them.
 */
void
syllabus_window_show_topic_pane (SyllabusWindow *self)
{
  if (syllabus_window_is_narrow (self))
    {
      adw_view_stack_set_visible_child_name (self->view_stack,
                                             topic_has_progress (self) ? "resources" : "introduction");
      adw_navigation_split_view_set_show_content (self->navigation_view, TRUE);
    }
  else if (adw_overlay_split_view_get_collapsed (self->split_view))
    {
      adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
    }
}

/**
 * syllabus_window_show_topics:
 *
 * Brings the topic list forward, for searching or choosing.
 */
void
syllabus_window_show_topics (SyllabusWindow *self)
{
  if (syllabus_window_is_narrow (self))
    adw_navigation_split_view_set_show_content (self->navigation_view, FALSE);
  else
    adw_overlay_split_view_set_show_sidebar (self->split_view, TRUE);
}

/* The switcher at the bottom is there while a phone-sized window shows a
 * topic's two views. */
static void
update_switcher (SyllabusWindow *self)
{
  gboolean topic_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "topic") == 0;

  adw_view_switcher_bar_set_reveal (self->switcher_bar, syllabus_window_is_narrow (self) && topic_shown);
}

static void
layout_changed_cb (SyllabusWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  update_switcher (self);

  /* Tighter margins where every pixel of width counts (style.css). */
  if (syllabus_window_is_narrow (self))
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");

  /* Moving into a phone-sized window with a topic chosen shows the topic,
   * not the list it was chosen from. */
  if (syllabus_window_is_narrow (self) && self->topic != NULL &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->topics_pane))))
    adw_navigation_split_view_set_show_content (self->navigation_view, TRUE);
}

static void
topic_title_changed_cb (SyllabusWindow *self)
{
  adw_navigation_page_set_title (self->topic_page,
                                 self->topic != NULL ? syllabus_topic_get_title (self->topic) : "");
}

/* F6 and Shift+F6 ----------------------------------------------------------- */

/* Fills @panes with the panes on screen, in order. */
static guint
visible_panes (SyllabusWindow *self,
               GtkWidget      *panes[4])
{
  GtkWidget *candidates[] = {
    GTK_WIDGET (self->sidebar_stack),
    GTK_WIDGET (self->topic_view),
    GTK_WIDGET (self->checklist_stack),
    GTK_WIDGET (self->switcher_bar),
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (gtk_widget_get_mapped (candidates[i]) && gtk_widget_get_child_visible (candidates[i]))
      panes[n++] = candidates[i];

  return n;
}

/**
 * syllabus_window_cycle_panes:
 * @step: 1 for the next pane, -1 for the previous one
 *
 * Moves the focus to the next pane on screen, as F6 does, and as Tab
 * does at the ends of the topic page.
 */
void
syllabus_window_cycle_panes (SyllabusWindow *self,
                             int             step)
{
  GtkWidget *panes[4];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint n = visible_panes (self, panes);
  guint current = step > 0 ? n - 1 : 0;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;

  for (guint tries = 0; tries < n; tries++)
    {
      current = (current + n + step) % n;
      if (gtk_widget_child_focus (panes[current], GTK_DIR_TAB_FORWARD))
        return;
    }
}

/* Tab went past the end of the topic page, or Shift+Tab before its start. */
static void
leave_page_cb (SyllabusWindow   *self,
               GtkDirectionType  direction)
{
  syllabus_window_cycle_panes (self, direction == GTK_DIR_TAB_BACKWARD ? -1 : 1);
}

static void
next_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  syllabus_window_cycle_panes (SYLLABUS_WINDOW (widget), g_variant_get_int32 (parameter));
}

static void
add_pane_shortcut (GtkShortcutController *controller,
                   GdkModifierType        modifiers,
                   int                    step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, modifiers),
                                            gtk_named_action_new ("win.next-pane"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* F9 shows or hides the topic list; on a phone it goes back to it. */
static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  if (syllabus_window_is_narrow (self))
    adw_navigation_split_view_set_show_content (self->navigation_view,
                                                !adw_navigation_split_view_get_show_content (self->navigation_view));
  else
    adw_overlay_split_view_set_show_sidebar (self->split_view,
                                             !adw_overlay_split_view_get_show_sidebar (self->split_view));
}

/* Alt+Left on a phone goes back from the topic to the list, also from the
 * page, where the web view would take the key for its history. */
static gboolean
go_back_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  if (!syllabus_window_is_narrow (self) ||
      !adw_navigation_split_view_get_show_content (self->navigation_view))
    return FALSE;

  syllabus_window_show_topics (self);
  return TRUE;
}

/* Remembering the window ---------------------------------------------------- */

/* Restores how the window was left: its size, whether it was maximised,
 * the topic list at full width and which view a phone-sized topic showed. */
void
syllabus_window_layout_restore (SyllabusWindow *self)
{
  g_autofree char *view = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "paned-position"));
  /* Breakpoints apply once the window has a size, so this is the value
   * they fold and restore. */
  adw_overlay_split_view_set_show_sidebar (self->split_view,
                                           g_settings_get_boolean (self->settings, "show-sidebar"));
  view = g_settings_get_string (self->settings, "topic-view");
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

void
syllabus_window_layout_save (SyllabusWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
  /* Only a choice the user made: a narrower window hides the list by
   * itself. */
  if (!syllabus_window_is_narrow (self) && !adw_overlay_split_view_get_collapsed (self->split_view))
    g_settings_set_boolean (self->settings, "show-sidebar",
                            adw_overlay_split_view_get_show_sidebar (self->split_view));
  g_settings_set_string (self->settings, "topic-view",
                         adw_view_stack_get_visible_child_name (self->view_stack));
  g_settings_apply (self->settings);
}

void
syllabus_window_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-pane", "i", next_pane_action);
}

void
syllabus_window_layout_init (SyllabusWindow *self)
{
  GtkEventController *keys;

  /* GtkPaned binds F6 to moving between its own two children, and the web
   * view takes every key it is given: the window takes F6 and Alt+Left
   * first. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_pane_shortcut (GTK_SHORTCUT_CONTROLLER (keys), 0, 1);
  add_pane_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_SHIFT_MASK, -1);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_Back, 0)),
                                                          gtk_callback_action_new (go_back_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self->topic_view, "leave-page",
                           G_CALLBACK (leave_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layout_view, "notify::layout-name",
                           G_CALLBACK (layout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (update_switcher), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::topic",
                           G_CALLBACK (topic_title_changed_cb), self, G_CONNECT_SWAPPED);
  update_switcher (self);
}
