/* bench-common.c
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

#include "bench-common.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The generated topics are the same on every run and every machine: the
 * words come from a fixed seed. */
static const char *const words[] = {
  "ownership", "borrow", "lifetime", "trait", "closure", "iterator", "vector",
  "slice", "module", "crate", "macro", "thread", "channel", "mutex", "future",
  "memory", "safety", "compiler", "pattern", "match", "enum", "struct", "error",
  "result", "option", "generic", "data", "pipeline", "stream", "buffer", "the",
  "a", "of", "and", "to", "in", "is", "that", "with", "for", "it", "as", "on",
  "fast", "reliable", "concurrent", "zero-cost", "abstraction", "library",
};

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

/* One paragraph of prose with the inline markup topics use. */
static void
append_paragraph (GString *out,
                  GRand   *rand,
                  guint    serial)
{
  for (guint sentence = 0; sentence < 5; sentence++)
    {
      append_words (out, rand, 4);
      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          g_string_append (out, " *");
          append_words (out, rand, 2);
          g_string_append (out, "*");
          break;
        case 1:
          g_string_append (out, " **");
          append_words (out, rand, 2);
          g_string_append (out, "**");
          break;
        case 2:
          g_string_append_printf (out, " `value_%u`", serial);
          break;
        case 3:
          g_string_append_printf (out, " [the %s guide](https://example.org/guide/%u#part-%u)",
                                  words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                  serial, sentence);
          break;
        default:
          g_string_append (out, " &mdash; ");
          break;
        }
      g_string_append (out, " ");
      append_words (out, rand, 6);
      /* Soft line breaks, as in hand-written pages. */
      g_string_append (out, sentence % 2 == 0 ? ".\n" : ". ");
    }
  g_string_append (out, "\n\n");
}

