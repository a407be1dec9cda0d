/* syllabus-search-provider.h
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

#include <gio/gio.h>

#include "syllabus-application.h"

G_BEGIN_DECLS

/* Where the provider lives on the application's bus name; the
 * search-provider .ini file in data/ names the same path. */
#define SYLLABUS_SEARCH_PROVIDER_PATH "/io/github/syllabus/Syllabus/SearchProvider"

#define SYLLABUS_TYPE_SEARCH_PROVIDER (syllabus_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (SyllabusSearchProvider, syllabus_search_provider, SYLLABUS, SEARCH_PROVIDER, GObject)

SyllabusSearchProvider *syllabus_search_provider_new        (SyllabusApplication    *application);
gboolean                syllabus_search_provider_export     (SyllabusSearchProvider *self,
                                                             GDBusConnection        *connection,
                                                             GError                **error);
void                    syllabus_search_provider_unexport   (SyllabusSearchProvider *self);

G_END_DECLS
