/* syllabus-window-search.c
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

/* The window's search: the entry in the sidebar, its results listed in
 * place of the topics, and opening a result at its resource. */

#include "config.h"

#include "syllabus-window-private.h"

#include <glib/gi18n.h>

#include "syllabus-search.h"

static void
search_changed_cb (SyllabusWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (*query == '\0' || !syllabus_store_get_loaded (self->store))
    {
      gtk_list_view_set_model (self->results_view, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "topics");
      return;
    }

  hits = syllabus_search (self->store, syllabus_library_get_topics (self->library), query, 500);
  selection = gtk_single_selection_new (g_object_ref (hits));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (hits) > 0 ? "results" : "no-results");
}

/**
 * syllabus_window_show_resource:
 * @key: the normalised URL of one of @topic's resources (or of progress
 *   it keeps for one no longer listed)
 *
 * Opens @topic with that resource in view and focused, as choosing a
 * search result does.
 */
void
syllabus_window_show_resource (SyllabusWindow *self,
                               SyllabusTopic  *topic,
                               const char     *key)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));
  g_return_if_fail (SYLLABUS_IS_TOPIC (topic));
  g_return_if_fail (key != NULL);

  syllabus_window_set_topic (self, topic);
  syllabus_window_show_topic_pane (self);
  syllabus_window_focus_resource (self, key);
}

/**
 * syllabus_window_search_for:
 *
 * Opens the search of all topics with @text in it, as if typed.
 */
void
syllabus_window_search_for (SyllabusWindow *self,
                            const char     *text)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_hit (SyllabusWindow    *self,
          SyllabusSearchHit *hit)
{
  syllabus_window_show_resource (self, syllabus_search_hit_get_topic (hit),
                                 syllabus_search_hit_get_key (hit));
}

static void
result_activated_cb (SyllabusWindow *self,
                     guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->results_view));
  g_autoptr(SyllabusSearchHit) hit = g_list_model_get_item (model, position);

  if (hit != NULL)
    show_hit (self, hit);
}

/* Enter in the search entry opens the first result. */
static void
search_activated_cb (SyllabusWindow *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->results_view));
  g_autoptr(SyllabusSearchHit) hit = NULL;

  if (model != NULL && (hit = g_list_model_get_item (model, 0)) != NULL)
    show_hit (self, hit);
}

static void
stop_search_cb (SyllabusWindow *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
search_mode_cb (SyllabusWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* Results are listed in the sidebar. */
      syllabus_window_show_topics (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "topics");
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A hit is spoken once, as its title with where it is and the words found
 * as the description: the labels showing them are left out of the
 * accessibility tree, as the topics' are. */
static GtkWidget *
new_hit_label (void)
{
  /* The hidden state would not do: GTK sets it from the visibility. */
  return g_object_new (GTK_TYPE_LABEL,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static void
setup_hit_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SyllabusWindow           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_hit_label ();
  GtkWidget *where = new_hit_label ();
  GtkWidget *snippet = new_hit_label ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
bind_hit_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SyllabusWindow           *self)
{
  SyllabusSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *where = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (where);
  const char *text = syllabus_search_hit_get_snippet (hit);
  const char *topic = syllabus_topic_get_title (syllabus_search_hit_get_topic (hit));
  g_autofree char *description = NULL;

  gtk_label_set_text (GTK_LABEL (title), syllabus_search_hit_get_title (hit));
  gtk_label_set_text (GTK_LABEL (where), topic);
  gtk_label_set_text (GTK_LABEL (snippet), text != NULL ? text : "");
  gtk_widget_set_visible (snippet, text != NULL);

  description = text != NULL ? g_strjoin (", ", topic, text, NULL) : g_strdup (topic);
  gtk_list_item_set_accessible_label (item, syllabus_search_hit_get_title (hit));
  gtk_list_item_set_accessible_description (item, description);
}

void
syllabus_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

void
syllabus_window_search_init (SyllabusWindow *self)
{
  g_autoptr(GtkListItemFactory) hit_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (hit_factory, "setup", G_CALLBACK (setup_hit_cb), self);
  g_signal_connect (hit_factory, "bind", G_CALLBACK (bind_hit_cb), self);
  gtk_list_view_set_factory (self->results_view, hit_factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"),
                                  -1);
  /* As in the topics: Tab leaves the list, the arrows move along it. */
  gtk_list_view_set_tab_behavior (self->results_view, GTK_LIST_TAB_ITEM);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
}
