/* syllabus-topic.h

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

#include <gio/gio.h>

#include "syllabus-resource.h"

G_BEGIN_DECLS

#define SYLLABUS_TOPIC_ERROR (syllabus_topic_error_quark ())

typedef enum
{
  SYLLABUS_TOPIC_ERROR_ENCODING,
  SYLLABUS_TOPIC_ERROR_PARSE,
  SYLLABUS_TOPIC_ERROR_TOO_LARGE,
  SYLLABUS_TOPIC_ERROR_TOO_DEEP,
  SYLLABUS_TOPIC_ERROR_TOO_MANY_FILES,
  SYLLABUS_TOPIC_ERROR_EMPTY_FOLDER,
} SyllabusTopicError;

/* Topics larger than this are refused rather than parsed: no study page is
 * this long, and the limit keeps a stray file from exhausting memory. */
#define SYLLABUS_TOPIC_MAX_SIZE (64 * 1024 * 1024)

/* Which lists of a page become its checklist: the front matter's
 * "resources" (section, all or none), else AUTO: the "Learning Resources"
 * section when the page has one, else every list of links. */
typedef enum
{
  SYLLABUS_RESOURCES_AUTO,
  SYLLABUS_RESOURCES_SECTION,
  SYLLABUS_RESOURCES_ALL,
  SYLLABUS_RESOURCES_NONE,
} SyllabusResourcesRule;

#define SYLLABUS_TYPE_TOPIC (syllabus_topic_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusTopic, syllabus_topic, SYLLABUS, TOPIC, GObject)

GQuark         syllabus_topic_error_quark              (void);

SyllabusTopic *syllabus_topic_new_from_data            (const char     *id,
                                                        const char     *fallback_title,
                                                        const char     *data,
                                                        gsize           length,
                                                        GError        **error);
SyllabusTopic *syllabus_topic_new_from_bytes           (const char     *id,
                                                        const char     *fallback_title,
                                                        GBytes         *bytes,
                                                        GError        **error);
void           syllabus_topic_load_async               (GFile          *file,
                                                        GCancellable   *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer        user_data);
SyllabusTopic *syllabus_topic_load_finish              (GAsyncResult   *result,
                                                        GError        **error);
SyllabusTopic *syllabus_topic_load_file                (GFile          *file,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
SyllabusTopic *syllabus_topic_load_file_as              (GFile          *file,
                                                        const char     *id,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
char          *syllabus_topic_id_for_file              (GFile          *file);
GFile         *syllabus_topic_get_file                 (SyllabusTopic  *self);
const char * const *syllabus_topic_get_local_images    (SyllabusTopic  *self);
gboolean       syllabus_topic_is_folder                (SyllabusTopic  *self);
guint          syllabus_topic_get_n_problems           (SyllabusTopic  *self);
const char    *syllabus_topic_get_problem_path         (SyllabusTopic  *self,
                                                        guint           index);
const GError  *syllabus_topic_get_problem_error        (SyllabusTopic  *self,
                                                        guint           index);

const char    *syllabus_topic_get_id                   (SyllabusTopic  *self);
const char    *syllabus_topic_get_title                (SyllabusTopic  *self);
gint64         syllabus_topic_get_weight               (SyllabusTopic  *self);
const char    *syllabus_topic_get_metadata             (SyllabusTopic  *self,
                                                        const char     *key);
const char    *syllabus_topic_get_introduction         (SyllabusTopic  *self);
const char    *syllabus_topic_get_introduction_html    (SyllabusTopic  *self);
gboolean       syllabus_topic_has_resources_section    (SyllabusTopic  *self);
SyllabusResourcesRule syllabus_topic_get_resources_rule (SyllabusTopic  *self);
GListModel    *syllabus_topic_get_resources            (SyllabusTopic  *self);
const char    *syllabus_topic_get_base_uri             (SyllabusTopic  *self);
void           syllabus_topic_set_base_uri             (SyllabusTopic  *self,
                                                        const char     *base_uri);

G_END_DECLS
