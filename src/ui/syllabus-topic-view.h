/* syllabus-topic-view.h

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

#include <gtk/gtk.h>

#include "syllabus-topic.h"

G_BEGIN_DECLS

#define SYLLABUS_TYPE_TOPIC_VIEW (syllabus_topic_view_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusTopicView, syllabus_topic_view, SYLLABUS, TOPIC_VIEW, GtkWidget)

GtkWidget     *syllabus_topic_view_new       (void);
SyllabusTopic *syllabus_topic_view_get_topic (SyllabusTopicView *self);
void           syllabus_topic_view_set_topic (SyllabusTopicView *self,
                                              SyllabusTopic     *topic);

double         syllabus_topic_view_get_zoom_level (SyllabusTopicView *self);
void           syllabus_topic_view_set_zoom_level (SyllabusTopicView *self,
                                                   double             zoom_level);
void           syllabus_topic_view_zoom           (SyllabusTopicView *self,
                                                   int                steps);

G_END_DECLS
