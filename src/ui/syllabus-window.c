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
#include "syllabus-window-private.h"

#include <glib/gi18n.h>

#include "syllabus-group.h"
#include "syllabus-list-steps.h"
#include "syllabus-quit-guard.h"
#include "syllabus-resource-row.h"
#include "syllabus-topic-view.h"

G_DEFINE_FINAL_TYPE (SyllabusWindow, syllabus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LIBRARY,
  PROP_SETTINGS,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A toast showing @text as it is: libadwaita reads toast titles as markup,
 * and titles of resources and error messages may hold "&" or "<". */
AdwToast *
syllabus_window_new_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/* The group under which resources that left the topic are listed. */
#define ORPHAN_GROUP G_MAXUINT

static void
undo_toast_dismissed_cb (SyllabusWindow *self,
                         AdwToast       *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/* Offers to undo a change the user may regret: unticking, any change of
 * status, clearing a note. */
static void
offer_undo (SyllabusWindow *self,
            SyllabusEntry  *entry)
{
  SyllabusStatus status = syllabus_entry_get_status (entry);
  SyllabusStatus previous = syllabus_entry_get_previous_status (entry);
  const char *previous_notes = syllabus_entry_get_previous_notes (entry);
  const char *title = syllabus_entry_get_title (entry);
  g_autofree char *message = NULL;
  AdwToast *toast;
  GVariant *target;

  if (self->undoing || !syllabus_entry_can_undo (entry))
    return;

  if (title == NULL)
    title = syllabus_entry_get_key (entry);

  if (previous == SYLLABUS_STATUS_DONE && status != SYLLABUS_STATUS_DONE)
    message = g_strdup_printf (_("“%s” is no longer done"), title);
  else if (previous != status)
    message = g_strdup_printf (_("“%s” is now %s"), title, syllabus_status_describe (status));
  else if (*syllabus_entry_get_notes (entry) == '\0' && previous_notes != NULL &&
           *previous_notes != '\0')
    message = g_strdup_printf (_("Notes for “%s” cleared"), title);
  else
    return;

  target = g_variant_new ("(ss)", syllabus_entry_get_topic_id (entry),
                          syllabus_entry_get_key (entry));

  /* The newest change replaces the toast of the one before, with a time of
   * its own: changing the toast on screen left it the little time it had
   * left, so that it could vanish as the change was made. */
  if (self->undo_toast != NULL)
    {
      AdwToast *shown = self->undo_toast;

      g_clear_weak_pointer (&self->undo_toast);
      adw_toast_dismiss (shown);
    }

  toast = syllabus_window_new_toast (message);
  /* No mnemonic: libadwaita 1.10 puts the label as it is into what the
   * toast announces, and Orca read it as "has a button: _Undo". */
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_action_target_value (toast, target);
  g_set_weak_pointer (&self->undo_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);
  const char *topic_id;
  const char *key;
  SyllabusEntry *entry;

  g_variant_get (parameter, "(&s&s)", &topic_id, &key);
  if ((entry = syllabus_store_lookup (self->store, topic_id, key)) == NULL)
    return;

  self->undoing = TRUE;
  syllabus_entry_undo (entry);
  self->undoing = FALSE;
}

static void
entry_changed_cb (SyllabusWindow *self,
                  SyllabusEntry  *entry)
{
  SyllabusTopic *topic = syllabus_library_lookup (self->library, syllabus_entry_get_topic_id (entry));

  if (self->topic != NULL && topic == self->topic)
    syllabus_window_update_progress (self);
  else if (topic != NULL)
    syllabus_window_update_topic_label (self, topic);

  offer_undo (self, entry);
}

/* Search ----------------------------------------------------------------- */

/* The row showing @key, if the list has one bound: the row factory keeps
 * track of its rows, so that the window never walks the list view's own
 * children. */
static SyllabusResourceRow *
find_row_for_key (SyllabusWindow *self,
                  const char     *key)
{
  return g_hash_table_lookup (self->resource_rows, key);
}

static gboolean
focus_row_cb (gpointer user_data)
{
  SyllabusWindow *self = user_data;
  SyllabusResourceRow *row;

  if (self->focus_key != NULL && (row = find_row_for_key (self, self->focus_key)) != NULL)
    syllabus_resource_row_focus (row);
  g_clear_pointer (&self->focus_key, g_free);

  return G_SOURCE_REMOVE;
}

/* Brings the resource with @key into view and focuses its check box. */
void
syllabus_window_focus_resource (SyllabusWindow *self,
                                const char     *key)
{
  guint n;

  if (self->checklist == NULL)
    return;

  /* On a phone the resources are a view of their own. */
  adw_view_stack_set_visible_child_name (self->view_stack, "resources");

  n = g_list_model_get_n_items (self->checklist);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (self->checklist, i);

      if (g_str_equal (syllabus_resource_get_key (resource), key))
        {
          syllabus_list_steps_complete (self->list_view);
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_FOCUS, NULL);
          g_free (self->focus_key);
          self->focus_key = g_strdup (key);
          /* The row exists once the list has laid itself out. */
          g_idle_add_full (G_PRIORITY_LOW, focus_row_cb, g_object_ref (self), g_object_unref);
          return;
        }
    }

  /* A resource of another kind than the list shows: show them all. */
  if (self->kind != NULL)
    {
      syllabus_window_set_kind_filter (self, NULL);
      syllabus_window_focus_resource (self, key);
    }
}

