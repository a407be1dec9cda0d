/* syllabus-search-provider.c
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

/* GNOME Shell's search provider: typing in the Activities overview finds
 * resources of every topic by title, address and notes (progress kept for
 * resources a topic no longer lists included), described by their topic
 * and status. Choosing one opens Syllabus on it; "Search in Syllabus"
 * opens the window's own search.
 *
 * Answers come from what the application holds in memory, on the main
 * loop: a search of 10,000 resources takes a few milliseconds. Until the
 * library and the progress are loaded (the Shell may start Syllabus only
 * to ask), every call waits for them: the Shell's next call (for the
 * results' descriptions, or to open one) may reach a Syllabus started
 * again since, one that has not loaded yet. Each call holds the
 * application, so that one started by D-Bus for the Shell stays while it
 * answers (and for a while after: see syllabus_application_startup()). */

#include "config.h"

#include "syllabus-search-provider.h"

#include <glib/gi18n.h>
#include <string.h>

#include "syllabus-search.h"
#include "syllabus-shell-search-provider-generated.h"

/* More than the Shell shows: it asks again as the user types. */
#define MAX_RESULTS 100

struct _SyllabusSearchProvider
{
  GObject                        parent_instance;

  /* Not owned: the application owns the provider */
  SyllabusApplication           *application;
  SyllabusShellSearchProvider2  *skeleton;
  /* Calls waiting for the library and the progress */
  GPtrArray                     *waiting;
  gulong                         store_handler;
  gulong                         library_handler;
};

G_DEFINE_FINAL_TYPE (SyllabusSearchProvider, syllabus_search_provider, G_TYPE_OBJECT)

/* Answers @invocation from what is loaded; @args are the call's strings. */
typedef void (*Answer) (SyllabusSearchProvider *self,
                        GDBusMethodInvocation  *invocation,
                        const char * const     *args);

/* A call that waits for everything to be loaded. */
typedef struct
{
  GDBusMethodInvocation *invocation;
  Answer                 answer;
  GStrv                  args;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_object (&call->invocation);
  g_strfreev (call->args);
  g_free (call);
}

/* Result ids --------------------------------------------------------------- */

/* A result is named by its topic's id, escaped so that it holds no tab,
 * a tab, and the resource's key (a normalised URL, which holds none). A
 * topic's next resource, offered when the terms name the topic, has
 * NEXT_PREFIX before that. */
#define NEXT_PREFIX "next\t"

static char *
result_id (SyllabusTopic *topic,
           const char    *key,
           gboolean       next_up)
{
  g_autofree char *escaped = g_uri_escape_string (syllabus_topic_get_id (topic), NULL, FALSE);

  return g_strconcat (next_up ? NEXT_PREFIX : "", escaped, "\t", key, NULL);
}

static gboolean
parse_result_id (const char  *id,
                 char       **topic_id,
                 char       **key,
                 gboolean    *next_up)
{
  const char *tab;
  g_autofree char *escaped = NULL;

  *next_up = g_str_has_prefix (id, NEXT_PREFIX);
  if (*next_up)
    id += strlen (NEXT_PREFIX);

  tab = strchr (id, '\t');
  if (tab == NULL || tab[1] == '\0')
    return FALSE;

  escaped = g_strndup (id, tab - id);
  *topic_id = g_uri_unescape_string (escaped, NULL);
  *key = g_strdup (tab + 1);

  return *topic_id != NULL;
}

/* Searching ---------------------------------------------------------------- */

static gboolean
is_ready (SyllabusSearchProvider *self)
{
  SyllabusStore *store = syllabus_application_get_store (self->application);
  SyllabusLibrary *library = syllabus_application_get_library (self->application);

  return store != NULL && library != NULL && syllabus_store_get_loaded (store) &&
         syllabus_library_get_loaded (library);
}

static GListModel *
search (SyllabusSearchProvider *self,
        const char * const     *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **)terms);

  return syllabus_search (syllabus_application_get_store (self->application),
                          syllabus_library_get_topics (syllabus_application_get_library (self->application)),
                          query, MAX_RESULTS);
}

/* Whether every term is in @title, ignoring case. */
static gboolean
title_matches (const char         *title,
               const char * const *terms)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *term = g_utf8_casefold (terms[i], -1);

      if (*term != '\0' && strstr (folded, term) == NULL)
        return FALSE;
    }

  return terms[0] != NULL;
}

