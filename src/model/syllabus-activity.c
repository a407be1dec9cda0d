/* syllabus-activity.c
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

/* What the user studied, day by day: for the last twelve months, how many
 * resources were finished and started each day, and the streaks of study
 * days (days on which anything was finished or started), over all time.
 *
 * Days are calendar days where the user is, in the time zone of the "now"
 * given: a resource finished at 23:30 local time counts for that day, even
 * where that is the next day in UTC. Days are counted as calendar dates
 * (GDate), never as 24-hour spans, so a change to or from summer time
 * neither splits nor merges a day. The twelve months run from the day
 * after today a year ago to today: 365 days, or 366 across a 29 February. */

#include "config.h"

#include "syllabus-activity.h"

struct _SyllabusActivity
{
  GObject  parent_instance;

  GDate    first;
  guint    n_days;
  /* Per day of the range, from the first */
  guint   *finished;
  guint   *started;
  guint    busiest;
  guint    n_study_days;
  guint    n_finished;
  guint    current_streak;
  guint    longest_streak;
};

G_DEFINE_FINAL_TYPE (SyllabusActivity, syllabus_activity, G_TYPE_OBJECT)

static void
syllabus_activity_finalize (GObject *object)
{
  SyllabusActivity *self = (SyllabusActivity *)object;

  g_free (self->finished);
  g_free (self->started);

  G_OBJECT_CLASS (syllabus_activity_parent_class)->finalize (object);
}

static void
syllabus_activity_class_init (SyllabusActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = syllabus_activity_finalize;
}

static void
syllabus_activity_init (SyllabusActivity *self)
{
  g_date_clear (&self->first, 1);
}

/* The calendar day of @time in @zone, as a Julian day number. */
static guint32
julian_day (GDateTime *time,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));

  return g_date_get_julian (&date);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *)a;
  guint32 y = *(const guint32 *)b;

  return (x > y) - (x < y);
}

/* Streaks from the sorted, distinct study days of all time. A streak still
 * counts as current on a day nothing was done yet: it ends only once a
 * whole day passes without study. */
static void
count_streaks (SyllabusActivity *self,
               GArray           *days,
               guint32           today)
{
  guint run = 0;
  guint32 previous = 0;

  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);

      run = (run > 0 && day == previous + 1) ? run + 1 : 1;
      self->longest_streak = MAX (self->longest_streak, run);
      previous = day;
    }

  if (days->len > 0 && (previous == today || previous + 1 == today))
    self->current_streak = run;
}

/**
 * syllabus_activity_new:
 * @now: the current time, in the time zone whose days count
 *
 * Returns: (transfer full): what @store's progress holds, day by day
 */
SyllabusActivity *
syllabus_activity_new (SyllabusStore *store,
                       GDateTime     *now)
{
  SyllabusActivity *self;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GHashTable) study_days = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_auto(GStrv) topic_ids = NULL;
  GDate today;
  guint32 first;
  guint32 last;
  GHashTableIter iter;
  gpointer day;

  g_return_val_if_fail (SYLLABUS_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (SYLLABUS_TYPE_ACTIVITY, NULL);
  zone = g_time_zone_ref (g_date_time_get_timezone (now));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->first = today;
  g_date_subtract_years (&self->first, 1);
  g_date_add_days (&self->first, 1);
  first = g_date_get_julian (&self->first);
  last = g_date_get_julian (&today);
  self->n_days = last - first + 1;
  self->finished = g_new0 (guint, self->n_days);
  self->started = g_new0 (guint, self->n_days);

  topic_ids = syllabus_store_list_topic_ids (store);
  for (guint t = 0; topic_ids[t] != NULL; t++)
    {
      g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, topic_ids[t]);

      for (guint i = 0; i < entries->len; i++)
        {
          SyllabusEntry *entry = g_ptr_array_index (entries, i);
          GDateTime *done_at = syllabus_entry_get_done_at (entry);
          GDateTime *started_at = syllabus_entry_get_started_at (entry);

          /* A finish is counted while the resource is still done: one
           * ticked and then unticked again was not finished. */
          if (done_at != NULL && syllabus_entry_get_status (entry) == SYLLABUS_STATUS_DONE)
            {
              guint32 d = julian_day (done_at, zone);

              g_hash_table_add (study_days, GUINT_TO_POINTER (d));
              if (d >= first && d <= last)
                self->finished[d - first]++;
            }
          if (started_at != NULL)
            {
              guint32 d = julian_day (started_at, zone);

              g_hash_table_add (study_days, GUINT_TO_POINTER (d));
              if (d >= first && d <= last)
                self->started[d - first]++;
            }
        }
    }

  for (guint i = 0; i < self->n_days; i++)
    {
      guint count = self->finished[i] + self->started[i];

      self->busiest = MAX (self->busiest, count);
      self->n_finished += self->finished[i];
      self->n_study_days += count > 0;
    }

  g_hash_table_iter_init (&iter, study_days);
  while (g_hash_table_iter_next (&iter, &day, NULL))
    {
      guint32 d = GPOINTER_TO_UINT (day);

      g_array_append_val (days, d);
    }
  g_array_sort (days, compare_days);
  count_streaks (self, days, last);

  return self;
}

/**
 * syllabus_activity_get_n_days:
 *
 * Returns: how many days the twelve months hold, today the last
 */
guint
syllabus_activity_get_n_days (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->n_days;
}

/**
 * syllabus_activity_get_day:
 * @index: a day, 0 the first of the twelve months
 * @date: (out caller-allocates) (optional): its date
 * @finished: (out) (optional): how many resources were finished that day
 * @started: (out) (optional): how many were started
 */
void
syllabus_activity_get_day (SyllabusActivity *self,
                           guint             index,
                           GDate            *date,
                           guint            *finished,
                           guint            *started)
{
  g_return_if_fail (SYLLABUS_IS_ACTIVITY (self));
  g_return_if_fail (index < self->n_days);

  if (date != NULL)
    {
      *date = self->first;
      g_date_add_days (date, index);
    }
  if (finished != NULL)
    *finished = self->finished[index];
  if (started != NULL)
    *started = self->started[index];
}

/**
 * syllabus_activity_get_busiest:
 *
 * Returns: the most resources finished and started on one day
 */
guint
syllabus_activity_get_busiest (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->busiest;
}

/**
 * syllabus_activity_get_n_study_days:
 *
 * Returns: the days of the twelve months on which anything was finished or
 *   started
 */
guint
syllabus_activity_get_n_study_days (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->n_study_days;
}

/**
 * syllabus_activity_get_n_finished:
 *
 * Returns: how many resources were finished in the twelve months
 */
guint
syllabus_activity_get_n_finished (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->n_finished;
}

/**
 * syllabus_activity_get_current_streak:
 *
 * Returns: how many study days in a row end today, or yesterday if
 *   nothing was done today yet; 0 if neither was one
 */
guint
syllabus_activity_get_current_streak (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->current_streak;
}

/**
 * syllabus_activity_get_longest_streak:
 *
 * Returns: the most study days in a row, of all time
 */
guint
syllabus_activity_get_longest_streak (SyllabusActivity *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ACTIVITY (self), 0);

  return self->longest_streak;
}
