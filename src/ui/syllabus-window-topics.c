/* syllabus-window-topics.c
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

#include "config.h"

#include "syllabus-window-private.h"

#include <glib/gi18n.h>

#include "syllabus-dialogs.h"
#include "syllabus-open-flow.h"

/* How long a window opened for files waits for them before it is shown
 * anyway, loading. */
#define PRESENT_DELAY_MS 300

/* The topic sidebar: the library's topics with their progress, choosing
 * one, opening a file (from the Open dialog or dropped on the window) and
 * removing a topic the user added. */

/* How far the user is through @topic, as the sidebar shows it. */
static char *
topic_progress_text (SyllabusWindow *self,
                     SyllabusTopic  *topic)
{
  SyllabusCounts counts;

  syllabus_store_count (self->store, syllabus_topic_get_id (topic),
                        syllabus_topic_get_resources (topic), &counts);
  if (counts.total == 0)
    return g_strdup ("");

  /* Translators: a topic's progress in the sidebar, e.g. "3 of 7" */
  return g_strdup_printf (_("%u of %u"), counts.done, counts.total);
}

/* A topic's row is spoken once, as its title with its progress as the
 * description ("Rust, 3 of 7"): the labels that show them are left out of
 * the accessibility tree, or a screen reader reads the row's name and then
 * each label again. */
static GtkWidget *
new_row_label (void)
{
  /* The hidden state would not do: GTK sets it from the visibility. */
  return g_object_new (GTK_TYPE_LABEL,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/* A topic's row: [title / next up] [progress] [open next up]. */
typedef struct
{
  GtkWidget *title;
  GtkWidget *next;
  GtkWidget *progress;
  GtkWidget *next_button;
} TopicRow;

static void
get_topic_row (GtkListItem *item,
               TopicRow    *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);

  row->title = gtk_widget_get_first_child (texts);
  row->next = gtk_widget_get_next_sibling (row->title);
  row->progress = gtk_widget_get_next_sibling (texts);
  row->next_button = gtk_widget_get_next_sibling (row->progress);
}

void
syllabus_window_update_topic_label (SyllabusWindow *self,
                                    SyllabusTopic  *topic)
{
  GtkListItem *item = g_hash_table_lookup (self->topic_items, syllabus_topic_get_id (topic));
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SyllabusResource) next = NULL;
  TopicRow row;

  if (item == NULL || !syllabus_store_get_loaded (self->store))
    return;

  get_topic_row (item, &row);
  text = topic_progress_text (self, topic);
  gtk_label_set_text (GTK_LABEL (row.progress), text);

  /* What to study next: shown under the title, opened by the button or
   * by N on the row. */
  next = syllabus_store_get_next_up (self->store, syllabus_topic_get_id (topic),
                                     syllabus_topic_get_resources (topic));
  gtk_widget_set_visible (row.next, next != NULL);
  gtk_widget_set_visible (row.next_button, next != NULL);
  if (next != NULL)
    {
      g_autofree char *next_text = NULL;
      g_autofree char *button_label = NULL;

      /* Translators: under a topic's title in the sidebar, the resource
       * to study next */
      next_text = g_strdup_printf (_("Next: %s"), syllabus_resource_get_title (next));
      gtk_label_set_text (GTK_LABEL (row.next), next_text);
      /* Translators: the button that opens the resource to study next */
      button_label = g_strdup_printf (_("Open Next: %s"), syllabus_resource_get_title (next));
      gtk_widget_set_tooltip_text (row.next_button, button_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.next_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
      g_object_set_data_full (G_OBJECT (row.next_button), "syllabus-key",
                              g_strdup (syllabus_resource_get_key (next)), g_free);
      /* Translators: a topic's description for screen readers, its
       * progress and the resource to study next, e.g. "3 of 7, next: Rust
       * in Action" */
      description = g_strdup_printf (_("%s, next: %s"), text, syllabus_resource_get_title (next));
    }
  else
    g_object_set_data (G_OBJECT (row.next_button), "syllabus-key", NULL);

  gtk_list_item_set_accessible_description (item, description != NULL ? description : text);
}

/* Opens @topic's next resource, if it has one. */
static gboolean
open_next_up (SyllabusWindow *self,
              SyllabusTopic  *topic)
{
  g_autoptr(SyllabusResource) next = NULL;

  if (topic == NULL || !syllabus_store_get_loaded (self->store))
    return FALSE;

  next = syllabus_store_get_next_up (self->store, syllabus_topic_get_id (topic),
                                     syllabus_topic_get_resources (topic));
  if (next == NULL)
    return FALSE;

  syllabus_window_show_resource (self, topic, syllabus_resource_get_key (next));
  return TRUE;
}

static void
next_clicked_cb (GtkButton      *button,
                 SyllabusWindow *self)
{
  const char *topic_id = g_object_get_data (G_OBJECT (button), "syllabus-topic-id");

  if (topic_id != NULL)
    open_next_up (self, syllabus_library_lookup (self->library, topic_id));
}

/* N on a topic's row opens what to study next in it. */
static gboolean
topics_key_pressed_cb (SyllabusWindow        *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_n && keyval != GDK_KEY_N) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  return open_next_up (self, gtk_single_selection_get_selected_item (self->topics_selection));
}

