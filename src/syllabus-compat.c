/* syllabus-compat.c

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

#include "syllabus-compat.h"

#include <glib/gi18n.h>

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_debug ("Could not open link: %s", error->message);
}
#endif

/**
 * syllabus_show_uri:
 * @parent: (nullable): the window asking
 * @uri: the address to open in the user's browser or mail program
 *
 * Opens @uri with the user's default program. Inside Flatpak both paths go
 * through the OpenURI portal.
 */
void
syllabus_show_uri (GtkWindow  *parent,
                   const char *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, launch_ready_cb, NULL);
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

/**
 * syllabus_show_about:
 * @parent: the window to show the about window for
 */
void
syllabus_show_about (GtkWindow *parent)
{
  static const char *developers[] = { "The Syllabus developers", NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();
# define SET(what, ...) adw_about_dialog_set_##what (ADW_ABOUT_DIALOG (about), __VA_ARGS__)
#else
  GtkWidget *about = adw_about_window_new ();
# define SET(what, ...) adw_about_window_set_##what (ADW_ABOUT_WINDOW (about), __VA_ARGS__)
#endif

  SET (application_name, _("Syllabus"));
  SET (application_icon, APPLICATION_ID);
  SET (version, PACKAGE_VERSION);
  SET (developer_name, _("The Syllabus developers"));
  SET (developers, developers);
  SET (license_type, GTK_LICENSE_GPL_3_0);
  SET (website, "https://github.com/syllabus/syllabus");
  SET (issue_url, "https://github.com/syllabus/syllabus/issues");
  SET (comments, _("Study from curated learning pages and keep track of what you finished."));
  /* Translators: put your names here, one per line */
  SET (translator_credits, _("translator-credits"));
#undef SET

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}
