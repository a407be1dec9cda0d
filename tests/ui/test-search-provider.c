/* test-search-provider.c
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

/* GNOME Shell's search provider, called over the session bus the way the
 * Shell calls it (GetInitialResultSet, GetSubsearchResultSet,
 * GetResultMetas, ActivateResult, LaunchSearch), against the real
 * application: resources are found by title, address and notes, progress
 * of a resource the topic no longer lists too; a result opens its topic
 * with the resource focused; "Search in Syllabus" opens the window's own
 * search. */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "syllabus-search-provider.h"
#include "syllabus-window-private.h"
#include "ui-test-utils.h"

#define IFACE "org.gnome.Shell.SearchProvider2"
#define RUST_IN_ACTION "https://www.manning.com/books/rust-in-action"
#define ORPHAN "https://example.org/a-book-the-topic-dropped"

typedef struct
{
  guint      step;
  gboolean   waiting;
  GVariant  *reply;
  GError    *error;
  char      *rust_in_action_id;
  gint64     sent;
} Calls;

static void
reply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Calls *calls = user_data;

  calls->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &calls->error);
  g_test_message ("reply after %.1f ms", (g_get_monotonic_time () - calls->sent) / 1000.0);
  calls->waiting = FALSE;
}

/* Calls @method on the provider from a connection of the test's own, as
 * another program (the Shell) would. */
static void
call (Calls       *calls,
      const char  *method,
      GVariant    *parameters)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);

  g_clear_pointer (&calls->reply, g_variant_unref);
  calls->waiting = TRUE;
  calls->sent = g_get_monotonic_time ();
  g_dbus_connection_call (bus, APPLICATION_ID, SYLLABUS_SEARCH_PROVIDER_PATH, IFACE, method,
                          parameters, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, reply_cb, calls);
}

static GPtrArray *
reply_ids (Calls *calls)
{
  g_autofree const char **ids = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (calls->error);
  g_assert_true (g_variant_is_of_type (calls->reply, G_VARIANT_TYPE ("(as)")));
  g_variant_get (calls->reply, "(^a&s)", &ids);
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (found, g_strdup (ids[i]));

  return found;
}

static const char *
find_id (GPtrArray  *ids,
         const char *key)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (ids, i), key))
      return g_ptr_array_index (ids, i);

  return NULL;
}

static gboolean
store_loaded (SyllabusApplication *app,
              gpointer             data)
{
  return syllabus_store_get_loaded (syllabus_application_get_store (app));
}

static GVariant *
terms (const char *first,
       ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  va_start (args, first);
  for (const char *term = first; term != NULL; term = va_arg (args, const char *))
    g_variant_builder_add (&builder, "s", term);
  va_end (args);

  return g_variant_builder_end (&builder);
}

static gboolean
focus_in_row (SyllabusApplication *app,
              const char          *title)
{
  GtkWidget *row = ui_test_find_row (app, title);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ui_test_get_window (app)));

  return row != NULL && focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* @reply of GetResultMetas describes one result, as @expected_name and
 * @expected_description. */
static void
assert_describes (GVariant   *reply,
                  const char *expected_name,
                  const char *expected_description)
{
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);
  g_autoptr(GVariant) meta = NULL;
  const char *name = NULL;
  const char *description = NULL;

  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  meta = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_cmpstr (description, ==, expected_description);
}

