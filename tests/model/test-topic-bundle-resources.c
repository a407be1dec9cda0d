/* test-topic-bundle-resources.c
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

/* The resources of a folder topic. A folder's page says "resources: all":
 * every list item whose first link is http(s) is a resource, grouped
 * under the headings above it, its @type@ marker a kind. That rule is the
 * topic walk's (syllabus-topic-walk.c) and lands with it: until then these
 * tests fail, and they are kept apart from test-topic-bundle for that. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "syllabus-resource.h"
#include "syllabus-topic-bundle.h"
#include "syllabus-topic.h"

typedef struct
{
  const char *title;
  const char *url;
  const char *group;
} Expected;

static const Expected garden[] = {
  { "Composting at home", "https://example.org/garden/compost", "Soil and Compost › Compost" },
  { "Hot composting in a month", "https://example.org/garden/hot-compost",
    "Soil and Compost › Compost" },
  { "Mulching guide", "https://example.org/garden/mulch", "Soil and Compost › Mulch" },
  { "Sowing outdoors", "https://example.org/garden/sowing", "Seeds › Sowing" },
  { "When to harvest", "https://example.org/garden/harvest", "Harvest" },
};

static SyllabusTopic *
load_bundle (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SyllabusTopic *topic = syllabus_topic_bundle_load (folder, "garden", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (topic);
  return topic;
}

static GStrv
keys_of (SyllabusTopic *topic)
{
  GListModel *resources = syllabus_topic_get_resources (topic);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_strv_builder_add (builder, syllabus_resource_get_key (resource));
    }

  return g_strv_builder_end (builder);
}

/* Each node's links, in the order of the numbered names, grouped under
 * the node's title path; the lead-in line and the node without links are
 * none. */
static void
test_bundle_resources_grouped (void)
{
  g_autofree char *path = g_build_filename (SRCDIR, "topics", "garden", NULL);
  g_autoptr(SyllabusTopic) topic = load_bundle (path);
  GListModel *resources = syllabus_topic_get_resources (topic);

  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, G_N_ELEMENTS (garden));
  for (guint i = 0; i < G_N_ELEMENTS (garden); i++)
    {
      g_autoptr(SyllabusResource) resource = g_list_model_get_item (resources, i);

      g_assert_cmpstr (syllabus_resource_get_title (resource), ==, garden[i].title);
      g_assert_cmpstr (syllabus_resource_get_url (resource), ==, garden[i].url);
      g_assert_cmpstr (syllabus_resource_get_group (resource), ==, garden[i].group);
    }

  g_assert_nonnull (strstr (syllabus_topic_get_introduction (topic), "This node lists no resources."));
}

/* Renumbering a file keeps the keys, which name the progress. */
static void
test_bundle_resources_keys_stable (void)
{
  g_autofree char *from = g_build_filename (SRCDIR, "topics", "garden", NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "garden", NULL);
  g_autofree char *seeds = g_build_filename (path, "2-seeds", NULL);
  g_autofree char *renumbered = g_build_filename (path, "7-seeds", NULL);
  g_autoptr(SyllabusTopic) before = NULL;
  g_autoptr(SyllabusTopic) after = NULL;
  g_auto(GStrv) keys_before = NULL;
  g_auto(GStrv) keys_after = NULL;
  g_autoptr(GSubprocess) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  copy = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "cp", "-r", from, path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (copy, NULL, &error));
  g_assert_no_error (error);

  before = load_bundle (path);
  keys_before = keys_of (before);
  g_assert_cmpuint (g_strv_length (keys_before), ==, G_N_ELEMENTS (garden));

  g_assert_cmpint (g_rename (seeds, renumbered), ==, 0);
  after = load_bundle (path);
  keys_after = keys_of (after);
  g_assert_true (g_strv_equal ((const char * const *)keys_before,
                               (const char * const *)keys_after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle-resources/grouped", test_bundle_resources_grouped);
  g_test_add_func ("/bundle-resources/keys-stable", test_bundle_resources_keys_stable);

  return g_test_run ();
}
