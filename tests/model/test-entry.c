/* test-entry.c
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

/* One resource's progress: statuses and the dates that follow them, what
 * the check box does, the user's corrections of dates, and which changes
 * count as the user's (::changed, the change time, "pristine") and which
 * properties say so. The store's reading and writing of all this is tested
 * in test-store.c. */

#include "config.h"

#include "syllabus-entry.h"

#define TOPIC_ID "demo"
#define KEY "https://example.org/one"

/* Fixture: an entry and everything it told. ----------------------------- */

typedef struct
{
  SyllabusEntry *entry;

  /* ::changed */
  guint          n_changed;
  guint          n_typing;
  gboolean       last_typing;

  /* property name → number of notifications */
  GHashTable    *notified;
} Fixture;

static void
changed_cb (SyllabusEntry *entry,
            gboolean       typing,
            Fixture       *fixture)
{
  g_assert_true (entry == fixture->entry);
  fixture->n_changed++;
  if (typing)
    fixture->n_typing++;
  fixture->last_typing = typing;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->notified, pspec->name));

  g_hash_table_insert (fixture->notified, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->entry = syllabus_entry_new (TOPIC_ID, KEY);
  fixture->notified = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (fixture->entry, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->entry, "notify", G_CALLBACK (notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->entry);
  g_clear_pointer (&fixture->notified, g_hash_table_unref);
}

/* Forgets what was told so far. */
static void
fixture_reset (Fixture *fixture)
{
  fixture->n_changed = 0;
  fixture->n_typing = 0;
  fixture->last_typing = FALSE;
  g_hash_table_remove_all (fixture->notified);
}

static guint
n_notified (Fixture    *fixture,
            const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->notified, name));
}

static guint
n_notified_total (Fixture *fixture)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, fixture->notified);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += GPOINTER_TO_UINT (value);

  return n;
}

/* Nothing told, nothing changed. */
static void
assert_silent (Fixture *fixture)
{
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (n_notified_total (fixture), ==, 0);
}

/* Exactly one user change, of @typing kind. */
static void
assert_one_change (Fixture  *fixture,
                   gboolean  typing)
{
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->n_typing, ==, typing ? 1 : 0);
  g_assert_true (fixture->last_typing == typing);
  g_assert_cmpuint (n_notified (fixture, "changed-at"), ==, 1);
}

/* Dates ------------------------------------------------------------------ */

static GDateTime *
utc (int year,
     int month,
     int day)
{
  return g_date_time_new_utc (year, month, day, 10, 20, 30);
}

static void
assert_same_time (GDateTime *actual,
                  GDateTime *expected)
{
  if (expected == NULL)
    {
      g_assert_null (actual);
      return;
    }

  g_assert_nonnull (actual);
  if (!g_date_time_equal (actual, expected))
    {
      g_autofree char *a = g_date_time_format_iso8601 (actual);
      g_autofree char *e = g_date_time_format_iso8601 (expected);

      g_error ("Time %s, expected %s", a, e);
    }
}

/* @time was taken between @before and @after. */
static void
assert_time_between (GDateTime *time,
                     GDateTime *before,
                     GDateTime *after)
{
  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_compare (before, time), <=, 0);
  g_assert_cmpint (g_date_time_compare (time, after), <=, 0);
  /* Recorded in UTC, to the second, as the file writes it. */
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (time), ==, 0);
}

/* Tests ------------------------------------------------------------------ */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;

  g_assert_cmpstr (syllabus_entry_get_topic_id (entry), ==, TOPIC_ID);
  g_assert_cmpstr (syllabus_entry_get_key (entry), ==, KEY);
  g_assert_null (syllabus_entry_get_title (entry));
  g_assert_null (syllabus_entry_get_url (entry));
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_false (syllabus_entry_get_done (entry));
  g_assert_null (syllabus_entry_get_started_at (entry));
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_null (syllabus_entry_get_changed_at (entry));
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "");
  g_assert_true (syllabus_entry_is_pristine (entry));
  assert_silent (fixture);
}

