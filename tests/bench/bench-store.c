/* bench-store.c
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

/* Benchmark 4: the progress store with 10,000 resources, each with notes,
 * over 50 topics (a file each).
 *
 *  - save: syllabus_store_save() after one change, until the file is on
 *    disk (it is written durably: the time includes fsync);
 *  - load: syllabus_store_load() of that folder into a new store;
 *  - typing: while notes are edited on a main loop, as fast as a quick
 *    typist, with pauses that let the debounced saves run in threads, a
 *    1 ms timer measures the longest time the main loop did not run;
 *  - merge: another computer's version of one topic (every resource
 *    changed) lands in the folder as a sync tool delivers it; the same
 *    timer runs until the store holds it.
 *
 * Goals: load <= 20 ms, save after one change < 5 ms, no main-loop block
 * > 16 ms while typing, loading or merging. For reference the program
 * also times json-glib parsing the same progress alone and writing one
 * topic's bytes durably alone: what the store cannot go below with this
 * file format and this disk.
 *
 * The store lives in a temporary XDG_DATA_HOME, removed at the end.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-common.h"
#include "syllabus-store.h"

#define N_TOPICS 50
#define N_PER_TOPIC 200
#define GOAL_LOAD_MS 20.0
#define GOAL_SAVE_MS 5.0
#define GOAL_BLOCK_MS 16.0

/* Typing: a key every 25 ms for a second, then a pause longer than the
 * store's notes delay, so that a save runs in each pause. */
#define KEY_INTERVAL_MS 25
#define BURST_KEYS 40
#define PAUSE_MS (SYLLABUS_STORE_NOTES_DELAY_MS + 400)
#define N_BURSTS 4

static guint
count_entries (SyllabusStore *store)
{
  guint n = 0;

  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_autofree char *id = bench_library_topic_id (t);
      g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, id);

      n += entries->len;
    }

  return n;
}

/* The main-loop part ------------------------------------------------------ */

typedef struct
{
  GMainLoop     *loop;
  SyllabusStore *store;
  GPtrArray     *entries;     /* SyllabusEntry, borrowed */
  GRand         *rand;

  double         last_tick;
  double         max_gap;
  double         max_edit;
  guint          keys;
  guint          bursts;
  guint          saves;
  gboolean       measuring;
} Typing;