/* The topics the terms name come first, each with what to study next. */
static void
add_next_ups (SyllabusSearchProvider *self,
              const char * const     *terms,
              GPtrArray              *ids)
{
  SyllabusStore *store = syllabus_application_get_store (self->application);
  GListModel *topics = syllabus_library_get_topics (syllabus_application_get_library (self->application));
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(SyllabusResource) next = NULL;

      if (!title_matches (syllabus_topic_get_title (topic), terms))
        continue;
      next = syllabus_store_get_next_up (store, syllabus_topic_get_id (topic),
                                         syllabus_topic_get_resources (topic));
      if (next != NULL)
        g_ptr_array_add (ids, result_id (topic, syllabus_resource_get_key (next), TRUE));
    }
}

static void
answer_search (SyllabusSearchProvider *self,
               GDBusMethodInvocation  *invocation,
               const char * const     *terms)
{
  g_autoptr(GListModel) hits = search (self, terms);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (hits);
  guint n_next_ups;

  add_next_ups (self, terms, ids);
  n_next_ups = ids->len;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusSearchHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *id = result_id (syllabus_search_hit_get_topic (hit),
                                       syllabus_search_hit_get_key (hit), FALSE);
      gboolean offered = FALSE;

      /* A topic's next resource is offered once, as that. */
      for (guint j = 0; j < n_next_ups && !offered; j++)
        offered = strcmp ((const char *)g_ptr_array_index (ids, j) + strlen (NEXT_PREFIX), id) == 0;
      if (!offered)
        g_ptr_array_add (ids, g_steal_pointer (&id));
    }
  g_ptr_array_add (ids, NULL);

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(^as)", (char **)ids->pdata));
}

/* Answers the calls that waited for the library and the progress. */
static void
answer_waiting (SyllabusSearchProvider *self)
{
  if (!is_ready (self))
    return;

  while (self->waiting->len > 0)
    {
      Call *call = g_ptr_array_steal_index (self->waiting, 0);

      call->answer (self, call->invocation, (const char * const *)call->args);
      call_free (call);
      g_application_release (G_APPLICATION (self->application));
    }
}

/* Answers @invocation with @answer now, or once everything is loaded.
 * The invocation is taken (transfer full). */
static void
answer_when_ready (SyllabusSearchProvider *self,
                   GDBusMethodInvocation  *invocation,
                   Answer                  answer,
                   const char * const     *args)
{
  Call *call;

  /* Held until answered, so that a Syllabus started for the call stays;
   * letting go starts its time to quit afresh. */
  g_application_hold (G_APPLICATION (self->application));

  if (is_ready (self))
    {
      answer (self, invocation, args);
      g_object_unref (invocation);
      g_application_release (G_APPLICATION (self->application));
      return;
    }

  call = g_new0 (Call, 1);
  call->invocation = invocation;
  call->answer = answer;
  call->args = g_strdupv ((char **)args);
  g_ptr_array_add (self->waiting, call);

  if (self->store_handler == 0)
    self->store_handler =
      g_signal_connect_object (syllabus_application_get_store (self->application), "notify::loaded",
                               G_CALLBACK (answer_waiting), self, G_CONNECT_SWAPPED);
  if (self->library_handler == 0)
    self->library_handler =
      g_signal_connect_object (syllabus_application_get_library (self->application), "notify::loaded",
                               G_CALLBACK (answer_waiting), self, G_CONNECT_SWAPPED);
}

static gboolean
get_initial_result_set_cb (SyllabusShellSearchProvider2 *skeleton,
                           GDBusMethodInvocation        *invocation,
                           const char * const           *terms,
                           SyllabusSearchProvider       *self)
{
  /* The handler's invocation is borrowed: the call keeps its own. */
  answer_when_ready (self, g_object_ref (invocation), answer_search, terms);
  return TRUE;
}

static gboolean
get_subsearch_result_set_cb (SyllabusShellSearchProvider2 *skeleton,
                             GDBusMethodInvocation        *invocation,
                             const char * const           *previous_results,
                             const char * const           *terms,
                             SyllabusSearchProvider       *self)
{
  /* Searching again is as quick as filtering what was found, and finds
   * the same: every term must match. */
  answer_when_ready (self, g_object_ref (invocation), answer_search, terms);
  return TRUE;
}

