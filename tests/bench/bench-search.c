/* bench-search.c
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

/* Benchmark 9: GNOME Shell's search provider with 10,000 resources.
 *
 * Runs the real application on a virtual screen (through run-benchmarks)
 * with a topic of 10,000 resources, half of them with notes, and asks it
 * over the session bus, from a connection of its own as the Shell does,
 * GetInitialResultSet for terms that match everything, some, one and
 * nothing, then GetResultMetas for what the Shell would show. Times each
 * call from sending to reply, and the longest time the application's main
 * loop did not run meanwhile (a 1 ms timer). Goal: every answer within
 * 50 ms. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "syllabus-search-provider.h"
#include "ui-test-utils.h"

#define N_RESOURCES 10000
#define GOAL_REPLY_MS 50.0

static const char *const queries[] = {
  "resource", "resource 12", "resource 9999", "example", "zzqqxx", "notes chapter",
};
#define N_ROUNDS 5
#define N_CALLS (G_N_ELEMENTS (queries) * N_ROUNDS)

typedef struct
{
  GDBusConnection *bus;
  guint            sent_calls;
  guint            answered;
  gboolean         waiting;
  gboolean         filled;
  gint64           sent_us;
  gint64           settled_us;
  double           reply_ms[N_CALLS + N_ROUNDS];
  guint            n_replies;
  double           metas_ms[N_ROUNDS];
  guint            n_metas;
  GStrv            last_ids;
  double           last_tick;
  double           max_gap;
  guint            tick_id;
} Search;

static gboolean
tick_cb (gpointer user_data)
{
  Search *search = user_data;
  double now = bench_now_ms ();

  if (search->last_tick > 0)
    search->max_gap = MAX (search->max_gap, now - search->last_tick);
  search->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
reply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Search *search = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  double ms = (g_get_monotonic_time () - search->sent_us) / 1000.0;

  g_assert_no_error (error);
  if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(as)")))
    {
      search->reply_ms[search->n_replies++] = ms;
      g_clear_pointer (&search->last_ids, g_strfreev);
      g_variant_get (reply, "(^as)", &search->last_ids);
    }
  else
    search->metas_ms[search->n_metas++] = ms;

  search->waiting = FALSE;
}

static void
send (Search     *search,
      const char *method,
      GVariant   *parameters)
{
  search->waiting = TRUE;
  search->sent_us = g_get_monotonic_time ();
  g_dbus_connection_call (search->bus, APPLICATION_ID, SYLLABUS_SEARCH_PROVIDER_PATH,
                          "org.gnome.Shell.SearchProvider2", method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, reply_cb, search);
}

static gboolean
ready (SyllabusApplication *app,
       gpointer             data)
{
  return syllabus_store_get_loaded (syllabus_application_get_store (app)) &&
         ui_test_get_rows (app)->len > 0;
}

/* Half the resources get notes, as a long study would leave them. */
static void
fill_notes (SyllabusApplication *app)
{
  SyllabusStore *store = syllabus_application_get_store (app);
  SyllabusTopic *topic = syllabus_window_get_topic (ui_test_get_window (app));
  GListModel *resources = syllabus_topic_get_resources (topic);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i += 2)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      g_autofree char *notes = g_strdup_printf ("Notes on chapter %u: the exercises were hard", i % 23);

      syllabus_entry_set_notes (syllabus_store_get_entry (store, syllabus_topic_get_id (topic), resource),
                                notes);
    }
}

static gboolean
measure (SyllabusApplication *app,
         gpointer             data)
{
  Search *search = data;
  guint query;

  if (search->waiting)
    return FALSE;

  if (!search->filled)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

      fill_notes (app);
      search->filled = TRUE;
      search->bus = g_dbus_connection_new_for_address_sync (address,
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
      g_assert_no_error (error);
      search->settled_us = g_get_monotonic_time () + G_USEC_PER_SEC;
      return FALSE;
    }

  /* The notes saved and the list redrawn, the application is idle, as
   * when the user opens the overview. */
  if (search->tick_id == 0)
    {
      if (syllabus_store_get_dirty (syllabus_application_get_store (app)) ||
          g_get_monotonic_time () < search->settled_us)
        return FALSE;
      search->tick_id = g_timeout_add (1, tick_cb, search);
    }

  if (search->sent_calls == N_CALLS + N_ROUNDS)
    {
      g_clear_handle_id (&search->tick_id, g_source_remove);
      return TRUE;
    }

  /* Each round: every query, then the metas of the last answer's first
   * five results, as the Shell shows five. */
  query = search->sent_calls % (G_N_ELEMENTS (queries) + 1);
  search->sent_calls++;

  if (query < G_N_ELEMENTS (queries))
    {
      g_auto(GStrv) terms = g_strsplit (queries[query], " ", -1);

      send (search, "GetInitialResultSet", g_variant_new ("(^as)", terms));
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint i = 0; search->last_ids[i] != NULL && i < 5; i++)
        g_strv_builder_add (builder, search->last_ids[i]);
      ids = g_strv_builder_end (builder);
      send (search, "GetResultMetas", g_variant_new ("(^as)", ids));
    }
  return FALSE;
}

static void
bench_search (void)
{
  g_autoptr(GString) topic = bench_generate_topic (2000, N_RESOURCES);
  g_autofree char *dir = g_dir_make_tmp ("syllabus-bench-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "generated.md", NULL);
  Search search = { 0 };
  double median, longest = 0;

  g_assert_true (g_file_set_contents (path, topic->str, topic->len, NULL));
  g_assert_true (ui_test_run_app (path, ready, measure, &search));
  g_assert_cmpuint (search.n_replies, >, 0);

  for (guint i = 0; i < search.n_replies; i++)
    longest = MAX (longest, search.reply_ms[i]);
  median = bench_median (search.reply_ms, search.n_replies);

  g_print ("Benchmark 9: GNOME Shell's search provider with %u resources (half with notes)\n",
           N_RESOURCES);
  g_print ("    GetInitialResultSet, %u calls: median %.1f ms, longest %.1f ms, sending to reply\n",
           search.n_replies, median, longest);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double per_query[N_ROUNDS];
      guint n = 0;

      for (guint i = q; i < search.n_replies; i += G_N_ELEMENTS (queries))
        per_query[n++] = search.reply_ms[i];
      g_print ("      \"%s\": median %.1f ms\n", queries[q], bench_median (per_query, n));
    }
  g_print ("    GetResultMetas of 5 results, %u calls: median %.1f ms\n",
           search.n_metas, bench_median (search.metas_ms, search.n_metas));
  g_print ("    the application's main loop: longest gap between 1 ms ticks meanwhile %.1f ms\n",
           search.max_gap);
  bench_print_verdict ("9: every search answered within 50 ms", longest <= GOAL_REPLY_MS);

  g_clear_object (&search.bus);
  g_clear_pointer (&search.last_ids, g_strfreev);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  ui_test_add ("/bench/search", bench_search);

  return g_test_run ();
}
