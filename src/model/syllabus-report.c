/* syllabus-report.c

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

#include "syllabus-report.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "syllabus-activity.h"
#include "syllabus-resource.h"
#include "syllabus-topic.h"

/* Reports of the user's progress, made from the store and a list of topics
 * without changing either: a Markdown document to keep or to share, one
 * line per topic for a terminal, and JSON for scripts. The command line
 * prints them; the window exports the Markdown one.
 */

/* Common ------------------------------------------------------------------ */

/**
 * syllabus_report_summary:
 * @counts: how far the user is through a topic
 *
 * Returns: (transfer full): e.g. "3 of 7 done · 1 in progress · 1 skipped";
 *   the parts that are zero are left out, except the first
 */
char *
syllabus_report_summary (const SyllabusCounts *counts)
{
  GString *text;

  g_return_val_if_fail (counts != NULL, NULL);

  text = g_string_new (NULL);
  /* Translators: progress through resources, e.g. "5 of 7 done" */
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u done", "%u of %u done",
                                      counts->total),
                   counts->done, counts->total);
  if (counts->in_progress > 0)
    /* Translators: added to the progress, e.g. "5 of 7 done · 1 in progress" */
    g_string_append_printf (text, _(" · %u in progress"), counts->in_progress);
  if (counts->skipped > 0)
    /* Translators: added to the progress, e.g. "5 of 7 done · 1 skipped" */
    g_string_append_printf (text, _(" · %u skipped"), counts->skipped);

  return g_string_free (text, FALSE);
}

static guint
count_not_started (const SyllabusCounts *counts)
{
  return counts->total - counts->done - counts->in_progress - counts->skipped;
}

static SyllabusEntry *
lookup_entry (SyllabusStore    *store,
              const char       *topic_id,
              SyllabusResource *resource)
{
  return syllabus_store_lookup (store, topic_id, syllabus_resource_get_key (resource));
}

static SyllabusStatus
entry_status (SyllabusEntry *entry)
{
  return entry != NULL ? syllabus_entry_get_status (entry) : SYLLABUS_STATUS_NOT_STARTED;
}

/* Returns (transfer full) the progress whose resource left @topic, sorted
 * by key: it is reported too, so that nothing the user did is left out. */
static GPtrArray *
list_orphans (SyllabusStore *store,
              SyllabusTopic *topic)
{
  g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, syllabus_topic_get_id (topic));
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *resources = syllabus_topic_get_resources (topic);
  guint n = g_list_model_get_n_items (resources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_hash_table_add (keys, (gpointer)syllabus_resource_get_key (resource));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SyllabusEntry *entry = g_ptr_array_index (entries, i);

      /* As in the window, an entry that holds nothing (ticked, then
       * unticked) is not worth reporting. */
      if (g_hash_table_contains (keys, syllabus_entry_get_key (entry)) ||
          (syllabus_entry_get_status (entry) == SYLLABUS_STATUS_NOT_STARTED &&
           *syllabus_entry_get_notes (entry) == '\0'))
        continue;

      g_ptr_array_add (orphans, g_object_ref (entry));
    }

  return orphans;
}

static const char *
orphan_title (SyllabusEntry *entry)
{
  const char *title = syllabus_entry_get_title (entry);

  return title != NULL && *title != '\0' ? title : syllabus_entry_get_key (entry);
}

static const char *
orphan_url (SyllabusEntry *entry)
{
  const char *url = syllabus_entry_get_url (entry);

  return url != NULL && *url != '\0' ? url : syllabus_entry_get_key (entry);
}

/* Markdown ---------------------------------------------------------------- */

/**
 * syllabus_report_escape_markdown:
 * @text: plain text, such as a title
 *
 * Escapes @text so that Markdown shows it as written, inside a heading or
 * a link's text: characters that Markdown would take for emphasis, code,
 * links, HTML, entities, headings, tables or strike-through get a
 * backslash, and line breaks and other control characters become spaces.
 *
 * Returns: (transfer full): the escaped text
 */
