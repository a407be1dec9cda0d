/* own-name.c
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

/* Stands in for a running Syllabus in the command line test: owns the
 * application's name on the session bus, says "owned" on its output, and
 * lets go when its input closes. */

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
acquired_cb (GDBusConnection *connection,
             const char      *name,
             gpointer         user_data)
{
  printf ("owned\n");
  fflush (stdout);
}

static void
lost_cb (GDBusConnection *connection,
         const char      *name,
         gpointer         user_data)
{
  g_printerr ("Could not own %s on the session bus\n", name);
  exit (EXIT_FAILURE);
}

static gboolean
input_cb (int          fd,
          GIOCondition condition,
          gpointer     user_data)
{
  char buffer[64];

  /* Anything read, or the end of the input, ends the stand-in. */
  (void) !read (fd, buffer, sizeof buffer);
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint owner_id;

  owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, APPLICATION_ID, G_BUS_NAME_OWNER_FLAGS_NONE,
                             NULL, acquired_cb, lost_cb, NULL, NULL);
  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, input_cb, loop);
  g_main_loop_run (loop);
  g_bus_unown_name (owner_id);

  return EXIT_SUCCESS;
}
