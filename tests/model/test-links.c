/* test-links.c
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

/* The link policy of the topic view: which addresses a topic page may
 * follow. Topic pages are written by others, so everything that is not
 * plainly a web or mail address is refused. */

#include "config.h"

#include "syllabus-links.h"

#define LOCAL_PAGE "file:///home/user/topics/"
/* The address the view gives the bundled topics. */
#define BUNDLED_PAGE "resource://" RESOURCE_PREFIX "/content/"

typedef struct
{
  const char         *page;
  const char         *target;
  SyllabusLinkAction  action;
} LinkCase;

static const char *
action_name (SyllabusLinkAction action)
{
  switch (action)
    {
    case SYLLABUS_LINK_REFUSE:
      return "refuse";
    case SYLLABUS_LINK_STAY:
      return "stay";
    case SYLLABUS_LINK_OPEN_EXTERNAL:
      return "open externally";
    default:
      return "?";
    }
}

static void
check_cases (const LinkCase *cases,
             guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      SyllabusLinkAction action = syllabus_link_decide (cases[i].page, cases[i].target);

      g_test_message ("page %s, target %s: expected %s, got %s",
                      cases[i].page ? cases[i].page : "(null)",
                      cases[i].target ? cases[i].target : "(null)",
                      action_name (cases[i].action), action_name (action));
      g_assert_cmpint (action, ==, cases[i].action);
    }
}

static void
test_links_external (void)
{
  static const LinkCase cases[] = {
    { LOCAL_PAGE, "https://doc.rust-lang.org/book/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "http://example.com", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "http://example.com/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://example.com:8443/path?query=1&b=2#fragment", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "HTTPS://EXAMPLE.COM/UPPER", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "HtTp://example.com/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://user@example.com/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://127.0.0.1:8080/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://[::1]/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://xn--caf-dma.example/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "https://example.com/%E6%97%A5%E6%9C%AC", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "mailto:someone@example.com", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "MAILTO:someone@example.com", SYLLABUS_LINK_OPEN_EXTERNAL },
    { LOCAL_PAGE, "mailto:someone@example.com?subject=Hello", SYLLABUS_LINK_OPEN_EXTERNAL },
    { BUNDLED_PAGE, "https://www.manning.com/books/rust-in-action", SYLLABUS_LINK_OPEN_EXTERNAL },
    { BUNDLED_PAGE, "mailto:someone@example.com", SYLLABUS_LINK_OPEN_EXTERNAL },
    /* Without a page, a web link is still a web link. */
    { NULL, "https://example.com/", SYLLABUS_LINK_OPEN_EXTERNAL },
    { NULL, "mailto:someone@example.com", SYLLABUS_LINK_OPEN_EXTERNAL },
    /* A fragment of another web page is another page. */
    { "https://example.com/page", "https://example.com/other#part", SYLLABUS_LINK_OPEN_EXTERNAL },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_links_stay (void)
{
  static const LinkCase cases[] = {
    { LOCAL_PAGE, LOCAL_PAGE, SYLLABUS_LINK_STAY },
    { LOCAL_PAGE, LOCAL_PAGE "#introduction", SYLLABUS_LINK_STAY },
    { LOCAL_PAGE, LOCAL_PAGE "#", SYLLABUS_LINK_STAY },
    { LOCAL_PAGE, LOCAL_PAGE "#learning-resources", SYLLABUS_LINK_STAY },
    { LOCAL_PAGE "#top", LOCAL_PAGE "#bottom", SYLLABUS_LINK_STAY },
    { LOCAL_PAGE "#top", LOCAL_PAGE, SYLLABUS_LINK_STAY },
    { BUNDLED_PAGE, BUNDLED_PAGE, SYLLABUS_LINK_STAY },
    { BUNDLED_PAGE, BUNDLED_PAGE "#rust", SYLLABUS_LINK_STAY },
    /* A web page is left in place when it is the page itself. */
    { "https://example.com/page", "https://example.com/page#part", SYLLABUS_LINK_STAY },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_links_refuse (void)
{
  static const LinkCase cases[] = {
    /* Scripts, local files and inline documents. */
    { LOCAL_PAGE, "javascript:alert(1)", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "JavaScript:alert(1)", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "javascript://example.com/%0Aalert(1)", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "vbscript:msgbox(1)", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "file:///etc/passwd", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "FILE:///etc/passwd", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "file:///home/user/topics/other.md", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "file:///home/user/topics", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "file:///home/user/", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "file://remote.example/share/x", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "data:text/html,<script>alert(1)</script>", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "about:blank", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "about:config", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "blob:https://example.com/uuid", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "view-source:https://example.com/", SYLLABUS_LINK_REFUSE },
    { BUNDLED_PAGE, "resource://" RESOURCE_PREFIX "/other", SYLLABUS_LINK_REFUSE },
    { BUNDLED_PAGE, "resource://" RESOURCE_PREFIX "/content/rust.md", SYLLABUS_LINK_REFUSE },
    { BUNDLED_PAGE, "file:///etc/passwd", SYLLABUS_LINK_REFUSE },
    /* Other protocols and unknown schemes. */
    { LOCAL_PAGE, "ftp://ftp.example.com/file", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "sftp://example.com/", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "ssh://example.com/", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "smb://server/share", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "tel:+15555550100", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "irc://irc.example.net/channel", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "ws://example.com/socket", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "apt:syllabus", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "steam://run/1", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "x-unknown-scheme:whatever", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "ghelp:syllabus", SYLLABUS_LINK_REFUSE },
    /* Nothing, or nothing that a browser could open. */
    { LOCAL_PAGE, NULL, SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "", SYLLABUS_LINK_REFUSE },
    { NULL, NULL, SYLLABUS_LINK_REFUSE },
    { NULL, "", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "http:", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "http://", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "https://", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "http:///path", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "https:relative/path", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "https://example.com:notaport/", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "mailto:", SYLLABUS_LINK_REFUSE },
    /* Relative addresses: the view resolves links before asking, so
     * one that is still relative is not a place to go. */
    { LOCAL_PAGE, "other.md", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "/etc/passwd", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "//example.com/", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, "#fragment", SYLLABUS_LINK_REFUSE },
    { LOCAL_PAGE, " javascript:alert(1)", SYLLABUS_LINK_REFUSE },
    { NULL, "javascript:alert(1)", SYLLABUS_LINK_REFUSE },
    { NULL, "file:///etc/passwd", SYLLABUS_LINK_REFUSE },
    { NULL, "about:blank", SYLLABUS_LINK_REFUSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A refused scheme stays refused whatever the page, even a page with the
 * same scheme; only the page itself is kept. */
static void
test_links_page_is_not_a_pass (void)
{
  static const LinkCase cases[] = {
    { "file:///home/user/topics/", "file:///home/user/topics/../secret", SYLLABUS_LINK_REFUSE },
    { "data:text/html,hello", "data:text/html,other", SYLLABUS_LINK_REFUSE },
    { "about:blank", "about:config", SYLLABUS_LINK_REFUSE },
    { "about:blank", "javascript:alert(1)", SYLLABUS_LINK_REFUSE },
    { "", "javascript:alert(1)", SYLLABUS_LINK_REFUSE },
    { "", "", SYLLABUS_LINK_REFUSE },
    { "javascript:alert(1)", "javascript:alert(2)", SYLLABUS_LINK_REFUSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/links/open-externally", test_links_external);
  g_test_add_func ("/links/stay", test_links_stay);
  g_test_add_func ("/links/refuse", test_links_refuse);
  g_test_add_func ("/links/page-is-not-a-pass", test_links_page_is_not_a_pass);

  return g_test_run ();
}