static void
test_status_strings (void)
{
  static const struct {
    SyllabusStatus status;
    const char *text;
  } names[] = {
    { SYLLABUS_STATUS_NOT_STARTED, "not-started" },
    { SYLLABUS_STATUS_IN_PROGRESS, "in-progress" },
    { SYLLABUS_STATUS_DONE, "done" },
    { SYLLABUS_STATUS_SKIPPED, "skipped" },
  };
  static const char *not_statuses[] = {
    "", "bogus", "Done", "DONE", "in_progress", "not started", "done ", "skip", "true",
  };
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (SYLLABUS_TYPE_STATUS);
  SyllabusStatus status;

  g_assert_cmpuint (G_N_ELEMENTS (names), ==, SYLLABUS_N_STATUSES);
  g_assert_cmpuint (enum_class->n_values, ==, SYLLABUS_N_STATUSES);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (syllabus_status_to_string (names[i].status), ==, names[i].text);
      status = SYLLABUS_STATUS_SKIPPED - names[i].status;
      g_assert_true (syllabus_status_from_string (names[i].text, &status));
      g_assert_cmpint (status, ==, names[i].status);
      /* The property's nicks are the file's words. */
      g_assert_cmpstr (g_enum_get_value (enum_class, names[i].status)->value_nick, ==,
                       names[i].text);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (not_statuses); i++)
    {
      status = SYLLABUS_STATUS_IN_PROGRESS;
      g_assert_false (syllabus_status_from_string (not_statuses[i], &status));
      /* Left alone. */
      g_assert_cmpint (status, ==, SYLLABUS_STATUS_IN_PROGRESS);
    }

  status = SYLLABUS_STATUS_IN_PROGRESS;
  g_assert_false (syllabus_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, SYLLABUS_STATUS_IN_PROGRESS);
}

/* Every transition from every status, each from an entry restored with the
 * dates its status may have: a start in 2020 unless not started, a finish
 * in 2021 when done. */