static gboolean
tick_cb (gpointer user_data)
{
  Typing *typing = user_data;
  double now = bench_now_ms ();

  if (typing->measuring && typing->last_tick > 0)
    typing->max_gap = MAX (typing->max_gap, now - typing->last_tick);
  typing->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean type_key_cb (gpointer user_data);

static gboolean
resume_typing_cb (gpointer user_data)
{
  Typing *typing = user_data;

  g_timeout_add (KEY_INTERVAL_MS, type_key_cb, typing);

  return G_SOURCE_REMOVE;
}

static gboolean
finish_cb (gpointer user_data)
{
  Typing *typing = user_data;

  if (syllabus_store_get_dirty (typing->store))
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (typing->loop);

  return G_SOURCE_REMOVE;
}

static gboolean
type_key_cb (gpointer user_data)
{
  Typing *typing = user_data;
  SyllabusEntry *entry;
  g_autofree char *notes = NULL;
  double start;

  /* Several keys go to one note, as when someone writes a sentence. */
  entry = g_ptr_array_index (typing->entries,
                             (typing->keys / 10 * 7919) % typing->entries->len);
  notes = g_strdup_printf ("%s%c", syllabus_entry_get_notes (entry),
                           "abcdefghijklmnopqrstuvwxyz "[g_rand_int_range (typing->rand, 0, 27)]);

  start = bench_now_ms ();
  syllabus_entry_set_notes (entry, notes);
  typing->max_edit = MAX (typing->max_edit, bench_now_ms () - start);
  typing->keys++;

  if (typing->keys % BURST_KEYS != 0)
    return G_SOURCE_CONTINUE;

  if (++typing->bursts < N_BURSTS)
    g_timeout_add (PAUSE_MS, resume_typing_cb, typing);
  else
    g_timeout_add (PAUSE_MS, finish_cb, typing);

  return G_SOURCE_REMOVE;
}

static void
dirty_changed_cb (SyllabusStore *store,
                  GParamSpec    *pspec,
                  Typing        *typing)
{
  if (!syllabus_store_get_dirty (store))
    typing->saves++;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Typing *typing = user_data;
  g_autoptr(GError) error = NULL;

  if (!syllabus_store_save_finish (SYLLABUS_STORE (object), result, &error))
    g_error ("Saving failed: %s", error->message);

  g_main_loop_quit (typing->loop);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Typing *typing = user_data;
  g_autoptr(GError) error = NULL;

  if (!syllabus_store_load_finish (SYLLABUS_STORE (object), result, &error))
    g_error ("Loading failed: %s", error->message);

  g_main_loop_quit (typing->loop);
}

/* The merge: until the store holds what landed. */
static SyllabusEntry *merged_entry;

static gboolean
merged_cb (gpointer user_data)
{
  Typing *typing = user_data;

  if (syllabus_entry_get_status (merged_entry) != SYLLABUS_STATUS_SKIPPED)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (typing->loop);
  return G_SOURCE_REMOVE;
}

/* Another computer's file of @id: every resource of it skipped, later. */
static char *
other_computer_topic (const char *id,
                      guint       t)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "computer");
  json_builder_add_string_value (builder, "laptop");
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_PER_TOPIC; i++)
    {
      g_autoptr(SyllabusResource) resource = bench_library_resource (t, i);

      json_builder_set_member_name (builder, syllabus_resource_get_key (resource));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "skipped");
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, "Skipped on the laptop");
      json_builder_set_member_name (builder, "changed-at");
      json_builder_add_string_value (builder, "2030-01-01T00:00:00Z");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static void
run_main_loop (Typing *typing)
{
  typing->last_tick = 0;
  typing->max_gap = 0;
  typing->measuring = TRUE;
  g_main_loop_run (typing->loop);
  typing->measuring = FALSE;
}

/* Reference floors -------------------------------------------------------- */

static double
time_json_parse (const char *contents,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  double start = bench_now_ms ();

  if (!json_parser_load_from_data (parser, contents, length, &error))
    g_error ("json-glib cannot read the progress file: %s", error->message);

  return bench_now_ms () - start;
}

