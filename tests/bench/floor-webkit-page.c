/* floor-webkit-page.c
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

/* The floor of benchmarks 2 and 5: the smallest GTK 4 application that
 * shows a WebKitGTK view rendering a Markdown page through md4c. It reads
 * the page named on the command line, renders it with md_html in the same
 * dialect as Syllabus, loads the HTML into a default web view and prints
 * "floor: page rendered" on stderr at WEBKIT_LOAD_FINISHED, the moment
 * Syllabus logs "startup: introduction rendered".
 */

#include "config.h"

#include <gtk/gtk.h>
#include <md4c-html.h>
#include <stdio.h>
#include <webkit/webkit.h>

#include "syllabus-markdown.h"

static char *page_path;

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event)
{
  static gboolean announced;

  if (event == WEBKIT_LOAD_FINISHED && !announced)
    {
      announced = TRUE;
      fputs ("floor: page rendered\n", stderr);
      fflush (stderr);
    }
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *web_view = webkit_web_view_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>");
  g_autofree char *markdown = NULL;
  gsize length;

  if (!g_file_get_contents (page_path, &markdown, &length, &error))
    g_error ("%s", error->message);
  md_html (markdown, length, append_cb, html, SYLLABUS_MARKDOWN_FLAGS, 0);
  g_string_append (html, "</body></html>\n");

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 760);
  gtk_window_set_child (GTK_WINDOW (window), web_view);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (web_view), html->str, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s PAGE.md\n", argv[0]);
      return 2;
    }
  page_path = argv[1];

  app = gtk_application_new ("io.github.syllabus.Syllabus.FloorPage", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  /* The page is ours to read: GApplication is not told about it. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
