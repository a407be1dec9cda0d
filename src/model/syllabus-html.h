/* syllabus-html.h
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
#include <md4c.h>

#include "syllabus-html-filter.h"

G_BEGIN_DECLS

/* An HTML renderer driven by md4c's parser callbacks, so that a caller that
 * walks the document for its own purposes (the topic parser) can render it
 * in the same pass. Callers forward md4c's callbacks to the functions
 * below, or let syllabus_html_render() run the parser.
 *
 * The fields are private; the struct is public so that it can live on the
 * stack or inside the caller's own walk state. */
typedef struct
{
  GString           *out;
  guint              image_depth;   /* images entered and not left */
  gboolean           remote_image;  /* the outermost open image is a placeholder */
  gboolean           hidden_image;  /* ... or is inside dropped content */
  gsize              alt_start;     /* where that image's alternative text starts */
  gsize              block_start;   /* where the open HTML block's raw lines start */
  gboolean           in_html_block;
  gboolean           verbatim;      /* raw HTML as md4c-html writes it, for tests */
  SyllabusHtmlFilter filter;
} SyllabusHtml;

void     syllabus_html_init        (SyllabusHtml  *self,
                                    GString       *out);
void     syllabus_html_enter_block (SyllabusHtml  *self,
                                    MD_BLOCKTYPE   type,
                                    void          *detail);
void     syllabus_html_leave_block (SyllabusHtml  *self,
                                    MD_BLOCKTYPE   type,
                                    void          *detail);
void     syllabus_html_enter_span  (SyllabusHtml  *self,
                                    MD_SPANTYPE    type,
                                    void          *detail);
void     syllabus_html_leave_span  (SyllabusHtml  *self,
                                    MD_SPANTYPE    type,
                                    void          *detail);
void     syllabus_html_text        (SyllabusHtml  *self,
                                    MD_TEXTTYPE    type,
                                    const MD_CHAR *text,
                                    MD_SIZE        size);

gboolean syllabus_html_render      (const char    *markdown,
                                    gsize          length,
                                    unsigned       parser_flags,
                                    GString       *out);

G_END_DECLS
