/* syllabus-entry.h

 * Copyright 2026 The Syllabus developers
 *
 * This program is free software: you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation, either version 3 of the License, or (at your option)
 * any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SyllabusStatus:
 * @SYLLABUS_STATUS_NOT_STARTED: not begun
 * @SYLLABUS_STATUS_IN_PROGRESS: being studied
 * @SYLLABUS_STATUS_DONE: finished
 * @SYLLABUS_STATUS_SKIPPED: deliberately left out; never counted as done
 */
typedef enum
{
  SYLLABUS_STATUS_NOT_STARTED,
  SYLLABUS_STATUS_IN_PROGRESS,
  SYLLABUS_STATUS_DONE,
  SYLLABUS_STATUS_SKIPPED,
} SyllabusStatus;

#define SYLLABUS_N_STATUSES (SYLLABUS_STATUS_SKIPPED + 1)

/* The longest notes a resource keeps, in bytes of UTF-8: about forty pages
 * of text. A backup with longer notes is refused at import, and the editor
 * takes no more. */
#define SYLLABUS_ENTRY_NOTES_MAX (256 * 1024)

#define SYLLABUS_TYPE_STATUS (syllabus_status_get_type ())
#define SYLLABUS_TYPE_ENTRY (syllabus_entry_get_type ())

GType          syllabus_status_get_type      (void);
const char    *syllabus_status_to_string     (SyllabusStatus  status);
const char    *syllabus_status_describe      (SyllabusStatus  status);
const char    *syllabus_status_label         (SyllabusStatus  status);
gboolean       syllabus_status_from_string   (const char     *string,
                                              SyllabusStatus *status);

G_DECLARE_FINAL_TYPE (SyllabusEntry, syllabus_entry, SYLLABUS, ENTRY, GObject)

SyllabusEntry *syllabus_entry_new            (const char    *topic_id,
                                              const char    *key);
const char    *syllabus_entry_get_topic_id   (SyllabusEntry *self);
const char    *syllabus_entry_get_key        (SyllabusEntry *self);
const char    *syllabus_entry_get_title      (SyllabusEntry *self);
void           syllabus_entry_set_title      (SyllabusEntry *self,
                                              const char    *title);
const char    *syllabus_entry_get_url        (SyllabusEntry *self);
void           syllabus_entry_set_url        (SyllabusEntry *self,
                                              const char    *url);
SyllabusStatus syllabus_entry_get_status     (SyllabusEntry *self);
void           syllabus_entry_set_status     (SyllabusEntry *self,
                                              SyllabusStatus status);
gboolean       syllabus_entry_get_done       (SyllabusEntry *self);
void           syllabus_entry_set_done       (SyllabusEntry *self,
                                              gboolean       done);
GDateTime     *syllabus_entry_get_started_at (SyllabusEntry *self);
void           syllabus_entry_set_started_at (SyllabusEntry *self,
                                              GDateTime     *started_at);
GDateTime     *syllabus_entry_get_done_at    (SyllabusEntry *self);
void           syllabus_entry_set_done_at    (SyllabusEntry *self,
                                              GDateTime     *done_at);
const char    *syllabus_entry_get_notes      (SyllabusEntry *self);
void           syllabus_entry_set_notes      (SyllabusEntry *self,
                                              const char    *notes);
GDateTime     *syllabus_entry_get_changed_at (SyllabusEntry *self);
gboolean       syllabus_entry_is_pristine    (SyllabusEntry *self);

SyllabusStatus syllabus_entry_get_previous_status (SyllabusEntry *self);
const char    *syllabus_entry_get_previous_notes  (SyllabusEntry *self);
gboolean       syllabus_entry_can_undo            (SyllabusEntry *self);
void           syllabus_entry_undo                (SyllabusEntry *self);

/* For the store's loader: state as read from disk, without touching the
 * change time. */
void           syllabus_entry_restore        (SyllabusEntry *self,
                                              SyllabusStatus status,
                                              GDateTime     *started_at,
                                              GDateTime     *done_at,
                                              const char    *notes,
                                              GDateTime     *changed_at);

GDateTime     *syllabus_now                  (void);

G_END_DECLS
