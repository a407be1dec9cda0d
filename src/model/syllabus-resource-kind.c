/* syllabus-resource-kind.c
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

#include "config.h"

#include "syllabus-resource.h"

#include <glib/gi18n.h>

/* The kinds of resource roadmap.sh's topics mark ("@video@", "@book@"…)
 * and the words shown for them. The tag on a row, the kind filter and the
 * report all name a kind through here, so that they agree. */

static const char *
known_label (const char *kind)
{
  /* Translators: kinds of learning resource, shown as a tag on each
   * resource of the checklist, in its filter and in the progress report */
  static const struct { const char *kind; const char *label; } known[] = {
    { "official", NC_("resource kind", "Official") },
    { "article", NC_("resource kind", "Article") },
    { "video", NC_("resource kind", "Video") },
    { "course", NC_("resource kind", "Course") },
    { "book", NC_("resource kind", "Book") },
    { "podcast", NC_("resource kind", "Podcast") },
    { "feed", NC_("resource kind", "Feed") },
    { "opensource", NC_("resource kind", "Open Source") },
    { "roadmap", NC_("resource kind", "Roadmap") },
    { "website", NC_("resource kind", "Website") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (kind, known[i].kind))
      return g_dpgettext2 (GETTEXT_PACKAGE, "resource kind", known[i].label);

  return NULL;
}

/**
 * syllabus_resource_kind_get_label:
 * @kind: a resource's kind, as syllabus_resource_get_kind() gives it
 *
 * The word that names @kind to a person: "Official" for "official", "Open
 * Source" for "opensource", translated. A kind Syllabus does not know is
 * shown as the topic writes it, with a capital first letter ("Cheatsheet"
 * for "cheatsheet").
 *
 * Returns: (transfer none): the label, a string that lives as long as the
 *   program (a translation or an interned string)
 */
const char *
syllabus_resource_kind_get_label (const char *kind)
{
  g_autofree char *valid = NULL;
  g_autofree char *label = NULL;
  const char *known;
  char first[8] = { 0 };

  g_return_val_if_fail (kind != NULL, NULL);

  if ((known = known_label (kind)) != NULL)
    return known;

  /* Kinds come from topic files: whatever they hold, the label is text. */
  valid = g_utf8_make_valid (kind, -1);
  if (*valid == '\0')
    return g_intern_static_string ("");

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (valid)), first);
  label = g_strconcat (first, g_utf8_next_char (valid), NULL);

  return g_intern_string (label);
}