static void
test_transitions (void)
{
  g_autoptr(GDateTime) start = utc (2020, 1, 2);
  g_autoptr(GDateTime) finish = utc (2021, 3, 4);
  g_autoptr(GDateTime) last_change = utc (2021, 5, 6);

  for (SyllabusStatus from = 0; from < SYLLABUS_N_STATUSES; from++)
    for (SyllabusStatus to = 0; to < SYLLABUS_N_STATUSES; to++)
      {
        Fixture fixture = { 0 };
        g_autoptr(GDateTime) before = NULL;
        g_autoptr(GDateTime) after = NULL;
        GDateTime *had_start = from != SYLLABUS_STATUS_NOT_STARTED ? start : NULL;
        GDateTime *had_finish = from == SYLLABUS_STATUS_DONE ? finish : NULL;
        gboolean start_changes;
        gboolean finish_changes;
        SyllabusEntry *entry;

        g_test_message ("%s -> %s", syllabus_status_to_string (from),
                        syllabus_status_to_string (to));

        fixture_set_up (&fixture, NULL);
        entry = fixture.entry;
        syllabus_entry_restore (entry, from, had_start, had_finish, "", last_change);
        assert_silent (&fixture);
        g_assert_cmpint (syllabus_entry_get_status (entry), ==, from);
        assert_same_time (syllabus_entry_get_started_at (entry), had_start);
        assert_same_time (syllabus_entry_get_done_at (entry), had_finish);

        before = syllabus_now ();
        syllabus_entry_set_status (entry, to);
        after = syllabus_now ();

        g_assert_cmpint (syllabus_entry_get_status (entry), ==, to);
        g_assert_true (syllabus_entry_get_done (entry) == (to == SYLLABUS_STATUS_DONE));

        if (from == to)
          {
            /* Not a change at all. */
            assert_silent (&fixture);
            assert_same_time (syllabus_entry_get_started_at (entry), had_start);
            assert_same_time (syllabus_entry_get_done_at (entry), had_finish);
            assert_same_time (syllabus_entry_get_changed_at (entry), last_change);
            fixture_tear_down (&fixture, NULL);
            continue;
          }

        assert_one_change (&fixture, FALSE);
        assert_time_between (syllabus_entry_get_changed_at (entry), before, after);
        g_assert_cmpuint (n_notified (&fixture, "status"), ==, 1);

        switch (to)
          {
          case SYLLABUS_STATUS_NOT_STARTED:
            /* Back to the beginning forgets both dates. */
            g_assert_null (syllabus_entry_get_started_at (entry));
            g_assert_null (syllabus_entry_get_done_at (entry));
            break;
          case SYLLABUS_STATUS_IN_PROGRESS:
            /* A recorded start is kept; else it starts now. */
            if (had_start != NULL)
              assert_same_time (syllabus_entry_get_started_at (entry), start);
            else
              assert_time_between (syllabus_entry_get_started_at (entry), before, after);
            g_assert_null (syllabus_entry_get_done_at (entry));
            break;
          case SYLLABUS_STATUS_DONE:
            /* Finished now; a start is kept but never invented. */
            assert_same_time (syllabus_entry_get_started_at (entry), had_start);
            assert_time_between (syllabus_entry_get_done_at (entry), before, after);
            break;
          case SYLLABUS_STATUS_SKIPPED:
          default:
            /* Skipping keeps the start and drops the finish. */
            assert_same_time (syllabus_entry_get_started_at (entry), had_start);
            g_assert_null (syllabus_entry_get_done_at (entry));
            break;
          }

        /* Each property says so once, and only if it changed. */
        start_changes = (had_start == NULL) != (syllabus_entry_get_started_at (entry) == NULL);
        finish_changes = had_finish != NULL || syllabus_entry_get_done_at (entry) != NULL;
        g_assert_cmpuint (n_notified (&fixture, "started-at"), ==, start_changes ? 1 : 0);
        g_assert_cmpuint (n_notified (&fixture, "done-at"), ==, finish_changes ? 1 : 0);
        g_assert_cmpuint (n_notified (&fixture, "done"), ==,
                          (from == SYLLABUS_STATUS_DONE) != (to == SYLLABUS_STATUS_DONE) ? 1 : 0);
        g_assert_cmpuint (n_notified (&fixture, "title"), ==, 0);
        g_assert_cmpuint (n_notified (&fixture, "url"), ==, 0);
        g_assert_cmpuint (n_notified (&fixture, "notes"), ==, 0);

        g_assert_false (syllabus_entry_is_pristine (entry));

        fixture_tear_down (&fixture, NULL);
      }
}

/* A fresh resource goes through a whole life, step by step. */
static void
test_life (Fixture       *fixture,
           gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) started = NULL;

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  assert_one_change (fixture, FALSE);
  started = g_date_time_ref (syllabus_entry_get_started_at (entry));
  g_assert_null (syllabus_entry_get_done_at (entry));

  fixture_reset (fixture);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  assert_one_change (fixture, FALSE);
  assert_same_time (syllabus_entry_get_started_at (entry), started);
  g_assert_nonnull (syllabus_entry_get_done_at (entry));

  /* Skipped after all: the start stays, the finish goes. */
  fixture_reset (fixture);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  assert_one_change (fixture, FALSE);
  assert_same_time (syllabus_entry_get_started_at (entry), started);
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_false (syllabus_entry_get_done (entry));

  /* Resumed: still the first start. */
  fixture_reset (fixture);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  assert_one_change (fixture, FALSE);
  assert_same_time (syllabus_entry_get_started_at (entry), started);
  g_assert_cmpuint (n_notified (fixture, "started-at"), ==, 0);

  /* Given up: nothing left. */
  fixture_reset (fixture);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_NOT_STARTED);
  assert_one_change (fixture, FALSE);
  g_assert_null (syllabus_entry_get_started_at (entry));
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_cmpuint (n_notified (fixture, "started-at"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "done-at"), ==, 0);
}

