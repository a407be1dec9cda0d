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
#include <string.h>

#include "syllabus-dialogs.h"
#include "syllabus-radio-menu.h"

/* One resource in the checklist: a check box named by the resource's title,
 * where the link goes, its status and dates, and the user's notes, which
 * one click on the notes button opens for editing. Rows are recycled by the
 * list view, so all per-resource state lives in the bound SyllabusEntry.
 */
struct _SyllabusResourceRow
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *group_box;
  GtkLabel         *group_label;
  GtkLabel         *group_summary;
  GtkBox           *card;
  GtkCheckButton   *check;
  GtkLabel         *title_label;
  GtkLabel         *new_badge;
  GtkLabel         *kind_tag;
  GtkLabel         *meta_label;
  GtkMenuButton    *status_button;
  GtkToggleButton  *notes_button;
  GtkMenuButton    *more_button;
  GtkLabel         *notes_label;

  /* The notes editor, made when first opened: a text view is the heaviest
   * widget of a row, and few rows are ever edited. */
  GtkRevealer      *notes_revealer;
  GtkTextView      *notes_view;

  /* The link and dates popover, made when first opened: a list creates
   * a couple of hundred rows, and two calendars each would cost more than
   * the rest of the row. */
  GtkButton        *open_button;
  GtkLabel         *started_label;
  GtkCalendar      *started_calendar;
  GtkLabel         *finished_label;
  GtkCalendar      *finished_calendar;

  /* The status menu, made when first opened */
  SyllabusRadioMenu *status_menu;

  /* Owned by the row's action group */
  GSimpleAction    *status_action;

  /* Owned references */
  SyllabusResource *resource;
  SyllabusEntry    *entry;
  GBinding         *done_binding;
  GBinding         *summary_binding;

  gulong            buffer_changed_id;
  gboolean          syncing_dates;
  gboolean          read_only;
};

G_DEFINE_FINAL_TYPE (SyllabusResourceRow, syllabus_resource_row, GTK_TYPE_WIDGET)

/* Whether @text holds a word too long for a narrow list, such as an
 * address used as a title. */
static gboolean
has_long_word (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        run = 0;
      else if (++run > 24)
        return TRUE;
    }

  return FALSE;
}

static char *
format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a date as shown in the checklist; see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static void
update_meta (SyllabusResourceRow *self)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *host;
  GDateTime *started;
  GDateTime *done;

  if (self->resource == NULL)
    return;

  host = syllabus_resource_get_host (self->resource);
  g_string_append (meta, host != NULL ? host : syllabus_resource_get_url (self->resource));

  started = syllabus_entry_get_started_at (self->entry);
  done = syllabus_entry_get_done_at (self->entry);
  if (started != NULL)
    {
      g_autofree char *date = format_date (started);

      /* Translators: when a resource was started, after its link */
      g_string_append_printf (meta, _(" · started %s"), date);
    }
  if (done != NULL)
    {
      g_autofree char *date = format_date (done);

      /* Translators: when a resource was finished, after its link */
      g_string_append_printf (meta, _(" · finished %s"), date);
    }

  gtk_label_set_text (self->meta_label, meta->str);
}

static void
sync_calendar (GtkCalendar *calendar,
               GtkLabel    *label,
               GDateTime   *time,
               const char  *none)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (time == NULL)
    {
      gtk_label_set_text (label, none);
      return;
    }

  local = g_date_time_to_local (time);
  date = format_date (time);
  gtk_label_set_text (label, date);
  gtk_calendar_set_date (calendar, local);
}