/* Single keys on a focused resource ---------------------------------------- */

static SyllabusResourceRow *
focused_row (SyllabusWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  if ((row = gtk_widget_get_ancestor (focus, SYLLABUS_TYPE_RESOURCE_ROW)) != NULL)
    return SYLLABUS_RESOURCE_ROW (row);

  /* The list item itself has the focus when moving with the arrow keys. */
  row = gtk_widget_get_first_child (focus);
  return SYLLABUS_IS_RESOURCE_ROW (row) ? SYLLABUS_RESOURCE_ROW (row) : NULL;
}

static gboolean
checklist_key_pressed_cb (SyllabusWindow        *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  SyllabusResourceRow *row;
  SyllabusEntry *entry;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      self->topic == NULL ||
      syllabus_store_get_topic_read_only (self->store, syllabus_topic_get_id (self->topic)) ||
      (row = focused_row (self)) == NULL ||
      (entry = syllabus_resource_row_get_entry (row)) == NULL)
    return FALSE;

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_d:
      syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
      return TRUE;
    case GDK_KEY_p:
      syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
      return TRUE;
    case GDK_KEY_s:
      syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
      return TRUE;
    case GDK_KEY_n:
      syllabus_resource_row_edit_notes (row);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
release_checklist (SyllabusWindow *self)
{
  syllabus_list_steps_set_model (self->list_view, NULL);
  g_clear_object (&self->checklist);
  g_list_store_remove_all (self->orphans);
  g_hash_table_remove_all (self->groups);
}

/* Lists progress whose resource left the topic, under a group of its own,
 * so that nothing the user wrote silently disappears. */
static void
collect_orphans (SyllabusWindow *self)
{
  const char *topic_id = syllabus_topic_get_id (self->topic);
  g_autoptr(GPtrArray) entries = syllabus_store_list_entries (self->store, topic_id);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *resources = syllabus_topic_get_resources (self->topic);
  guint n = g_list_model_get_n_items (resources);
  const char *group_title = _("No longer in this topic");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_hash_table_add (keys, (gpointer)syllabus_resource_get_key (resource));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SyllabusEntry *entry = g_ptr_array_index (entries, i);
      const char *url = syllabus_entry_get_url (entry);
      const char *title = syllabus_entry_get_title (entry);
      g_autoptr(SyllabusResource) orphan = NULL;

      /* Entries that hold nothing (ticked, then unticked) are not worth a
       * place in the list. */
      if (g_hash_table_contains (keys, syllabus_entry_get_key (entry)) ||
          (syllabus_entry_get_status (entry) == SYLLABUS_STATUS_NOT_STARTED &&
           *syllabus_entry_get_notes (entry) == '\0'))
        continue;

      orphan = syllabus_resource_new (title != NULL ? title : syllabus_entry_get_key (entry),
                                      url != NULL ? url : syllabus_entry_get_key (entry),
                                      group_title, ORPHAN_GROUP);
      syllabus_resource_set_first_in_group (orphan,
                                            g_list_model_get_n_items (G_LIST_MODEL (self->orphans)) == 0);
      g_list_store_append (self->orphans, orphan);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->orphans)) > 0)
    {
      g_autoptr(SyllabusGroup) group = syllabus_group_new (group_title);

      g_hash_table_insert (self->groups, GUINT_TO_POINTER (ORPHAN_GROUP), g_steal_pointer (&group));
    }
}

