/* syllabus-list-steps.c
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

#include "syllabus-list-steps.h"

/* A list view makes rows for up to 200 items around its anchor as soon as
 * it has a model, on or off screen. With the checklist's rows that took
 * about 200 ms before the window's first frame for a list of 1,770 links
 * (measured: 205 rows made by one gtk_list_view_set_model() on GTK 4.24).
 * So a long list reaches the view as a slice that holds what a tall window
 * shows, and grows a few rows a frame from the second frame on, until the
 * view has all the rows it keeps; then the slice is the whole list. */

/* Rows in the first frame: more than the tallest window shows. */
#define FIRST_ROWS 32
/* Rows made in each later frame: a few milliseconds of work. */
#define ROWS_PER_FRAME 12
/* Past the rows the view keeps around its anchor, the rest of the list
 * only adds to its length. */
#define ROWS_KEPT 256

#define STEPS_KEY "syllabus-list-steps"

typedef struct
{
  GtkListView        *list_view;
  GtkSliceListModel  *slice;
  guint               tick_id;
  guint               frames;
} Steps;

static void
steps_free (gpointer data)
{
  Steps *steps = data;

  if (steps->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (steps->list_view), steps->tick_id);
  g_clear_object (&steps->slice);
  g_free (steps);
}

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  Steps *steps = user_data;
  guint size;

  /* The first frame draws the rows it has. */
  if (steps->frames++ == 0)
    return G_SOURCE_CONTINUE;

  size = gtk_slice_list_model_get_size (steps->slice) + ROWS_PER_FRAME;
  if (size < ROWS_KEPT)
    {
      gtk_slice_list_model_set_size (steps->slice, size);
      return G_SOURCE_CONTINUE;
    }

  steps->tick_id = 0;
  /* Frees @steps. */
  syllabus_list_steps_complete (steps->list_view);

  return G_SOURCE_REMOVE;
}

/**
 * syllabus_list_steps_set_model:
 * @list_view: a list view whose items are not selectable
 * @model: (nullable): the items to show
 *
 * Shows @model in @list_view, a long one in steps, so that the first frame
 * does not wait for rows it does not draw. The view's model is a
 * #GtkNoSelection of @model, or of a #GtkSliceListModel of it while it
 * grows; positions are those of @model.
 */
void
syllabus_list_steps_set_model (GtkListView *list_view,
                               GListModel  *model)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  Steps *steps;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  g_object_set_data (G_OBJECT (list_view), STEPS_KEY, NULL);

  if (model == NULL)
    {
      gtk_list_view_set_model (list_view, NULL);
      return;
    }

  if (g_list_model_get_n_items (model) <= FIRST_ROWS)
    {
      selection = gtk_no_selection_new (g_object_ref (model));
      gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
      return;
    }

  steps = g_new0 (Steps, 1);
  steps->list_view = list_view;
  steps->slice = gtk_slice_list_model_new (g_object_ref (model), 0, FIRST_ROWS);
  steps->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (list_view), grow_cb, steps, NULL);
  g_object_set_data_full (G_OBJECT (list_view), STEPS_KEY, steps, steps_free);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (steps->slice)));
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * syllabus_list_steps_complete:
 * @list_view: a list view given its model by syllabus_list_steps_set_model()
 *
 * Gives @list_view the whole of its list at once, if it is still growing:
 * before scrolling to an item that may not have arrived yet.
 */
void
syllabus_list_steps_complete (GtkListView *list_view)
{
  Steps *steps;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  if ((steps = g_object_get_data (G_OBJECT (list_view), STEPS_KEY)) == NULL)
    return;

  gtk_slice_list_model_set_size (steps->slice, G_MAXUINT);
  /* The slice stays the view's model; only the growing ends. */
  if (steps->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (list_view), steps->tick_id);
      steps->tick_id = 0;
    }
  g_object_set_data (G_OBJECT (list_view), STEPS_KEY, NULL);
}