static void
update_dates (SyllabusResourceRow *self)
{
  gboolean done;

  if (self->entry == NULL)
    return;

  update_meta (self);
  if (self->started_calendar == NULL)
    return;

  done = syllabus_entry_get_status (self->entry) == SYLLABUS_STATUS_DONE;

  self->syncing_dates = TRUE;
  sync_calendar (self->started_calendar, self->started_label,
                 syllabus_entry_get_started_at (self->entry), _("Not recorded"));
  sync_calendar (self->finished_calendar, self->finished_label,
                 syllabus_entry_get_done_at (self->entry),
                 done ? _("Not recorded") : _("Not finished"));
  self->syncing_dates = FALSE;

  /* Only a started resource has a start to correct, and only a finished
   * one a finish. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->started_calendar),
                            syllabus_entry_get_status (self->entry) != SYLLABUS_STATUS_NOT_STARTED &&
                            !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->finished_calendar), done && !self->read_only);
}

/* A day picked in a calendar, at noon local time, so that it stays the same
 * day in the time zones around. */
static GDateTime *
picked_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (day),
                                                      g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day),
                                                      12, 0, 0);

  return g_date_time_to_utc (noon);
}

static void
started_day_selected_cb (SyllabusResourceRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing_dates || self->entry == NULL)
    return;

  day = picked_day (self->started_calendar);
  syllabus_entry_set_started_at (self->entry, day);
}

static void
finished_day_selected_cb (SyllabusResourceRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing_dates || self->entry == NULL)
    return;

  day = picked_day (self->finished_calendar);
  syllabus_entry_set_done_at (self->entry, day);
}

/* The preview under the title: its first lines, cut before Pango sees the
 * rest, so that however long the notes are, a row lays out as fast as any
 * other (a 5 MB note once kept the window black inside Pango). */
#define PREVIEW_LINES 2
#define PREVIEW_CHARS 240

static char *
notes_preview (const char *notes)
{
  g_autofree char *head = NULL;
  const char *end = notes;
  guint lines = 0;
  glong chars = 0;

  while (*end != '\0' && chars < PREVIEW_CHARS)
    {
      if (*end == '\n' && ++lines == PREVIEW_LINES)
        break;
      end = g_utf8_next_char (end);
      chars++;
    }

  if (*end == '\0')
    return g_strdup (notes);

  head = g_strndup (notes, end - notes);

  return g_strconcat (head, "…", NULL);
}

static void
update_notes_label (SyllabusResourceRow *self)
{
  const char *notes = self->entry != NULL ? syllabus_entry_get_notes (self->entry) : "";
  g_autofree char *preview = notes_preview (notes);

  gtk_label_set_text (self->notes_label, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          *notes != '\0' && !gtk_toggle_button_get_active (self->notes_button));
}

/* Keeps the editor in step with the notes when they change elsewhere
 * (binding, undo, import), without echoing our own edits back. */
static void
sync_notes_editor (SyllabusResourceRow *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->notes_view == NULL || self->entry == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, syllabus_entry_get_notes (self->entry)) != 0)
    {
      g_signal_handler_block (buffer, self->buffer_changed_id);
      gtk_text_buffer_set_text (buffer, syllabus_entry_get_notes (self->entry), -1);
      g_signal_handler_unblock (buffer, self->buffer_changed_id);
    }
}