static void
update_all_topic_labels (SyllabusWindow *self)
{
  GListModel *topics = syllabus_library_get_topics (self->library);
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      syllabus_window_update_topic_label (self, topic);
    }
}

static void
setup_topic_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SyllabusWindow           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_row_label ();
  GtkWidget *next = new_row_label ();
  GtkWidget *progress = new_row_label ();
  GtkWidget *next_button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (next), 0);
  gtk_label_set_ellipsize (GTK_LABEL (next), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (next, "dim-label");
  gtk_widget_add_css_class (next, "caption");
  gtk_widget_set_visible (next, FALSE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (progress, "dim-label");
  gtk_widget_add_css_class (progress, "numeric");
  gtk_widget_add_css_class (next_button, "flat");
  gtk_widget_add_css_class (next_button, "circular");
  gtk_widget_set_valign (next_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (next_button, FALSE);
  /* Tab leaves the list in one step: from the keyboard, N on the row
   * does what the button does. */
  gtk_widget_set_focusable (next_button, FALSE);
  g_signal_connect_object (next_button, "clicked", G_CALLBACK (next_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), next);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_box_append (GTK_BOX (box), next_button);
  gtk_list_item_set_child (item, box);
}

static void
bind_topic_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SyllabusWindow           *self)
{
  SyllabusTopic *topic = gtk_list_item_get_item (item);
  TopicRow row;

  get_topic_row (item, &row);
  gtk_label_set_text (GTK_LABEL (row.title), syllabus_topic_get_title (topic));
  gtk_label_set_text (GTK_LABEL (row.progress), "");
  gtk_widget_set_visible (row.next, FALSE);
  gtk_widget_set_visible (row.next_button, FALSE);
  g_object_set_data_full (G_OBJECT (row.next_button), "syllabus-topic-id",
                          g_strdup (syllabus_topic_get_id (topic)), g_free);
  gtk_list_item_set_accessible_label (item, syllabus_topic_get_title (topic));
  gtk_list_item_set_accessible_description (item, "");
  g_hash_table_replace (self->topic_items, g_strdup (syllabus_topic_get_id (topic)), item);
  syllabus_window_update_topic_label (self, topic);
}

static void
unbind_topic_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SyllabusWindow           *self)
{
  SyllabusTopic *topic = gtk_list_item_get_item (item);

  if (g_hash_table_lookup (self->topic_items, syllabus_topic_get_id (topic)) == item)
    g_hash_table_remove (self->topic_items, syllabus_topic_get_id (topic));
}

static void
topic_activated_cb (SyllabusWindow *self,
                    guint           position)
{
  g_autoptr(SyllabusTopic) topic =
    g_list_model_get_item (syllabus_library_get_topics (self->library), position);

  syllabus_window_set_topic (self, topic);
  syllabus_window_show_topic_pane (self);
}

static void
selection_changed_cb (SyllabusWindow *self)
{
  SyllabusTopic *topic = gtk_single_selection_get_selected_item (self->topics_selection);

  if (topic != NULL)
    syllabus_window_set_topic (self, topic);
}