/* The check box. */
static void
test_check_box (Fixture       *fixture,
                gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) start = utc (2020, 1, 2);

  /* Ticking a fresh resource and unticking it again: not started, as
   * before, with no dates. */
  syllabus_entry_set_done (entry, TRUE);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_null (syllabus_entry_get_started_at (entry));
  g_assert_nonnull (syllabus_entry_get_done_at (entry));
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);

  /* Ticking again is nothing. */
  fixture_reset (fixture);
  syllabus_entry_set_done (entry, TRUE);
  assert_silent (fixture);

  fixture_reset (fixture);
  syllabus_entry_set_done (entry, FALSE);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_null (syllabus_entry_get_started_at (entry));
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);

  /* Unticking what is not done is nothing, whatever its status. */
  fixture_reset (fixture);
  syllabus_entry_set_done (entry, FALSE);
  assert_silent (fixture);

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_started_at (entry, start);
  fixture_reset (fixture);
  syllabus_entry_set_done (entry, FALSE);
  assert_silent (fixture);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);

  /* Ticking what is in progress, then unticking: back in progress, with
   * the start it had. */
  syllabus_entry_set_done (entry, TRUE);
  assert_one_change (fixture, FALSE);
  assert_same_time (syllabus_entry_get_started_at (entry), start);
  fixture_reset (fixture);
  syllabus_entry_set_done (entry, FALSE);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);
  assert_same_time (syllabus_entry_get_started_at (entry), start);
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_cmpuint (n_notified (fixture, "started-at"), ==, 0);

  /* Skipped is not done: unticking leaves it, ticking finishes it. */
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  fixture_reset (fixture);
  syllabus_entry_set_done (entry, FALSE);
  assert_silent (fixture);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
  syllabus_entry_set_done (entry, TRUE);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  assert_same_time (syllabus_entry_get_started_at (entry), start);
  /* It was started before it was skipped. */
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);

  /* Skipped without ever starting, ticked and unticked: not started. */
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_NOT_STARTED);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  syllabus_entry_set_done (entry, TRUE);
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_null (syllabus_entry_get_started_at (entry));
}

/* The check box binds the "done" property. */
static void
test_done_property (Fixture       *fixture,
                    gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  SyllabusStatus status;
  gboolean done;

  g_object_set (entry, "done", TRUE, NULL);
  assert_one_change (fixture, FALSE);
  g_object_get (entry, "done", &done, "status", &status, NULL);
  g_assert_true (done);
  g_assert_cmpint (status, ==, SYLLABUS_STATUS_DONE);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 1);

  /* Setting what it already is tells nothing. */
  fixture_reset (fixture);
  g_object_set (entry, "done", TRUE, NULL);
  assert_silent (fixture);

  /* Between statuses that are not done, "done" stays quiet. */
  g_object_set (entry, "status", SYLLABUS_STATUS_IN_PROGRESS, NULL);
  fixture_reset (fixture);
  g_object_set (entry, "status", SYLLABUS_STATUS_SKIPPED, NULL);
  assert_one_change (fixture, FALSE);
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 0);
  fixture_reset (fixture);
  g_object_set (entry, "status", SYLLABUS_STATUS_NOT_STARTED, NULL);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 0);
  fixture_reset (fixture);
  g_object_set (entry, "status", SYLLABUS_STATUS_IN_PROGRESS, NULL);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 0);

  /* Into and out of done it speaks. */
  fixture_reset (fixture);
  g_object_set (entry, "status", SYLLABUS_STATUS_DONE, NULL);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);
  fixture_reset (fixture);
  g_object_set (entry, "done", FALSE, NULL);
  assert_one_change (fixture, FALSE);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);
  g_object_get (entry, "done", &done, "status", &status, NULL);
  g_assert_false (done);
  g_assert_cmpint (status, ==, SYLLABUS_STATUS_IN_PROGRESS);
}

