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

#include <glib/gi18n.h>

/* What the user did with one resource of one topic: its status (not
 * started, in progress, done, skipped), when it was started and finished,
 * their notes, and when they last changed any of it. The title and URL are
 * kept as last seen so that the entry can still be shown after the
 * resource left its topic.
 *
 * Every change the user makes goes through a setter that updates the change
 * time and emits ::changed, which the store saves on.
 */
struct _SyllabusEntry
{
  GObject    parent_instance;

  char      *topic_id;
  char      *key;
  char      *title;
  char      *url;
  char          *notes;
  GDateTime     *started_at;
  GDateTime     *done_at;
  GDateTime     *changed_at;
  SyllabusStatus status;

  /* The state before the last change the user may want to undo; a burst of
   * typing counts as one change. */
  SyllabusStatus undo_status;
  GDateTime     *undo_started_at;
  GDateTime     *undo_done_at;
  char          *undo_notes;
  gint64         last_typing;
  guint          can_undo : 1;
};

/* Typing in the notes within this long of the last keystroke belongs to
 * the same change, for undo. */
#define TYPING_BURST_USEC (3 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (SyllabusEntry, syllabus_entry, G_TYPE_OBJECT)

static const GEnumValue status_values[] = {
  { SYLLABUS_STATUS_NOT_STARTED, "SYLLABUS_STATUS_NOT_STARTED", "not-started" },
  { SYLLABUS_STATUS_IN_PROGRESS, "SYLLABUS_STATUS_IN_PROGRESS", "in-progress" },
  { SYLLABUS_STATUS_DONE, "SYLLABUS_STATUS_DONE", "done" },
  { SYLLABUS_STATUS_SKIPPED, "SYLLABUS_STATUS_SKIPPED", "skipped" },
  { 0, NULL, NULL }
};

GType
syllabus_status_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("SyllabusStatus", status_values));

  return type;
}

/**
 * syllabus_status_to_string:
 *
 * Returns: the status as the progress file writes it: "not-started",
 *   "in-progress", "done" or "skipped"
 */
const char *
syllabus_status_to_string (SyllabusStatus status)
{
  g_return_val_if_fail (status < SYLLABUS_N_STATUSES, NULL);

  return status_values[status].value_nick;
}

/**
 * syllabus_status_describe:
 *
 * Returns: the status in words, lower case, for sentences: "in progress"
 */
const char *
syllabus_status_describe (SyllabusStatus status)
{
  switch (status)
    {
    case SYLLABUS_STATUS_IN_PROGRESS:
      /* Translators: a resource's status, within a sentence */
      return _("in progress");
    case SYLLABUS_STATUS_DONE:
      /* Translators: a resource's status, within a sentence */
      return _("done");
    case SYLLABUS_STATUS_SKIPPED:
      /* Translators: a resource's status, within a sentence */
      return _("skipped");
    case SYLLABUS_STATUS_NOT_STARTED:
    default:
      /* Translators: a resource's status, within a sentence */
      return _("not started");
    }
}

/**
 * syllabus_status_label:
 *
 * Returns: the status as a label of its own, as reports head their lists
 *   and GNOME Shell's search describes a resource: "In progress"
 */
const char *
syllabus_status_label (SyllabusStatus status)
{
  switch (status)
    {
    case SYLLABUS_STATUS_IN_PROGRESS:
      return _("In progress");
    case SYLLABUS_STATUS_DONE:
      return _("Done");
    case SYLLABUS_STATUS_SKIPPED:
      return _("Skipped");
    case SYLLABUS_STATUS_NOT_STARTED:
    default:
      return _("Not started");
    }
}

/**
 * syllabus_status_from_string:
 *
 * Returns: whether @string names a status
 */
