/* main.c
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

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "syllabus-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SyllabusApplication) app = NULL;

  /* GTK sets the locale only when the application runs, but --help is
   * assembled before that, when the application is made. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A file that reaches the size limit (ulimit -f, a quota) is a write
   * error to report, with the old file kept, not a reason to die. */
  signal (SIGXFSZ, SIG_IGN);

  app = syllabus_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