static void
test_correct_started_at (Fixture       *fixture,
                         gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) start = utc (2020, 1, 2);
  g_autoptr(GDateTime) same_instant = NULL;
  g_autoptr(GDateTime) other = utc (2019, 12, 31);
  g_autoptr(GDateTime) changed_at = NULL;
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  GDateTime *value = NULL;

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);

  fixture_reset (fixture);
  before = syllabus_now ();
  syllabus_entry_set_started_at (entry, start);
  after = syllabus_now ();
  assert_one_change (fixture, FALSE);
  g_assert_cmpuint (n_notified (fixture, "started-at"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 0);
  assert_same_time (syllabus_entry_get_started_at (entry), start);
  assert_time_between (syllabus_entry_get_changed_at (entry), before, after);
  /* A correction changes no status. */
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);

  /* The same time, even another object in another zone, is no change. */
  changed_at = g_date_time_ref (syllabus_entry_get_changed_at (entry));
  same_instant = g_date_time_to_timezone (start, plus_two);
  g_assert_cmpint (g_date_time_get_hour (same_instant), !=, g_date_time_get_hour (start));
  fixture_reset (fixture);
  syllabus_entry_set_started_at (entry, start);
  syllabus_entry_set_started_at (entry, same_instant);
  assert_silent (fixture);
  g_assert_true (syllabus_entry_get_changed_at (entry) == changed_at);

  /* Through the property. */
  g_object_set (entry, "started-at", other, NULL);
  assert_one_change (fixture, FALSE);
  g_object_get (entry, "started-at", &value, NULL);
  assert_same_time (value, other);
  g_clear_pointer (&value, g_date_time_unref);

  /* A start can be forgotten, once. */
  fixture_reset (fixture);
  syllabus_entry_set_started_at (entry, NULL);
  assert_one_change (fixture, FALSE);
  g_assert_null (syllabus_entry_get_started_at (entry));
  fixture_reset (fixture);
  syllabus_entry_set_started_at (entry, NULL);
  assert_silent (fixture);

  /* Then unticking a done resource without a start: not started. */
  syllabus_entry_set_done (entry, TRUE);
  g_assert_null (syllabus_entry_get_started_at (entry));
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
}

