/* syllabus-resource-row.c

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

#include "syllabus-resource-row.h"

#include <glib/gi18n.h>

#include "syllabus-compat.h"

/* One resource in the checklist: a check box named by the resource's title,
 * where the link goes, and the user's notes, which one click on the notes
 * button opens for editing. Rows are recycled by the list view, so all
 * per-resource state lives in the bound SyllabusEntry.
 */
struct _SyllabusResourceRow
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *group_label;
  GtkBox           *card;
  GtkCheckButton   *check;
  GtkLabel         *title_label;
  GtkLabel         *host_label;
  GtkButton        *open_button;
  GtkToggleButton  *notes_button;
  GtkLabel         *notes_label;
  GtkRevealer      *notes_revealer;
  GtkTextView      *notes_view;

  /* Owned references */
  SyllabusResource *resource;
  SyllabusEntry    *entry;
  GBinding         *done_binding;

  gulong            buffer_changed_id;
};

G_DEFINE_FINAL_TYPE (SyllabusResourceRow, syllabus_resource_row, GTK_TYPE_WIDGET)

static void
update_notes_label (SyllabusResourceRow *self)
{
  const char *notes = self->entry != NULL ? syllabus_entry_get_notes (self->entry) : "";

  gtk_label_set_text (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          *notes != '\0' && !gtk_toggle_button_get_active (self->notes_button));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_button),
                          *notes != '\0' || gtk_widget_get_sensitive (GTK_WIDGET (self->check)));
}

static void
entry_notes_changed_cb (SyllabusResourceRow *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  /* Keep the editor in step when the notes change elsewhere (undo,
   * import), without echoing our own edits back. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, syllabus_entry_get_notes (self->entry)) != 0)
    {
      g_signal_handler_block (buffer, self->buffer_changed_id);
      gtk_text_buffer_set_text (buffer, syllabus_entry_get_notes (self->entry), -1);
      g_signal_handler_unblock (buffer, self->buffer_changed_id);
    }

  update_notes_label (self);
}

static void
buffer_changed_cb (SyllabusResourceRow *self,
                   GtkTextBuffer       *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->entry == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  syllabus_entry_set_notes (self->entry, text);
}

static void
notes_toggled_cb (SyllabusResourceRow *self)
{
  gboolean editing = gtk_toggle_button_get_active (self->notes_button);

  gtk_revealer_set_reveal_child (self->notes_revealer, editing);
  update_notes_label (self);

  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static void
open_clicked_cb (SyllabusResourceRow *self)
{
  if (self->resource != NULL)
    syllabus_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                       syllabus_resource_get_url (self->resource));
}

static gboolean
notes_key_pressed_cb (SyllabusResourceRow   *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  /* Escape closes the editor and returns to the row's notes button. */
  if (keyval == GDK_KEY_Escape)
    {
      gtk_toggle_button_set_active (self->notes_button, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->notes_button));
      return TRUE;
    }

  return FALSE;
}

static void
syllabus_resource_row_dispose (GObject *object)
{
  SyllabusResourceRow *self = (SyllabusResourceRow *)object;
  GtkWidget *child;

  syllabus_resource_row_unbind (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (syllabus_resource_row_parent_class)->dispose (object);
}

static void
syllabus_resource_row_class_init (SyllabusResourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syllabus_resource_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/syllabus-resource-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, group_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, card);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, check);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, host_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, notes_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "resourcerow");
}

static void
syllabus_resource_row_init (SyllabusResourceRow *self)
{
  GtkEventController *controller;
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  self->buffer_changed_id =
    g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                             G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (notes_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), controller);
}

GtkWidget *
syllabus_resource_row_new (void)
{
  return g_object_new (SYLLABUS_TYPE_RESOURCE_ROW, NULL);
}

/**
 * syllabus_resource_row_bind:
 * @resource: the resource to show
 * @entry: its progress
 * @read_only: whether progress cannot be changed
 */
void
syllabus_resource_row_bind (SyllabusResourceRow *self,
                            SyllabusResource    *resource,
                            SyllabusEntry       *entry,
                            gboolean             read_only)
{
  g_autofree char *notes_name = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *open_name = NULL;
  GtkTextBuffer *buffer;
  const char *title;
  const char *group;
  const char *host;

  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));
  g_return_if_fail (SYLLABUS_IS_RESOURCE (resource));
  g_return_if_fail (SYLLABUS_IS_ENTRY (entry));

  syllabus_resource_row_unbind (self);

  self->resource = g_object_ref (resource);
  self->entry = g_object_ref (entry);

  title = syllabus_resource_get_title (resource);
  group = syllabus_resource_get_group (resource);
  host = syllabus_resource_get_host (resource);

  gtk_label_set_text (self->group_label, group != NULL ? group : "");
  gtk_widget_set_visible (GTK_WIDGET (self->group_label),
                          group != NULL && syllabus_resource_get_first_in_group (resource));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->host_label, host != NULL ? host : syllabus_resource_get_url (resource));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->host_label), syllabus_resource_get_url (resource));

  /* Screen readers name each control by the resource it acts on. */
  notes_name = g_strdup_printf (_("Notes for %s"), title);
  edit_name = g_strdup_printf (_("Edit notes for %s"), title);
  open_name = g_strdup_printf (_("Open %s in browser"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  host != NULL ? host : syllabus_resource_get_url (resource),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, notes_name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_name,
                                  -1);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  g_signal_handler_block (buffer, self->buffer_changed_id);
  gtk_text_buffer_set_text (buffer, syllabus_entry_get_notes (entry), -1);
  g_signal_handler_unblock (buffer, self->buffer_changed_id);

  gtk_widget_set_sensitive (GTK_WIDGET (self->check), !read_only);
  gtk_text_view_set_editable (self->notes_view, !read_only);
  gtk_toggle_button_set_active (self->notes_button, FALSE);
  gtk_revealer_set_reveal_child (self->notes_revealer, FALSE);

  self->done_binding = g_object_bind_property (entry, "done", self->check, "active",
                                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (entry, "notify::notes", G_CALLBACK (entry_notes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_notes_label (self);
}

void
syllabus_resource_row_unbind (SyllabusResourceRow *self)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));

  if (self->done_binding != NULL)
    {
      g_binding_unbind (self->done_binding);
      self->done_binding = NULL;
    }

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, entry_notes_changed_cb, self);

  g_clear_object (&self->entry);
  g_clear_object (&self->resource);
}

/**
 * syllabus_resource_row_get_resource:
 *
 * Returns: (transfer none) (nullable): the resource shown
 */
SyllabusResource *
syllabus_resource_row_get_resource (SyllabusResourceRow *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE_ROW (self), NULL);

  return self->resource;
}

/**
 * syllabus_resource_row_edit_notes:
 *
 * Opens the notes editor and puts the keyboard focus in it.
 */
void
syllabus_resource_row_edit_notes (SyllabusResourceRow *self)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));

  gtk_toggle_button_set_active (self->notes_button, TRUE);
}
