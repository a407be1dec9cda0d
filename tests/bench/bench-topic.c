/* bench-topic.c
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

/* Benchmark 3: a generated 5 MB topic parsed and its introduction rendered
 * (syllabus_topic_new_from_data does both in one md4c pass; the HTML is
 * read with syllabus_topic_get_introduction_html), against the floor:
 * md4c's md_html alone on the same text, with the same dialect, writing
 * into a GString as any caller of md_html does. They run in turn; medians
 * and the throughput ratio are printed.
 *
 * Goal: at least 0.8 of md4c's throughput.
 *
 * It also prints what no design built on md4c's parser can go below:
 * md_parse over the page with callbacks that do nothing.
 *
 * And the same two figures for a page shaped like an "awesome" list, as
 * people open them: about 359 KB, about 1,750 linked items under nested
 * headings, badges in the title, a comment, <details> and other raw HTML
 * (which md_html passes through as it is, and Syllabus filters), from
 * bench_generate_awesome_list(), the page bench-startup opens too.
 */

#include "config.h"

#include <md4c-html.h>
#include <string.h>

#include "bench-common.h"
#include "syllabus-markdown.h"
#include "syllabus-topic.h"

#define TOPIC_BYTES 5000000
#define N_RESOURCES 10000
#define GOAL_RATIO 0.8
#define AWESOME_ITEMS 1750

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static double
run_floor (const GString *page,
           gsize         *html_length)
{
  g_autoptr(GString) html = NULL;
  double start = bench_now_ms ();
  double end;

  html = g_string_sized_new (page->len + page->len / 4 + 64);
  if (md_html (page->str, page->len, append_cb, html, SYLLABUS_MARKDOWN_FLAGS, 0) != 0)
    g_error ("md_html failed");
  end = bench_now_ms ();
  *html_length = html->len;

  return end - start;
}

static int
ignore_block_cb (MD_BLOCKTYPE type,
                 void        *detail,
                 void        *user_data)
{
  return 0;
}

static int
ignore_span_cb (MD_SPANTYPE type,
                void       *detail,
                void       *user_data)
{
  return 0;
}

static int
ignore_text_cb (MD_TEXTTYPE    type,
                const MD_CHAR *text,
                MD_SIZE        size,
                void          *user_data)
{
  return 0;
}

/* What any design that parses the page with md4c cannot go below: md_parse
 * with callbacks that do nothing. */
static double
run_parse_bound (const GString *page)
{
  static const MD_PARSER parser = {
    .abi_version = 0,
    .flags = SYLLABUS_MARKDOWN_FLAGS,
    .enter_block = ignore_block_cb,
    .leave_block = ignore_block_cb,
    .enter_span = ignore_span_cb,
    .leave_span = ignore_span_cb,
    .text = ignore_text_cb,
  };
  double start = bench_now_ms ();

  if (md_parse (page->str, page->len, &parser, NULL) != 0)
    g_error ("md_parse failed");

  return bench_now_ms () - start;
}

static double
run_app (const GString *page,
         guint         *n_resources,
         gsize         *html_length)
{
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  const char *html;
  double start = bench_now_ms ();
  double end;

  topic = syllabus_topic_new_from_data ("generated", NULL, page->str, page->len, &error);
  g_assert_no_error (error);
  html = syllabus_topic_get_introduction_html (topic);
  end = bench_now_ms ();

  *n_resources = g_list_model_get_n_items (syllabus_topic_get_resources (topic));
  *html_length = strlen (html);

  return end - start;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = bench_parse_runs (&argc, &argv);
  g_autoptr(GString) page = NULL;
  g_autofree double *floor_ms = g_new (double, runs);
  g_autofree double *app_ms = g_new (double, runs);
  g_autofree double *bound_ms = g_new (double, runs);
  double bound_median;
  double floor_median, app_median, floor_mbs, app_mbs, ratio;
  gsize floor_html = 0, app_html = 0;
  guint n_resources = 0;

  page = bench_generate_topic (TOPIC_BYTES - N_RESOURCES * 80, N_RESOURCES);

  g_print ("Benchmark 3: a %.2f MB topic with %u resources, parsed and rendered\n",
           page->len / 1e6, N_RESOURCES);
  g_print ("  floor: md4c md_html on the whole page; %u runs each, in turn\n", runs);

  /* One run of each first, so that page faults and allocator growth are
   * paid before anything is measured. */
  run_floor (page, &floor_html);
  run_app (page, &n_resources, &app_html);

  for (guint i = 0; i < runs; i++)
    {
      floor_ms[i] = run_floor (page, &floor_html);
      app_ms[i] = run_app (page, &n_resources, &app_html);
      bound_ms[i] = run_parse_bound (page);
    }

  bound_median = bench_median (bound_ms, runs);

  floor_median = bench_median (floor_ms, runs);
  app_median = bench_median (app_ms, runs);
  floor_mbs = page->len / 1e6 / (floor_median / 1000);
  app_mbs = page->len / 1e6 / (app_median / 1000);
  ratio = app_mbs / floor_mbs;

  g_print ("  floor  md_html                  %8.1f ms  %7.1f MB/s  (%zu bytes of HTML)\n",
           floor_median, floor_mbs, floor_html);
  g_print ("  app    parse + render, one pass %8.1f ms  %7.1f MB/s  (%zu bytes of HTML, %u resources)\n",
           app_median, app_mbs, app_html, n_resources);
  g_print ("  bound  md_parse doing nothing   %8.1f ms  %7.1f MB/s  ratio %.2f: the most md4c's parser allows\n",
           bound_median, page->len / 1e6 / (bound_median / 1000), floor_median / bound_median);
  g_print ("  throughput ratio app/floor: %.2f\n", ratio);
  bench_print_verdict ("3: parse + render >= 0.8 x md_html's throughput", ratio >= GOAL_RATIO);

  /* The awesome list. */
  g_string_free (page, TRUE);
  page = bench_generate_awesome_list (AWESOME_ITEMS);
  run_floor (page, &floor_html);
  run_app (page, &n_resources, &app_html);
  for (guint i = 0; i < runs; i++)
    {
      floor_ms[i] = run_floor (page, &floor_html);
      app_ms[i] = run_app (page, &n_resources, &app_html);
    }
  floor_median = bench_median (floor_ms, runs);
  app_median = bench_median (app_ms, runs);
  floor_mbs = page->len / 1e6 / (floor_median / 1000);
  app_mbs = page->len / 1e6 / (app_median / 1000);
  ratio = app_mbs / floor_mbs;

  g_print ("Benchmark 3b: an awesome-list-shaped page of %.0f KB with %u linked items and raw HTML\n",
           page->len / 1e3, AWESOME_ITEMS);
  g_print ("  floor  md_html (HTML unfiltered)%8.2f ms  %7.1f MB/s  (%zu bytes of HTML)\n",
           floor_median, floor_mbs, floor_html);
  g_print ("  app    parse + render, filtered %8.2f ms  %7.1f MB/s  (%zu bytes of HTML, %u resources)\n",
           app_median, app_mbs, app_html, n_resources);
  g_print ("  throughput ratio app/floor: %.2f\n", ratio);

  return 0;
}
