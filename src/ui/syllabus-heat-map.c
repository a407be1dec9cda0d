/* syllabus-heat-map.c
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

/* A calendar heat map of the last twelve months: one square per day, a
 * column per week (Monday at the top), today in the last column, darker
 * the more resources were finished or started that day, in the theme's
 * accent colour.
 *
 * Each day is a small child widget of its own, so that a screen reader
 * reads every square ("3 resources finished on 12 March 2026") and a
 * pointer shows the same as a tooltip; the map lays them out itself and
 * sizes them to the width it gets, down to the narrowest phone. */

#include "config.h"

#include "syllabus-heat-map.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* A square's size, gap included, at the least and at the most. */
#define MIN_CELL 6
#define MAX_CELL 16
#define N_ROWS 7
/* Levels of colour: none, then four of the accent. */
#define N_LEVELS 5

/* One day ------------------------------------------------------------------ */

#define SYLLABUS_TYPE_HEAT_MAP_DAY (syllabus_heat_map_day_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusHeatMapDay, syllabus_heat_map_day, SYLLABUS, HEAT_MAP_DAY, GtkWidget)

struct _SyllabusHeatMapDay
{
  GtkWidget parent_instance;

  guint     level;
};

G_DEFINE_FINAL_TYPE (SyllabusHeatMapDay, syllabus_heat_map_day, GTK_TYPE_WIDGET)

static void
syllabus_heat_map_day_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SyllabusHeatMapDay *self = SYLLABUS_HEAT_MAP_DAY (widget);
  AdwStyleManager *style = adw_style_manager_get_default ();
  float size = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  GskRoundedRect square;
  GdkRGBA color;

  /* An empty day in the text's colour, faint; a day of study in the
   * accent colour, stronger with each level: right in light and dark. */
  if (self->level == 0)
    {
      gtk_widget_get_color (widget, &color);
      color.alpha = adw_style_manager_get_dark (style) ? 0.12 : 0.08;
    }
  else
    {
      g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (style);

      color = *accent;
      color.alpha = 0.25 + 0.25 * (self->level - 1);
    }

  gsk_rounded_rect_init_from_rect (&square, &GRAPHENE_RECT_INIT (0, 0, size, size), size / 5);
  gtk_snapshot_push_rounded_clip (snapshot, &square);
  gtk_snapshot_append_color (snapshot, &color, &square.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
syllabus_heat_map_day_class_init (SyllabusHeatMapDayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = syllabus_heat_map_day_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "heat-map-day");
}

static void
syllabus_heat_map_day_init (SyllabusHeatMapDay *self)
{
}

static GtkWidget *
heat_map_day_new (guint       level,
                  const char *description)
{
  SyllabusHeatMapDay *self = g_object_new (SYLLABUS_TYPE_HEAT_MAP_DAY, NULL);

  self->level = level;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  return GTK_WIDGET (self);
}

/* The map ------------------------------------------------------------------ */

struct _SyllabusHeatMap
{
  GtkWidget         parent_instance;

  SyllabusActivity *activity;
  /* Rows the first week leaves empty: the first day's weekday. */
  guint             offset;
  guint             n_columns;
};

G_DEFINE_FINAL_TYPE (SyllabusHeatMap, syllabus_heat_map, GTK_TYPE_WIDGET)

/**
 * syllabus_heat_map_get_level:
 *
 * Returns: how dark day @index of @activity is drawn: 0 for a day without
 *   study, then 1 to 4, 4 for the busiest days
 */
guint
syllabus_heat_map_get_level (SyllabusActivity *activity,
                             guint             index)
{
  guint busiest = syllabus_activity_get_busiest (activity);
  guint finished, started, count;

  syllabus_activity_get_day (activity, index, NULL, &finished, &started);
  count = finished + started;
  if (count == 0 || busiest == 0)
    return 0;

  /* Quarters of the busiest day, rounded up: the busiest is the darkest,
   * and the least study still shows. */
  return MIN (N_LEVELS - 1, (count * (N_LEVELS - 1) + busiest - 1) / busiest);
}

/**
 * syllabus_heat_map_describe_day:
 *
 * Returns: (transfer full): what day @index of @activity holds, as a
 *   screen reader and the square's tooltip say it: "3 resources finished
 *   on 12 March 2026"
 */
