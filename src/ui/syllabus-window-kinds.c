/* syllabus-window-kinds.c
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

/* The checklist's filter by kind of resource: a menu in the checklist's
 * header, "All Kinds" and then the kinds the topic marks ("Official",
 * "Video"…), in the order they first appear. It is shown only for a topic
 * that marks some, and the topic shown decides which kinds it offers. */

#include "config.h"

#include "syllabus-window-private.h"

#include <glib/gi18n.h>

#include "syllabus-list-steps.h"
#include "syllabus-radio-menu.h"

/* The menu's target for "All Kinds": no kind is "". */
#define ALL_KINDS ""

/**
 * syllabus_window_kinds_shows:
 * @resource: a resource of the topic shown
 *
 * Whether the checklist lists @resource: it does when it is of the kind
 * the filter keeps, or when the filter is off.
 */
gboolean
syllabus_window_kinds_shows (SyllabusWindow   *self,
                             SyllabusResource *resource)
{
  return self->kind == NULL || g_strcmp0 (syllabus_resource_get_kind (resource), self->kind) == 0;
}

static gboolean
kind_matches_cb (gpointer item,
                 gpointer user_data)
{
  return syllabus_window_kinds_shows (user_data, SYLLABUS_RESOURCE (item));
}

static const char *
kind_label (const char *kind)
{
  return kind != NULL ? syllabus_resource_kind_get_label (kind) : _("All Kinds");
}

/* The button says which kinds are shown, and is named by it for a screen
 * reader: "Filter by kind: Video". */
static void
sync_button (SyllabusWindow *self)
{
  g_autofree char *name = NULL;
  const char *label = kind_label (self->kind);

  gtk_menu_button_set_label (self->kind_button, label);
  /* Translators: the accessible name of the menu filtering the checklist,
   * with what it shows, e.g. "Filter by kind: Video" or "Filter by kind:
   * All Kinds" */
  name = g_strdup_printf (_("Filter by kind: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  if (gtk_menu_button_get_popover (self->kind_button) != NULL)
    syllabus_radio_menu_set_state (SYLLABUS_RADIO_MENU (gtk_menu_button_get_popover (self->kind_button)),
                                   self->kind != NULL ? self->kind : ALL_KINDS);
}

/* Makes the menu when it is first opened after the kinds changed. */
static void
create_kind_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  SyllabusWindow *self = user_data;
  GtkWidget *menu = syllabus_radio_menu_new ("win.filter-kind");

  syllabus_radio_menu_add (SYLLABUS_RADIO_MENU (menu), kind_label (NULL), ALL_KINDS);
  for (guint i = 0; i < self->kinds->len; i++)
    syllabus_radio_menu_add (SYLLABUS_RADIO_MENU (menu), kind_label (g_ptr_array_index (self->kinds, i)),
                             g_ptr_array_index (self->kinds, i));

  /* Named as the button: "Filter by kind: All Kinds, menu". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (menu),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, button, NULL,
                                  -1);
  gtk_menu_button_set_popover (button, menu);
  sync_button (self);
}

/* Shows the list anew: the rows are bound again, so that each works out
 * whether it opens its group among those shown. */
static void
refilter (SyllabusWindow *self)
{
  gboolean shown = self->checklist != NULL && gtk_list_view_get_model (self->list_view) != NULL;

  if (shown)
    syllabus_list_steps_set_model (self->list_view, NULL);

  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (shown)
    syllabus_list_steps_set_model (self->list_view, self->checklist);
}

/**
 * syllabus_window_set_kind_filter:
 * @kind: (nullable): the kind of resource to list, or %NULL for all
 *
 * Lists only the resources of @kind in the checklist.
 */
void
syllabus_window_set_kind_filter (SyllabusWindow *self,
                                 const char     *kind)
{
  if (kind != NULL && *kind == '\0')
    kind = NULL;

  if (g_strcmp0 (kind, self->kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  sync_button (self);
  /* The groups' counts are of what is listed: counted before the rows
   * are bound again. */
  syllabus_window_update_progress (self);
  refilter (self);
}

static void
filter_kind_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  syllabus_window_set_kind_filter (SYLLABUS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/**
 * syllabus_window_kinds_filter:
 * @checklist: (transfer full): what the checklist would show unfiltered
 *
 * Works out which kinds the topic marks, offers them in the menu (hidden
 * when there are none), keeps the filter if its kind is still among them,
 * and filters @checklist by it.
 *
 * Returns: (transfer full): what the checklist shows
 */
GListModel *
syllabus_window_kinds_filter (SyllabusWindow *self,
                              GListModel     *checklist)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *resources = syllabus_topic_get_resources (self->topic);
  guint n = g_list_model_get_n_items (resources);

  g_ptr_array_set_size (self->kinds, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      const char *kind = syllabus_resource_get_kind (resource);

      if (kind != NULL && g_hash_table_add (seen, (gpointer)kind))
        g_ptr_array_add (self->kinds, g_strdup (kind));
    }

  if (self->kind != NULL && !g_hash_table_contains (seen, self->kind))
    g_clear_pointer (&self->kind, g_free);

  /* The menu is made again when next opened. */
  gtk_menu_button_set_popover (self->kind_button, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_button), self->kinds->len > 0);
  sync_button (self);

  if (self->kinds->len == 0)
    return checklist;

  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);

  return G_LIST_MODEL (gtk_filter_list_model_new (checklist, g_object_ref (GTK_FILTER (self->kind_filter))));
}

/**
 * syllabus_window_kinds_opens_group:
 * @position: where @resource is in the checklist shown
 *
 * Whether the row of @resource shows its group's heading: when the list
 * is filtered, the first row shown of each group does, whether or not it
 * is the first of its group in the topic.
 */
gboolean
syllabus_window_kinds_opens_group (SyllabusWindow   *self,
                                   guint             position,
                                   SyllabusResource *resource)
{
  g_autoptr(SyllabusResource) previous = NULL;

  if (self->kind == NULL)
    return syllabus_resource_get_first_in_group (resource);

  if (syllabus_resource_get_group (resource) == NULL)
    return FALSE;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      (previous = g_list_model_get_item (self->checklist, position - 1)) == NULL)
    return TRUE;

  return syllabus_resource_get_group_index (previous) != syllabus_resource_get_group_index (resource);
}

void
syllabus_window_kinds_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, kind_button);
  gtk_widget_class_install_action (widget_class, "win.filter-kind", "s", filter_kind_action);
}

void
syllabus_window_kinds_init (SyllabusWindow *self)
{
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  self->kind_filter = gtk_custom_filter_new (kind_matches_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->kind_button, create_kind_menu_cb, self, NULL);
  sync_button (self);
}

void
syllabus_window_kinds_finalize (SyllabusWindow *self)
{
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_object (&self->kind_filter);
  g_clear_pointer (&self->kind, g_free);
}
