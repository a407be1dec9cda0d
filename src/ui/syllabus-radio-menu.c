/* syllabus-radio-menu.c
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

#include "syllabus-radio-menu.h"

/* A menu of radio items that sets a stateful action of type "s", as a
 * GtkPopoverMenu made from a GMenu would, but with items a screen reader
 * can name: GTK 4.24 leaves the items of a menu made from a menu model
 * without an accessible name (the tree shows 'menu item ""'; Orca 51
 * guesses the text from the label inside, and says neither role nor
 * name). Each item is a list box row with the role of a
 * radio menu item, named by its label and checked when its target is the
 * action's state. The arrows move between the items (and round), Return
 * or a click chooses one and closes the menu, Escape closes it.
 */
struct _SyllabusRadioMenu
{
  GtkPopover  parent_instance;

  /* Made in init, owned by the popover */
  GtkListBox *list;

  /* Owned references */
  char       *action_name;
  char       *state;
};

G_DEFINE_FINAL_TYPE (SyllabusRadioMenu, syllabus_radio_menu, GTK_TYPE_POPOVER)

static const char *
row_target (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "syllabus-target");
}

static void
sync_row (SyllabusRadioMenu *self,
          GtkListBoxRow     *row)
{
  gboolean checked = g_strcmp0 (row_target (row), self->state) == 0;
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  gtk_widget_set_opacity (check, checked ? 1 : 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               checked ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static void
row_activated_cb (SyllabusRadioMenu *self,
                  GtkListBoxRow     *row)
{
  g_autofree char *target = g_strdup (row_target (row));

  /* Closed first, as a menu is: the action may rebind the row. */
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), self->action_name, "s", target);
}

/* The arrows go round, from the last item to the first and back. */
static gboolean
keynav_failed_cb (SyllabusRadioMenu *self,
                  GtkDirectionType   direction)
{
  GtkWidget *row;

  if (direction == GTK_DIR_DOWN)
    row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  else if (direction == GTK_DIR_UP)
    row = gtk_widget_get_last_child (GTK_WIDGET (self->list));
  else
    return FALSE;

  return row != NULL && gtk_widget_grab_focus (row);
}

/* The menu opens on the chosen item, as a radio menu does. */
static void
syllabus_radio_menu_show (GtkWidget *widget)
{
  SyllabusRadioMenu *self = SYLLABUS_RADIO_MENU (widget);
  GtkWidget *child;

  GTK_WIDGET_CLASS (syllabus_radio_menu_parent_class)->show (widget);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (row_target (GTK_LIST_BOX_ROW (child)), self->state) == 0)
      {
        gtk_widget_grab_focus (child);
        break;
      }
}

static void
syllabus_radio_menu_finalize (GObject *object)
{
  SyllabusRadioMenu *self = (SyllabusRadioMenu *)object;

  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->state, g_free);

  G_OBJECT_CLASS (syllabus_radio_menu_parent_class)->finalize (object);
}

static void
syllabus_radio_menu_class_init (SyllabusRadioMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = syllabus_radio_menu_finalize;
  widget_class->show = syllabus_radio_menu_show;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_MENU);
}

static void
syllabus_radio_menu_init (SyllabusRadioMenu *self)
{
  /* The items form one radio group inside the menu. */
  self->list = g_object_new (GTK_TYPE_LIST_BOX,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                             "selection-mode", GTK_SELECTION_NONE,
                             NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "keynav-failed", G_CALLBACK (keynav_failed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->list));
  gtk_popover_set_has_arrow (GTK_POPOVER (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "menu");
}

/**
 * syllabus_radio_menu_new:
 * @action_name: a stateful action of type "s", such as "row.status"
 *
 * Returns: (transfer full): a menu without items
 */
GtkWidget *
syllabus_radio_menu_new (const char *action_name)
{
  SyllabusRadioMenu *self;

  g_return_val_if_fail (action_name != NULL, NULL);

  self = g_object_new (SYLLABUS_TYPE_RADIO_MENU, NULL);
  self->action_name = g_strdup (action_name);

  return GTK_WIDGET (self);
}

/**
 * syllabus_radio_menu_add:
 * @label: what the item says, and its accessible name
 * @target: the state the item sets
 *
 * Appends an item.
 */
void
syllabus_radio_menu_add (SyllabusRadioMenu *self,
                         const char        *label,
                         const char        *target)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *check;
  GtkWidget *text;

  g_return_if_fail (SYLLABUS_IS_RADIO_MENU (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (target != NULL);

  row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO,
                      NULL);
  g_object_set_data_full (G_OBJECT (row), "syllabus-target", g_strdup (target), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  /* The item is named by its label: the label itself is left out of the
   * tree, or it is read again after the item. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The hidden state would not do: GTK sets it from the visibility. */
  check = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", "object-select-symbolic",
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  text = g_object_new (GTK_TYPE_LABEL,
                       "label", label,
                       "xalign", 0.0f,
                       "hexpand", TRUE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->list, row);

  sync_row (self, GTK_LIST_BOX_ROW (row));
}

/**
 * syllabus_radio_menu_set_state:
 * @target: the action's state: the item with this target is checked
 */
void
syllabus_radio_menu_set_state (SyllabusRadioMenu *self,
                               const char        *target)
{
  GtkWidget *child;

  g_return_if_fail (SYLLABUS_IS_RADIO_MENU (self));

  if (g_strcmp0 (self->state, target) == 0)
    return;

  g_free (self->state);
  self->state = g_strdup (target);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      sync_row (self, GTK_LIST_BOX_ROW (child));
}