char *
syllabus_heat_map_describe_day (SyllabusActivity *activity,
                                guint             index)
{
  g_autofree char *finished_text = NULL;
  g_autofree char *started_text = NULL;
  char when[128];
  guint finished, started;
  GDate date;

  syllabus_activity_get_day (activity, index, &date, &finished, &started);
  /* Translators: a day in the heat map's descriptions, see strftime() */
  g_date_strftime (when, sizeof when, _("%-d %B %Y"), &date);

  if (finished == 0 && started == 0)
    /* Translators: %s is a date, e.g. "12 March 2026" */
    return g_strdup_printf (_("Nothing finished or started on %s"), when);

  if (started == 0)
    /* Translators: the second %s is a date */
    return g_strdup_printf (ngettext ("%u resource finished on %s", "%u resources finished on %s",
                                      finished),
                            finished, when);

  if (finished == 0)
    return g_strdup_printf (ngettext ("%u resource started on %s", "%u resources started on %s",
                                      started),
                            started, when);

  finished_text = g_strdup_printf (ngettext ("%u resource finished", "%u resources finished",
                                             finished),
                                   finished);
  started_text = g_strdup_printf (ngettext ("%u started", "%u started", started), started);
  /* Translators: "3 resources finished and 1 started on 12 March 2026" */
  return g_strdup_printf (_("%s and %s on %s"), finished_text, started_text, when);
}

static void
remove_days (SyllabusHeatMap *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
syllabus_heat_map_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SyllabusHeatMap *self = SYLLABUS_HEAT_MAP (widget);
  guint columns = MAX (self->n_columns, 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = columns * MIN_CELL;
      *natural = columns * MAX_CELL;
    }
  else
    {
      int cell = for_size < 0 ? MAX_CELL : CLAMP (for_size / (int)columns, MIN_CELL, MAX_CELL);

      *minimum = *natural = N_ROWS * cell;
    }
}

static GtkSizeRequestMode
syllabus_heat_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
syllabus_heat_map_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SyllabusHeatMap *self = SYLLABUS_HEAT_MAP (widget);
  guint columns = MAX (self->n_columns, 1);
  int cell = CLAMP (MIN (width / (int)columns, height / N_ROWS), MIN_CELL, MAX_CELL);
  int gap = MAX (1, cell / 6);
  /* Right-aligned: today is at the end, where the eye looks for it. */
  int left = MAX (0, width - cell * (int)columns);
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), index++)
    {
      guint position = index + self->offset;
      GtkAllocation allocation = {
        left + (int)(position / N_ROWS) * cell, (int)(position % N_ROWS) * cell,
        cell - gap, cell - gap,
      };

      gtk_widget_size_allocate (child, &allocation, -1);
    }
}

static void
style_changed_cb (SyllabusHeatMap *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

static void
syllabus_heat_map_dispose (GObject *object)
{
  SyllabusHeatMap *self = (SyllabusHeatMap *)object;

  remove_days (self);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (syllabus_heat_map_parent_class)->dispose (object);
}

static void
syllabus_heat_map_class_init (SyllabusHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syllabus_heat_map_dispose;
  widget_class->measure = syllabus_heat_map_measure;
  widget_class->get_request_mode = syllabus_heat_map_get_request_mode;
  widget_class->size_allocate = syllabus_heat_map_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "heat-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
syllabus_heat_map_init (SyllabusHeatMap *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Study of the Last 12 Months"),
                                  -1);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::accent-color", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
syllabus_heat_map_new (void)
{
  return g_object_new (SYLLABUS_TYPE_HEAT_MAP, NULL);
}

/**
 * syllabus_heat_map_set_activity:
 *
 * Shows @activity, a square for each of its days.
 */
void
syllabus_heat_map_set_activity (SyllabusHeatMap  *self,
                                SyllabusActivity *activity)
{
  guint n;
  GDate first;

  g_return_if_fail (SYLLABUS_IS_HEAT_MAP (self));
  g_return_if_fail (SYLLABUS_IS_ACTIVITY (activity));

  remove_days (self);
  g_set_object (&self->activity, activity);

  n = syllabus_activity_get_n_days (activity);
  syllabus_activity_get_day (activity, 0, &first, NULL, NULL);
  self->offset = g_date_get_weekday (&first) - G_DATE_MONDAY;
  self->n_columns = (self->offset + n + N_ROWS - 1) / N_ROWS;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = syllabus_heat_map_describe_day (activity, i);

      gtk_widget_set_parent (heat_map_day_new (syllabus_heat_map_get_level (activity, i), description),
                             GTK_WIDGET (self));
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * syllabus_heat_map_get_activity:
 *
 * Returns: (transfer none) (nullable): what the map shows
 */
SyllabusActivity *
syllabus_heat_map_get_activity (SyllabusHeatMap *self)
{
  g_return_val_if_fail (SYLLABUS_IS_HEAT_MAP (self), NULL);

  return self->activity;
}
