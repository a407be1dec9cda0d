/* syllabus-window.c

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

#include "syllabus-window.h"

#include <glib/gi18n.h>

#include "syllabus-resource-row.h"
#include "syllabus-topic-view.h"

struct _SyllabusWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *problem_revealer;
  GtkLabel            *problem_label;
  GtkStack            *main_stack;
  GtkPaned            *paned;
  SyllabusTopicView   *topic_view;
  GtkWidget           *checklist_header;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *checklist_stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;

  /* Owned references */
  SyllabusStore       *store;
  SyllabusTopic       *topic;
  GSettings           *settings;
  GPtrArray           *entries;

  guint                announced_shown : 1;
  guint                problem_dismissed : 1;
};

G_DEFINE_FINAL_TYPE (SyllabusWindow, syllabus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_progress (SyllabusWindow *self)
{
  g_autofree char *text = NULL;
  guint done = 0;
  guint total = self->entries != NULL ? self->entries->len : 0;

  for (guint i = 0; i < total; i++)
    if (syllabus_entry_get_done (g_ptr_array_index (self->entries, i)))
      done++;

  /* Translators: progress through a topic's resources, e.g. "2 of 7 done" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done", "%u of %u done", total),
                          done, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  gtk_widget_set_visible (self->checklist_header, total > 0);
}

static void
release_entries (SyllabusWindow *self)
{
  if (self->entries == NULL)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->entries, i),
                                          update_progress, self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

static void
update_checklist (SyllabusWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *resources;
  const char *topic_id;
  guint n_items;

  release_entries (self);
  gtk_list_view_set_model (self->list_view, NULL);

  if (self->topic == NULL || !syllabus_store_get_loaded (self->store))
    {
      gtk_stack_set_visible_child_name (self->checklist_stack, "loading");
      gtk_widget_set_visible (self->checklist_header, FALSE);
      return;
    }

  resources = syllabus_topic_get_resources (self->topic);
  n_items = g_list_model_get_n_items (resources);
  topic_id = syllabus_topic_get_id (self->topic);

  if (n_items == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       syllabus_topic_has_resources_section (self->topic)
                                       ? _("The “Learning Resources” section of this topic lists no links.")
                                       : _("This topic has no “Learning Resources” section, so there is nothing to tick off."));
      gtk_stack_set_visible_child_name (self->checklist_stack, "empty");
      gtk_widget_set_visible (self->checklist_header, FALSE);
      return;
    }

  self->entries = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      SyllabusEntry *entry = syllabus_store_get_entry (self->store, topic_id, resource);

      g_ptr_array_add (self->entries, g_object_ref (entry));
      g_signal_connect_object (entry, "notify::done", G_CALLBACK (update_progress), self,
                               G_CONNECT_SWAPPED);
    }

  selection = gtk_no_selection_new (g_object_ref (resources));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->checklist_stack, "list");
  update_progress (self);
}

static void
update_problem (SyllabusWindow *self)
{
  const char *problem = syllabus_store_get_problem (self->store);
  const char *save_error = syllabus_store_get_save_error (self->store);
  g_autoptr(GString) text = g_string_new (NULL);

  if (problem != NULL && !self->problem_dismissed)
    g_string_append (text, problem);

  if (save_error != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, save_error);
    }

  if (text->len > 0)
    gtk_label_set_text (self->problem_label, text->str);
  gtk_revealer_set_reveal_child (self->problem_revealer, text->len > 0);
}

static void
dismiss_problem_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  self->problem_dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  syllabus_topic_view_zoom (self->topic_view, g_variant_get_int32 (parameter));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SyllabusWindow           *self)
{
  gtk_list_item_set_child (item, syllabus_resource_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SyllabusWindow           *self)
{
  SyllabusResource *resource = gtk_list_item_get_item (item);
  SyllabusEntry *entry;

  entry = syllabus_store_get_entry (self->store, syllabus_topic_get_id (self->topic), resource);
  syllabus_resource_row_bind (SYLLABUS_RESOURCE_ROW (gtk_list_item_get_child (item)),
                              resource, entry, syllabus_store_get_read_only (self->store));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SyllabusWindow           *self)
{
  syllabus_resource_row_unbind (SYLLABUS_RESOURCE_ROW (gtk_list_item_get_child (item)));
}

static void
syllabus_window_map (GtkWidget *widget)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);

  GTK_WIDGET_CLASS (syllabus_window_parent_class)->map (widget);

  if (!self->announced_shown)
    {
      self->announced_shown = TRUE;
      g_debug ("startup: window shown");
    }
}

static gboolean
syllabus_window_close_request (GtkWindow *window)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_int (self->settings, "paned-position", gtk_paned_get_position (self->paned));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (syllabus_window_parent_class)->close_request (window);
}

static void
syllabus_window_constructed (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  G_OBJECT_CLASS (syllabus_window_parent_class)->constructed (object);

  g_assert (SYLLABUS_IS_STORE (self->store));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "paned-position"));
      g_settings_bind (self->settings, "zoom-level", self->topic_view, "zoom-level",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->store, "notify::loaded", G_CALLBACK (update_checklist), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::read-only", G_CALLBACK (update_checklist), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::problem", G_CALLBACK (update_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::save-error", G_CALLBACK (update_problem), self,
                           G_CONNECT_SWAPPED);

  update_problem (self);
  update_checklist (self);
}

static void
syllabus_window_dispose (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  release_entries (self);

  G_OBJECT_CLASS (syllabus_window_parent_class)->dispose (object);
}

static void
syllabus_window_finalize (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->topic);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (syllabus_window_parent_class)->finalize (object);
}

static void
syllabus_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_TOPIC:
      syllabus_window_set_topic (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_window_class_init (SyllabusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = syllabus_window_constructed;
  object_class->dispose = syllabus_window_dispose;
  object_class->finalize = syllabus_window_finalize;
  object_class->get_property = syllabus_window_get_property;
  object_class->set_property = syllabus_window_set_property;

  widget_class->map = syllabus_window_map;
  window_class->close_request = syllabus_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SYLLABUS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, SYLLABUS_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SYLLABUS_TYPE_TOPIC_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/syllabus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topic_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, checklist_header);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, checklist_stack);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.dismiss-problem", NULL,
                                   dismiss_problem_action);

  /* Zoom keys work wherever the focus is in the window. */
  gtk_widget_class_install_action (widget_class, "win.zoom", "i", zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "win.zoom", "i", 0);
}

static void
syllabus_window_init (SyllabusWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Learning resources"),
                                  -1);
}