/* Shows the topic chosen last time, or the first one. */
static void
library_loaded_cb (SyllabusWindow *self)
{
  g_autofree char *last = NULL;
  SyllabusTopic *topic = NULL;
  GListModel *topics = syllabus_library_get_topics (self->library);

  if (!syllabus_library_get_loaded (self->library) || self->topic != NULL || self->n_opening > 0)
    return;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-topic");
  if (last != NULL && *last != '\0')
    topic = syllabus_library_lookup (self->library, last);

  if (topic != NULL)
    syllabus_window_set_topic (self, topic);
  else if (g_list_model_get_n_items (topics) > 0)
    {
      g_autoptr(SyllabusTopic) first = g_list_model_get_item (topics, 0);

      syllabus_window_set_topic (self, first);
    }
  else
    syllabus_window_show_error (self, _("No Topics"),
                                _("Open a topic file with the Open button, or drop one here."));
}

/* The library reads a topic file again when it changes, and drops one
 * that was deleted: show the new reading, or what stands in the place of
 * a topic that is gone. Progress is kept by the topic's id, so it stays. */
static gboolean
check_shown_topic_cb (gpointer user_data)
{
  SyllabusWindow *self = user_data;
  SyllabusTopic *listed;

  self->check_topic_source = 0;
  if (self->topic == NULL || !syllabus_library_get_loaded (self->library))
    return G_SOURCE_REMOVE;

  listed = syllabus_library_lookup (self->library, syllabus_topic_get_id (self->topic));
  if (listed == self->topic)
    return G_SOURCE_REMOVE;

  if (listed != NULL)
    syllabus_window_set_topic (self, listed);
  else
    {
      g_clear_object (&self->topic);
      library_loaded_cb (self);
    }

  return G_SOURCE_REMOVE;
}

/* A topic read again leaves the list and comes back in two steps: look
 * once both are done. */
static void
topics_changed_cb (SyllabusWindow *self)
{
  if (self->check_topic_source == 0)
    self->check_topic_source = g_idle_add (check_shown_topic_cb, self);
}

void
syllabus_window_select_topic_in_sidebar (SyllabusWindow *self)
{
  GListModel *topics = syllabus_library_get_topics (self->library);
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      if (topic == self->topic)
        {
          gtk_single_selection_set_selected (self->topics_selection, i);
          return;
        }
    }
}

static void
present_cb (gpointer user_data)
{
  SyllabusWindow *self = user_data;

  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
}

/* Presents the window now, if it waits for the files being opened. */
static void
present_opened (SyllabusWindow *self)
{
  if (self->present_source != 0)
    {
      g_clear_handle_id (&self->present_source, g_source_remove);
      gtk_window_present (GTK_WINDOW (self));
    }
}

/* Shows what came of opening a file. */
static void
show_opened (SyllabusWindow *self,
             GAsyncResult   *result)
{
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  if (!(topic = syllabus_open_topic_finish (result, &error)) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The user kept the topic that was in the way. */
      library_loaded_cb (self);
      return;
    }

  if (topic == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the topic: %s"),
                                                  error->message);
      AdwToast *toast = syllabus_window_new_toast (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);

      /* Show something else, if nothing is shown yet. */
      library_loaded_cb (self);
      return;
    }

  syllabus_window_set_topic (self, topic);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SyllabusWindow) self = user_data;

  g_assert (self->n_opening > 0);
  self->n_opening--;
  show_opened (self, result);

  /* Whatever came of it, the window is shown once nothing is opening. */
  if (self->n_opening == 0)
    present_opened (self);
}

/**
 * syllabus_window_present_when_open:
 *
 * Presents the window once the files syllabus_window_open_file() is
 * opening are shown, so that its first frame shows the topic rather than a
 * page that is loading, or after a moment at the latest; a window with
 * nothing opening, or already shown, is presented at once.
 */
void
syllabus_window_present_when_open (SyllabusWindow *self)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));

  if (self->n_opening == 0 || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (self->present_source == 0)
    self->present_source = g_timeout_add_once (PRESENT_DELAY_MS, present_cb, self);
}

/**
 * syllabus_window_open_file:
 * @file: a topic file
 *
 * Copies @file into the user's topics and shows it, asking first when it
 * would replace another topic of its name; a file that is not a topic is
 * reported in the window.
 */