static void
append_section (GString *out,
                GRand   *rand,
                guint    serial)
{
  g_string_append_printf (out, "## Part %u: ", serial);
  append_words (out, rand, 3);
  g_string_append (out, "\n\n");

  append_paragraph (out, rand, serial);

  for (guint i = 0; i < 4; i++)
    {
      g_string_append (out, "- ");
      append_words (out, rand, 5);
      g_string_append (out, i % 2 == 0 ? " with _emphasis_\n" : " and `code`\n");
      if (i == 1)
        {
          g_string_append (out, "  - nested: ");
          append_words (out, rand, 4);
          g_string_append (out, "\n");
        }
    }
  g_string_append (out, "\n");

  append_paragraph (out, rand, serial + 1);

  g_string_append_printf (out,
                          "```rust\n"
                          "fn part_%u(input: &[u8]) -> Result<usize, Error> {\n"
                          "    let total = input.iter().filter(|b| **b > %u).count();\n"
                          "    println!(\"{} < {}\", total, input.len());\n"
                          "    Ok(total)\n"
                          "}\n"
                          "```\n\n",
                          serial, serial % 256);

  g_string_append (out, "> **Note:** ");
  append_words (out, rand, 12);
  g_string_append (out, "\n\n");

  for (guint i = 1; i <= 3; i++)
    {
      g_string_append_printf (out, "%u. ", i);
      append_words (out, rand, 6);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");

  append_paragraph (out, rand, serial + 2);
}

/**
 * bench_generate_topic:
 * @intro_bytes: about how long the introduction is
 * @n_resources: how many resources the "Learning Resources" section lists
 *
 * Writes a topic page: front matter, a title, an introduction of about
 * @intro_bytes bytes with headings, paragraphs with emphasis, links and
 * inline code, lists, code blocks and quotes, then a "Learning Resources"
 * section with @n_resources links in groups of fifty, then a closing
 * section.
 *
 * Returns: (transfer full): the page
 */
GString *
bench_generate_topic (gsize intro_bytes,
                      guint n_resources)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  GString *out = g_string_sized_new (intro_bytes + n_resources * 96 + 4096);
  guint serial = 0;

  g_string_append (out,
                   "---\n"
                   "title: Generated\n"
                   "weight: 5\n"
                   "---\n"
                   "\n"
                   "# Generated\n"
                   "\n"
                   "## Introduction\n");
  append_paragraph (out, rand, serial++);

  while (out->len < intro_bytes)
    append_section (out, rand, serial++ * 3);

  g_string_append (out, "## Learning Resources\n");
  for (guint i = 0; i < n_resources; i++)
    {
      if (i % 50 == 0)
        g_string_append_printf (out, "\n### Group %u\n", i / 50 + 1);
      g_string_append_printf (out, "- [Resource %u: ", i);
      append_words (out, rand, 3);
      g_string_append_printf (out, "](https://example.org/resources/%u/%s)\n", i,
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  g_string_append (out, "\n## Closing words\n\n");
  append_paragraph (out, rand, serial);

  return out;
}

/**
 * bench_generate_awesome_list:
 * @n_resources: how many linked list items it has
 *
 * Writes a page in the shape of a GitHub "awesome" list, of about 200
 * bytes per item: a title with badges, an HTML comment around a table of
 * contents (links into the page), categories as `##` headings with
 * `###` subcategories of 35 items each, every item a link, a description
 * and a badge, some of them under a list item naming a nested list, a
 * `<details>` block, and no "Learning Resources" section. With 1,750 items
 * it is about 359 KB, as the awesome list measured for the issue.
 *
 * Returns: (transfer full): the page
 */
GString *
bench_generate_awesome_list (guint n_resources)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  GString *out = g_string_sized_new (n_resources * 210 + 8192);
  guint n_categories = (n_resources + 174) / 175;

  g_string_append (out,
                   "# Awesome Generated [![lint badge](https://img.example/lint.svg)](https://ci.example/lint)"
                   " [![build badge](https://img.example/build.svg)](https://ci.example/build)\n\n"
                   "A curated list of generated things, for the benchmarks.\n\n"
                   "<!-- BEGIN mktoc {\"min_depth\": 2} -->\n");
  for (guint c = 0; c < n_categories; c++)
    {
      g_string_append_printf (out, "- [Category %u](#category-%u)\n", c + 1, c + 1);
      for (guint s = 0; s < 5; s++)
        g_string_append_printf (out, "  - [Subcategory %u.%u](#subcategory-%u%u)\n", c + 1, s + 1, c + 1, s + 1);
    }
  g_string_append (out, "<!-- END mktoc -->\n\n");

  for (guint i = 0; i < n_resources; i++)
    {
      if (i % 175 == 0)
        g_string_append_printf (out, "\n## Category %u\n\n", i / 175 + 1);
      if (i % 35 == 0)
        g_string_append_printf (out, "\n### Subcategory %u.%u\n\n", i / 175 + 1, i % 175 / 35 + 1);
      if (i % 35 == 20)
        g_string_append (out, "- **Nested group**\n");

      g_string_append_printf (out, "%s- [%s-%u](https://github.example/owner-%u/%s-%u) - ",
                              i % 35 >= 20 ? "  " : "",
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i, i % 97,
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      append_words (out, rand, 9);
      g_string_append_printf (out, ". [![stars](https://img.example/stars/%u.svg)](https://github.example/stars/%u)\n", i, i);
    }

  g_string_append (out,
                   "\n## Resources\n\n"
                   "<details>\n<summary>Older lists</summary>\n\n"
                   "- Moved to the <kbd>archive</kbd> folder.<br>\n\n"
                   "</details>\n\n"
                   "<p align=\"center\">Made with care.</p>\n");

  return out;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

double
bench_median (const double *values,
              guint         n)
{
  g_autofree double *sorted = NULL;

  g_return_val_if_fail (n > 0, 0);

  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Reads "--runs N" (N at least BENCH_MIN_RUNS) and removes it from argv. */
guint
bench_parse_runs (int    *argc,
                  char ***argv)
{
  guint runs = BENCH_DEFAULT_RUNS;
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--runs") && i + 1 < *argc)
        {
          guint64 value;

          if (!g_ascii_string_to_unsigned ((*argv)[i + 1], 10, BENCH_MIN_RUNS, 1000, &value, NULL))
            {
              g_printerr ("--runs takes a number from %d to 1000\n", BENCH_MIN_RUNS);
              exit (2);
            }
          runs = value;
          i++;
          continue;
        }
      (*argv)[j++] = (*argv)[i];
    }
  *argc = j;
  (*argv)[j] = NULL;

  return runs;
}

void
bench_print_verdict (const char *name,
                     gboolean    met)
{
  g_print ("  goal %-56s %s\n", name, met ? "met" : "MISSED");
}

/* A library of progress ------------------------------------------------------ */

/**
 * bench_library_topic_id:
 *
 * Returns: (transfer full): the id of topic @t of bench_fill_library()
 */
char *
bench_library_topic_id (guint t)
{
  return g_strdup_printf ("topic-%02u", t);
}

/**
 * bench_library_resource:
 *
 * Returns: (transfer full): resource @i of topic @t of bench_fill_library()
 */
SyllabusResource *
bench_library_resource (guint t,
                        guint i)
{
  g_autofree char *title = g_strdup_printf ("Resource %u of topic %u: a book about things", i, t);
  g_autofree char *url = g_strdup_printf ("https://example.org/topic-%u/resources/%u?edition=2", t, i);

  return syllabus_resource_new (title, url, "Books", 1);
}

/**
 * bench_fill_library:
 *
 * Gives @store @n_topics topics of @n_per_topic resources, each with a
 * note of a sentence, every other one done: a user's library after a
 * long while.
 */
void
bench_fill_library (SyllabusStore *store,
                    guint          n_topics,
                    guint          n_per_topic)
{
  for (guint t = 0; t < n_topics; t++)
    {
      g_autofree char *id = bench_library_topic_id (t);

      for (guint i = 0; i < n_per_topic; i++)
        {
          g_autoptr(SyllabusResource) resource = bench_library_resource (t, i);
          SyllabusEntry *entry = syllabus_store_get_entry (store, id, resource);
          g_autofree char *notes =
            g_strdup_printf ("Notes on resource %u: read chapters 1 to %u, the exercises "
                             "in chapter %u were hard; come back to the part on lifetimes.",
                             i, i % 17 + 1, i % 11 + 2);

          syllabus_entry_set_notes (entry, notes);
          if (i % 2 == 0)
            syllabus_entry_set_done (entry, TRUE);
        }
    }
}
