/* floor-gtk-window.c
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

/* The floor of benchmark 1: the smallest GTK 4 application that shows a
 * window with seven check buttons, written as GTK's own examples write one
 * (a GtkApplication that registers on the session bus, as Syllabus does).
 * It prints "floor: window shown" on stderr when the window is first
 * mapped, the moment Syllabus logs "startup: window shown". bench-startup
 * times it from spawn to that line.
 *
 * Built a second time with FLOOR_WITH_STACK as floor-stack-window: the
 * same window in an AdwApplication, with WebKitGTK linked in as Syllabus
 * has it. Not a goal's floor but a measure of where the time goes: what
 * loading libadwaita and WebKitGTK costs before any of Syllabus runs.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#ifdef FLOOR_WITH_STACK
#include <adwaita.h>
#include <webkit/webkit.h>
#endif

static void
map_cb (GtkWidget *window)
{
  static gboolean announced;

  if (!announced)
    {
      announced = TRUE;
      fputs ("floor: window shown\n", stderr);
      fflush (stderr);
    }
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 760);
  for (int i = 1; i <= 7; i++)
    {
      g_autofree char *label = g_strdup_printf ("Resource %d", i);

      gtk_box_append (GTK_BOX (box), gtk_check_button_new_with_label (label));
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
#ifdef FLOOR_WITH_STACK
  g_autoptr(GtkApplication) app =
    GTK_APPLICATION (adw_application_new ("io.github.syllabus.Syllabus.FloorStack",
                                          G_APPLICATION_DEFAULT_FLAGS));

  /* One call, so that the linker keeps WebKitGTK as a dependency. */
  if (webkit_get_major_version () < 2)
    return 1;
#else
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.syllabus.Syllabus.FloorWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