static void
update_checklist (SyllabusWindow *self)
{
  g_autoptr(GListStore) parts = NULL;
  GListModel *resources;
  const char *topic_id;
  guint n_items;

  release_checklist (self);
  g_clear_pointer (&self->early_topic_id, g_free);

  if (self->topic == NULL ||
      !syllabus_store_get_topic_loaded (self->store, syllabus_topic_get_id (self->topic)))
    {
      gtk_stack_set_visible_child_name (self->checklist_stack, "loading");
      gtk_widget_set_visible (self->checklist_header, FALSE);
      return;
    }

  resources = syllabus_topic_get_resources (self->topic);
  n_items = g_list_model_get_n_items (resources);
  topic_id = syllabus_topic_get_id (self->topic);

  if (!g_hash_table_contains (self->new_keys, topic_id))
    g_hash_table_insert (self->new_keys, g_strdup (topic_id),
                         syllabus_store_mark_seen (self->store, topic_id, resources));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      guint index = syllabus_resource_get_group_index (resource);

      if (syllabus_resource_get_group (resource) != NULL &&
          !g_hash_table_contains (self->groups, GUINT_TO_POINTER (index)))
        g_hash_table_insert (self->groups, GUINT_TO_POINTER (index),
                             syllabus_group_new (syllabus_resource_get_group (resource)));
    }

  collect_orphans (self);

  if (n_items == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->orphans)) == 0)
    {
      const char *description;

      if (syllabus_topic_has_resources_section (self->topic))
        description = _("The “Learning Resources” section of this topic lists no links.");
      else if (syllabus_topic_get_resources_rule (self->topic) == SYLLABUS_RESOURCES_NONE)
        description = _("This topic says in its front matter that it has nothing to tick off (“resources: none”).");
      else
        description = _("This topic has no “Learning Resources” section and no lists of web links, so there is nothing to tick off.");
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->checklist_stack, "empty");
      gtk_widget_set_visible (self->checklist_header, FALSE);
      return;
    }

  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, resources);
  g_list_store_append (parts, self->orphans);
  self->checklist = syllabus_window_kinds_filter (
    self, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)))));

  syllabus_list_steps_set_model (self->list_view, self->checklist);
  gtk_stack_set_visible_child_name (self->checklist_stack, "list");
  syllabus_window_update_progress (self);
  if (!syllabus_store_get_loaded (self->store))
    self->early_topic_id = g_strdup (topic_id);

  if (!self->announced_checklist)
    {
      self->announced_checklist = TRUE;
      g_debug ("startup: checklist shown%s",
               self->early_topic_id != NULL ? ", before the rest of the progress" : "");
    }
}

/* The store read the shown topic first: its checklist now, the rest
 * later. */
static void
store_topic_loaded_cb (SyllabusWindow *self,
                       const char     *topic_id)
{
  if (self->topic != NULL && g_strcmp0 (topic_id, syllabus_topic_get_id (self->topic)) == 0)
    update_checklist (self);
}

