/* test-progress-text.c
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

/* The sentences the window and the command line make of the model's
 * numbers: whole sentences, plural forms by the number they count. They
 * need no display, so this UI-layer test runs without one. */

#include "config.h"

#include <glib.h>

#include "syllabus-progress-text.h"

static void
test_counts (void)
{
  static const struct {
    SyllabusCounts counts;
    const char *text;
  } cases[] = {
    { { 7, 5, 0, 1 }, "5 of 7 done · 1 skipped" },
    { { 7, 5, 1, 0 }, "5 of 7 done" },
    { { 7, 5, 1, 1 }, "5 of 7 done · 1 skipped" },
    { { 10, 2, 3, 4 }, "2 of 10 done · 4 skipped" },
    { { 3, 0, 0, 3 }, "0 of 3 done · 3 skipped" },
    { { 1, 1, 0, 0 }, "1 of 1 done" },
    { { 1, 0, 1, 0 }, "0 of 1 done" },
    { { 0, 0, 0, 0 }, "0 of 0 done" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = syllabus_progress_text_counts (&cases[i].counts);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* While the checklist is filtered by kind: what it shows, and the topic. */
static void
test_filtered (void)
{
  const SyllabusCounts shown = { 3, 1, 0, 0 };
  const SyllabusCounts shown_skipped = { 3, 1, 0, 1 };
  const SyllabusCounts all = { 7, 5, 1, 1 };
  g_autofree char *group = syllabus_progress_text_shown (&shown);
  g_autofree char *group_skipped = syllabus_progress_text_shown (&shown_skipped);
  g_autofree char *topic = syllabus_progress_text_filtered (&shown, &all);

  g_assert_cmpstr (group, ==, "1 of 3 shown done");
  g_assert_cmpstr (group_skipped, ==, "1 of 3 shown done · 1 skipped");
  g_assert_cmpstr (topic, ==, "1 of 3 shown done · 5 of 7 in the topic");
}

static void
test_merge (void)
{
  static const struct {
    SyllabusMergeSummary summary;
    const char *text;
  } cases[] = {
    { { 0, 0, 0, 0, 4 }, "Nothing new to import." },
    { { 0, 0, 2, 0, 1 }, "Nothing new to import. Kept newer progress for 2 resources from here." },
    { { 1, 0, 0, 0, 0 }, "Added progress for 1 resource." },
    { { 0, 3, 0, 0, 0 }, "Took newer progress for 3 resources." },
    { { 2, 1, 0, 0, 0 }, "Added progress for 2 resources. Took newer progress for 1 resource." },
    { { 0, 1, 0, 1, 0 }, "Took newer progress for 1 resource. 1 resource was changed at the "
                         "same time in both and differs; the progress here was kept." },
    { { 3, 1, 1, 2, 0 }, "Added progress for 3 resources. Took newer progress for 1 resource. "
                         "Kept newer progress for 1 resource from here. 2 resources were "
                         "changed at the same time in both and differ; the progress here "
                         "was kept." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = syllabus_progress_text_merge (&cases[i].summary);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress-text/counts", test_counts);
  g_test_add_func ("/progress-text/filtered", test_filtered);
  g_test_add_func ("/progress-text/merge", test_merge);

  return g_test_run ();
}
