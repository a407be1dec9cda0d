/* test-web-safety.c
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

/* The topic view shows text written by others. These tests load hostile
 * pages — scripts, event handlers, frames, remote images, style sheets and
 * fonts, meta refreshes, javascript: links — while a small HTTP server on
 * 127.0.0.1 counts every request it receives, and check that no script ran
 * (the page's title never changes) and that nothing was fetched.
 *
 * A control test loads the same page in an ordinary WebKit view, where the
 * script does run and the server is reached: so these tests can fail.
 *
 * Topics may hold the raw HTML GitHub shows (details, aligned paragraphs,
 * badges): /web/topic-html sends what an attacker would try with it through
 * the real Markdown path, and checks in the page's DOM that what is allowed
 * did render, so that nothing loading is not just nothing shown. */

#include "config.h"

#include <adwaita.h>
#include <webkit/webkit.h>

#include "syllabus-topic-view-private.h"
#include "syllabus-topic-view.h"
#include "ui-test-utils.h"

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint           connections; /* atomic */
  guint           requests;    /* atomic */
} Server;

/* Counts connections, and requests: a connection on which bytes arrive.
 * WebKit may open a connection ahead of a navigation it is then told not
 * to make (a preconnect); only a request carries anything to the server. */
static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        gpointer                user_data)
{
  Server *server = user_data;
  static const char response[] =
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n";
  GSocket *socket = g_socket_connection_get_socket (connection);
  char buffer[256];
  gssize n;

  g_atomic_int_inc (&server->connections);

  g_socket_set_timeout (socket, 3);
  n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                           buffer, sizeof buffer, NULL, NULL);
  if (n > 0)
    {
      g_atomic_int_inc (&server->requests);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 response, sizeof response - 1, NULL, NULL, NULL);
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
server_start (Server *server)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  server->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (server->service, "run", G_CALLBACK (run_cb), server);
  g_socket_service_start (server->service);
}

static void
server_stop (Server *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
}

/* Everything a page could use to run code or reach the network. */
static char *
hostile_html (guint16 port)
{
  return g_strdup_printf (
    "<h1>Hostile</h1>"
    "<script>document.title = 'pwned-script';</script>"
    "<script src=\"http://127.0.0.1:%1$u/script.js\"></script>"
    "<img src=\"http://127.0.0.1:%1$u/image.png\" onerror=\"document.title='pwned-onerror'\">"
    "<img src=\"x\" onerror=\"document.title='pwned-onerror-local'\">"
    "<body onload=\"document.title='pwned-onload'\">"
    "<iframe src=\"http://127.0.0.1:%1$u/frame.html\"></iframe>"
    "<style>@import url(\"http://127.0.0.1:%1$u/import.css\");"
    "@font-face { font-family: x; src: url(\"http://127.0.0.1:%1$u/font.woff\"); }"
    "p { font-family: x; background: url(\"http://127.0.0.1:%1$u/background.png\"); }</style>"
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1$u/link.css\">"
    "<link rel=\"prefetch\" href=\"http://127.0.0.1:%1$u/prefetch\">"
    "<object data=\"http://127.0.0.1:%1$u/object\"></object>"
    "<embed src=\"http://127.0.0.1:%1$u/embed\">"
    "<video src=\"http://127.0.0.1:%1$u/video.webm\" autoplay></video>"
    "<audio src=\"http://127.0.0.1:%1$u/audio.ogg\" autoplay></audio>"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">"
    "<form action=\"http://127.0.0.1:%1$u/form\"><input name=q></form>"
    "<a id=\"js\" href=\"javascript:document.title='pwned-link'\">click</a>"
    "<svg><script>document.title='pwned-svg'</script></svg>"
    "<p>text</p>",
    port);
}

/* Remembers whether the page's title was ever set by a script, even if a
 * later navigation replaced it. */
static void
title_changed_cb (WebKitWebView *web_view,
                  GParamSpec    *pspec,
                  gpointer       user_data)
{
  gboolean *pwned = user_data;
  const char *title = webkit_web_view_get_title (web_view);

  if (title != NULL && g_str_has_prefix (title, "pwned"))
    *pwned = TRUE;
}

static void
watch_title (WebKitWebView *web_view,
             gboolean      *pwned)
{
  g_signal_connect (web_view, "notify::title", G_CALLBACK (title_changed_cb), pwned);
}

