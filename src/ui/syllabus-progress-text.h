/* syllabus-progress-text.h
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

#pragma once

#include <glib.h>

#include "syllabus-store.h"

G_BEGIN_DECLS

char *syllabus_progress_text_counts   (const SyllabusCounts       *counts);
char *syllabus_progress_text_shown    (const SyllabusCounts       *shown);
char *syllabus_progress_text_filtered (const SyllabusCounts       *shown,
                                       const SyllabusCounts       *all);
char *syllabus_progress_text_merge    (const SyllabusMergeSummary *summary);

G_END_DECLS