static void
entry_notes_changed_cb (SyllabusResourceRow *self)
{
  sync_notes_editor (self);
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

/* The editor takes no more than the notes keep (SYLLABUS_ENTRY_NOTES_MAX):
 * what would go past it is not inserted, and the bell says so. The
 * buffer's own text is measured, not the entry's notes: when notes change
 * elsewhere, the entry already holds the text being inserted. */
static void
buffer_insert_text_cb (SyllabusResourceRow *self,
                       GtkTextIter         *location,
                       const char          *text,
                       int                  length,
                       GtkTextBuffer       *buffer)
{
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (strlen (current) + (length < 0 ? strlen (text) : (gsize)length) > SYLLABUS_ENTRY_NOTES_MAX)
    {
      g_signal_stop_emission_by_name (buffer, "insert-text");
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static gboolean notes_key_pressed_cb (SyllabusResourceRow   *self,
                                      guint                  keyval,
                                      guint                  keycode,
                                      GdkModifierType        state,
                                      GtkEventControllerKey *controller);

static void
name_notes_editor (SyllabusResourceRow *self)
{
  g_autofree char *name = NULL;

  if (self->notes_view == NULL || self->resource == NULL)
    return;

  name = g_strdup_printf (_("Notes for %s"), syllabus_resource_get_title (self->resource));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
create_notes_editor (SyllabusResourceRow *self)
{
  GtkWidget *scroller;
  GtkEventController *controller;

  self->notes_view = g_object_new (GTK_TYPE_TEXT_VIEW,
                                   "wrap-mode", GTK_WRAP_WORD_CHAR,
                                   "accepts-tab", FALSE,
                                   "top-margin", 8,
                                   "bottom-margin", 8,
                                   "left-margin", 10,
                                   "right-margin", 10,
                                   "editable", !self->read_only,
                                   NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_view), "notes-editor");

  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "min-content-height", 72,
                           "max-content-height", 240,
                           "propagate-natural-height", TRUE,
                           "child", self->notes_view,
                           NULL);
  gtk_widget_add_css_class (scroller, "notes-frame");

  self->notes_revealer = g_object_new (GTK_TYPE_REVEALER,
                                       "transition-type", GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN,
                                       "child", scroller,
                                       NULL);
  gtk_box_append (self->card, GTK_WIDGET (self->notes_revealer));

  self->buffer_changed_id =
    g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                             G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "insert-text",
                           G_CALLBACK (buffer_insert_text_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (notes_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), controller);

  name_notes_editor (self);
  sync_notes_editor (self);
}

static void
notes_toggled_cb (SyllabusResourceRow *self)
{
  gboolean editing = gtk_toggle_button_get_active (self->notes_button);

  if (editing && self->notes_view == NULL)
    create_notes_editor (self);

  if (self->notes_revealer != NULL)
    gtk_revealer_set_reveal_child (self->notes_revealer, editing);
  update_notes_label (self);

  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static void
open_clicked_cb (SyllabusResourceRow *self)
{
  gtk_menu_button_popdown (self->more_button);

  if (self->resource != NULL)
    syllabus_show_uri (GTK_WIDGET (self), syllabus_resource_get_url (self->resource));
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

/* The status as the button and its menu show it. */
static const char *
status_label (SyllabusStatus status)
{
  switch (status)
    {
    case SYLLABUS_STATUS_IN_PROGRESS:
      return _("In Progress");
    case SYLLABUS_STATUS_DONE:
      return _("Done");
    case SYLLABUS_STATUS_SKIPPED:
      return _("Skipped");
    case SYLLABUS_STATUS_NOT_STARTED:
    default:
      return _("Not Started");
    }
}

/* Shows the entry's status on the button and in its menu's radio items,
 * and names the button, the one that takes the focus, by the resource and
 * the status: a screen reader says "Status of Rust in Action: Done". */
static void
sync_status (SyllabusResourceRow *self)
{
  SyllabusStatus status;
  g_autofree char *name = NULL;

  if (self->entry == NULL)
    return;

  status = syllabus_entry_get_status (self->entry);
  g_simple_action_set_state (self->status_action,
                             g_variant_new_string (syllabus_status_to_string (status)));
  gtk_menu_button_set_label (self->status_button, status_label (status));
  if (self->status_menu != NULL)
    syllabus_radio_menu_set_state (self->status_menu, syllabus_status_to_string (status));

  /* The menu button's own button is labelled by the menu button. */
  /* Translators: the status button of a resource, e.g. "Status of Rust in Action: Done" */
  name = g_strdup_printf (_("Status of %s: %s"), syllabus_resource_get_title (self->resource),
                          status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
status_change_state_cb (SyllabusResourceRow *self,
                        GVariant            *value,
                        GSimpleAction       *action)
{
  SyllabusStatus status;

  if (self->entry != NULL &&
      syllabus_status_from_string (g_variant_get_string (value, NULL), &status))
    syllabus_entry_set_status (self->entry, status);
}

/* Makes the status menu the first time it is opened, as the link and
 * dates popover: few of a list's rows ever have theirs opened. It is a
 * radio menu of named items, not a GtkPopoverMenu from a GMenu, whose
 * items GTK 4.24 leaves without accessible names. */
static void
create_status_menu_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  SyllabusResourceRow *self = user_data;
  GtkWidget *menu = syllabus_radio_menu_new ("row.status");

  for (SyllabusStatus status = 0; status < SYLLABUS_N_STATUSES; status++)
    syllabus_radio_menu_add (SYLLABUS_RADIO_MENU (menu), status_label (status),
                             syllabus_status_to_string (status));

  /* Named as the button: "Status of Rust in Action: Done, menu". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (menu),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, button, NULL,
                                  -1);
  self->status_menu = SYLLABUS_RADIO_MENU (menu);
  gtk_menu_button_set_popover (button, menu);
  sync_status (self);
}

static void create_popover_cb (GtkMenuButton *button,
                               gpointer       user_data);

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
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, group_box);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, group_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, group_summary);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, card);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, check);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, new_badge);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, kind_tag);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, status_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, more_button);
  gtk_widget_class_bind_template_child (widget_class, SyllabusResourceRow, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, notes_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "resourcerow");
}

static void
syllabus_resource_row_init (SyllabusResourceRow *self)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_menu_button_set_create_popup_func (self->more_button, create_popover_cb, self, NULL);

  self->status_action = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_STRING,
                                                      g_variant_new_string ("not-started"));
  g_signal_connect_object (self->status_action, "change-state",
                           G_CALLBACK (status_change_state_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (self->status_action));
  g_object_unref (self->status_action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (actions));
  gtk_menu_button_set_label (self->status_button, status_label (SYLLABUS_STATUS_NOT_STARTED));
  gtk_menu_button_set_create_popup_func (self->status_button, create_status_menu_cb, self, NULL);
}

GtkWidget *
syllabus_resource_row_new (void)
{
  return g_object_new (SYLLABUS_TYPE_RESOURCE_ROW, NULL);
}

/* Names @widget for screen readers, taking @name. */
static void
name_control (gpointer  widget,
              char     *name)
{
  g_autofree char *owned = name;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, owned,
                                  -1);
}

static void
name_popover_controls (SyllabusResourceRow *self)
{
  const char *title;

  if (self->open_button == NULL || self->resource == NULL)
    return;

  title = syllabus_resource_get_title (self->resource);
  name_control (self->open_button, g_strdup_printf (_("Open %s in browser"), title));
  name_control (self->started_calendar, g_strdup_printf (_("Day %s was started"), title));
  name_control (self->finished_calendar, g_strdup_printf (_("Day %s was finished"), title));
}

static GtkWidget *
dates_page (GtkStack     *stack,
            const char   *name,
            const char   *title,
            GtkLabel    **label,
            GtkCalendar **calendar)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (*label), "dim-label");
  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*calendar));
  gtk_stack_add_titled (stack, box, name, title);

  return box;
}

/* Makes the link and dates popover the first time it is opened. */
static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  SyllabusResourceRow *self = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->open_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Open in Browser")));
  g_signal_connect_object (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  dates_page (GTK_STACK (stack), "started", _("Started"),
              &self->started_label, &self->started_calendar);
  dates_page (GTK_STACK (stack), "finished", _("Finished"),
              &self->finished_label, &self->finished_calendar);
  g_signal_connect_object (self->started_calendar, "day-selected",
                           G_CALLBACK (started_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->finished_calendar, "day-selected",
                           G_CALLBACK (finished_day_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_button));
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), stack);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);

  name_popover_controls (self);
  update_dates (self);
}