char *
syllabus_report_escape_markdown (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (strchr ("\\`*_[]<>#&|~", c) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if ((guchar)c < 0x20 || c == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Appends @url as a link destination. URLs from topics are whole, but one
 * with a space, a bracket or a line break would end the link early. */
static void
append_destination (GString    *out,
                    const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c <= 0x20 || c == 0x7f || c == '<' || c == '>')
        g_string_append_printf (out, "%%%02X", c);
      else if (c == '(' || c == ')' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else
        g_string_append_c (out, c);
    }
}

static void
append_link (GString    *out,
             const char *title,
             const char *url)
{
  g_autofree char *escaped = syllabus_report_escape_markdown (title != NULL && *title != '\0'
                                                              ? title : url);

  g_string_append_c (out, '[');
  g_string_append (out, escaped);
  g_string_append (out, "](");
  append_destination (out, url);
  g_string_append_c (out, ')');
}

/* Starts a block (a heading, a paragraph, a list) after a blank line. */
static void
begin_block (GString *out)
{
  if (out->len == 0)
    return;
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (out->len < 2 || out->str[out->len - 2] != '\n')
    g_string_append_c (out, '\n');
}

/* Returns (transfer full) the day of @time where the user is, YYYY-MM-DD. */
static char *
format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Appends the user's notes under a list item, quoted, so that they keep
 * their own Markdown but cannot break the report's structure: every block
 * they open ends with the quote. */
static void
append_notes (GString    *out,
              const char *notes)
{
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize start = 0;

  if (notes == NULL)
    return;

  text = g_string_new (notes);
  g_string_replace (text, "\r\n", "\n", 0);
  g_string_replace (text, "\r", "\n", 0);
  g_strchomp (text->str);
  while (text->str[start] == '\n')
    start++;
  if (text->str[start] == '\0')
    return;

  lines = g_strsplit (text->str + start, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        g_string_append (out, "  >\n");
      else
        g_string_append_printf (out, "  > %s\n", lines[i]);
    }
}

/* Appends a list item: the link, its kind if it has one, then its status
 * if @with_status, its dates and the notes. */
static void
append_item (GString       *out,
             const char    *title,
             const char    *url,
             const char    *kind,
             SyllabusEntry *entry,
             gboolean       with_status)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  SyllabusStatus status = entry_status (entry);
  GDateTime *started_at = entry != NULL ? syllabus_entry_get_started_at (entry) : NULL;
  GDateTime *done_at = entry != NULL ? syllabus_entry_get_done_at (entry) : NULL;

  /* "done 2026-11-25" says the status already. */
  if (with_status && !(status == SYLLABUS_STATUS_DONE && done_at != NULL))
    g_ptr_array_add (details, g_strdup (syllabus_status_describe (status)));
  if (started_at != NULL)
    {
      g_autofree char *date = format_date (started_at);

      /* Translators: when a resource was started, e.g. "started 2026-11-20" */
      g_ptr_array_add (details, g_strdup_printf (_("started %s"), date));
    }
  if (done_at != NULL)
    {
      g_autofree char *date = format_date (done_at);

      /* Translators: when a resource was finished, e.g. "done 2026-11-25" */
      g_ptr_array_add (details, g_strdup_printf (_("done %s"), date));
    }

  g_string_append (out, "- ");
  append_link (out, title, url);
  if (kind != NULL)
    {
      g_autofree char *label = syllabus_report_escape_markdown (syllabus_resource_kind_get_label (kind));

      /* Escaped brackets: "[Video]" would be a link wherever the notes
       * (kept as Markdown) define the reference "[video]: …". */
      g_string_append_printf (out, " \\[%s\\]", label);
    }
  for (guint i = 0; i < details->len; i++)
    {
      g_string_append (out, i == 0 ? " — " : ", ");
      g_string_append (out, g_ptr_array_index (details, i));
    }
  g_string_append_c (out, '\n');

  if (entry != NULL)
    append_notes (out, syllabus_entry_get_notes (entry));
}

static void
append_heading (GString    *out,
                const char *level,
                const char *text)
{
  g_autofree char *escaped = syllabus_report_escape_markdown (text);

  begin_block (out);
  g_string_append_printf (out, "%s %s\n", level, escaped);
}

/* Appends a section listing the resources of @topic with @status, if there
 * are any, under @heading and after @intro when they are not %NULL. */
static void
append_section (GString        *out,
                SyllabusStore  *store,
                SyllabusTopic  *topic,
                SyllabusStatus  status,
                const char     *heading,
                const char     *intro)
{
  const char *topic_id = syllabus_topic_get_id (topic);
  GListModel *resources = syllabus_topic_get_resources (topic);
  guint n = g_list_model_get_n_items (resources);
  gboolean started = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      SyllabusEntry *entry = lookup_entry (store, topic_id, resource);

      if (entry_status (entry) != status)
        continue;

      /* Not started resources are only counted, unless the user wrote
       * something about them. */
      if (status == SYLLABUS_STATUS_NOT_STARTED &&
          (entry == NULL || *syllabus_entry_get_notes (entry) == '\0'))
        continue;

      if (!started)
        {
          if (heading != NULL)
            append_heading (out, "###", heading);
          if (intro != NULL)
            {
              begin_block (out);
              g_string_append_printf (out, "%s\n", intro);
            }
          begin_block (out);
          started = TRUE;
        }

      append_item (out, syllabus_resource_get_title (resource),
                   syllabus_resource_get_url (resource), syllabus_resource_get_kind (resource),
                   entry, FALSE);
    }
}