gboolean
syllabus_status_from_string (const char     *string,
                             SyllabusStatus *status)
{
  for (guint i = 0; i < SYLLABUS_N_STATUSES; i++)
    if (g_strcmp0 (string, status_values[i].value_nick) == 0)
      {
        *status = status_values[i].value;
        return TRUE;
      }

  return FALSE;
}

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TOPIC_ID,
  PROP_KEY,
  PROP_TITLE,
  PROP_URL,
  PROP_STATUS,
  PROP_DONE,
  PROP_STARTED_AT,
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
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->done_at, g_date_time_unref);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_clear_pointer (&self->undo_started_at, g_date_time_unref);
  g_clear_pointer (&self->undo_done_at, g_date_time_unref);
  g_clear_pointer (&self->undo_notes, g_free);

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
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->status == SYLLABUS_STATUS_DONE);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
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
    case PROP_STATUS:
      syllabus_entry_set_status (self, g_value_get_enum (value));
      break;
    case PROP_DONE:
      syllabus_entry_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_STARTED_AT:
      syllabus_entry_set_started_at (self, g_value_get_boxed (value));
      break;
    case PROP_DONE_AT:
      syllabus_entry_set_done_at (self, g_value_get_boxed (value));
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
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SYLLABUS_TYPE_STATUS, SYLLABUS_STATUS_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * SyllabusEntry:done:
   *
   * Whether the status is done: what the check box shows and sets.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DONE_AT] =
    g_param_spec_boxed ("done-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHANGED_AT] =
    g_param_spec_boxed ("changed-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SyllabusEntry::changed:
   * @typing: %TRUE when only the notes changed, so that saving can wait
   *   for a pause
   *
   * The user changed the entry.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
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

/**
 * syllabus_entry_get_topic_id:
 * @self: a #SyllabusEntry
 *
 * Returns: (transfer none): the id of the topic the entry belongs to
 */
const char *
syllabus_entry_get_topic_id (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->topic_id;
}

/**
 * syllabus_entry_get_key:
 * @self: a #SyllabusEntry
 *
 * Returns: (transfer none): the resource's key within its topic (its
 *   normalised address)
 */
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

static gboolean set_time (GDateTime **field,
                          GDateTime  *value);

/* Keeps the current state for undo, before a user change. */
static void
remember (SyllabusEntry *self,
          gboolean       typing)
{
  gint64 now = g_get_monotonic_time ();
  gboolean same_burst = typing && self->last_typing != 0 &&
                        now - self->last_typing < TYPING_BURST_USEC;

  self->last_typing = typing ? now : 0;
  if (same_burst)
    return;

  self->undo_status = self->status;
  set_time (&self->undo_started_at, self->started_at);
  set_time (&self->undo_done_at, self->done_at);
  g_free (self->undo_notes);
  self->undo_notes = g_strdup (self->notes);
  self->can_undo = TRUE;
}

static gboolean
set_time (GDateTime **field,
          GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;

  return TRUE;
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

/**
 * syllabus_entry_set_title:
 * @self: a #SyllabusEntry
 * @title: (nullable): the resource's title as the page last showed it
 *
 * Remembers the title, so that progress whose resource left the page
 * can still be named. Not a change of progress: the change time stays.
 */
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

/**
 * syllabus_entry_set_url:
 * @self: a #SyllabusEntry
 * @url: (nullable): the resource's address as the page last wrote it
 *
 * Remembers the address as written (the key is its normalised form). Not
 * a change of progress: the change time stays.
 */
void
syllabus_entry_set_url (SyllabusEntry *self,
                        const char    *url)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/**
 * syllabus_entry_get_status:
 */
SyllabusStatus
syllabus_entry_get_status (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), SYLLABUS_STATUS_NOT_STARTED);

  return self->status;
}

/**
 * syllabus_entry_set_status:
 *
 * Changes the status as a user change. Dates follow: starting records the
 * start (if none is recorded), finishing records the finish, going back to
 * not started forgets both, and only done keeps a finish date.
 */
void
syllabus_entry_set_status (SyllabusEntry  *self,
                           SyllabusStatus  status)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean was_done;
  gboolean started_changed = FALSE;
  gboolean done_changed = FALSE;

  g_return_if_fail (SYLLABUS_IS_ENTRY (self));
  g_return_if_fail (status < SYLLABUS_N_STATUSES);

  if (self->status == status)
    return;

  remember (self, FALSE);
  now = syllabus_now ();
  was_done = self->status == SYLLABUS_STATUS_DONE;
  self->status = status;

  switch (status)
    {
    case SYLLABUS_STATUS_NOT_STARTED:
      started_changed = set_time (&self->started_at, NULL);
      done_changed = set_time (&self->done_at, NULL);
      break;
    case SYLLABUS_STATUS_IN_PROGRESS:
      if (self->started_at == NULL)
        started_changed = set_time (&self->started_at, now);
      done_changed = set_time (&self->done_at, NULL);
      break;
    case SYLLABUS_STATUS_DONE:
      done_changed = set_time (&self->done_at, now);
      break;
    case SYLLABUS_STATUS_SKIPPED:
    default:
      done_changed = set_time (&self->done_at, NULL);
      break;
    }

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  if (started_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
  if (done_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (was_done != (status == SYLLABUS_STATUS_DONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0, FALSE);
}

/**
 * syllabus_entry_get_done:
 * @self: a #SyllabusEntry
 *
 * Returns: whether the resource's status is %SYLLABUS_STATUS_DONE
 */
gboolean
syllabus_entry_get_done (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), FALSE);

  return self->status == SYLLABUS_STATUS_DONE;
}

/**
 * syllabus_entry_set_done:
 *
 * What the check box does: ticking marks the resource done; unticking
 * returns it to in progress if it was ever started, else to not started.
 */
void
syllabus_entry_set_done (SyllabusEntry *self,
                         gboolean       done)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (done)
    syllabus_entry_set_status (self, SYLLABUS_STATUS_DONE);
  else if (self->status == SYLLABUS_STATUS_DONE)
    syllabus_entry_set_status (self, self->started_at != NULL ? SYLLABUS_STATUS_IN_PROGRESS
                                                              : SYLLABUS_STATUS_NOT_STARTED);
}

