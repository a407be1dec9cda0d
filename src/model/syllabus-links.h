/* syllabus-links.h

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

G_BEGIN_DECLS

typedef enum
{
  SYLLABUS_LINK_REFUSE,        /* never followed */
  SYLLABUS_LINK_STAY,          /* the page itself, or a place in it */
  SYLLABUS_LINK_OPEN_EXTERNAL, /* handed to the user's browser or mailer */
} SyllabusLinkAction;

SyllabusLinkAction syllabus_link_decide (const char *page_uri,
                                         const char *target_uri);

G_END_DECLS