static void
load_changed_cb (WebKitWebView  *web_view,
                 WebKitLoadEvent event,
                 gpointer        user_data)
{
  gboolean *finished = user_data;

  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

/* Waits for the page to finish loading, then a little longer, so that
 * subresources and timers would have had their chance. */
static void
wait_for_load (WebKitWebView *web_view)
{
  gboolean finished = FALSE;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gulong id;

  id = g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), &finished);
  while (!finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (web_view, id);
  g_assert_true (finished);

  deadline = g_get_monotonic_time () + 1500 * G_USEC_PER_SEC / 1000;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* The control: an ordinary view runs the script and reaches the server. */
static void
test_control_is_unsafe (void)
{
  Server server = { 0 };
  g_autofree char *html = NULL;
  GtkWidget *window;
  WebKitWebView *web_view;
  gboolean pwned = FALSE;

  gtk_init ();
  server_start (&server);
  html = hostile_html (server.port);

  web_view = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  watch_title (web_view, &pwned);
  window = show_in_window (GTK_WIDGET (web_view));
  webkit_web_view_load_html (web_view, html, "http://127.0.0.1/");
  wait_for_load (web_view);

  g_assert_true (pwned);
  g_assert_cmpuint (g_atomic_int_get (&server.requests), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  server_stop (&server);
}

static void
test_hostile_html_is_inert (void)
{
  Server server = { 0 };
  g_autofree char *html = NULL;
  GtkWidget *window;
  SyllabusTopicView *view;
  WebKitWebView *web_view;
  gboolean pwned = FALSE;

  adw_init ();
  server_start (&server);
  html = hostile_html (server.port);

  view = SYLLABUS_TOPIC_VIEW (syllabus_topic_view_new ());
  window = show_in_window (GTK_WIDGET (view));
  web_view = _syllabus_topic_view_get_web_view (view);
  watch_title (web_view, &pwned);
  _syllabus_topic_view_set_body_html (view, html);
  wait_for_load (web_view);

  g_assert_false (pwned);
  g_assert_cmpuint (g_atomic_int_get (&server.connections), ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==,
                   _syllabus_topic_view_get_page_uri (view));

  /* Asked to go elsewhere, the view stays on its page. */
  {
    g_autofree char *elsewhere = g_strdup_printf ("http://127.0.0.1:%u/navigate", server.port);
    gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

    webkit_web_view_load_uri (web_view, elsewhere);
    webkit_web_view_load_uri (web_view, "javascript:document.title='pwned-uri'");
    webkit_web_view_load_uri (web_view, "file:///etc/hostname");
    while (g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE), g_usleep (10000);

    g_assert_false (pwned);
    g_assert_cmpuint (g_atomic_int_get (&server.requests), ==, 0);
    g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==,
                     _syllabus_topic_view_get_page_uri (view));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  server_stop (&server);
}

/* The same through the front door: a hostile topic file. */
static void
test_hostile_topic_is_inert (void)
{
  Server server = { 0 };
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  SyllabusTopicView *view;
  WebKitWebView *web_view;
  gboolean pwned = FALSE;

  adw_init ();
  server_start (&server);
  html = hostile_html (server.port);
  markdown = g_strdup_printf ("# Hostile topic\n\n%s\n\n"
                              "![remote](http://127.0.0.1:%u/md-image.png)\n\n"
                              "[a script link](javascript:document.title='pwned-md')\n\n"
                              "## Learning Resources\n\n- [Site](http://127.0.0.1:%u/resource)\n",
                              html, server.port, server.port);
  topic = syllabus_topic_new_from_data ("hostile", NULL, markdown, strlen (markdown), &error);
  g_assert_no_error (error);

  view = SYLLABUS_TOPIC_VIEW (syllabus_topic_view_new ());
  window = show_in_window (GTK_WIDGET (view));
  web_view = _syllabus_topic_view_get_web_view (view);
  watch_title (web_view, &pwned);
  syllabus_topic_view_set_topic (view, topic);
  wait_for_load (web_view);

  g_assert_false (pwned);
  g_assert_cmpuint (g_atomic_int_get (&server.connections), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  server_stop (&server);
}

/* Raw HTML around what the filter lets through, each piece aimed at the
 * server or at running a script. */
static char *
hostile_markdown (guint16 port)
{
  return g_strdup_printf (
    "# Badges [![build](http://127.0.0.1:%1$u/badge.svg)](http://127.0.0.1:%1$u/ci) "
    "<img src=\"http://127.0.0.1:%1$u/html-badge.svg\" alt=\"html badge\">\n\n"
    "<!-- <script>document.title='pwned-comment'</script> -->\n\n"
    "<p align=\"center\">\n"
    "  <img src=\"http://127.0.0.1:%1$u/centered.png\" onerror=\"document.title='pwned-img'\"\n"
    "       alt=\"centered\">\n"
    "</p>\n\n"
    "<details open>\n<summary>Open me</summary>\n\n"
    "<svg><script>document.title='pwned-svg'</script>"
    "<image href=\"http://127.0.0.1:%1$u/svg-image.png\"/></svg>\n\n"
    "</details>\n\n"
    "<svg onload=\"document.title='pwned-svg-onload'\"><circle r=\"1\"/></svg>\n\n"
    "Inline <svg><script>document.title='pwned-svg-inline'</script></svg> svg.\n\n"
    "<iframe srcdoc=\"<script>parent.document.title='pwned-srcdoc'</script>"
    "<img src=http://127.0.0.1:%1$u/srcdoc.png>\"></iframe>\n\n"
    "<object data=\"http://127.0.0.1:%1$u/object\"></object>\n\n"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">\n\n"
    "<base href=\"http://127.0.0.1:%1$u/\">\n\n"
    "<img src=\"relative.png\" alt=\"relative, which a base would send to the server\">\n\n"
    "<form action=\"http://127.0.0.1:%1$u/form\"><button>Send</button></form>\n\n"
    "<div style=\"background: url(http://127.0.0.1:%1$u/style-attr.png)\">styled</div>\n\n"
    "<style>@import url(\"http://127.0.0.1:%1$u/import.css\");"
    "body { background: url(\"http://127.0.0.1:%1$u/style-url.png\") }</style>\n\n"
    "<picture><source srcset=\"http://127.0.0.1:%1$u/source.png\">"
    "<img src=\"http://127.0.0.1:%1$u/picture.png\" alt=\"picture\"></picture>\n\n"
    "<img src=\"&#x68;ttp://127.0.0.1:%1$u/entity.png\" alt=\"entity\">"
    "<img src=\"a.png\" srcset=\"http://127.0.0.1:%1$u/srcset.png 2x\">\n\n"
    "Press <kbd>Ctrl</kbd>, <a href=\"javascript:document.title='pwned-a'\">a link</a>.\n\n"
    "## Learning Resources\n\n- [Site](http://127.0.0.1:%1$u/resource)\n",
    port);
}

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  int *count = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source),
                                                                           result, &error);

  g_assert_no_error (error);
  *count = jsc_value_to_int32 (value);
}