static gboolean
act (SyllabusApplication *app,
     gpointer             data)
{
  Calls *calls = data;
  SyllabusStore *store = syllabus_application_get_store (app);
  SyllabusWindow *window = ui_test_get_window (app);

  if (calls->waiting)
    return FALSE;

  switch (calls->step++)
    {
    case 0:
      {
        g_autoptr(SyllabusResource) orphan =
          syllabus_resource_new ("A Book the Topic Dropped", ORPHAN, NULL, 0);
        g_autoptr(SyllabusResource) book =
          syllabus_resource_new ("Rust in Action", RUST_IN_ACTION, NULL, 0);

        /* Progress of a resource the topic does not list, and notes. */
        syllabus_entry_set_done (syllabus_store_get_entry (store, "rust", orphan), TRUE);
        syllabus_entry_set_notes (syllabus_store_get_entry (store, "rust", book),
                                  "Borrowed from the city library");
        syllabus_entry_set_status (syllabus_store_get_entry (store, "rust", book),
                                   SYLLABUS_STATUS_IN_PROGRESS);
        /* What the user typed in the overview, one term per word. */
        call (calls, "GetInitialResultSet", g_variant_new ("(@as)", terms ("rust", "action", NULL)));
        return FALSE;
      }

    case 1:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);
        const char *id = find_id (ids, RUST_IN_ACTION);

        g_assert_nonnull (id);
        calls->rust_in_action_id = g_strdup (id);
        call (calls, "GetResultMetas",
              g_variant_new ("(@as)", g_variant_new_strv ((const char * const *)&calls->rust_in_action_id, 1)));
        return FALSE;
      }

    case 2:
      {
        g_autoptr(GVariant) metas = NULL;
        g_autoptr(GVariant) meta = NULL;
        const char *name = NULL;
        const char *description = NULL;
        const char *id = NULL;
        const char *icon = NULL;

        g_assert_no_error (calls->error);
        metas = g_variant_get_child_value (calls->reply, 0);
        g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
        meta = g_variant_get_child_value (metas, 0);
        g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
        g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
        g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
        g_assert_true (g_variant_lookup (meta, "gicon", "&s", &icon));
        g_test_message ("%s: %s (%s)", name, description, icon);
        g_assert_cmpstr (id, ==, calls->rust_in_action_id);
        g_assert_cmpstr (name, ==, "Rust in Action");
        g_assert_cmpstr (description, ==, "Rust · In progress");
        g_assert_cmpstr (icon, ==, APPLICATION_ID);

        /* The user typed on: the address's host narrows it. */
        call (calls, "GetSubsearchResultSet",
              g_variant_new ("(@as@as)", g_variant_new_strv ((const char * const *)&calls->rust_in_action_id, 1),
                             terms ("rust", "action", "manning", NULL)));
        return FALSE;
      }

    case 3:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);

        g_assert_cmpuint (ids->len, ==, 1);
        g_assert_nonnull (find_id (ids, RUST_IN_ACTION));
        /* By notes. */
        call (calls, "GetInitialResultSet", g_variant_new ("(@as)", terms ("city", "library", NULL)));
        return FALSE;
      }

    case 4:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);

        g_assert_cmpuint (ids->len, ==, 1);
        g_assert_nonnull (find_id (ids, RUST_IN_ACTION));
        /* Progress of a resource no longer listed. */
        call (calls, "GetInitialResultSet", g_variant_new ("(@as)", terms ("dropped", NULL)));
        return FALSE;
      }

    case 5:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);

        g_assert_cmpuint (ids->len, ==, 1);
        g_assert_nonnull (find_id (ids, ORPHAN));
        call (calls, "GetInitialResultSet", g_variant_new ("(@as)", terms ("zzzqqq", NULL)));
        return FALSE;
      }

    case 6:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);

        g_assert_cmpuint (ids->len, ==, 0);
        /* Choosing it in the overview. */
        call (calls, "ActivateResult",
              g_variant_new ("(s@asu)", calls->rust_in_action_id, terms ("rust", "action", NULL), 0));
        return FALSE;
      }

    case 7:
      g_assert_no_error (calls->error);
      g_assert_cmpstr (syllabus_topic_get_id (syllabus_window_get_topic (window)), ==, "rust");
      /* Focused once the list has laid its rows out: looked at again at
       * the next poll until then. */
      if (!focus_in_row (app, "Rust in Action"))
        {
          calls->step--;
          return FALSE;
        }
      call (calls, "LaunchSearch", g_variant_new ("(@asu)", terms ("ownership", "borrowing", NULL), 0));
      return FALSE;

    case 8:
      g_assert_no_error (calls->error);
      g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==,
                       "ownership borrowing");
      /* An id that names nothing gives no meta, and no error. */
      call (calls, "GetResultMetas", g_variant_new ("(@as)", terms ("nothing", "gone%20topic\tkey", NULL)));
      return FALSE;

    case 9:
      {
        g_autoptr(GVariant) metas = NULL;

        g_assert_no_error (calls->error);
        metas = g_variant_get_child_value (calls->reply, 0);
        g_assert_cmpuint (g_variant_n_children (metas), ==, 0);
        /* Terms that name a topic: its next resource comes first. */
        call (calls, "GetInitialResultSet", g_variant_new ("(@as)", terms ("RUST", NULL)));
        return FALSE;
      }

    case 10:
      {
        g_autoptr(GPtrArray) ids = reply_ids (calls);

        g_assert_cmpuint (ids->len, >, 1);
        g_assert_true (g_str_has_prefix (ids->pdata[0], "next\t"));
        g_assert_true (g_str_has_suffix (ids->pdata[0], RUST_IN_ACTION));
        g_free (calls->rust_in_action_id);
        calls->rust_in_action_id = g_strdup (ids->pdata[0]);
        call (calls, "GetResultMetas",
              g_variant_new ("(@as)", g_variant_new_strv ((const char * const *)&calls->rust_in_action_id, 1)));
        return FALSE;
      }

    case 11:
      g_assert_no_error (calls->error);
      assert_describes (calls->reply, "Rust in Action", "Next in Rust · In progress");
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static void
test_search_provider (void)
{
  Calls calls = { 0 };

  g_assert_true (ui_test_run_app (NULL, store_loaded, act, &calls));
  g_assert_cmpuint (calls.step, ==, 12);
  g_clear_pointer (&calls.reply, g_variant_unref);
  g_free (calls.rust_in_action_id);
}