/**
 * syllabus_entry_get_started_at:
 *
 * Returns: (nullable) (transfer none): when the user started the resource
 */
GDateTime *
syllabus_entry_get_started_at (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->started_at;
}

/**
 * syllabus_entry_set_started_at:
 * @started_at: (nullable): the corrected start
 *
 * Corrects when the resource was started, as a user change.
 */
void
syllabus_entry_set_started_at (SyllabusEntry *self,
                               GDateTime     *started_at)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (self->started_at == started_at ||
      (self->started_at != NULL && started_at != NULL &&
       g_date_time_equal (self->started_at, started_at)))
    return;

  remember (self, FALSE);
  set_time (&self->started_at, started_at);

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0, FALSE);
}

/**
 * syllabus_entry_get_done_at:
 *
 * Returns: (nullable) (transfer none): when the resource was finished
 */
GDateTime *
syllabus_entry_get_done_at (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->done_at;
}

/**
 * syllabus_entry_set_done_at:
 * @done_at: (nullable): the corrected finish
 *
 * Corrects when the resource was finished, as a user change. Only a done
 * resource has a finish date.
 */
void
syllabus_entry_set_done_at (SyllabusEntry *self,
                            GDateTime     *done_at)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (self->status != SYLLABUS_STATUS_DONE || done_at == NULL)
    return;

  if (self->done_at != NULL && g_date_time_equal (self->done_at, done_at))
    return;

  remember (self, FALSE);
  set_time (&self->done_at, done_at);

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0, FALSE);
}

/**
 * syllabus_entry_get_notes:
 * @self: a #SyllabusEntry
 *
 * Returns: (transfer none): the user's notes, "" if there are none
 */
const char *
syllabus_entry_get_notes (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->notes;
}

/**
 * syllabus_entry_set_notes:
 * @self: a #SyllabusEntry
 * @notes: (nullable): the new notes; %NULL is the same as ""
 *
 * Replaces the user's notes and records the change time. A burst of
 * typing counts as one change for undo.
 */
