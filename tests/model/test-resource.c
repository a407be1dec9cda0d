/* test-resource.c
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

/* A resource's kind, as roadmap.sh's "@official@" marks give it (the topic
 * parser reads the marks; test-topic.c checks that), and the labels the
 * kinds are shown with. */

#include "config.h"

#include <string.h>

#include "syllabus-resource.h"
#include "syllabus-resource-private.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static char *
kind_property (SyllabusResource *resource)
{
  char *kind = NULL;

  g_object_get (resource, "kind", &kind, NULL);

  return kind;
}

/* A resource has no kind until the parser gives it one. */
static void
test_kind_none (void)
{
  g_autoptr(SyllabusResource) resource =
    syllabus_resource_new ("Tokio", "https://tokio.rs/", NULL, 0);
  g_autofree char *kind = kind_property (resource);

  g_assert_null (syllabus_resource_get_kind (resource));
  g_assert_null (kind);
}

/* The kind is kept in lower case, reported once per change, and taken away
 * by NULL or "". */
static void
test_kind_set (void)
{
  g_autoptr(SyllabusResource) resource =
    syllabus_resource_new ("Official Website", "https://tokio.rs/", "Docs", 1);
  g_autofree char *kind = NULL;
  guint notified = 0;

  g_signal_connect (resource, "notify::kind", G_CALLBACK (count_notify_cb), &notified);

  syllabus_resource_set_kind (resource, "OffiCial");
  g_assert_cmpstr (syllabus_resource_get_kind (resource), ==, "official");
  kind = kind_property (resource);
  g_assert_cmpstr (kind, ==, "official");
  g_assert_cmpuint (notified, ==, 1);

  /* The same kind, however spelt, is no change. */
  syllabus_resource_set_kind (resource, "OFFICIAL");
  syllabus_resource_set_kind (resource, "official");
  g_assert_cmpuint (notified, ==, 1);

  /* Only ASCII letters change case: the rest is kept as written. */
  syllabus_resource_set_kind (resource, "Vidéo");
  g_assert_cmpstr (syllabus_resource_get_kind (resource), ==, "vidéo");
  g_assert_cmpuint (notified, ==, 2);

  syllabus_resource_set_kind (resource, "");
  g_assert_null (syllabus_resource_get_kind (resource));
  g_assert_cmpuint (notified, ==, 3);

  syllabus_resource_set_kind (resource, NULL);
  g_assert_null (syllabus_resource_get_kind (resource));
  g_assert_cmpuint (notified, ==, 3);

  syllabus_resource_set_kind (resource, "book");
  syllabus_resource_set_kind (resource, NULL);
  g_assert_null (syllabus_resource_get_kind (resource));
  g_assert_cmpuint (notified, ==, 5);

  /* The rest of the resource is left as it was. */
  g_assert_cmpstr (syllabus_resource_get_title (resource), ==, "Official Website");
  g_assert_cmpstr (syllabus_resource_get_key (resource), ==, "https://tokio.rs/");
  g_assert_cmpstr (syllabus_resource_get_group (resource), ==, "Docs");
}

/* The kinds roadmap.sh uses have labels of their own. */
static void
test_kind_label_known (void)
{
  static const struct { const char *kind; const char *label; } known[] = {
    { "official", "Official" },
    { "article", "Article" },
    { "video", "Video" },
    { "course", "Course" },
    { "book", "Book" },
    { "podcast", "Podcast" },
    { "feed", "Feed" },
    { "opensource", "Open Source" },
    { "roadmap", "Roadmap" },
    { "website", "Website" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_assert_cmpstr (syllabus_resource_kind_get_label (known[i].kind), ==, known[i].label);
}

/* Any other kind is shown as written, with a capital first letter, as a
 * string that stays: the same one each time. */
static void
test_kind_label_unknown (void)
{
  const char *label = syllabus_resource_kind_get_label ("cheatsheet");
  g_autofree char *built = g_strconcat ("cheat", "sheet", NULL);

  g_assert_cmpstr (label, ==, "Cheatsheet");
  g_assert_true (syllabus_resource_kind_get_label (built) == label);

  g_assert_cmpstr (syllabus_resource_kind_get_label ("x"), ==, "X");
  g_assert_cmpstr (syllabus_resource_kind_get_label ("open-source"), ==, "Open-source");
  g_assert_cmpstr (syllabus_resource_kind_get_label ("écrit"), ==, "Écrit");
  g_assert_cmpstr (syllabus_resource_kind_get_label ("2nd-edition"), ==, "2nd-edition");
  g_assert_cmpstr (syllabus_resource_kind_get_label (""), ==, "");

  /* Bytes that are not UTF-8 still make text. */
  label = syllabus_resource_kind_get_label ("\xff" "bad");
  g_assert_true (g_utf8_validate (label, -1, NULL));
  g_assert_nonnull (strstr (label, "bad"));
}

/* What the setter stores is what the label knows. */
static void
test_kind_label_of_resource (void)
{
  g_autoptr(SyllabusResource) resource =
    syllabus_resource_new ("Tokio on GitHub", "https://github.com/tokio-rs/tokio", NULL, 0);

  syllabus_resource_set_kind (resource, "OpenSource");
  g_assert_cmpstr (syllabus_resource_kind_get_label (syllabus_resource_get_kind (resource)), ==,
                   "Open Source");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/resource/kind/none", test_kind_none);
  g_test_add_func ("/resource/kind/set", test_kind_set);
  g_test_add_func ("/resource/kind/label-known", test_kind_label_known);
  g_test_add_func ("/resource/kind/label-unknown", test_kind_label_unknown);
  g_test_add_func ("/resource/kind/label-of-resource", test_kind_label_of_resource);

  return g_test_run ();
}