/* How many elements of the page match @selector, read in a world of the
 * test's own: the page's scripts are off. */
static int
count_in_page (WebKitWebView *web_view,
               const char    *selector)
{
  g_autofree char *script = g_strdup_printf ("document.querySelectorAll (\"%s\").length", selector);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int count = -1;

  webkit_web_view_evaluate_javascript (web_view, script, -1, "syllabus-test", NULL, NULL,
                                       count_cb, &count);
  while (count < 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count, >=, 0);

  return count;
}

static void
test_hostile_topic_html_is_inert (void)
{
  Server server = { 0 };
  g_autofree char *markdown = NULL;
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  SyllabusTopicView *view;
  WebKitWebView *web_view;
  gboolean pwned = FALSE;

  adw_init ();
  server_start (&server);
  markdown = hostile_markdown (server.port);
  topic = syllabus_topic_new_from_data ("hostile-html", NULL, markdown, strlen (markdown), &error);
  g_assert_no_error (error);

  view = SYLLABUS_TOPIC_VIEW (syllabus_topic_view_new ());
  window = show_in_window (GTK_WIDGET (view));
  web_view = _syllabus_topic_view_get_web_view (view);
  watch_title (web_view, &pwned);
  syllabus_topic_view_set_topic (view, topic);
  wait_for_load (web_view);

  g_assert_false (pwned);
  g_assert_cmpuint (g_atomic_int_get (&server.connections), ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==,
                   _syllabus_topic_view_get_page_uri (view));

  /* What GitHub shows is there... */
  g_assert_cmpint (count_in_page (web_view, "details[open] > summary"), ==, 1);
  g_assert_cmpint (count_in_page (web_view, "p[align=center] .remote-image"), ==, 1);
  g_assert_cmpint (count_in_page (web_view, "h1 a .remote-image"), ==, 1);
  g_assert_cmpint (count_in_page (web_view, ".remote-image"), ==, 5);
  g_assert_cmpint (count_in_page (web_view, "kbd"), ==, 1);
  g_assert_cmpint (count_in_page (web_view, "img[src='relative.png']"), ==, 1);
  /* ...and nothing else of it. */
  g_assert_cmpint (count_in_page (web_view, "main script, main style, svg, iframe, object, "
                                            "main meta, base, form, button, source, [style], "
                                            "[onerror], [onload], [srcset], a[href^=javascript]"), ==, 0);
  g_assert_cmpint (count_in_page (web_view, "img[src^=http], a[href*='127.0.0.1']"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/web/control", test_control_is_unsafe);
  ui_test_add ("/web/html", test_hostile_html_is_inert);
  ui_test_add ("/web/topic", test_hostile_topic_is_inert);
  ui_test_add ("/web/topic-html", test_hostile_topic_html_is_inert);

  return g_test_run ();
}