/**
 * syllabus_window_new:
 * @application: the application
 * @store: the progress store, loaded or loading
 * @settings: (nullable): the application's settings, if its schema is installed
 *
 * Returns: (transfer full): a new window
 */
SyllabusWindow *
syllabus_window_new (GtkApplication *application,
                     SyllabusStore  *store,
                     GSettings      *settings)
{
  return g_object_new (SYLLABUS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/**
 * syllabus_window_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic shown
 */
SyllabusTopic *
syllabus_window_get_topic (SyllabusWindow *self)
{
  g_return_val_if_fail (SYLLABUS_IS_WINDOW (self), NULL);

  return self->topic;
}

void
syllabus_window_set_topic (SyllabusWindow *self,
                           SyllabusTopic  *topic)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));
  g_return_if_fail (!topic || SYLLABUS_IS_TOPIC (topic));

  if (!g_set_object (&self->topic, topic))
    return;

  adw_window_title_set_subtitle (self->window_title,
                                 topic != NULL ? syllabus_topic_get_title (topic) : NULL);
  syllabus_topic_view_set_topic (self->topic_view, topic);
  gtk_stack_set_visible_child_name (self->main_stack, "topic");
  update_checklist (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/**
 * syllabus_window_show_error:
 * @title: a short headline
 * @message: what went wrong and what the user can do
 *
 * Shows @message in place of the topic.
 */
void
syllabus_window_show_error (SyllabusWindow *self,
                            const char     *title,
                            const char     *message)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}