static void
append_topic (GString       *out,
              SyllabusStore *store,
              SyllabusTopic *topic)
{
  g_autoptr(GPtrArray) orphans = list_orphans (store, topic);
  g_autofree char *summary = NULL;
  SyllabusCounts counts;
  guint not_started;

  syllabus_store_count (store, syllabus_topic_get_id (topic),
                        syllabus_topic_get_resources (topic), &counts);
  not_started = count_not_started (&counts);

  append_heading (out, "##", syllabus_topic_get_title (topic));
  summary = syllabus_report_summary (&counts);
  begin_block (out);
  g_string_append_printf (out, "%s\n", summary);

  append_section (out, store, topic, SYLLABUS_STATUS_DONE,
                  syllabus_status_label (SYLLABUS_STATUS_DONE), NULL);
  append_section (out, store, topic, SYLLABUS_STATUS_IN_PROGRESS,
                  syllabus_status_label (SYLLABUS_STATUS_IN_PROGRESS), NULL);
  append_section (out, store, topic, SYLLABUS_STATUS_SKIPPED,
                  syllabus_status_label (SYLLABUS_STATUS_SKIPPED), NULL);

  if (not_started > 0)
    {
      g_autofree char *count = NULL;

      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u resource is not started yet.",
                                            "%u resources are not started yet.",
                                            not_started),
                               not_started);
      append_heading (out, "###", syllabus_status_label (SYLLABUS_STATUS_NOT_STARTED));
      begin_block (out);
      g_string_append_printf (out, "%s\n", count);
      /* Translators: introduces the resources not started yet that have
       * notes, in the progress report */
      append_section (out, store, topic, SYLLABUS_STATUS_NOT_STARTED, NULL,
                      _("Those with notes:"));
    }

  if (orphans->len > 0)
    {
      append_heading (out, "###", _("No longer in this topic"));
      begin_block (out);
      for (guint i = 0; i < orphans->len; i++)
        {
          SyllabusEntry *entry = g_ptr_array_index (orphans, i);

          append_item (out, orphan_title (entry), orphan_url (entry), NULL, entry, TRUE);
        }
    }
}

/**
 * syllabus_report_markdown:
 * @store: a loaded progress store
 * @topics: (element-type SyllabusTopic): the topics to report on, in order;
 *   a list of one topic gives a report on that topic
 *
 * Writes a Markdown document of the user's progress: a title, then for each
 * topic a heading, the summary ("3 of 7 done · 1 in progress · 1
 * skipped"), and sections listing the resources done, in progress and
 * skipped, as links, with the dates they were started and finished (as
 * YYYY-MM-DD where the user is) and the user's notes quoted below them.
 * A resource with a kind has it after the link, as "\[Video\]" (which
 * Markdown shows as "[Video]"). Resources not started are counted, and
 * listed only when they have notes.
 * Progress for resources that left the topic is listed last, with its
 * status. Titles are escaped; notes keep their own Markdown.
 *
 * Returns: (transfer full): the Markdown text
 */
char *
syllabus_report_markdown (SyllabusStore *store,
                          GListModel    *topics)
{
  GString *out;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);

  out = g_string_new (NULL);
  append_heading (out, "#", _("Progress in Syllabus"));

  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);

      append_topic (out, store, topic);
    }

  return g_string_free (out, FALSE);
}

/* Study activity ---------------------------------------------------------- */

