/* syllabus-progress-text.c
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

#include "syllabus-progress-text.h"

#include <glib/gi18n.h>

/* The sentences the window and the command line say about progress. The
 * model hands over numbers only; each sentence here is whole, with its
 * plural forms, so that a translator never has to join fragments. */

/**
 * syllabus_progress_text_counts:
 * @counts: a topic's counts
 *
 * Returns: (transfer full): e.g. "5 of 7 done" or "5 of 7 done · 1 skipped"
 */
char *
syllabus_progress_text_counts (const SyllabusCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  if (counts->skipped == 0)
    /* Translators: progress through a topic's resources, e.g. "5 of 7 done";
     * the plural form follows the second number */
    return g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", counts->total),
                            counts->done, counts->total);

  /* Translators: progress through a topic's resources, e.g. "5 of 7 done ·
   * 1 skipped"; the plural form follows the third number */
  return g_strdup_printf (ngettext ("%u of %u done · %u skipped",
                                    "%u of %u done · %u skipped",
                                    counts->skipped),
                          counts->done, counts->total, counts->skipped);
}

/**
 * syllabus_progress_text_shown:
 * @shown: the counts of the resources a filtered list shows
 *
 * Returns: (transfer full): e.g. "1 of 2 shown done" or "1 of 2 shown
 *   done · 1 skipped"
 */
char *
syllabus_progress_text_shown (const SyllabusCounts *shown)
{
  g_return_val_if_fail (shown != NULL, NULL);

  if (shown->skipped == 0)
    /* Translators: progress through the resources a list filtered by kind
     * shows, e.g. "1 of 2 shown done"; the plural form follows the second
     * number */
    return g_strdup_printf (ngettext ("%u of %u shown done", "%u of %u shown done", shown->total),
                            shown->done, shown->total);

  /* Translators: progress through the resources a list filtered by kind
   * shows, e.g. "1 of 3 shown done · 1 skipped"; the plural form follows
   * the third number */
  return g_strdup_printf (ngettext ("%u of %u shown done · %u skipped",
                                    "%u of %u shown done · %u skipped",
                                    shown->skipped),
                          shown->done, shown->total, shown->skipped);
}

/**
 * syllabus_progress_text_filtered:
 * @shown: the counts of the resources a filtered list shows
 * @all: the topic's counts
 *
 * Returns: (transfer full): e.g. "1 of 3 shown done · 5 of 7 in the topic"
 */
char *
syllabus_progress_text_filtered (const SyllabusCounts *shown,
                                 const SyllabusCounts *all)
{
  g_return_val_if_fail (shown != NULL && all != NULL, NULL);

  /* Translators: progress through the resources a list filtered by kind
   * shows, then through the whole topic's, e.g. "1 of 3 shown done · 5 of 7
   * in the topic"; the plural form follows the last number */
  return g_strdup_printf (ngettext ("%u of %u shown done · %u of %u in the topic",
                                    "%u of %u shown done · %u of %u in the topic",
                                    all->total),
                          shown->done, shown->total, all->done, all->total);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

/**
 * syllabus_progress_text_merge:
 * @summary: what a merge did
 *
 * Returns: (transfer full): what a merge did, in one sentence per kind of
 *   change, e.g. "Added progress for 3 resources. Took newer progress for
 *   1 resource. Kept newer progress for 2 resources from here."
 */
char *
syllabus_progress_text_merge (const SyllabusMergeSummary *summary)
{
  GString *text;

  g_return_val_if_fail (summary != NULL, NULL);

  text = g_string_new (NULL);

  if (!syllabus_merge_summary_changed (summary))
    append_sentence (text, _("Nothing new to import."));

  if (summary->added > 0)
    {
      g_autofree char *sentence =
        g_strdup_printf (ngettext ("Added progress for %u resource.",
                                   "Added progress for %u resources.",
                                   summary->added),
                         summary->added);
      append_sentence (text, sentence);
    }

  if (summary->taken > 0)
    {
      g_autofree char *sentence =
        g_strdup_printf (ngettext ("Took newer progress for %u resource.",
                                   "Took newer progress for %u resources.",
                                   summary->taken),
                         summary->taken);
      append_sentence (text, sentence);
    }

  if (summary->kept_newer_here > 0)
    {
      g_autofree char *sentence =
        g_strdup_printf (ngettext ("Kept newer progress for %u resource from here.",
                                   "Kept newer progress for %u resources from here.",
                                   summary->kept_newer_here),
                         summary->kept_newer_here);
      append_sentence (text, sentence);
    }

  if (summary->conflicts_kept > 0)
    {
      g_autofree char *sentence =
        g_strdup_printf (ngettext ("%u resource was changed at the same time in both "
                                   "and differs; the progress here was kept.",
                                   "%u resources were changed at the same time in "
                                   "both and differ; the progress here was kept.",
                                   summary->conflicts_kept),
                         summary->conflicts_kept);
      append_sentence (text, sentence);
    }

  if (summary->not_merged > 0)
    {
      g_autofree char *sentence =
        g_strdup_printf (ngettext ("%u resource was not taken: its topic’s progress cannot "
                                   "be saved here.",
                                   "%u resources were not taken: their topics’ progress "
                                   "cannot be saved here.",
                                   summary->not_merged),
                         summary->not_merged);
      append_sentence (text, sentence);
    }

  return g_string_free (text, FALSE);
}