static void
test_correct_done_at (Fixture       *fixture,
                      gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) finish = utc (2021, 3, 4);
  g_autoptr(GDateTime) other = utc (2022, 7, 8);
  g_autoptr(GDateTime) same_instant = NULL;
  g_autoptr(GDateTime) was = NULL;
  g_autoptr(GTimeZone) minus_five = g_time_zone_new_offset (-5 * 3600);
  GDateTime *changed_at;

  /* Refused unless done, whatever the status. */
  for (SyllabusStatus status = 0; status < SYLLABUS_N_STATUSES; status++)
    {
      if (status == SYLLABUS_STATUS_DONE)
        continue;

      syllabus_entry_set_status (entry, status);
      changed_at = syllabus_entry_get_changed_at (entry);
      fixture_reset (fixture);
      syllabus_entry_set_done_at (entry, finish);
      g_object_set (entry, "done-at", finish, NULL);
      assert_silent (fixture);
      g_assert_null (syllabus_entry_get_done_at (entry));
      g_assert_cmpint (syllabus_entry_get_status (entry), ==, status);
      g_assert_true (syllabus_entry_get_changed_at (entry) == changed_at);
    }

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_DONE);
  fixture_reset (fixture);
  syllabus_entry_set_done_at (entry, finish);
  assert_one_change (fixture, FALSE);
  g_assert_cmpuint (n_notified (fixture, "done-at"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 0);
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 0);
  assert_same_time (syllabus_entry_get_done_at (entry), finish);

  /* Equal dates are no change. */
  same_instant = g_date_time_to_timezone (finish, minus_five);
  fixture_reset (fixture);
  syllabus_entry_set_done_at (entry, finish);
  syllabus_entry_set_done_at (entry, same_instant);
  assert_silent (fixture);

  /* A done resource keeps its finish: NULL is refused. */
  syllabus_entry_set_done_at (entry, NULL);
  g_object_set (entry, "done-at", NULL, NULL);
  assert_silent (fixture);
  assert_same_time (syllabus_entry_get_done_at (entry), finish);

  /* Through the property. */
  g_object_set (entry, "done-at", other, NULL);
  assert_one_change (fixture, FALSE);
  assert_same_time (syllabus_entry_get_done_at (entry), other);

  /* Leaving done forgets the corrected finish; coming back is a new one. */
  was = g_date_time_ref (syllabus_entry_get_done_at (entry));
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  g_assert_null (syllabus_entry_get_done_at (entry));
  syllabus_entry_set_done (entry, TRUE);
  g_assert_nonnull (syllabus_entry_get_done_at (entry));
  g_assert_false (g_date_time_equal (syllabus_entry_get_done_at (entry), was));
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autofree char *notes = NULL;

  /* Typing: each keystroke is a change of its own, flagged as typing. */
  syllabus_entry_set_notes (entry, "a");
  assert_one_change (fixture, TRUE);
  g_assert_cmpuint (n_notified (fixture, "notes"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 0);
  fixture_reset (fixture);
  g_object_set (entry, "notes", "ab", NULL);
  assert_one_change (fixture, TRUE);
  g_object_get (entry, "notes", &notes, NULL);
  g_assert_cmpstr (notes, ==, "ab");

  /* The same text is no change. */
  fixture_reset (fixture);
  syllabus_entry_set_notes (entry, "ab");
  assert_silent (fixture);

  /* No notes are empty notes, never NULL. */
  syllabus_entry_set_notes (entry, NULL);
  assert_one_change (fixture, TRUE);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "");
  fixture_reset (fixture);
  syllabus_entry_set_notes (entry, "");
  syllabus_entry_set_notes (entry, NULL);
  assert_silent (fixture);

  /* A status change in between is not typing. */
  syllabus_entry_set_notes (entry, "x");
  syllabus_entry_set_done (entry, TRUE);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_cmpuint (fixture->n_typing, ==, 1);
  g_assert_false (fixture->last_typing);
}

/* What the program records about a resource, rather than what the user
 * did, is not a change. */
static void
test_not_user_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) start = utc (2020, 1, 2);
  g_autoptr(GDateTime) finish = utc (2021, 3, 4);
  g_autoptr(GDateTime) changed_at = utc (2021, 5, 6);

  /* Title and link as last seen: said, but not a change. */
  syllabus_entry_set_title (entry, "Book One");
  syllabus_entry_set_url (entry, "https://example.org/one");
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (n_notified (fixture, "title"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "url"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "changed-at"), ==, 0);
  g_assert_null (syllabus_entry_get_changed_at (entry));
  g_assert_true (syllabus_entry_is_pristine (entry));
  g_assert_cmpstr (syllabus_entry_get_title (entry), ==, "Book One");
  g_assert_cmpstr (syllabus_entry_get_url (entry), ==, "https://example.org/one");

  /* The same again: nothing at all. */
  fixture_reset (fixture);
  syllabus_entry_set_title (entry, "Book One");
  syllabus_entry_set_url (entry, "https://example.org/one");
  assert_silent (fixture);

  /* Not even on an entry the user changed. */
  syllabus_entry_set_done (entry, TRUE);
  fixture_reset (fixture);
  syllabus_entry_set_title (entry, "Book One, 2nd edition");
  syllabus_entry_set_url (entry, NULL);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (n_notified (fixture, "changed-at"), ==, 0);
  g_assert_null (syllabus_entry_get_url (entry));

  /* Restoring what was read from disk: not a change, and the change
   * time is the one read. */
  fixture_reset (fixture);
  syllabus_entry_restore (entry, SYLLABUS_STATUS_DONE, start, finish, "read", changed_at);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  assert_same_time (syllabus_entry_get_started_at (entry), start);
  assert_same_time (syllabus_entry_get_done_at (entry), finish);
  assert_same_time (syllabus_entry_get_changed_at (entry), changed_at);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "read");
}

