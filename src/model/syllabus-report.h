/* syllabus-report.h

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

#include "syllabus-store.h"

G_BEGIN_DECLS

/* The version of the JSON that syllabus_report_status_json() writes. */
#define SYLLABUS_REPORT_JSON_VERSION 1

char *syllabus_report_markdown      (SyllabusStore *store,
                                     GListModel    *topics);
char *syllabus_report_markdown_full (SyllabusStore *store,
                                     GListModel    *topics,
                                     GDateTime     *now);
char *syllabus_report_status_text   (SyllabusStore *store,
                                     GListModel    *topics);
char *syllabus_report_status_json   (SyllabusStore *store,
                                     GListModel    *topics);
char *syllabus_report_summary       (const SyllabusCounts *counts);
char *syllabus_report_escape_markdown (const char  *text);

G_END_DECLS
