/* bench-common.h
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

/* Runs per measured program unless --runs says otherwise; the issue asks
 * for medians of at least five. */
#define BENCH_DEFAULT_RUNS 7
#define BENCH_MIN_RUNS 5

GString *bench_generate_topic (gsize   intro_bytes,
                               guint   n_resources);
GString *bench_generate_awesome_list (guint n_resources);
char    *bench_library_topic_id (guint t);
SyllabusResource *bench_library_resource (guint t,
                                          guint i);
void     bench_fill_library   (SyllabusStore *store,
                               guint          n_topics,
                               guint          n_per_topic);
double   bench_median         (const double *values,
                               guint         n);
double   bench_now_ms         (void);
guint    bench_parse_runs     (int          *argc,
                               char       ***argv);
void     bench_print_verdict  (const char   *name,
                               gboolean      met);

G_END_DECLS
