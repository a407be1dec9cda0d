/* bench-scroll.c
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

/* Benchmark 7: scrolling the checklist of an awesome list of 1,750 links.
 *
 * Runs the real application on a virtual screen (through run-benchmarks),
 * opens the list, waits for its page and checklist, then scrolls the
 * checklist from the top at a steady, fast pace (a screen's height every
 * 125 ms) to the bottom or for 18 s, one step per frame, and records the
 * frame clock's frame times. The floor is the same window redrawing the
 * same list every frame without scrolling, for two seconds: what the
 * renderer itself costs on this machine. A frame is dropped when it comes more than 1.5 refresh
 * intervals after the one before. Prints both, and whether scrolling drops
 * more frames than the floor. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "ui-test-utils.h"

#define N_AWESOME_RESOURCES 1750
/* Scrolling speed, in window heights per second: a fast flick. */
#define SCREENS_PER_SECOND 8.0
/* At most this long scrolling (the application's run has 30 s in all). */
#define MAX_SCROLL_US (18 * G_USEC_PER_SEC)
/* The floor's frames: two seconds' worth. */
#define FLOOR_SECONDS 2.0

typedef enum
{
  PHASE_WAIT,
  PHASE_FLOOR,
  PHASE_SCROLL,
  PHASE_DONE,
} Phase;

typedef struct
{
  Phase          phase;
  GtkAdjustment *adjustment;
  GtkWidget     *list_view;
  guint          tick_id;
  gint64         start_us;
  gint64         last_us;
  GArray        *floor_ms;
  GArray        *scroll_ms;
  guint          floor_frames_wanted;
  double         refresh_ms;
  /* How much of the list has been on screen */
  double         fraction;
} Scroll;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double interval = scroll->last_us != 0 ? (now - scroll->last_us) / 1000.0 : 0;

  if (scroll->start_us == 0)
    scroll->start_us = now;

  if (scroll->phase == PHASE_FLOOR)
    {
      if (scroll->last_us != 0)
        g_array_append_val (scroll->floor_ms, interval);
      scroll->last_us = now;
      if (scroll->floor_ms->len >= scroll->floor_frames_wanted)
        {
          scroll->phase = PHASE_SCROLL;
          scroll->start_us = now;
        }
      /* The same list, drawn again. */
      gtk_widget_queue_draw (scroll->list_view);
      return G_SOURCE_CONTINUE;
    }

  if (scroll->phase == PHASE_SCROLL)
    {
      double page = gtk_adjustment_get_page_size (scroll->adjustment);
      double upper = gtk_adjustment_get_upper (scroll->adjustment);
      double value = page * SCREENS_PER_SECOND * (now - scroll->start_us) / G_USEC_PER_SEC;

      g_array_append_val (scroll->scroll_ms, interval);
      scroll->last_us = now;
      gtk_adjustment_set_value (scroll->adjustment, value);
      scroll->fraction = MIN (1.0, (value + page) / upper);
      if (value + page < upper && now - scroll->start_us < MAX_SCROLL_US)
        return G_SOURCE_CONTINUE;
    }

  scroll->phase = PHASE_DONE;
  scroll->tick_id = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
checklist_ready (SyllabusApplication *app,
                 gpointer             data)
{
  Scroll *scroll = data;
  g_autoptr(GPtrArray) rows = NULL;

  /* Asked every 50 ms: the widget tree is walked only until it answers,
   * not while frames are measured. */
  if (scroll->phase != PHASE_WAIT)
    return TRUE;

  rows = ui_test_get_rows (app);

  return rows->len > 0;
}

static gboolean
measure (SyllabusApplication *app,
         gpointer             data)
{
  Scroll *scroll = data;

  if (scroll->phase == PHASE_WAIT)
    {
      g_autoptr(GPtrArray) rows = ui_test_get_rows (app);
      GtkWidget *scrolled = gtk_widget_get_ancestor (g_ptr_array_index (rows, 0),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (
        gtk_widget_get_display (scrolled), gtk_native_get_surface (gtk_widget_get_native (scrolled)));
      int refresh = monitor != NULL ? gdk_monitor_get_refresh_rate (monitor) : 0;

      scroll->refresh_ms = refresh > 0 ? 1000000.0 / refresh : 1000.0 / 60;
      scroll->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      scroll->list_view = gtk_widget_get_ancestor (g_ptr_array_index (rows, 0), GTK_TYPE_LIST_VIEW);
      scroll->floor_frames_wanted = FLOOR_SECONDS * 1000.0 / scroll->refresh_ms;
      scroll->phase = PHASE_FLOOR;
      scroll->tick_id = gtk_widget_add_tick_callback (scrolled, tick_cb, scroll, NULL);
    }

  return scroll->phase == PHASE_DONE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Prints the frames' figures; returns how many were dropped. */
static guint
report (const char *label,
        GArray     *frames,
        double      refresh_ms)
{
  g_autofree double *sorted = g_memdup2 (frames->data, frames->len * sizeof (double));
  guint dropped = 0;

  for (guint i = 0; i < frames->len; i++)
    if (g_array_index (frames, double, i) > 1.5 * refresh_ms)
      dropped++;

  qsort (sorted, frames->len, sizeof (double), compare_doubles);
  g_print ("    %-34s %4u frames, interval median %5.1f ms, 95th %5.1f ms, longest %6.1f ms, "
           "dropped %u (%.1f %%)\n",
           label, frames->len, sorted[frames->len / 2], sorted[frames->len * 95 / 100],
           sorted[frames->len - 1], dropped, 100.0 * dropped / frames->len);

  return dropped;
}

static void
bench_scroll (void)
{
  g_autoptr(GString) awesome = bench_generate_awesome_list (N_AWESOME_RESOURCES);
  g_autofree char *dir = g_dir_make_tmp ("syllabus-bench-scroll-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "awesome.md", NULL);
  Scroll scroll = { 0 };
  guint floor_dropped, scroll_dropped;

  g_assert_true (g_file_set_contents (path, awesome->str, awesome->len, NULL));
  scroll.floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  scroll.scroll_ms = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (ui_test_run_app (path, checklist_ready, measure, &scroll));
  g_assert_cmpuint (scroll.floor_ms->len, >, 0);
  g_assert_cmpuint (scroll.scroll_ms->len, >, 0);

  g_print ("Benchmark 7: scrolling the checklist of an awesome list of 1,750 links, "
           "a screen every %.0f ms (refresh %.1f ms; %.0f %% of the list scrolled)\n",
           1000 / SCREENS_PER_SECOND, scroll.refresh_ms, 100 * scroll.fraction);
  floor_dropped = report ("floor: the list redrawn in place", scroll.floor_ms, scroll.refresh_ms);
  scroll_dropped = report ("scrolling, top to bottom", scroll.scroll_ms, scroll.refresh_ms);
  bench_print_verdict ("7: scrolling drops no more frames than the floor",
                       scroll_dropped * scroll.floor_ms->len <= floor_dropped * scroll.scroll_ms->len);

  g_array_unref (scroll.floor_ms);
  g_array_unref (scroll.scroll_ms);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  ui_test_add ("/bench/scroll", bench_scroll);

  return g_test_run ();
}