static void
store_loaded_cb (SyllabusWindow *self)
{
  /* A checklist built from the topic's file read first holds the same
   * entries: building it again would only lose where the list is. */
  if (self->early_topic_id != NULL && self->topic != NULL && self->checklist != NULL &&
      g_strcmp0 (self->early_topic_id, syllabus_topic_get_id (self->topic)) == 0)
    {
      g_clear_pointer (&self->early_topic_id, g_free);
      syllabus_window_update_progress (self);
      return;
    }

  update_checklist (self);
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
  const char *topic_id = syllabus_topic_get_id (self->topic);
  GHashTable *new_keys = g_hash_table_lookup (self->new_keys, topic_id);
  SyllabusGroup *group = NULL;
  SyllabusEntry *entry;

  if (syllabus_window_kinds_opens_group (self, gtk_list_item_get_position (item), resource))
    group = g_hash_table_lookup (self->groups,
                                 GUINT_TO_POINTER (syllabus_resource_get_group_index (resource)));

  entry = syllabus_store_get_entry (self->store, topic_id, resource);
  g_hash_table_replace (self->resource_rows, g_strdup (syllabus_resource_get_key (resource)),
                        gtk_list_item_get_child (item));
  syllabus_resource_row_bind (SYLLABUS_RESOURCE_ROW (gtk_list_item_get_child (item)),
                              resource, entry, group,
                              new_keys != NULL &&
                              g_hash_table_contains (new_keys, syllabus_resource_get_key (resource)),
                              syllabus_store_get_topic_read_only (self->store, topic_id));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SyllabusWindow           *self)
{
  SyllabusResource *resource = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  if (g_hash_table_lookup (self->resource_rows, syllabus_resource_get_key (resource)) == row)
    g_hash_table_remove (self->resource_rows, syllabus_resource_get_key (resource));
  syllabus_resource_row_unbind (SYLLABUS_RESOURCE_ROW (row));
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

  /* The last window closing quits: not while progress cannot be saved,
   * unless the user says so. */
  if (g_list_length (gtk_application_get_windows (gtk_window_get_application (window))) == 1 &&
      !syllabus_quit_guard_check (GTK_WIDGET (self), self->store))
    return TRUE;

  syllabus_window_layout_save (self);

  return GTK_WINDOW_CLASS (syllabus_window_parent_class)->close_request (window);
}

/* Everything the window shows of the store follows it through these
 * handlers; syllabus_window_set_store() moves them to another store. */
static void
connect_store (SyllabusWindow *self)
{
  g_signal_connect_object (self->store, "notify::loaded", G_CALLBACK (store_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "topic-loaded", G_CALLBACK (store_topic_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::read-only", G_CALLBACK (update_checklist), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::locked", G_CALLBACK (syllabus_window_update_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::unseen-damage", G_CALLBACK (syllabus_window_update_problem),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::problem", G_CALLBACK (syllabus_window_update_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "entry-changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::save-error", G_CALLBACK (syllabus_window_update_problem), self,
                           G_CONNECT_SWAPPED);

  syllabus_window_topics_connect_store (self);
}

static void
syllabus_window_constructed (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  G_OBJECT_CLASS (syllabus_window_parent_class)->constructed (object);

  g_assert (SYLLABUS_IS_STORE (self->store));
  g_assert (SYLLABUS_IS_LIBRARY (self->library));

  syllabus_window_topics_constructed (self);
  g_signal_connect_object (self->library, "notify::problem", G_CALLBACK (syllabus_window_update_problem), self,
                           G_CONNECT_SWAPPED);
  syllabus_window_topics_loaded (self);

  syllabus_window_layout_restore (self);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "zoom-level", self->topic_view, "zoom-level",
                     G_SETTINGS_BIND_DEFAULT);

  connect_store (self);

  syllabus_window_update_problem (self);
  update_checklist (self);
}

static void
syllabus_window_dispose (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  release_checklist (self);
  g_clear_handle_id (&self->check_topic_source, g_source_remove);
  g_clear_handle_id (&self->present_source, g_source_remove);

  G_OBJECT_CLASS (syllabus_window_parent_class)->dispose (object);
}

static void
syllabus_window_finalize (GObject *object)
{
  SyllabusWindow *self = (SyllabusWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->topics_selection);
  g_clear_pointer (&self->topic_items, g_hash_table_unref);
  g_clear_pointer (&self->resource_rows, g_hash_table_unref);
  g_clear_object (&self->orphans);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->new_keys, g_hash_table_unref);
  g_clear_pointer (&self->focus_key, g_free);
  g_clear_pointer (&self->early_topic_id, g_free);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->topic);
  g_clear_pointer (&self->topic_problems_dismissed, g_free);
  g_clear_object (&self->settings);
  syllabus_window_kinds_finalize (self);

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
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
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
      /* At construction the window is not built yet: constructed() connects. */
      if (self->store == NULL)
        self->store = g_value_dup_object (value);
      else
        syllabus_window_set_store (self, g_value_get_object (value));
      break;
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, SYLLABUS_TYPE_LIBRARY,
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
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, layout_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topic_page);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topics_pane);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topic_layout);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topics_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, topic_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, checklist_header);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, progress_label);
  syllabus_window_kinds_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, checklist_stack);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SyllabusWindow, error_page);

  syllabus_window_topics_class_init (widget_class);
  syllabus_window_layout_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", "(ss)", undo_action);
  syllabus_window_problem_class_init (widget_class);
  syllabus_window_search_class_init (widget_class);
  syllabus_window_transfer_class_init (widget_class);

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
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  syllabus_window_layout_init (self);

  self->topic_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->resource_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->orphans = g_list_store_new (SYLLABUS_TYPE_RESOURCE);
  self->groups = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->new_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_hash_table_unref);
  syllabus_window_topics_init (self);

  syllabus_window_search_init (self);
  syllabus_window_kinds_init (self);

  /* D, P, S and N act on the focused resource. */
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (checklist_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);


  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-topic", FALSE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  /* Unlike the sidebar's lists, Tab goes on from row to row: each row holds
   * several controls, and with GTK_LIST_TAB_ITEM Tab goes through the
   * focused row's controls and then leaves the list, so that the other
   * rows' controls could be reached with the arrows only. Ctrl+Tab leaves
   * the checklist. */
  gtk_list_view_set_tab_behavior (self->list_view, GTK_LIST_TAB_ALL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Learning resources"),
                                  -1);
}