/* What restore() accepts: a finish only with done. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) start = utc (2020, 1, 2);
  g_autoptr(GDateTime) finish = utc (2021, 3, 4);

  for (SyllabusStatus status = 0; status < SYLLABUS_N_STATUSES; status++)
    {
      syllabus_entry_restore (entry, status, start, finish, NULL, NULL);
      g_assert_cmpint (syllabus_entry_get_status (entry), ==, status);
      g_assert_true (syllabus_entry_get_done (entry) == (status == SYLLABUS_STATUS_DONE));
      assert_same_time (syllabus_entry_get_done_at (entry),
                        status == SYLLABUS_STATUS_DONE ? finish : NULL);
      g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "");
      g_assert_null (syllabus_entry_get_changed_at (entry));
    }
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Restored as done with no finish recorded (an old file): unticking it
   * goes by the start. */
  syllabus_entry_restore (entry, SYLLABUS_STATUS_DONE, NULL, NULL, NULL, NULL);
  g_assert_null (syllabus_entry_get_done_at (entry));
  syllabus_entry_set_done (entry, FALSE);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
}

static void
test_pristine (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) start = utc (2020, 1, 2);
  g_autoptr(GDateTime) changed_at = utc (2021, 5, 6);
  SyllabusEntry *entry = fixture->entry;

  g_assert_true (syllabus_entry_is_pristine (entry));

  /* Restored as read: pristine only if nothing is recorded at all. */
  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, "", NULL);
  g_assert_true (syllabus_entry_is_pristine (entry));
  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, NULL, changed_at);
  g_assert_false (syllabus_entry_is_pristine (entry));
  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, "notes", NULL);
  g_assert_false (syllabus_entry_is_pristine (entry));
  for (SyllabusStatus status = SYLLABUS_STATUS_IN_PROGRESS; status < SYLLABUS_N_STATUSES; status++)
    {
      syllabus_entry_restore (entry, status, start, NULL, NULL, NULL);
      g_assert_false (syllabus_entry_is_pristine (entry));
    }
  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, NULL, NULL);
  g_assert_true (syllabus_entry_is_pristine (entry));

  /* Any change by the user, even one taken back, is recorded: the change
   * time says when. */
  syllabus_entry_set_notes (entry, "x");
  g_assert_false (syllabus_entry_is_pristine (entry));
  syllabus_entry_set_notes (entry, "");
  g_assert_false (syllabus_entry_is_pristine (entry));

  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, NULL, NULL);
  syllabus_entry_set_done (entry, TRUE);
  g_assert_false (syllabus_entry_is_pristine (entry));
  syllabus_entry_set_done (entry, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  g_assert_nonnull (syllabus_entry_get_changed_at (entry));
  g_assert_false (syllabus_entry_is_pristine (entry));

  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, NULL, NULL);
  syllabus_entry_set_started_at (entry, start);
  g_assert_false (syllabus_entry_is_pristine (entry));

  /* What is not the user's doing leaves it pristine. */
  syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, NULL, NULL, NULL);
  syllabus_entry_set_title (entry, "A title");
  syllabus_entry_set_url (entry, "https://example.org/one");
  syllabus_entry_set_done (entry, FALSE);
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_NOT_STARTED);
  syllabus_entry_set_done_at (entry, start);
  syllabus_entry_set_notes (entry, "");
  g_assert_true (syllabus_entry_is_pristine (entry));
}

/* Invalid calls are refused loudly and change nothing. */
static void
test_invalid_status (Fixture       *fixture,
                     gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*status < SYLLABUS_N_STATUSES*");
  syllabus_entry_set_status (entry, SYLLABUS_N_STATUSES);
  g_test_assert_expected_messages ();
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_NOT_STARTED);
  assert_silent (fixture);
  g_assert_true (syllabus_entry_is_pristine (entry));
}