void
syllabus_entry_set_notes (SyllabusEntry *self,
                          const char    *notes)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (g_strcmp0 (self->notes, notes != NULL ? notes : "") == 0)
    return;

  remember (self, TRUE);
  set_string (&self->notes, notes != NULL ? notes : "");

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0, TRUE);
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

  return self->status == SYLLABUS_STATUS_NOT_STARTED && self->notes[0] == '\0' &&
         self->changed_at == NULL;
}

/**
 * syllabus_entry_restore:
 * @self: a #SyllabusEntry
 * @status: the status as read
 * @started_at: (nullable): when the resource was started
 * @done_at: (nullable): when it was finished; ignored unless @status is
 *   %SYLLABUS_STATUS_DONE
 * @notes: (nullable): the notes as read
 * @changed_at: (nullable): when the progress last changed
 *
 * Sets the state the store read from disk, without touching the change
 * time and without emitting #SyllabusEntry::changed; nothing before it
 * can be undone.
 */
void
syllabus_entry_restore (SyllabusEntry  *self,
                        SyllabusStatus  status,
                        GDateTime      *started_at,
                        GDateTime      *done_at,
                        const char     *notes,
                        GDateTime      *changed_at)
{
  g_return_if_fail (SYLLABUS_IS_ENTRY (self));
  g_return_if_fail (status < SYLLABUS_N_STATUSES);

  self->status = status;
  set_time (&self->started_at, started_at);
  set_time (&self->done_at, status == SYLLABUS_STATUS_DONE ? done_at : NULL);
  set_string (&self->notes, notes != NULL ? notes : "");
  set_time (&self->changed_at, changed_at);

  /* What came before a restored state is not the user's to undo. */
  self->can_undo = FALSE;
  self->last_typing = 0;
}

/**
 * syllabus_entry_get_previous_status:
 *
 * Returns: the status before the last change
 */
SyllabusStatus
syllabus_entry_get_previous_status (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), SYLLABUS_STATUS_NOT_STARTED);

  return self->can_undo ? self->undo_status : self->status;
}

/**
 * syllabus_entry_get_previous_notes:
 *
 * Returns: the notes before the last change (a burst of typing is one
 *   change)
 */
const char *
syllabus_entry_get_previous_notes (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), NULL);

  return self->can_undo ? self->undo_notes : self->notes;
}

/**
 * syllabus_entry_can_undo:
 * @self: a #SyllabusEntry
 *
 * Returns: whether the user's last change can still be undone
 */
gboolean
syllabus_entry_can_undo (SyllabusEntry *self)
{
  g_return_val_if_fail (SYLLABUS_IS_ENTRY (self), FALSE);

  return self->can_undo;
}

/**
 * syllabus_entry_undo:
 *
 * Puts back the state from before the last change, as a new user change:
 * it is saved, and can itself be undone.
 */
void
syllabus_entry_undo (SyllabusEntry *self)
{
  g_autoptr(GDateTime) started_at = NULL;
  g_autoptr(GDateTime) done_at = NULL;
  g_autofree char *notes = NULL;
  SyllabusStatus status;
  gboolean was_done;
  gboolean status_changed;
  gboolean started_changed;
  gboolean done_changed;
  gboolean notes_changed;

  g_return_if_fail (SYLLABUS_IS_ENTRY (self));

  if (!self->can_undo)
    return;

  status = self->undo_status;
  started_at = self->undo_started_at != NULL ? g_date_time_ref (self->undo_started_at) : NULL;
  done_at = self->undo_done_at != NULL ? g_date_time_ref (self->undo_done_at) : NULL;
  notes = g_strdup (self->undo_notes);

  remember (self, FALSE);
  was_done = self->status == SYLLABUS_STATUS_DONE;
  status_changed = self->status != status;
  self->status = status;
  started_changed = set_time (&self->started_at, started_at);
  done_changed = set_time (&self->done_at, done_at);
  notes_changed = set_string (&self->notes, notes);

  g_object_freeze_notify (G_OBJECT (self));
  touch (self);
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (was_done != (status == SYLLABUS_STATUS_DONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  if (started_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
  if (done_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
  if (notes_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0, FALSE);
}