/**
 * syllabus_window_new:
 * @application: the application
 * @store: the progress store, loaded or loading
 * @library: the topics, loaded or loading
 * @settings: (nullable): the application's settings, if its schema is installed
 *
 * Returns: (transfer full): a new window
 */
SyllabusWindow *
syllabus_window_new (GtkApplication  *application,
                     SyllabusStore   *store,
                     SyllabusLibrary *library,
                     GSettings       *settings)
{
  return g_object_new (SYLLABUS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "library", library,
                       "settings", settings,
                       NULL);
}

/**
 * syllabus_window_set_store:
 * @store: the progress store to show from now on, loaded or loading
 *
 * Shows @store in place of the window's store, as when the user chose
 * another progress folder: the checklist, the counts, the problem bar,
 * search and the quit guard all follow it. The old store is left as it
 * is; saving it first is the caller's business.
 */
void
syllabus_window_set_store (SyllabusWindow *self,
                           SyllabusStore  *store)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));
  g_return_if_fail (SYLLABUS_IS_STORE (store));

  if (self->store == store)
    return;

  g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  /* An undo offered for the old store's entry would change the new one's. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  /* What was new is worked out again against this store's record of what
   * the user has seen. */
  g_hash_table_remove_all (self->new_keys);
  self->problem_dismissed = FALSE;

  connect_store (self);
  syllabus_window_update_problem (self);
  update_checklist (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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

  adw_window_title_set_title (self->window_title,
                              topic != NULL ? syllabus_topic_get_title (topic) : _("Syllabus"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-topic",
                                 topic != NULL &&
                                 syllabus_library_is_removable (self->library, topic));
  if (topic != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-topic", syllabus_topic_get_id (topic));
  syllabus_window_select_topic_in_sidebar (self);
  syllabus_topic_view_set_topic (self->topic_view, topic);
  gtk_stack_set_visible_child_name (self->main_stack, "topic");
  /* Each topic opens with all its resources listed. */
  g_clear_pointer (&self->kind, g_free);
  update_checklist (self);
  syllabus_window_update_problem (self);

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

void
syllabus_window_add_toast (SyllabusWindow *self,
                           AdwToast       *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

SyllabusStore *
syllabus_window_get_store (SyllabusWindow *self)
{
  return self->store;
}

SyllabusLibrary *
syllabus_window_get_library (SyllabusWindow *self)
{
  return self->library;
}

void
syllabus_window_update_checklist (SyllabusWindow *self)
{
  update_checklist (self);
}
