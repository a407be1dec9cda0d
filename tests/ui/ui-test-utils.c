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

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <webkit/webkit.h>

#include "syllabus-resource-row.h"

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
/* What WebKit's sandboxed helpers (pid 2 in their namespace, so "process:2"
 * without a program name) may print when the application quits under
 * them: the message, alone, is let through. */
static const char * const helper_shutdown_warnings[] = {
  "Error writing credentials to socket",
};

/* GTK's own on Xvfb, from its X11 frame clock, whatever the application
 * draws; the journey lets it through too. */
static const char gdk_frame_clock_warning[] =
  "Gdk-WARNING **: ";
static const char gdk_frame_clock_message[] =
  "gdk_frame_timings_submitted() called on submitted frame.";

static gboolean
is_allowed_warning (const char *line)
{
  if (strstr (line, gdk_frame_clock_warning) != NULL &&
      g_str_has_suffix (line, gdk_frame_clock_message))
    return TRUE;

  if (!g_str_has_prefix (line, "** (process:2): WARNING **:") &&
      !g_str_has_prefix (line, "(process:2): "))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (helper_shutdown_warnings); i++)
    if (strstr (line, helper_shutdown_warnings[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Warnings are fatal in the test itself, but not in what it starts: the
 * web process, a second instance of the application. Everything they
 * write to standard error goes to a file, which is read here once the
 * test has passed: a warning or critical there fails the test just the
 * same. */
static void
assert_passed_without_warnings (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_printerr ("%s", contents);
  /* A failure is told as what it is, before any warning on the way. */
  g_test_trap_assert_passed ();

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if ((strstr (lines[i], "WARNING **") != NULL || strstr (lines[i], "CRITICAL **") != NULL) &&
        !is_allowed_warning (lines[i]))
      g_string_append_printf (found, "%s\n", lines[i]);

  if (found->len > 0)
    g_error ("What the test started warned:\n%s", found->str);
}

static void
in_subprocess (gconstpointer data)
{
  GTestFunc func = (GTestFunc)data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (g_test_subprocess ())
    {
      const char *stderr_path = g_getenv ("SYLLABUS_TEST_STDERR");

      if (stderr_path != NULL)
        {
          fd = g_open (stderr_path, O_WRONLY | O_APPEND | O_CLOEXEC, 0);
          g_assert_cmpint (fd, >=, 0);
          g_assert_cmpint (dup2 (fd, STDERR_FILENO), ==, STDERR_FILENO);
          close (fd);
        }
      ui_test_use_system_dirs ();
      func ();
      return;
    }

  fd = g_file_open_tmp ("syllabus-ui-stderr-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_setenv ("SYLLABUS_TEST_STDERR", path, TRUE);

  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);

  g_unsetenv ("SYLLABUS_TEST_STDERR");
  assert_passed_without_warnings (path);
  g_remove (path);
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

typedef struct
{
  SyllabusApplication *app;
  UiTestCheck          ready;
  UiTestCheck          act;
  gpointer             data;
  gint64               deadline;
  guint                source_id;
  gboolean             timed_out;
} Run;

static gboolean
poll_cb (gpointer user_data)
{
  Run *run = user_data;

  if (g_get_monotonic_time () > run->deadline)
    {
      run->timed_out = TRUE;
      run->source_id = 0;
      g_application_quit (G_APPLICATION (run->app));
      return G_SOURCE_REMOVE;
    }

  /* A person acts once the window shows its page. Quitting sooner also
   * makes WebKit 2.52's web process print a critical, when its view goes
   * while the page's accessibility tree is still being set up. A dialog
   * that asks before the page is shown is answered as it comes. */
  if (!(ui_test_page_loaded (run->app) || ui_test_dialog_shown (run->app)) ||
      !run->ready (run->app, run->data))
    return G_SOURCE_CONTINUE;

  /* act returns TRUE when it is done with the application */
  if (run->act (run->app, run->data))
    {
      run->source_id = 0;
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * ui_test_run_app:
 * @file: (nullable): a file to open, as in "syllabus FILE"
 * @ready: polled every 50 ms until it returns TRUE
 * @act: then polled until it returns TRUE, which quits the application
 *
 * Runs the real application until @act is done with it, or it quits by
 * itself, within 30 seconds.
 *
 * Returns: TRUE if @act quit the application, FALSE if it quit by itself
 */
gboolean
ui_test_run_app (const char  *file,
                 UiTestCheck  ready,
                 UiTestCheck  act,
                 gpointer     data)
{
  g_autoptr(SyllabusApplication) app = syllabus_application_new ();
  Run run = { app, ready, act, data, g_get_monotonic_time () + 30 * G_USEC_PER_SEC };
  char *argv[] = { (char *)"syllabus", (char *)file, NULL };
  gboolean by_checks;

  run.source_id = g_timeout_add (50, poll_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), file != NULL ? 2 : 1, argv), ==, 0);
  g_assert_false (run.timed_out);

  by_checks = run.source_id == 0;
  g_clear_handle_id (&run.source_id, g_source_remove);

  return by_checks;
}

/**
 * ui_test_collect:
 *
 * Finds the widgets of @type below @widget that are on screen, or all of
 * them when @mapped_only is FALSE.
 */
void
ui_test_collect (GtkWidget *widget,
                 GType      type,
                 gboolean   mapped_only,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (!mapped_only || gtk_widget_get_mapped (widget)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect (child, type, mapped_only, found);
}

SyllabusWindow *
ui_test_get_window (SyllabusApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return SYLLABUS_IS_WINDOW (window) ? SYLLABUS_WINDOW (window) : NULL;
}

/**
 * ui_test_get_rows:
 *
 * Returns: (transfer container): the resource rows on screen
 */
GPtrArray *
ui_test_get_rows (SyllabusApplication *app)
{
  SyllabusWindow *window = ui_test_get_window (app);
  GPtrArray *rows = g_ptr_array_new ();

  if (window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
    ui_test_collect (GTK_WIDGET (window), SYLLABUS_TYPE_RESOURCE_ROW, TRUE, rows);

  return rows;
}

/**
 * ui_test_find_row:
 *
 * Returns: (nullable): the row on screen showing the resource @title
 */
GtkWidget *
ui_test_find_row (SyllabusApplication *app,
                  const char          *title)
{
  g_autoptr(GPtrArray) rows = ui_test_get_rows (app);

  for (guint i = 0; i < rows->len; i++)
    {
      SyllabusResource *resource =
        syllabus_resource_row_get_resource (g_ptr_array_index (rows, i));

      if (resource != NULL && g_str_equal (syllabus_resource_get_title (resource), title))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/**
 * ui_test_page_loaded:
 *
 * Returns: whether the window shows a topic page that has finished loading
 */
gboolean
ui_test_page_loaded (SyllabusApplication *app)
{
  SyllabusWindow *window = ui_test_get_window (app);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  if (window == NULL)
    return FALSE;

  ui_test_collect (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW, TRUE, views);
  for (guint i = 0; i < views->len; i++)
    {
      WebKitWebView *view = g_ptr_array_index (views, i);

      if (webkit_web_view_get_uri (view) != NULL && !webkit_web_view_is_loading (view))
        return TRUE;
    }

  return FALSE;
}

/**
 * ui_test_dialog_shown:
 *
 * Returns: whether the window shows a dialog
 */
gboolean
ui_test_dialog_shown (SyllabusApplication *app)
{
  SyllabusWindow *window = ui_test_get_window (app);

  return window != NULL &&
         adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL;
}

GtkWidget *
ui_test_row_check_button (GtkWidget *row)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  ui_test_collect (row, GTK_TYPE_CHECK_BUTTON, TRUE, checks);
  g_assert_cmpuint (checks->len, ==, 1);

  return g_ptr_array_index (checks, 0);
}

/* GTK's X11 frame clock warns when a popover maps on Xvfb, whatever the
 * application draws (the journey lets the same line through): written
 * out, not fatal; every other message goes to GLib's own writer, and so
 * every other warning still fails. */
static GLogWriterOutput
frame_timings_not_fatal (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;

  if (g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
      strstr (message, gdk_frame_clock_message) != NULL)
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * ui_test_allow_popovers:
 *
 * For a test that opens popovers: lets GTK's frame clock warning on Xvfb
 * through, and only it. Call it in the test, before ui_test_run_app().
 */
void
ui_test_allow_popovers (void)
{
  g_log_set_writer_func (frame_timings_not_fatal, NULL, NULL);
}

/**
 * ui_test_find_menu_button:
 * @widget: where to look
 * @css_class: the button's style class
 * @mapped_only: whether only a button on screen counts
 *
 * Returns: (transfer none): the menu button below @widget with
 *   @css_class; fails the test when there is none
 */
GtkMenuButton *
ui_test_find_menu_button (GtkWidget  *widget,
                          const char *css_class,
                          gboolean    mapped_only)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_test_collect (widget, GTK_TYPE_MENU_BUTTON, mapped_only, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), css_class))
      return g_ptr_array_index (buttons, i);

  g_error ("No menu button “%s” there", css_class);
  return NULL;
}

/**
 * ui_test_popover_shown:
 *
 * Returns: whether @button's popover is on screen
 */
gboolean
ui_test_popover_shown (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/**
 * ui_test_menu_items:
 * @button: a menu button whose menu (a #SyllabusRadioMenu) was made
 * @labels: (array length=n_labels): what its items must be named, in order
 * @n_labels: how many
 *
 * Asserts that the menu's items are radio menu items named @labels, in
 * that order.
 *
 * Returns: (transfer container): the items
 */
GPtrArray *
ui_test_menu_items (GtkMenuButton      *button,
                    const char * const *labels,
                    guint               n_labels)
{
  GPtrArray *items = g_ptr_array_new ();

  ui_test_collect (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_LIST_BOX_ROW, FALSE,
                   items);
  g_assert_cmpuint (items->len, ==, n_labels);
  for (guint i = 0; i < items->len; i++)
    {
      GtkAccessible *item = g_ptr_array_index (items, i);

      gtk_test_accessible_assert_role (item, GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO);
      gtk_test_accessible_assert_property (item, GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i]);
    }

  return items;
}

/**
 * ui_test_find_label:
 *
 * Returns: (transfer none) (nullable): the first label below @widget with
 *   @css_class, shown or not
 */
GtkLabel *
ui_test_find_label (GtkWidget  *widget,
                    const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_test_collect (widget, GTK_TYPE_LABEL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      return g_ptr_array_index (labels, i);

  return NULL;
}