void
syllabus_window_open_file (SyllabusWindow *self,
                           GFile          *file)
{
  g_return_if_fail (SYLLABUS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->n_opening++;
  syllabus_open_topic_async (GTK_WIDGET (self), self->library, file, NULL, imported_cb,
                             g_object_ref (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SyllabusWindow) self = user_data;
  g_autoptr(GFile) file = syllabus_choose_file_finish (result, NULL);

  if (file != NULL)
    syllabus_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  syllabus_choose_file (GTK_WINDOW (widget), SYLLABUS_FILE_TOPIC, FALSE, _("Open Topic"), NULL,
                        NULL, file_chosen_cb, g_object_ref (widget));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  syllabus_choose_folder (GTK_WINDOW (widget), _("Open Folder as Topic"), NULL, file_chosen_cb,
                          g_object_ref (widget));
}

static void
remove_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SyllabusWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;

  if (!syllabus_confirm_finish (result) || self->topic == NULL)
    return;

  topic = g_object_ref (self->topic);
  if (!syllabus_library_remove (self->library, topic, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, syllabus_window_new_toast (error->message));
      return;
    }

  /* Show what now stands in its place. */
  g_clear_object (&self->topic);
  library_loaded_cb (self);
}

static void
remove_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SyllabusWindow *self = SYLLABUS_WINDOW (widget);
  g_autofree char *heading = NULL;

  if (self->topic == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), syllabus_topic_get_title (self->topic));
  syllabus_confirm (GTK_WIDGET (self), heading,
                    _("The topic file is deleted from your topics folder. Your progress and "
                      "notes are kept, and come back if you open the topic again."),
                    _("_Remove"), NULL, remove_confirmed_cb, g_object_ref (self));
}


static gboolean
drop_cb (SyllabusWindow *self,
         const GValue   *value,
         double          x,
         double          y)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    syllabus_window_open_file (self, l->data);
  g_slist_free (files);

  return files != NULL;
}


/* Setting the sidebar up: its actions and template callback, its row
 * factory and the drop target, then (once the library is known) its
 * selection and what keeps its labels current. */
void
syllabus_window_topics_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_install_action (widget_class, "win.remove-topic", NULL, remove_topic_action);
}

void
syllabus_window_topics_init (SyllabusWindow *self)
{
  g_autoptr(GtkListItemFactory) topic_factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkDropTarget *drop;

  g_signal_connect (topic_factory, "setup", G_CALLBACK (setup_topic_cb), self);
  g_signal_connect (topic_factory, "bind", G_CALLBACK (bind_topic_cb), self);
  g_signal_connect (topic_factory, "unbind", G_CALLBACK (unbind_topic_cb), self);
  gtk_list_view_set_factory (self->topics_view, topic_factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topics_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics"),
                                  -1);
  /* Tab leaves the list for the next control; the arrows move along it. */
  gtk_list_view_set_tab_behavior (self->topics_view, GTK_LIST_TAB_ITEM);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (topics_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->topics_view), keys);

  /* Topic files dropped on the window are opened. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
syllabus_window_topics_constructed (SyllabusWindow *self)
{
  self->topics_selection =
    gtk_single_selection_new (g_object_ref (syllabus_library_get_topics (self->library)));
  gtk_single_selection_set_autoselect (self->topics_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->topics_selection, TRUE);
  gtk_single_selection_set_selected (self->topics_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->topics_view, GTK_SELECTION_MODEL (self->topics_selection));
  g_signal_connect_object (self->topics_selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::loaded", G_CALLBACK (library_loaded_cb), self,
                           G_CONNECT_SWAPPED);
}

void
syllabus_window_topics_loaded (SyllabusWindow *self)
{
  g_signal_connect_object (syllabus_library_get_topics (self->library), "items-changed",
                           G_CALLBACK (topics_changed_cb), self, G_CONNECT_SWAPPED);
  library_loaded_cb (self);
}

/* The sidebar's counts come from the store, whichever it is now. */
void
syllabus_window_topics_connect_store (SyllabusWindow *self)
{
  g_signal_connect_object (self->store, "notify::loaded", G_CALLBACK (update_all_topic_labels),
                           self, G_CONNECT_SWAPPED);
  update_all_topic_labels (self);
}
