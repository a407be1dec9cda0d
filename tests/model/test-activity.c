/* test-activity.c
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

/* The study activity, day by day, from a store with known dates: the
 * twelve months' range (with a 29 February in it or not), days in the
 * user's time zone, a change to summer time, and streaks. Zones are POSIX
 * rules, so that the test needs no time zone database. */

#include "config.h"

#include "syllabus-activity.h"
#include "syllabus-store.h"

/* Central Europe: UTC+1, summer time (UTC+2) from the last Sunday of
 * March, 02:00, to the last Sunday of October, 03:00. */
#define BERLIN "CET-1CEST,M3.5.0,M10.5.0/3"
#define NEW_YORK "EST5EDT,M3.2.0,M11.1.0"

static SyllabusStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  SyllabusStore *store = syllabus_store_new (NULL);

  g_assert_true (syllabus_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

static GDateTime *
utc (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

static GDateTime *
local (const char *zone_rule,
       int         year,
       int         month,
       int         day,
       int         hour,
       int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_rule);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static guint serial;

/* A resource of "topic" finished at @done_at (ISO 8601), or, with
 * @status other than done, only started then. */
static void
add (SyllabusStore  *store,
     const char     *when,
     SyllabusStatus  status)
{
  g_autofree char *url = g_strdup_printf ("https://example.org/%u", serial++);
  g_autoptr(SyllabusResource) resource = syllabus_resource_new (url, url, NULL, 0);
  SyllabusEntry *entry = syllabus_store_get_entry (store, "topic", resource);
  g_autoptr(GDateTime) at = utc (when);

  syllabus_entry_restore (entry, status, status == SYLLABUS_STATUS_IN_PROGRESS ? at : NULL,
                          status == SYLLABUS_STATUS_DONE ? at : NULL, "", at);
}

/* The day of @activity with @date's counts. */
static void
assert_day (SyllabusActivity *activity,
            int               year,
            int               month,
            int               day,
            guint             finished,
            guint             started)
{
  GDate wanted;
  guint n = syllabus_activity_get_n_days (activity);

  g_date_clear (&wanted, 1);
  g_date_set_dmy (&wanted, day, month, year);
  for (guint i = 0; i < n; i++)
    {
      GDate date;
      guint f, s;

      syllabus_activity_get_day (activity, i, &date, &f, &s);
      if (g_date_compare (&date, &wanted) == 0)
        {
          g_assert_cmpuint (f, ==, finished);
          g_assert_cmpuint (s, ==, started);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_range (void)
{
  g_autoptr(SyllabusStore) store = new_store ();
  struct { int y, m, d; guint n_days; int first_y, first_m, first_d; } cases[] = {
    { 2026, 3, 12, 365, 2025, 3, 13 },
    /* The year back from 1 March 2028 holds 29 February 2028. */
    { 2028, 3, 1, 366, 2027, 3, 2 },
    /* From a 29 February, a year back is 28 February. */
    { 2028, 2, 29, 366, 2027, 3, 1 },
    /* A year back from 28 February 2029 begins on the leap day. */
    { 2029, 2, 28, 366, 2028, 2, 29 },
    { 2029, 3, 1, 365, 2028, 3, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = local (BERLIN, cases[i].y, cases[i].m, cases[i].d, 12, 0);
      g_autoptr(SyllabusActivity) activity = syllabus_activity_new (store, now);
      GDate first, last;

      syllabus_activity_get_day (activity, 0, &first, NULL, NULL);
      syllabus_activity_get_day (activity, syllabus_activity_get_n_days (activity) - 1, &last,
                                 NULL, NULL);
      g_test_message ("%d-%02d-%02d: %u days from %d-%02d-%02d", cases[i].y, cases[i].m, cases[i].d,
                      syllabus_activity_get_n_days (activity), g_date_get_year (&first),
                      g_date_get_month (&first), g_date_get_day (&first));
      g_assert_cmpuint (syllabus_activity_get_n_days (activity), ==, cases[i].n_days);
      g_assert_cmpint (g_date_get_year (&first), ==, cases[i].first_y);
      g_assert_cmpint (g_date_get_month (&first), ==, cases[i].first_m);
      g_assert_cmpint (g_date_get_day (&first), ==, cases[i].first_d);
      g_assert_cmpint (g_date_get_day (&last), ==, cases[i].d);
    }
}

/* A resource finished late in the evening counts for the day where the
 * user is. */
static void
test_time_zones (void)
{
  g_autoptr(SyllabusStore) store = new_store ();
  g_autoptr(GDateTime) berlin = local (BERLIN, 2026, 3, 20, 12, 0);
  g_autoptr(GDateTime) new_york = local (NEW_YORK, 2026, 3, 20, 12, 0);
  g_autoptr(GDateTime) in_utc = utc ("2026-03-20T12:00:00Z");
  g_autoptr(SyllabusActivity) in_berlin = NULL;
  g_autoptr(SyllabusActivity) in_new_york = NULL;
  g_autoptr(SyllabusActivity) at_utc = NULL;

  /* 00:30 on the 12th in Berlin, 19:30 on the 11th in New York. */
  add (store, "2026-03-11T23:30:00Z", SYLLABUS_STATUS_DONE);
  /* 04:30 on the 12th in Berlin, 23:30 on the 11th in New York. */
  add (store, "2026-03-12T03:30:00Z", SYLLABUS_STATUS_IN_PROGRESS);

  in_berlin = syllabus_activity_new (store, berlin);
  in_new_york = syllabus_activity_new (store, new_york);
  at_utc = syllabus_activity_new (store, in_utc);
  assert_day (in_berlin, 2026, 3, 11, 0, 0);
  assert_day (in_berlin, 2026, 3, 12, 1, 1);
  assert_day (in_new_york, 2026, 3, 11, 1, 1);
  assert_day (in_new_york, 2026, 3, 12, 0, 0);
  assert_day (at_utc, 2026, 3, 11, 1, 0);
  assert_day (at_utc, 2026, 3, 12, 0, 1);
  g_assert_cmpuint (syllabus_activity_get_busiest (in_berlin), ==, 2);
  g_assert_cmpuint (syllabus_activity_get_n_study_days (in_berlin), ==, 1);
  g_assert_cmpuint (syllabus_activity_get_n_study_days (at_utc), ==, 2);
  g_assert_cmpuint (syllabus_activity_get_n_finished (in_berlin), ==, 1);
}

/* The night summer time begins in Berlin (29 March 2026, 02:00 becomes
 * 03:00): the 23-hour day is one day, and the streak runs across it. */
static void
test_summer_time (void)
{
  g_autoptr(SyllabusStore) store = new_store ();
  g_autoptr(GDateTime) now = local (BERLIN, 2026, 3, 30, 12, 0);
  g_autoptr(SyllabusActivity) activity = NULL;

  add (store, "2026-03-28T22:30:00Z", SYLLABUS_STATUS_DONE);  /* 28th, 23:30 CET */
  add (store, "2026-03-28T23:30:00Z", SYLLABUS_STATUS_DONE);  /* 29th, 00:30 CET */
  add (store, "2026-03-29T21:30:00Z", SYLLABUS_STATUS_DONE);  /* 29th, 23:30 CEST */
  add (store, "2026-03-29T22:30:00Z", SYLLABUS_STATUS_DONE);  /* 30th, 00:30 CEST */

  activity = syllabus_activity_new (store, now);
  assert_day (activity, 2026, 3, 28, 1, 0);
  assert_day (activity, 2026, 3, 29, 2, 0);
  assert_day (activity, 2026, 3, 30, 1, 0);
  g_assert_cmpuint (syllabus_activity_get_current_streak (activity), ==, 3);
  g_assert_cmpuint (syllabus_activity_get_longest_streak (activity), ==, 3);
}

/* A leap day is a day like any other. */
static void
test_leap_day (void)
{
  g_autoptr(SyllabusStore) store = new_store ();
  g_autoptr(GDateTime) now = local (BERLIN, 2028, 3, 1, 9, 0);
  g_autoptr(SyllabusActivity) activity = NULL;

  add (store, "2028-02-28T10:00:00Z", SYLLABUS_STATUS_DONE);
  add (store, "2028-02-29T10:00:00Z", SYLLABUS_STATUS_DONE);
  add (store, "2028-02-29T11:00:00Z", SYLLABUS_STATUS_IN_PROGRESS);

  activity = syllabus_activity_new (store, now);
  assert_day (activity, 2028, 2, 29, 1, 1);
  /* Nothing today yet: the streak is still current. */
  g_assert_cmpuint (syllabus_activity_get_current_streak (activity), ==, 2);
  g_assert_cmpuint (syllabus_activity_get_longest_streak (activity), ==, 2);
}

/* Streaks: the current one ends today or yesterday; the longest is of all
 * time, even before the twelve months. Unticking is not finishing. */
static void
test_streaks (void)
{
  g_autoptr(SyllabusStore) store = new_store ();
  g_autoptr(GDateTime) on_12th = local (BERLIN, 2026, 1, 12, 20, 0);
  g_autoptr(GDateTime) on_13th = local (BERLIN, 2026, 1, 13, 8, 0);
  g_autoptr(GDateTime) next_year = local (BERLIN, 2027, 6, 1, 8, 0);
  g_autoptr(SyllabusActivity) activity = NULL;

  for (guint day = 1; day <= 4; day++)
    {
      g_autofree char *when = g_strdup_printf ("2026-01-%02uT10:00:00Z", day);

      add (store, when, SYLLABUS_STATUS_DONE);
    }
  add (store, "2026-01-10T10:00:00Z", SYLLABUS_STATUS_IN_PROGRESS);
  add (store, "2026-01-11T10:00:00Z", SYLLABUS_STATUS_DONE);
  /* Finished once, then unticked: "not started", no day of study. */
  {
    g_autoptr(SyllabusResource) resource = syllabus_resource_new ("u", "https://example.org/u", NULL, 0);
    SyllabusEntry *entry = syllabus_store_get_entry (store, "topic", resource);
    g_autoptr(GDateTime) at = utc ("2026-01-12T10:00:00Z");

    syllabus_entry_restore (entry, SYLLABUS_STATUS_NOT_STARTED, NULL, at, "a note", at);
  }

  activity = syllabus_activity_new (store, on_12th);
  g_assert_cmpuint (syllabus_activity_get_current_streak (activity), ==, 2);
  g_assert_cmpuint (syllabus_activity_get_longest_streak (activity), ==, 4);
  assert_day (activity, 2026, 1, 12, 0, 0);
  g_assert_cmpuint (syllabus_activity_get_n_study_days (activity), ==, 6);
  g_clear_object (&activity);

  activity = syllabus_activity_new (store, on_13th);
  g_assert_cmpuint (syllabus_activity_get_current_streak (activity), ==, 0);
  g_assert_cmpuint (syllabus_activity_get_longest_streak (activity), ==, 4);
  g_clear_object (&activity);

  /* Long after: nothing in the twelve months, the record stays. */
  activity = syllabus_activity_new (store, next_year);
  g_assert_cmpuint (syllabus_activity_get_n_study_days (activity), ==, 0);
  g_assert_cmpuint (syllabus_activity_get_busiest (activity), ==, 0);
  g_assert_cmpuint (syllabus_activity_get_longest_streak (activity), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/activity/range", test_range);
  g_test_add_func ("/activity/time-zones", test_time_zones);
  g_test_add_func ("/activity/summer-time", test_summer_time);
  g_test_add_func ("/activity/leap-day", test_leap_day);
  g_test_add_func ("/activity/streaks", test_streaks);

  return g_test_run ();
}