static void
append_activity (GString       *out,
                 SyllabusStore *store,
                 GDateTime     *now)
{
  g_autoptr(SyllabusActivity) activity = syllabus_activity_new (store, now);
  guint n_days = syllabus_activity_get_n_days (activity);
  guint study_days = syllabus_activity_get_n_study_days (activity);
  guint finished = syllabus_activity_get_n_finished (activity);
  guint current = syllabus_activity_get_current_streak (activity);
  guint longest = syllabus_activity_get_longest_streak (activity);
  guint month_finished = 0;
  guint month_started = 0;
  gboolean any_month = FALSE;

  g_string_append_c (out, '\n');
  append_heading (out, "##", _("Your Study in the Last 12 Months"));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("- %u day of study\n", "- %u days of study\n", study_days),
                          study_days);
  g_string_append_printf (out, ngettext ("- %u resource finished\n", "- %u resources finished\n",
                                         finished),
                          finished);
  g_string_append_printf (out, ngettext ("- Current streak: %u day\n", "- Current streak: %u days\n",
                                         current),
                          current);
  g_string_append_printf (out, ngettext ("- Longest streak: %u day\n", "- Longest streak: %u days\n",
                                         longest),
                          longest);

  /* Month by month, the months with any study. */
  for (guint i = 0; i < n_days; i++)
    {
      GDate date;
      GDate next;
      guint f, s;

      syllabus_activity_get_day (activity, i, &date, &f, &s);
      month_finished += f;
      month_started += s;
      next = date;
      g_date_add_days (&next, 1);
      if (i + 1 < n_days && g_date_get_month (&next) == g_date_get_month (&date))
        continue;

      if (month_finished + month_started > 0)
        {
          char month[64];

          if (!any_month)
            g_string_append_c (out, '\n');
          any_month = TRUE;
          /* Translators: a month and its year in the report, see strftime() */
          g_date_strftime (month, sizeof month, _("%B %Y"), &date);
          /* Translators: a month's line in the report, e.g. "- March
           * 2026: 12 finished, 3 started" */
          g_string_append_printf (out, _("- %s: %u finished, %u started\n"),
                                  month, month_finished, month_started);
        }
      month_finished = 0;
      month_started = 0;
    }
}

/**
 * syllabus_report_markdown_full:
 * @now: the time the report is made, in the time zone whose days count
 *
 * The report of syllabus_report_markdown(), followed by the study of the
 * last twelve months: days of study, resources finished, the current and
 * longest streak, and each month's finished and started resources.
 *
 * Returns: (transfer full): the Markdown text
 */
char *
syllabus_report_markdown_full (SyllabusStore *store,
                               GListModel    *topics,
                               GDateTime     *now)
{
  g_autofree char *progress = NULL;
  GString *out;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  progress = syllabus_report_markdown (store, topics);
  out = g_string_new (progress);
  append_activity (out, store, now);

  return g_string_free (out, FALSE);
}

/* Text -------------------------------------------------------------------- */

/* Returns (transfer full) @text fit for a terminal: valid UTF-8, with
 * control characters (which could be terminal commands) replaced. */
static char *
terminal_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (out, FALSE);
}

/* The number of terminal columns @text takes. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Titles wider than this are cut in --status: the column of summaries is
 * aligned to the widest title, and one title of 400,000 characters padded
 * every line to that width. */
#define STATUS_TITLE_MAX_WIDTH 40

/* Returns (transfer full) @text cut, on a character boundary, to at most
 * @max_width columns, ending in "…" when it was cut. */
static char *
fit_width (const char *text,
           guint       max_width)
{
  GString *out;
  guint width = 0;

  if (display_width (text) <= max_width)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint c_width = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      /* One column stays for the ellipsis. */
      if (width + c_width > max_width - 1)
        break;
      g_string_append_unichar (out, c);
      width += c_width;
    }
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/**
 * syllabus_report_status_text:
 * @store: a loaded progress store
 * @topics: (element-type SyllabusTopic): the topics, in order
 *
 * Writes one line per topic: its title, cut with "…" if it is wider than
 * 40 columns, then its summary, the summaries aligned in a column:
 *
 * |[
 * Rust    3 of 7 done · 1 in progress · 1 skipped
 * Python  0 of 9 done
 * ]|
 *
 * Returns: (transfer full): the lines, each ending in a newline
 */
