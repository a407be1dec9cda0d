/* syllabus-status-bar.c
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

/* A topic's progress as one small bar: done, in progress, skipped and not
 * started, each a stretch as long as its share, in that order. Done is in
 * the accent colour, in progress in a lighter accent, skipped and not
 * started in the text colour, faint and fainter. A screen reader gets the
 * same as a sentence: the bar is described by its figures. */

#include "config.h"

#include "syllabus-status-bar.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define BAR_HEIGHT 8

struct _SyllabusStatusBar
{
  GtkWidget      parent_instance;

  SyllabusCounts counts;
};

G_DEFINE_FINAL_TYPE (SyllabusStatusBar, syllabus_status_bar, GTK_TYPE_WIDGET)

static void
syllabus_status_bar_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SyllabusStatusBar *self = SYLLABUS_STATUS_BAR (widget);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (style);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  guint not_started = self->counts.total - self->counts.done - self->counts.in_progress -
                      self->counts.skipped;
  guint parts[] = { self->counts.done, self->counts.in_progress, self->counts.skipped, not_started };
  GdkRGBA colors[4];
  GskRoundedRect bar;
  float x = 0;

  colors[0] = *accent;
  colors[1] = *accent;
  colors[1].alpha = 0.45;
  gtk_widget_get_color (widget, &colors[2]);
  colors[2].alpha = 0.35;
  gtk_widget_get_color (widget, &colors[3]);
  colors[3].alpha = 0.12;

  gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  if (self->counts.total == 0)
    gtk_snapshot_append_color (snapshot, &colors[3], &bar.bounds);
  for (guint i = 0; i < G_N_ELEMENTS (parts) && self->counts.total > 0; i++)
    {
      float part = width * parts[i] / self->counts.total;

      gtk_snapshot_append_color (snapshot, &colors[i], &GRAPHENE_RECT_INIT (x, 0, part, height));
      x += part;
    }
  gtk_snapshot_pop (snapshot);
}

static void
syllabus_status_bar_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 96;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
style_changed_cb (SyllabusStatusBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
syllabus_status_bar_class_init (SyllabusStatusBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = syllabus_status_bar_snapshot;
  widget_class->measure = syllabus_status_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "status-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
syllabus_status_bar_init (SyllabusStatusBar *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::accent-color", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * syllabus_status_bar_new:
 * @counts: a topic's figures
 *
 * Returns: (transfer floating): a bar of @counts, described by them
 */
GtkWidget *
syllabus_status_bar_new (const SyllabusCounts *counts)
{
  SyllabusStatusBar *self = g_object_new (SYLLABUS_TYPE_STATUS_BAR, NULL);
  guint not_started = counts->total - counts->done - counts->in_progress - counts->skipped;
  g_autofree char *label = NULL;

  self->counts = *counts;
  /* Translators: a topic's figures, as a screen reader reads its bar */
  label = g_strdup_printf (_("%u done, %u in progress, %u skipped, %u not started"),
                           counts->done, counts->in_progress, counts->skipped, not_started);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);

  return GTK_WIDGET (self);
}