/* The Shell's way when Syllabus is not running: D-Bus starts it as a
 * service, with no window, and each call may be the first a fresh
 * process gets. */

static GSubprocess *
start_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *service;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean owned = FALSE;

  g_assert_nonnull (g_getenv ("SYLLABUS_BINARY"));
  service = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("SYLLABUS_BINARY"), "--gapplication-service", NULL);
  g_assert_no_error (error);

  while (!owned && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (!owned)
        g_usleep (50 * 1000);
    }
  g_assert_true (owned);

  return service;
}

static GVariant *
call_service (const char *method,
              GVariant   *parameters,
              const char *reply_type)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  /* Long enough for a fresh Syllabus to load everything. */
  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, SYLLABUS_SEARCH_PROVIDER_PATH, IFACE,
                                       method, parameters, G_VARIANT_TYPE (reply_type),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 30000, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

/* Ends @service and checks that it said nothing amiss. */
static void
stop_service (GSubprocess *service)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;

  g_subprocess_send_signal (service, SIGTERM);
  g_assert_true (g_subprocess_communicate_utf8 (service, NULL, NULL, NULL, &errors, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (service));
  g_assert_cmpint (g_subprocess_get_exit_status (service), ==, 0);
  g_assert_null (strstr (errors, "-CRITICAL **"));
  g_assert_null (strstr (errors, "-WARNING **"));
}

static void
test_started_by_dbus (void)
{
  g_autoptr(GSubprocess) service = start_service ();
  g_autoptr(GVariant) found = NULL;
  g_autoptr(GVariant) described = NULL;
  g_autoptr(GVariant) opened = NULL;
  g_autofree const char **ids = NULL;
  g_autofree char *id = NULL;

  ui_test_use_system_dirs ();

  /* The results, then, a moment later as the Shell shows them, their
   * descriptions: the service is still there to give them. */
  found = call_service ("GetInitialResultSet", g_variant_new ("(@as)", terms ("rust", "action", NULL)),
                        "(as)");
  g_variant_get (found, "(^a&s)", &ids);
  for (guint i = 0; ids[i] != NULL && id == NULL; i++)
    if (g_str_has_suffix (ids[i], RUST_IN_ACTION))
      id = g_strdup (ids[i]);
  g_assert_nonnull (id);
  g_usleep (1500 * 1000);
  described = call_service ("GetResultMetas", g_variant_new ("(^as)", (const char *[]) { id, NULL }),
                            "(aa{sv})");
  assert_describes (described, "Rust in Action", "Rust · Not started");
  stop_service (g_steal_pointer (&service));
  g_clear_pointer (&described, g_variant_unref);

  /* A Syllabus started again since (the user looked at the results for
   * longer than it waits) describes and opens the same ids, once it has
   * loaded, rather than answer nothing or search instead. */
  service = start_service ();
  described = call_service ("GetResultMetas", g_variant_new ("(^as)", (const char *[]) { id, NULL }),
                            "(aa{sv})");
  assert_describes (described, "Rust in Action", "Rust · Not started");
  stop_service (g_steal_pointer (&service));

  service = start_service ();
  opened = call_service ("ActivateResult",
                         g_variant_new ("(s@asu)", id, terms ("rust", "action", NULL), 0), "()");
  /* It opened a window: the service stays past its idle time. */
  g_usleep (500 * 1000);
  stop_service (g_steal_pointer (&service));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  ui_test_add ("/search-provider/shell", test_search_provider);
  g_test_add_func ("/search-provider/started-by-dbus", test_started_by_dbus);

  return g_test_run ();
}