/* Describing results ------------------------------------------------------- */

static const char *
resource_title (SyllabusTopic *topic,
                SyllabusEntry *entry,
                const char    *key)
{
  GListModel *resources = syllabus_topic_get_resources (topic);
  guint n = g_list_model_get_n_items (resources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      if (g_str_equal (syllabus_resource_get_key (resource), key))
        return syllabus_resource_get_title (resource);
    }

  if (entry != NULL && syllabus_entry_get_title (entry) != NULL)
    return syllabus_entry_get_title (entry);

  return key;
}

static GVariant *
describe (SyllabusSearchProvider *self,
          const char             *id,
          GIcon                  *icon)
{
  SyllabusStore *store = syllabus_application_get_store (self->application);
  SyllabusLibrary *library = syllabus_application_get_library (self->application);
  g_autofree char *topic_id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *description = NULL;
  g_autofree char *icon_text = g_icon_to_string (icon);
  SyllabusTopic *topic;
  SyllabusEntry *entry;
  GVariantBuilder meta;
  const char *status;
  gboolean next_up;

  if (!parse_result_id (id, &topic_id, &key, &next_up) ||
      (topic = syllabus_library_lookup (library, topic_id)) == NULL)
    return NULL;

  entry = syllabus_store_lookup (store, topic_id, key);
  status = syllabus_status_label (entry != NULL ? syllabus_entry_get_status (entry)
                                      : SYLLABUS_STATUS_NOT_STARTED);
  if (next_up)
    /* Translators: the description of a topic's next resource in GNOME
     * Shell's overview: the topic's title, then the resource's status */
    description = g_strdup_printf (_("Next in %s · %s"), syllabus_topic_get_title (topic), status);
  else
    /* Translators: a search result's description in GNOME Shell's
     * overview: the topic's title, then the resource's status */
    description = g_strdup_printf (_("%s · %s"), syllabus_topic_get_title (topic), status);

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name",
                         g_variant_new_string (resource_title (topic, entry, key)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (icon_text));

  return g_variant_builder_end (&meta);
}

static void
answer_metas (SyllabusSearchProvider *self,
              GDBusMethodInvocation  *invocation,
              const char * const     *ids)
{
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GVariant *meta = describe (self, ids[i], icon);

      if (meta != NULL)
        g_variant_builder_add_value (&metas, meta);
    }

  syllabus_shell_search_provider2_complete_get_result_metas (self->skeleton, invocation,
                                                             g_variant_builder_end (&metas));
}

static gboolean
get_result_metas_cb (SyllabusShellSearchProvider2 *skeleton,
                     GDBusMethodInvocation        *invocation,
                     const char * const           *ids,
                     SyllabusSearchProvider       *self)
{
  answer_when_ready (self, g_object_ref (invocation), answer_metas, ids);
  return TRUE;
}

/* Opening ------------------------------------------------------------------ */

static void
launch_search (SyllabusSearchProvider *self,
               const char * const     *terms)
{
  SyllabusWindow *window = syllabus_application_get_main_window (self->application);
  g_autofree char *text = g_strjoinv (" ", (char **)terms);

  gtk_window_present (GTK_WINDOW (window));
  syllabus_window_search_for (window, text);
}

/* @args: the result's id, then the terms. */
static void
answer_activate (SyllabusSearchProvider *self,
                 GDBusMethodInvocation  *invocation,
                 const char * const     *args)
{
  g_autofree char *topic_id = NULL;
  g_autofree char *key = NULL;
  SyllabusTopic *topic = NULL;
  gboolean next_up;

  if (parse_result_id (args[0], &topic_id, &key, &next_up))
    topic = syllabus_library_lookup (syllabus_application_get_library (self->application), topic_id);

  /* A topic gone since the search: its search in the window says so. */
  if (topic == NULL)
    launch_search (self, args + 1);
  else
    {
      SyllabusWindow *window = syllabus_application_get_main_window (self->application);

      gtk_window_present (GTK_WINDOW (window));
      syllabus_window_show_resource (window, topic, key);
    }

  syllabus_shell_search_provider2_complete_activate_result (self->skeleton, invocation);
}

