/* syllabus-store-private.h
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

#include "syllabus-store.h"

G_BEGIN_DECLS

/* For tests: saving reuses the snapshots of unchanged entries, and must
 * still write what snapshots made afresh print. */
char *_syllabus_store_serialize_for_test (SyllabusStore *self,
                                          gboolean       fresh,
                                          gsize         *length);

G_END_DECLS