/**
 * syllabus_resource_row_bind:
 * @resource: the resource to show
 * @entry: its progress
 * @group: (nullable): the group whose heading the row shows, if it is the
 *   first of its group
 * @is_new: whether the resource joined the topic since it was last opened
 * @read_only: whether progress cannot be changed
 */
void
syllabus_resource_row_bind (SyllabusResourceRow *self,
                            SyllabusResource    *resource,
                            SyllabusEntry       *entry,
                            SyllabusGroup       *group,
                            gboolean             is_new,
                            gboolean             read_only)
{
  g_autofree char *description = NULL;
  const char *title;
  const char *where;
  const char *kind;

  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));
  g_return_if_fail (SYLLABUS_IS_RESOURCE (resource));
  g_return_if_fail (SYLLABUS_IS_ENTRY (entry));
  g_return_if_fail (!group || SYLLABUS_IS_GROUP (group));

  syllabus_resource_row_unbind (self);

  self->resource = g_object_ref (resource);
  self->entry = g_object_ref (entry);

  title = syllabus_resource_get_title (resource);
  where = syllabus_resource_get_host (resource);
  if (where == NULL)
    where = syllabus_resource_get_url (resource);
  kind = syllabus_resource_get_kind (resource);

  gtk_widget_set_visible (self->group_box, group != NULL);
  if (group != NULL)
    {
      gtk_label_set_text (self->group_label, syllabus_group_get_title (group));
      self->summary_binding = g_object_bind_property (group, "summary",
                                                      self->group_summary, "label",
                                                      G_BINDING_SYNC_CREATE);
    }

  gtk_label_set_text (self->title_label, title);
  /* Breaking inside words is far slower to lay out in Pango, and only a
   * title with a very long word (an address) needs it to fit. */
  gtk_label_set_wrap_mode (self->title_label,
                           has_long_word (title) ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  gtk_widget_set_visible (GTK_WIDGET (self->new_badge), is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_tag), kind != NULL);
  if (kind != NULL)
    gtk_label_set_text (self->kind_tag, syllabus_resource_kind_get_label (kind));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), syllabus_resource_get_url (resource));

  /* Screen readers name each control by the resource it acts on; the
   * check box says what the resource is and where it leads. */
  if (kind != NULL)
    /* Translators: how a screen reader describes a resource's check box,
     * after its title: its kind, then where its link goes, e.g.
     * "Official, tokio.rs" */
    description = g_strdup_printf (_("%s, %s"), syllabus_resource_kind_get_label (kind), where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : where,
                                  -1);
  name_notes_editor (self);
  name_control (self->notes_button, g_strdup_printf (_("Edit notes for %s"), title));
  name_control (self->more_button, g_strdup_printf (_("Link and dates of %s"), title));
  name_popover_controls (self);

  sync_notes_editor (self);

  self->read_only = read_only;
  gtk_widget_set_sensitive (GTK_WIDGET (self->check), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), !read_only);
  g_simple_action_set_enabled (self->status_action, !read_only);
  if (self->notes_view != NULL)
    gtk_text_view_set_editable (self->notes_view, !read_only);
  gtk_toggle_button_set_active (self->notes_button, FALSE);
  if (self->notes_revealer != NULL)
    gtk_revealer_set_reveal_child (self->notes_revealer, FALSE);

  self->done_binding = g_object_bind_property (entry, "done", self->check, "active",
                                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  sync_status (self);
  g_signal_connect_object (entry, "notify::status", G_CALLBACK (sync_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::notes", G_CALLBACK (entry_notes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::started-at", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::done-at", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::status", G_CALLBACK (update_dates), self,
                           G_CONNECT_SWAPPED);
  update_notes_label (self);
  update_dates (self);
}

static void
clear_binding (GBinding **binding)
{
  if (*binding != NULL)
    {
      g_binding_unbind (*binding);
      *binding = NULL;
    }
}

void
syllabus_resource_row_unbind (SyllabusResourceRow *self)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));

  clear_binding (&self->done_binding);
  clear_binding (&self->summary_binding);

  if (self->entry != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->entry, entry_notes_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->entry, update_dates, self);
      g_signal_handlers_disconnect_by_func (self->entry, sync_status, self);
    }

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

/**
 * syllabus_resource_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the progress shown
 */
SyllabusEntry *
syllabus_resource_row_get_entry (SyllabusResourceRow *self)
{
  g_return_val_if_fail (SYLLABUS_IS_RESOURCE_ROW (self), NULL);

  return self->entry;
}

/**
 * syllabus_resource_row_focus:
 *
 * Puts the keyboard focus on the row's check box.
 */
void
syllabus_resource_row_focus (SyllabusResourceRow *self)
{
  g_return_if_fail (SYLLABUS_IS_RESOURCE_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->check));
}
