/* test-study.c
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

/* "Your Study" in the real application: the heat map has a square for
 * every day of the twelve months, each named for a screen reader by what
 * was done that day; today's square shows a resource ticked just now; the
 * squares are drawn in the accent colour, and redrawn right in dark mode
 * (rendered and read back, pixel by pixel). */

#include "config.h"

#include <math.h>

#include "syllabus-heat-map.h"
#include "ui-test-utils.h"

typedef struct
{
  guint      step;
  GtkWidget *heat_map;
} Study;

static gboolean
ready (SyllabusApplication *app,
       gpointer             data)
{
  return ui_test_find_row (app, "Rust in Action") != NULL;
}

/* The colour at the middle of @day, as the heat map @map draws it now:
 * the whole map rendered, as the screen shows it, and read back. FALSE
 * while the map has not drawn itself yet (a slow build, the sanitizer's):
 * looked at again at the next poll. */
static gboolean
read_center (GtkWidget *map,
             GtkWidget *day,
             GdkRGBA   *color)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (map);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (map));
  int width = gtk_widget_get_width (map);
  int height = gtk_widget_get_height (map);
  graphene_point_t center;
  guchar *p;
  double alpha;

  g_assert_true (gtk_widget_compute_point (day, map,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (day) / 2.0,
                                                                 gtk_widget_get_height (day) / 2.0),
                                           &center));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* B, G, R, A in memory, premultiplied. */
  p = pixels + (int)center.y * width * 4 + (int)center.x * 4;
  alpha = p[3] / 255.0;
  color->alpha = alpha;
  color->red = alpha > 0 ? p[2] / 255.0 / alpha : 0;
  color->green = alpha > 0 ? p[1] / 255.0 / alpha : 0;
  color->blue = alpha > 0 ? p[0] / 255.0 / alpha : 0;

  return TRUE;
}

static gboolean
close_to (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.08 && fabs (a->green - b->green) < 0.08 &&
         fabs (a->blue - b->blue) < 0.08;
}

static gboolean
act (SyllabusApplication *app,
     gpointer             data)
{
  Study *study = data;
  SyllabusWindow *window = ui_test_get_window (app);
  AdwStyleManager *style = adw_style_manager_get_default ();

  switch (study->step)
    {
    case 0:
      /* Ticked now: today's square says so. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (ui_test_row_check_button (
        ui_test_find_row (app, "Rust in Action"))), TRUE);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-study", NULL));
      study->step++;
      return FALSE;

    case 1:
      {
        g_autoptr(GPtrArray) maps = g_ptr_array_new ();
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *today = NULL;
        g_autofree char *expected = NULL;
        GtkWidget *last;
        guint n = 0;

        ui_test_collect (GTK_WIDGET (window), SYLLABUS_TYPE_HEAT_MAP, TRUE, maps);
        if (maps->len == 0)
          return FALSE;
        study->heat_map = maps->pdata[0];
        if (gtk_widget_get_width (study->heat_map) == 0)
          return FALSE;

        for (GtkWidget *child = gtk_widget_get_first_child (study->heat_map); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          {
            n++;
            g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_IMG));
          }
        g_assert_true (n == 365 || n == 366);

        /* The last square is today, with the tick. */
        last = gtk_widget_get_last_child (study->heat_map);
        today = g_date_time_format (now, "%-d %B %Y");
        expected = g_strdup_printf ("1 resource finished on %s", today);
        gtk_test_accessible_assert_property (last, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
        g_assert_cmpstr (gtk_widget_get_tooltip_text (last), ==, expected);
        /* The one before it: nothing. */
        g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (gtk_widget_get_prev_sibling (last)),
                                         "Nothing finished or started on "));
        study->step++;
        return FALSE;
      }

    case 2:
      {
        GtkWidget *last = gtk_widget_get_last_child (study->heat_map);
        GtkWidget *empty = gtk_widget_get_prev_sibling (last);
        g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (style);
        GdkRGBA busy, light_empty;

        /* The only day of study is the busiest: the accent colour, whole. */
        if (!read_center (study->heat_map, last, &busy) ||
            !read_center (study->heat_map, empty, &light_empty))
          return FALSE;
        g_test_message ("busy day %.2f %.2f %.2f %.2f, accent %.2f %.2f %.2f", busy.red, busy.green,
                        busy.blue, busy.alpha, accent->red, accent->green, accent->blue);
        g_assert_true (close_to (&busy, accent));
        g_assert_cmpfloat (busy.alpha, >, 0.9);

        /* Faint text colour in light mode: dark, mostly clear. */
        g_assert_cmpfloat (light_empty.alpha, <, 0.3);
        g_assert_cmpfloat (light_empty.red + light_empty.green + light_empty.blue, <, 1.5);

        adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
        study->step++;
        return FALSE;
      }

    case 3:
      {
        GtkWidget *empty = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (study->heat_map));
        GdkRGBA dark_empty;

        if (!adw_style_manager_get_dark (style))
          return FALSE;

        /* In dark mode the empty day is light text colour, faint. */
        if (!read_center (study->heat_map, empty, &dark_empty))
          return FALSE;
        g_test_message ("empty day in dark mode %.2f %.2f %.2f %.2f", dark_empty.red,
                        dark_empty.green, dark_empty.blue, dark_empty.alpha);
        g_assert_cmpfloat (dark_empty.alpha, <, 0.3);
        g_assert_cmpfloat (dark_empty.red + dark_empty.green + dark_empty.blue, >, 1.5);
        adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
test_study (void)
{
  Study study = { 0 };

  g_assert_true (ui_test_run_app (NULL, ready, act, &study));
  g_assert_cmpuint (study.step, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/study/heat-map", test_study);

  return g_test_run ();
}
