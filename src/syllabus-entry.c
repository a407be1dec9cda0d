/* syllabus-entry.c

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

#include "syllabus-entry.h"

/* What the user did with one resource of one topic: whether it is done,
 * since when, their notes, and when they last changed any of it. The title
 * and URL are kept as last seen so that the entry can still be shown after
 * the resource left its topic.
 */
struct _SyllabusEntry
{
  GObject    parent_instance;

  char      *topic_id;
  char      *key;
  char      *title;
  char      *url;
  char      *notes;
  GDateTime *done_at;
  GDateTime *changed_at;
  gboolean   done;
};

G_DEFINE_FINAL_TYPE (SyllabusEntry, syllabus_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOPIC_ID,
  PROP_KEY,
  PROP_TITLE,
  PROP_URL,
  PROP_DONE,
  PROP_DONE_AT,
  PROP_NOTES,
  PROP_CHANGED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * syllabus_now:
 *
 * Returns: (transfer full): the current time in UTC to the second, as
 *   progress records it
 */
GDateTime *
syllabus_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now),
                              g_date_time_get_hour (now),
                              g_date_time_get_minute (now),
                              g_date_time_get_second (now));
}

static void
syllabus_entry_finalize (GObject *object)
{
  SyllabusEntry *self = (SyllabusEntry *)object;

  g_clear_pointer (&self->topic_id, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->done_at, g_date_time_unref);
  g_clear_pointer (&self->changed_at, g_date_time_unref);

  G_OBJECT_CLASS (syllabus_entry_parent_class)->finalize (object);
}

static void
syllabus_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SyllabusEntry *self = SYLLABUS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TOPIC_ID:
      g_value_set_string (value, self->topic_id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_DONE_AT:
      g_value_set_boxed (value, self->done_at);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CHANGED_AT:
      g_value_set_boxed (value, self->changed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SyllabusEntry *self = SYLLABUS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DONE:
      syllabus_entry_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      syllabus_entry_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syllabus_entry_class_init (SyllabusEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syllabus_entry_finalize;
  object_class->get_property = syllabus_entry_get_property;
  object_class->set_property = syllabus_entry_set_property;

  properties[PROP_TOPIC_ID] =
    g_param_spec_string ("topic-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DONE_AT] =
    g_param_spec_boxed ("done-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHANGED_AT] =
    g_param_spec_boxed ("changed-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syllabus_entry_init (SyllabusEntry *self)
{
  self->notes = g_strdup ("");
}

/**
 * syllabus_entry_new:
 * @topic_id: the topic the resource belongs to
 * @key: the resource's normalised URL
 *
 * Returns: (transfer full): a new entry: not done, no notes
 */
SyllabusEntry *
syllabus_entry_new (const char *topic_id,
                    const char *key)
{
  SyllabusEntry *self;

  g_return_val_if_fail (topic_id != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (SYLLABUS_TYPE_ENTRY, NULL);
  self->topic_id = g_strdup (topic_id);
  self->key = g_strdup (key);

  return self;
}

const char *
syllabus_entry_get_topic_id (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->topic_id;
}

const char *
syllabus_entry_get_key (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->key;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
touch (SyllabusEntry *self)
{
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  self->changed_at = syllabus_now ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_AT]);
}

/**
 * syllabus_entry_get_title:
 *
 * Returns: (nullable): the resource's title as last seen in its topic
 */
const char *
syllabus_entry_get_title (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->title;
}

void
syllabus_entry_set_title (SyllabusEntry *self,
                          const char    *title)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * syllabus_entry_get_url:
 *
 * Returns: (nullable): the resource's link as last seen in its topic
 */
const char *
syllabus_entry_get_url (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->url;
}

void
syllabus_entry_set_url (SyllabusEntry *self,
                        const char    *url)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

gboolean
syllabus_entry_get_done (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), FALSE);

  return self->done;
}

/**
 * syllabus_entry_set_done:
 *
 * Marks the resource done or not done, as a user change: the time it was
 * done and the time of the last change are updated.
 */
void
syllabus_entry_set_done (SyllabusEntry *self,
                         gboolean       done)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_clear_pointer (&self->done_at, g_date_time_unref);
  if (done)
    self->done_at = syllabus_now ();

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * syllabus_entry_get_done_at:
 *
 * Returns: (nullable) (transfer none): when the resource was marked done
 */
GDateTime *
syllabus_entry_get_done_at (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->done_at;
}

const char *
syllabus_entry_get_notes (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->notes;
}

void
syllabus_entry_set_notes (SyllabusEntry *self,
                          const char    *notes)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (!set_string (&self->notes, notes != NULL ? notes : ""))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * syllabus_entry_get_changed_at:
 *
 * Returns: (nullable) (transfer none): when the user last changed the entry
 */
GDateTime *
syllabus_entry_get_changed_at (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->changed_at;
}

/**
 * syllabus_entry_is_pristine:
 *
 * Returns: %TRUE if the user never changed this entry, so that it need
 *   not be saved
 */
gboolean
syllabus_entry_is_pristine (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), TRUE);

  return !self->done && self->notes[0] == '\0' && self->changed_at == NULL;
}

void
syllabus_entry_restore (SyllabusEntry *self,
                        gboolean       done,
                        GDateTime     *done_at,
                        const char    *notes,
                        GDateTime     *changed_at)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  self->done = !!done;
  g_clear_pointer (&self->done_at, g_date_time_unref);
  self->done_at = done_at != NULL ? g_date_time_ref (done_at) : NULL;
  set_string (&self->notes, notes != NULL ? notes : "");
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  self->changed_at = changed_at != NULL ? g_date_time_ref (changed_at) : NULL;
}