char *
syllabus_report_status_text (SyllabusStore *store,
                             GListModel    *topics)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GString *out;
  guint width = 0;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);

  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *safe = terminal_safe (syllabus_topic_get_title (topic));
      char *title = fit_width (safe, STATUS_TITLE_MAX_WIDTH);

      width = MAX (width, display_width (title));
      g_ptr_array_add (titles, title);
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);
      const char *title = g_ptr_array_index (titles, i);
      g_autofree char *summary = NULL;
      SyllabusCounts counts;

      syllabus_store_count (store, syllabus_topic_get_id (topic),
                            syllabus_topic_get_resources (topic), &counts);
      summary = syllabus_report_summary (&counts);

      g_string_append (out, title);
      for (guint pad = display_width (title); pad < width + 2; pad++)
        g_string_append_c (out, ' ');
      g_string_append (out, summary);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* JSON -------------------------------------------------------------------- */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time_or_null (JsonBuilder *builder,
                  const char  *member,
                  GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  add_string_or_null (builder, member, text);
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_resource (JsonBuilder   *builder,
              const char    *title,
              const char    *url,
              SyllabusEntry *entry)
{
  add_string_or_null (builder, "title", title);
  add_string_or_null (builder, "url", url);
  add_string_or_null (builder, "status", syllabus_status_to_string (entry_status (entry)));
  add_time_or_null (builder, "started-at",
                    entry != NULL ? syllabus_entry_get_started_at (entry) : NULL);
  add_time_or_null (builder, "done-at",
                    entry != NULL ? syllabus_entry_get_done_at (entry) : NULL);
  add_string_or_null (builder, "notes", entry != NULL ? syllabus_entry_get_notes (entry) : "");
}

/**
 * syllabus_report_status_json:
 * @store: a loaded progress store
 * @topics: (element-type SyllabusTopic): the topics, in order
 *
 * Writes the user's progress as JSON for scripts, in this shape:
 *
 * |[
 * {
 *   "version": 1,
 *   "topics": [
 *     {
 *       "id": "rust",
 *       "title": "Rust",
 *       "total": 7, "done": 3, "in-progress": 1, "skipped": 1, "not-started": 2,
 *       "resources": [
 *         {
 *           "title": "The Rust Programming Language",
 *           "url": "https://doc.rust-lang.org/book/",
 *           "group": "Books",
 *           "kind": "book",
 *           "status": "done",
 *           "started-at": "2026-11-20T09:00:00Z",
 *           "done-at": "2026-11-25T12:00:00Z",
 *           "notes": "…"
 *         }
 *       ],
 *       "orphans": [ { "title": …, "url": …, "status": …, … } ]
 *     }
 *   ]
 * }
 * ]|
 *
 * "version" is #SYLLABUS_REPORT_JSON_VERSION; a version that removes or
 * changes a member will be a higher number. "resources" lists every
 * resource of the topic in its order; "group" is the subheading it is
 * listed under, or null; "kind" is what the topic marks the resource as
 * ("official", "video", "book"… in lower case, see
 * syllabus_resource_get_kind()), a member only resources with a kind
 * have. "status" is "not-started", "in-progress", "done"
 * or "skipped". Dates are ISO 8601 in UTC, or null; "notes" is a string,
 * empty when there are none. "orphans" lists the progress kept for
 * resources that left the topic, with the members of a resource but
 * "group"; it is not counted in the totals.
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
syllabus_report_status_json (SyllabusStore *store,
                             GListModel    *topics)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (topics), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_count (builder, "version", SYLLABUS_REPORT_JSON_VERSION);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);

  n = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(GPtrArray) orphans = list_orphans (store, topic);
      const char *topic_id = syllabus_topic_get_id (topic);
      GListModel *resources = syllabus_topic_get_resources (topic);
      guint n_resources = g_list_model_get_n_items (resources);
      SyllabusCounts counts;

      syllabus_store_count (store, topic_id, resources, &counts);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", topic_id);
      add_string_or_null (builder, "title", syllabus_topic_get_title (topic));
      add_count (builder, "total", counts.total);
      add_count (builder, "done", counts.done);
      add_count (builder, "in-progress", counts.in_progress);
      add_count (builder, "skipped", counts.skipped);
      add_count (builder, "not-started", count_not_started (&counts));

      json_builder_set_member_name (builder, "resources");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_resources; j++)
        {
          g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, j);

          json_builder_begin_object (builder);
          add_resource (builder, syllabus_resource_get_title (resource),
                        syllabus_resource_get_url (resource),
                        lookup_entry (store, topic_id, resource));
          add_string_or_null (builder, "group", syllabus_resource_get_group (resource));
          if (syllabus_resource_get_kind (resource) != NULL)
            add_string_or_null (builder, "kind", syllabus_resource_get_kind (resource));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "orphans");
      json_builder_begin_array (builder);
      for (guint j = 0; j < orphans->len; j++)
        {
          SyllabusEntry *entry = g_ptr_array_index (orphans, j);

          json_builder_begin_object (builder);
          add_resource (builder, orphan_title (entry), orphan_url (entry), entry);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
