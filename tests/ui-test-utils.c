/* ui-test-utils.c
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

#include "ui-test-utils.h"

/* What every UI test program needs to run GTK and WebKit with isolated XDG
 * folders. */

/**
 * ui_test_init:
 *
 * Like g_test_init() with G_TEST_OPTION_ISOLATE_DIRS, for programs that
 * run GTK and WebKit.
 */
void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *value;

  /* Isolation replaces the system folders too, where the icon theme and
   * the MIME database live; they are remembered in the environment, so that
   * the test's subprocesses, which start isolated, still know them. */
  if (g_getenv ("SYLLABUS_TEST_DATA_DIRS") == NULL)
    {
      value = g_getenv ("XDG_DATA_DIRS");
      g_setenv ("SYLLABUS_TEST_DATA_DIRS",
                value != NULL && *value != '\0' ? value : "/usr/local/share:/usr/share", TRUE);
      value = g_getenv ("XDG_CONFIG_DIRS");
      g_setenv ("SYLLABUS_TEST_CONFIG_DIRS",
                value != NULL && *value != '\0' ? value : "/etc/xdg", TRUE);
    }

  /* GTest makes warnings fatal in this process; the helpers the
   * application starts (WebKit's web process, portals) must not inherit
   * G_DEBUG=fatal-warnings, or their own harmless warnings kill them. */
  g_unsetenv ("G_DEBUG");

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* GTest names the program by its path; WebKit builds folder names from
   * the program's name, which must not hold slashes. */
  {
    g_autofree char *name = g_path_get_basename ((*argv)[0]);

    g_set_prgname (name);
  }
}

/**
 * ui_test_use_system_dirs:
 *
 * Puts the read-only system folders back, and creates the runtime folder
 * that GLib's isolation names but does not create. Call it at the start of
 * a test, before GTK is used.
 */
void
ui_test_use_system_dirs (void)
{
  g_autofree char *webkit_dir = NULL;

  g_setenv ("XDG_DATA_DIRS", g_getenv ("SYLLABUS_TEST_DATA_DIRS"), TRUE);
  g_setenv ("XDG_CONFIG_DIRS", g_getenv ("SYLLABUS_TEST_CONFIG_DIRS"), TRUE);

  /* WebKit's sandbox binds this folder. */
  webkit_dir = g_build_filename (g_get_user_runtime_dir (), "webkitgtk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (webkit_dir, 0700), ==, 0);
}

/* WebKit keeps process-wide state tied to the XDG folders it first saw, so
 * each test runs in a process of its own with folders of its own.
 *
 * Keep test paths short: GLib names each test's folders after the program
 * and the test, WebKit puts sockets a few levels below the runtime folder,
 * and a socket's path must fit in 108 bytes. */
static void
in_subprocess (gconstpointer data)
{
  GTestFunc func = (GTestFunc)data;
  if (g_test_subprocess ())
    {
      ui_test_use_system_dirs ();
      func ();
      return;
    }

  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_test_trap_assert_passed ();
}

/**
 * ui_test_add:
 *
 * Adds a test that runs in a subprocess of its own.
 */
void
ui_test_add (const char *path,
             GTestFunc   func)
{
  g_test_add_data_func (path, (gconstpointer)func, in_subprocess);
}