/* Undo puts back the state before the last change, as a new change. */
static void
test_undo_status (Fixture       *fixture,
                  gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;
  g_autoptr(GDateTime) started = NULL;

  g_assert_false (syllabus_entry_can_undo (entry));

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  started = g_date_time_ref (syllabus_entry_get_started_at (entry));
  syllabus_entry_set_done (entry, TRUE);
  g_assert_true (syllabus_entry_can_undo (entry));
  g_assert_cmpint (syllabus_entry_get_previous_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);

  fixture_reset (fixture);
  syllabus_entry_undo (entry);
  assert_one_change (fixture, FALSE);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);
  g_assert_null (syllabus_entry_get_done_at (entry));
  g_assert_true (g_date_time_equal (syllabus_entry_get_started_at (entry), started));
  /* Only what changed is notified. */
  g_assert_cmpuint (n_notified (fixture, "status"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "done"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "done-at"), ==, 1);
  g_assert_cmpuint (n_notified (fixture, "started-at"), ==, 0);
  g_assert_cmpuint (n_notified (fixture, "notes"), ==, 0);

  /* Undoing the undo redoes. */
  syllabus_entry_undo (entry);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_DONE);
  g_assert_nonnull (syllabus_entry_get_done_at (entry));
}

static void
test_undo_notes_burst (Fixture       *fixture,
                       gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;

  syllabus_entry_set_status (entry, SYLLABUS_STATUS_SKIPPED);
  syllabus_entry_set_notes (entry, "a long note");

  /* Deleting it character by character is one burst of typing... */
  syllabus_entry_set_notes (entry, "a long not");
  syllabus_entry_set_notes (entry, "a lo");
  syllabus_entry_set_notes (entry, "");
  g_assert_cmpstr (syllabus_entry_get_previous_notes (entry), ==, "");

  /* ...which began before the note was typed, in the same burst. Undo
   * takes the whole burst back. */
  syllabus_entry_undo (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "");
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);

  /* A status change ends a burst: clearing after it is undone to the
   * full note. */
  syllabus_entry_set_notes (entry, "kept");
  syllabus_entry_set_status (entry, SYLLABUS_STATUS_IN_PROGRESS);
  syllabus_entry_set_notes (entry, "");
  g_assert_cmpstr (syllabus_entry_get_previous_notes (entry), ==, "kept");
  syllabus_entry_undo (entry);
  g_assert_cmpstr (syllabus_entry_get_notes (entry), ==, "kept");
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_IN_PROGRESS);
}

static void
test_undo_after_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  SyllabusEntry *entry = fixture->entry;

  syllabus_entry_set_done (entry, TRUE);
  g_assert_true (syllabus_entry_can_undo (entry));

  /* A state read from disk or merged in is not the user's to undo. */
  syllabus_entry_restore (entry, SYLLABUS_STATUS_SKIPPED, NULL, NULL, "merged", NULL);
  g_assert_false (syllabus_entry_can_undo (entry));

  fixture_reset (fixture);
  syllabus_entry_undo (entry);
  assert_silent (fixture);
  g_assert_cmpint (syllabus_entry_get_status (entry), ==, SYLLABUS_STATUS_SKIPPED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/entry/new", test_new);
  g_test_add_func ("/entry/status-strings", test_status_strings);
  g_test_add_func ("/entry/transitions", test_transitions);
  ADD ("/entry/life", test_life);
  ADD ("/entry/check-box", test_check_box);
  ADD ("/entry/done-property", test_done_property);
  ADD ("/entry/correct-started-at", test_correct_started_at);
  ADD ("/entry/correct-done-at", test_correct_done_at);
  ADD ("/entry/notes", test_notes);
  ADD ("/entry/not-user-changes", test_not_user_changes);
  ADD ("/entry/restore", test_restore);
  ADD ("/entry/pristine", test_pristine);
  ADD ("/entry/invalid-status", test_invalid_status);
  ADD ("/entry/undo-status", test_undo_status);
  ADD ("/entry/undo-notes-burst", test_undo_notes_burst);
  ADD ("/entry/undo-after-restore", test_undo_after_restore);

#undef ADD

  return g_test_run ();
}
