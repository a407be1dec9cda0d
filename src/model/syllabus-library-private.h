/* syllabus-library-private.h

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

#include "syllabus-library.h"

G_BEGIN_DECLS

/* Internals shared by syllabus-library.c, which reads the folder, and
 * syllabus-library-import.c, which changes it. Tests may use them; other
 * units must not. */

struct _SyllabusLibrary
{
  GObject       parent_instance;

  char         *bundled_path;
  GFile        *folder;
  /* id → SyllabusTopic, the shipped ones */
  GHashTable   *bundled;
  GListStore   *topics;
  /* id → the signature (path, etag, size) of the user's topic's file as
   * read, so that reading the folder again parses only what changed */
  GHashTable   *signatures;
  /* ids of the user's topics imported or removed while the folder is being
   * read, or %NULL when no read is under way: what the read found of them
   * is older */
  GHashTable   *changed_while_reading;
  /* Imports waiting for their turn, GTasks */
  GQueue        imports;
  /* A read or an import is under way */
  gboolean      busy;
  /* The folder changed while busy: read it again when done */
  gboolean      reload_wanted;
  guint         reload_source;
  GFileMonitor *monitor;
  /* path of a topic's own folder → GFileMonitor */
  GHashTable   *topic_monitors;
  char         *problem;
  gboolean      loaded;
};

gboolean syllabus_library_find_topic      (SyllabusLibrary *self,
                                           const char      *id,
                                           guint           *position);
gboolean syllabus_library_is_user_topic   (SyllabusLibrary *self,
                                           SyllabusTopic   *topic);
void     syllabus_library_put_topic       (SyllabusLibrary *self,
                                           SyllabusTopic   *topic);
void     syllabus_library_start_read      (SyllabusLibrary *self,
                                           GTask           *outer,
                                           GCancellable    *cancellable);
void     syllabus_library_update_monitors (SyllabusLibrary *self,
                                           GPtrArray       *topic_folders,
                                           gboolean         complete);
void     syllabus_library_run_next        (SyllabusLibrary *self);

G_END_DECLS
