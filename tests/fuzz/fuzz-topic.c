/* fuzz-topic.c
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

/* libFuzzer target for the topic parser. A topic file may come from anywhere,
 * so every input must either be refused with an error or give a topic whose
 * every string is usable: crashes, sanitizer reports, leaks and broken
 * invariants (abort ()) are findings. See README.md for how to run it. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syllabus-links.h"
#include "syllabus-markdown.h"
#include "syllabus-resource.h"
#include "syllabus-topic.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define CHECK(cond) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        fprintf (stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

/* A string that a label, a key or the web view will be handed: never NULL,
 * always UTF-8. */
static gboolean
is_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL);
}

static gboolean
is_nonempty_text (const char *text)
{
  return is_text (text) && *text != '\0';
}

/* Reads every readable property the way a binding or a GtkExpression would,
 * so that a property getter that breaks on odd values is found too. */
static void
read_all_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (G_VALUE_HOLDS_STRING (&value))
        CHECK (g_value_get_string (&value) == NULL || is_text (g_value_get_string (&value)));
    }
}

static gboolean
has_scheme (const char *url,
            const char *scheme)
{
  gsize len = strlen (scheme);

  return g_ascii_strncasecmp (url, scheme, len) == 0 && url[len] == ':';
}

static void
check_link_policy (const char *url)
{
  SyllabusLinkAction action = syllabus_link_decide ("resource:///topic.html", url);

  CHECK (action == SYLLABUS_LINK_REFUSE ||
         action == SYLLABUS_LINK_STAY ||
         action == SYLLABUS_LINK_OPEN_EXTERNAL);

  /* Only web and mail links may ever leave the application. */
  if (action == SYLLABUS_LINK_OPEN_EXTERNAL)
    CHECK (has_scheme (url, "http") || has_scheme (url, "https") || has_scheme (url, "mailto"));
}

static void
check_html (const char *html)
{
  g_autofree char *lower = NULL;
  static const char *const forbidden[] = {
    "<script", "<iframe", "<object", "<embed", "<style", "<form", "<meta", "<link",
  };

  CHECK (is_text (html));

  /* Raw HTML in a topic is shown as text, never interpreted. */
  lower = g_ascii_strdown (html, -1);
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    CHECK (strstr (lower, forbidden[i]) == NULL);
}

static void
check_topic (SyllabusTopic *topic,
             size_t         size)
{
  GListModel *resources;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  const char *introduction;
  const char *weight_text;
  g_autofree char *html = NULL;
  guint n_items;
  guint previous_group_index = 0;

  read_all_properties (G_OBJECT (topic));

  CHECK (g_strcmp0 (syllabus_topic_get_id (topic), "fuzz") == 0);
  CHECK (is_nonempty_text (syllabus_topic_get_title (topic)));
  CHECK (syllabus_topic_get_base_uri (topic) == NULL);

  /* The weight is the front matter's when that is a number, else last. */
  weight_text = syllabus_topic_get_metadata (topic, "weight");
  CHECK (weight_text == NULL || is_text (weight_text));
  if (weight_text == NULL)
    CHECK (syllabus_topic_get_weight (topic) == G_MAXINT);

  for (guint i = 0; i < 4; i++)
    {
      static const char *const keys_to_read[] = { "title", "weight", "description", "" };
      const char *value = syllabus_topic_get_metadata (topic, keys_to_read[i]);

      CHECK (value == NULL || is_text (value));
    }

  introduction = syllabus_topic_get_introduction (topic);
  CHECK (is_text (introduction));
  CHECK (strlen (introduction) <= size);

  html = syllabus_markdown_to_html (introduction, -1);
  check_html (html);

  /* The introduction's HTML from the parsing walk itself: it may differ
   * from the above (a link reference defined in the resources section
   * applies; the text on both sides of the section stays apart), so it is
   * held to the same promises on its own. */
  check_html (syllabus_topic_get_introduction_html (topic));

  resources = syllabus_topic_get_resources (topic);
  CHECK (resources != NULL);
  CHECK (g_list_model_get_item_type (resources) == SYLLABUS_TYPE_RESOURCE);
  n_items = g_list_model_get_n_items (resources);

  /* Resources only come from a "Learning Resources" section. */
  if (n_items > 0)
    CHECK (syllabus_topic_has_resources_section (topic));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);
      const char *title;
      const char *url;
      const char *key;
      const char *host;
      const char *group;
      guint group_index;

      CHECK (SYLLABUS_IS_RESOURCE (resource));
      read_all_properties (G_OBJECT (resource));

      title = syllabus_resource_get_title (resource);
      url = syllabus_resource_get_url (resource);
      key = syllabus_resource_get_key (resource);
      host = syllabus_resource_get_host (resource);
      group = syllabus_resource_get_group (resource);
      group_index = syllabus_resource_get_group_index (resource);

      CHECK (is_nonempty_text (title));
      CHECK (is_nonempty_text (url));
      CHECK (is_nonempty_text (key));
      CHECK (host == NULL || is_nonempty_text (host));
      CHECK (group == NULL || is_nonempty_text (group));

      /* The check list and the progress file rely on one entry per key. */
      CHECK (!g_hash_table_contains (keys, key));
      g_hash_table_add (keys, (gpointer)key);

      /* Groups come in page order and each starts with one first item. */
      CHECK (i == 0 || group_index >= previous_group_index);
      CHECK (syllabus_resource_get_first_in_group (resource) ==
             (i == 0 || group_index != previous_group_index));
      previous_group_index = group_index;

      check_link_policy (url);
    }
}

/* A warning or a failed precondition is a finding. GLib's own fatal
 * messages end in a breakpoint trap, which libFuzzer does not catch, so
 * they are turned into an abort () that it reports with the input. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Let AddressSanitizer see every allocation: GLib 2.74 still has a slice
   * allocator of its own. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SyllabusTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *normalized = NULL;

  topic = syllabus_topic_new_from_data ("fuzz", "Fuzz", (const char *)data, size, &error);
  if (topic == NULL)
    {
      CHECK (error != NULL);
      CHECK (error->domain == SYLLABUS_TOPIC_ERROR);
      CHECK (is_text (error->message));
    }
  else
    {
      CHECK (error == NULL);
      check_topic (topic, size);
    }

  /* The same bytes as a link, as a link target would be written. */
  copy = g_strndup ((const char *)data, size);
  normalized = syllabus_normalize_url (copy);
  CHECK (normalized != NULL);
  if (g_utf8_validate (copy, -1, NULL))
    {
      CHECK (is_text (normalized));
      check_link_policy (copy);
    }

  return 0;
}