static double
time_durable_write (const char *path,
                    const char *contents,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  double start = bench_now_ms ();

  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_error ("Cannot write %s: %s", path, error->message);

  return bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = bench_parse_runs (&argc, &argv);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *topic_contents = NULL;
  gsize topic_length;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SyllabusStore) store = NULL;
  g_autofree double *save_ms = g_new (double, runs);
  g_autofree double *load_ms = g_new (double, runs);
  g_autofree double *parse_ms = g_new (double, runs);
  g_autofree double *write_ms = g_new (double, runs);
  double fill_ms, save_median, load_median, typing_gap, load_async_gap, merge_gap, merge_ms;
  guint n_loaded = 0;
  gsize length;
  Typing typing = { 0 };

  /* Before anything asks GLib for the user's folders. */
  if (!(tmp = g_dir_make_tmp ("syllabus-bench-store-XXXXXX", &error)))
    g_error ("%s", error->message);
  data_dir = g_build_filename (tmp, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  path = g_build_filename (data_dir, "syllabus", "progress.json", NULL);
  copy_path = g_build_filename (tmp, "copy.json", NULL);
  file = g_file_new_for_path (path);

  g_print ("Benchmark 4: the progress store with %u resources with notes\n",
           N_TOPICS * N_PER_TOPIC);
  g_print ("  %u runs each; store in %s\n", runs, data_dir);

  store = syllabus_store_new (file);
  if (!syllabus_store_load (store, &error))
    g_error ("Cannot load an empty store: %s", error->message);

  fill_ms = bench_now_ms ();
  bench_fill_library (store, N_TOPICS, N_PER_TOPIC);
  fill_ms = bench_now_ms () - fill_ms;
  if (!syllabus_store_save (store, &error))
    g_error ("Cannot save: %s", error->message);
  /* The store's text in one file, as a backup holds it: what a plain
   * durable write and a plain parse are timed with. The store itself
   * keeps one file per topic, in the folder beside it. */
  {
    g_autofree char *export_path = g_build_filename (tmp, "export.json", NULL);
    g_autoptr(GFile) export_file = g_file_new_for_path (export_path);

    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *topic_path = g_build_filename (dir, "progress", "topic-00.json", NULL);

    if (!syllabus_store_export_backup (store, export_file, &error) ||
        !g_file_get_contents (export_path, &contents, &length, &error) ||
        !g_file_get_contents (topic_path, &topic_contents, &topic_length, &error))
      g_error ("%s", error->message);
  }

  for (guint i = 0; i < runs; i++)
    {
      SyllabusEntry *entry;
      g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, "topic-00");
      g_autofree char *notes = g_strdup_printf ("Changed before save %u", i);
      double start;

      entry = g_ptr_array_index (entries, i % entries->len);
      syllabus_entry_set_notes (entry, notes);
      start = bench_now_ms ();
      if (!syllabus_store_save (store, &error))
        g_error ("Cannot save: %s", error->message);
      save_ms[i] = bench_now_ms () - start;

      write_ms[i] = time_durable_write (copy_path, topic_contents, topic_length);
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(SyllabusStore) loaded = syllabus_store_new (file);
      double start = bench_now_ms ();

      if (!syllabus_store_load (loaded, &error))
        g_error ("Cannot load: %s", error->message);
      load_ms[i] = bench_now_ms () - start;
      n_loaded = count_entries (loaded);

      parse_ms[i] = time_json_parse (contents, length);
    }

  save_median = bench_median (save_ms, runs);
  load_median = bench_median (load_ms, runs);

  g_print ("  file: %.2f MB, %u entries read back (filling the store took %.0f ms)\n",
           length / 1e6, n_loaded, fill_ms);
  g_print ("  save  syllabus_store_save (durable)   %7.1f ms   floor: one topic's bytes durably %6.1f ms\n",
           save_median, bench_median (write_ms, runs));
  g_print ("  load  syllabus_store_load             %7.1f ms   floor: json-glib parse alone     %6.1f ms\n",
           load_median, bench_median (parse_ms, runs));

  /* The main loop while typing notes. */
  typing.loop = g_main_loop_new (NULL, FALSE);
  typing.rand = g_rand_new_with_seed (4);
  typing.store = g_object_ref (store);
  typing.entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_autofree char *id = bench_library_topic_id (t);
      g_autoptr(GPtrArray) entries = syllabus_store_list_entries (store, id);

      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (typing.entries, g_object_ref (g_ptr_array_index (entries, i)));
    }
  g_signal_connect (store, "notify::dirty", G_CALLBACK (dirty_changed_cb), &typing);

  g_timeout_add (1, tick_cb, &typing);
  g_timeout_add (KEY_INTERVAL_MS, type_key_cb, &typing);
  run_main_loop (&typing);
  typing_gap = typing.max_gap;

  g_print ("  typing: %u keys in %u bursts, %u debounced saves; longest edit call %.2f ms\n",
           typing.keys, typing.bursts, typing.saves, typing.max_edit);
  g_print ("  main loop: longest gap between 1 ms ticks while typing and saving: %.1f ms\n",
           typing_gap);

  /* Where a block comes from: the part of a save that runs on the main
   * loop, before the thread takes over, timed on its own. */
  {
    g_autofree double *call_ms = g_new (double, runs);

    for (guint i = 0; i < runs; i++)
      {
        SyllabusEntry *entry = g_ptr_array_index (typing.entries, i);
        g_autofree char *notes = g_strdup_printf ("Changed before async save %u", i);
        double start;

        syllabus_entry_set_notes (entry, notes);
        start = bench_now_ms ();
        syllabus_store_save_async (store, NULL, save_done_cb, &typing);
        call_ms[i] = bench_now_ms () - start;
        g_main_loop_run (typing.loop);
      }
    g_print ("  main loop: syllabus_store_save_async() itself returns after %.1f ms (median)\n",
             bench_median (call_ms, runs));
  }

  /* Start-up: loading the same file asynchronously, as the application
   * does; no goal, but the loop should stay responsive here too. */
  {
    g_autoptr(SyllabusStore) loaded = syllabus_store_new (file);

    typing.measuring = FALSE;
    syllabus_store_load_async (loaded, NULL, load_done_cb, &typing);
    run_main_loop (&typing);
    load_async_gap = typing.max_gap;
    g_print ("  main loop: longest gap while loading asynchronously (start-up): %.1f ms\n",
             load_async_gap);
  }

  /* A merge: another computer's version of topic 1 lands, renamed into
   * place by its sync tool. */
  {
    g_autofree char *id = bench_library_topic_id (1);
    g_autofree char *text = other_computer_topic (id, 1);
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *target = g_build_filename (dir, "progress", "topic-01.json", NULL);
    g_autofree char *temporary = g_build_filename (dir, "progress", ".syncthing.topic-01.json.tmp", NULL);
    g_autoptr(SyllabusResource) resource = bench_library_resource (1, 0);
    double start;

    merged_entry = syllabus_store_get_entry (store, id, resource);
    if (!g_file_set_contents (temporary, text, -1, &error))
      g_error ("%s", error->message);
    start = bench_now_ms ();
    if (g_rename (temporary, target) != 0)
      g_error ("Cannot rename %s", temporary);
    g_timeout_add (1, merged_cb, &typing);
    run_main_loop (&typing);
    merge_ms = bench_now_ms () - start;
    merge_gap = typing.max_gap;
    g_print ("  merge: another computer's topic of %u resources merged %.0f ms after it landed "
             "(the watcher waits %d ms for a burst to end)\n", N_PER_TOPIC, merge_ms, 200);
    g_print ("  main loop: longest gap while merging: %.1f ms\n", merge_gap);
  }

  bench_print_verdict ("4: store load <= 20 ms", load_median <= GOAL_LOAD_MS);
  bench_print_verdict ("4: store save after one change < 5 ms", save_median < GOAL_SAVE_MS);
  bench_print_verdict ("4: no main-loop block > 16 ms while typing notes", typing_gap <= GOAL_BLOCK_MS);
  bench_print_verdict ("4: no main-loop block > 16 ms while loading", load_async_gap <= GOAL_BLOCK_MS);
  bench_print_verdict ("4: no main-loop block > 16 ms while merging", merge_gap <= GOAL_BLOCK_MS);

  g_signal_handlers_disconnect_by_data (store, &typing);
  g_clear_object (&typing.store);
  g_ptr_array_unref (typing.entries);
  g_rand_free (typing.rand);
  g_main_loop_unref (typing.loop);

  /* Remove the temporary folder: the store's folder of topic files and
   * their backups, the lock, the export and the copy. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *folder = g_build_filename (dir, "progress", NULL);
    g_autofree char *export_path = g_build_filename (tmp, "export.json", NULL);
    g_autoptr(GDir) topics = g_dir_open (folder, 0, NULL);
    g_autoptr(GDir) listing = NULL;
    const char *name;

    while (topics != NULL && (name = g_dir_read_name (topics)) != NULL)
      {
        g_autofree char *child = g_build_filename (folder, name, NULL);

        g_unlink (child);
      }
    g_rmdir (folder);
    g_unlink (export_path);
    listing = g_dir_open (dir, 0, NULL);

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (dir);
    g_rmdir (data_dir);
    g_unlink (copy_path);
    g_rmdir (tmp);
  }

  return 0;
}
