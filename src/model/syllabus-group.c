/* syllabus-group.c

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

#include "syllabus-group.h"

/* A heading of a topic's checklist ("Books") with a summary of the
 * progress under it, which the rows showing the heading bind to. */
struct _SyllabusGroup
{
  GObject  parent_instance;

  char    *title;
  char    *summary;
};

G_DEFINE_FINAL_TYPE (SyllabusGroup, syllabus_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
syllabus_group_finalize (GObject *object)
{
  SyllabusGroup *self = (SyllabusGroup *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (syllabus_group_parent_class)->finalize (object);
}

static void
syllabus_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SyllabusGroup *self = SYLLABUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_group_class_init (SyllabusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_group_finalize;
  object_class->get_property = syllabus_group_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_group_init (SyllabusGroup *self)
{
  self->summary = g_strdup ("");
}

/**
 * syllabus_group_new:
 * @title: the group's heading
 *
 * Returns: (transfer full): a new group of the checklist
 */
SyllabusGroup *
syllabus_group_new (const char *title)
{
  SyllabusGroup *self = g_object_new (SYLLABUS_TYPE_GROUP, NULL);

  self->title = g_strdup (title);

  return self;
}

/**
 * syllabus_group_get_title:
 * @self: a #SyllabusGroup
 *
 * Returns: (transfer none): the group's heading
 */
const char *
syllabus_group_get_title (SyllabusGroup *self)
{
  g_return_val_if_fail (SYLLABUS_IS_GROUP (self), NULL);

  return self->title;
}

/**
 * syllabus_group_get_summary:
 * @self: a #SyllabusGroup
 *
 * Returns: (transfer none): the text the group's header shows beside its
 *   title, "" until one is set
 */
const char *
syllabus_group_get_summary (SyllabusGroup *self)
{
  g_return_val_if_fail (SYLLABUS_IS_GROUP (self), NULL);

  return self->summary;
}

/**
 * syllabus_group_set_summary:
 * @self: a #SyllabusGroup
 * @summary: (nullable): the text for the group's header
 *
 * Sets the text shown beside the title, notifying only when it changed.
 */
void
syllabus_group_set_summary (SyllabusGroup *self,
                            const char    *summary)
{
  g_return_if_fail (SYLLABUS_IS_GROUP (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary != NULL ? summary : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