static gboolean
activate_result_cb (SyllabusShellSearchProvider2 *skeleton,
                    GDBusMethodInvocation        *invocation,
                    const char                   *id,
                    const char * const           *terms,
                    guint                         timestamp,
                    SyllabusSearchProvider       *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_strv_builder_add (builder, id);
  g_strv_builder_addv (builder, (const char **)terms);
  args = g_strv_builder_end (builder);
  answer_when_ready (self, g_object_ref (invocation), answer_activate, (const char * const *)args);
  return TRUE;
}

static gboolean
launch_search_cb (SyllabusShellSearchProvider2 *skeleton,
                  GDBusMethodInvocation        *invocation,
                  const char * const           *terms,
                  guint                         timestamp,
                  SyllabusSearchProvider       *self)
{
  launch_search (self, terms);
  syllabus_shell_search_provider2_complete_launch_search (skeleton, invocation);
  return TRUE;
}

/* The object --------------------------------------------------------------- */

static void
syllabus_search_provider_dispose (GObject *object)
{
  SyllabusSearchProvider *self = (SyllabusSearchProvider *)object;

  syllabus_search_provider_unexport (self);
  g_clear_object (&self->skeleton);

  G_OBJECT_CLASS (syllabus_search_provider_parent_class)->dispose (object);
}

static void
syllabus_search_provider_finalize (GObject *object)
{
  SyllabusSearchProvider *self = (SyllabusSearchProvider *)object;

  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (syllabus_search_provider_parent_class)->finalize (object);
}

static void
syllabus_search_provider_class_init (SyllabusSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syllabus_search_provider_dispose;
  object_class->finalize = syllabus_search_provider_finalize;
}

static void
syllabus_search_provider_init (SyllabusSearchProvider *self)
{
  self->skeleton = syllabus_shell_search_provider2_skeleton_new ();
  self->waiting = g_ptr_array_new_with_free_func (call_free);

  g_signal_connect (self->skeleton, "handle-get-initial-result-set",
                    G_CALLBACK (get_initial_result_set_cb), self);
  g_signal_connect (self->skeleton, "handle-get-subsearch-result-set",
                    G_CALLBACK (get_subsearch_result_set_cb), self);
  g_signal_connect (self->skeleton, "handle-get-result-metas",
                    G_CALLBACK (get_result_metas_cb), self);
  g_signal_connect (self->skeleton, "handle-activate-result",
                    G_CALLBACK (activate_result_cb), self);
  g_signal_connect (self->skeleton, "handle-launch-search",
                    G_CALLBACK (launch_search_cb), self);
}

/**
 * syllabus_search_provider_new:
 * @application: the application whose topics and progress it searches;
 *   it must outlive the provider
 *
 * Returns: (transfer full): a provider, not exported yet
 */
SyllabusSearchProvider *
syllabus_search_provider_new (SyllabusApplication *application)
{
  SyllabusSearchProvider *self;

  g_return_val_if_fail (SYLLABUS_IS_APPLICATION (application), NULL);

  self = g_object_new (SYLLABUS_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}

/**
 * syllabus_search_provider_export:
 *
 * Puts the provider on @connection at %SYLLABUS_SEARCH_PROVIDER_PATH, as
 * GApplication's dbus_register does for the application's own objects.
 */
gboolean
syllabus_search_provider_export (SyllabusSearchProvider  *self,
                                 GDBusConnection         *connection,
                                 GError                 **error)
{
  g_return_val_if_fail (SYLLABUS_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), connection,
                                           SYLLABUS_SEARCH_PROVIDER_PATH, error);
}

/**
 * syllabus_search_provider_unexport:
 *
 * Takes the provider off the bus; calls still waiting are answered
 * with an error.
 */
void
syllabus_search_provider_unexport (SyllabusSearchProvider *self)
{
  g_return_if_fail (SYLLABUS_IS_SEARCH_PROVIDER (self));

  while (self->waiting != NULL && self->waiting->len > 0)
    {
      Call *call = g_ptr_array_steal_index (self->waiting, 0);

      /* Answering takes the Shell's reference; call_free() drops ours. */
      g_dbus_method_invocation_return_error_literal (call->invocation,
                                                     G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Syllabus is quitting");
      call_free (call);
      g_application_release (G_APPLICATION (self->application));
    }

  if (g_dbus_interface_skeleton_get_object_path (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}
