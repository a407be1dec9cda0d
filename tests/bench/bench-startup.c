/* bench-startup.c
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

/* Benchmarks 1, 2, 5 and 6: start-up of the real program against floors,
 * and an awesome list's against the Rust topic's.
 *
 * Each run spawns one program and times, from just before the spawn, the
 * moment a line appears on its output (stdout and stderr, in one pipe:
 * GLib writes debug messages to stdout):
 *
 *  - syllabus (G_MESSAGES_DEBUG=Syllabus): "startup: window shown" (the
 *    main window's first map), "startup: introduction rendered" (the
 *    web view's WEBKIT_LOAD_FINISHED) and "startup: checklist shown" (the
 *    first checklist in its list), in whatever order they come;
 *  - floor-gtk-window: "floor: window shown", a bare GTK 4 window with
 *    seven check buttons;
 *  - floor-stack-window: the same window in an AdwApplication with
 *    WebKitGTK linked in, not a goal's floor but what loading Syllabus's
 *    libraries costs before any of its code runs;
 *  - floor-webkit-page: "floor: page rendered", a bare web view showing
 *    md4c's HTML of content/rust.md;
 *  - syllabus on the Rust topic again, with a library of progress of
 *    10,000 resources with notes over 50 topics in its data folder
 *    (benchmark 8: a large library must not slow start-up).
 *
 * Once the last line is there, the resident memory of the process is read
 * from /proc, and the process and its web processes are ended. Runs go
 * round robin (Syllabus on the shipped Rust topic, the window floor, the
 * window with the stack, the page floor, Syllabus on a generated topic
 * with 5,000 resources), after
 * one warm-up round that is not counted, so that whatever the machine is
 * doing affects every program alike.
 *
 * Run it on a display of its own with a session bus of its own; the
 * run-benchmarks script does that with xvfb-run and dbus-run-session. Each
 * program gets temporary XDG folders of its own, kept across its runs (as
 * a user's between two starts) and removed at the end.
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-common.h"

#define RUN_TIMEOUT_MS 60000
#define SETTLE_MS 500
#define N_BIG_RESOURCES 5000
#define N_AWESOME_RESOURCES 1750

/* Slot 0 of each figure holds the warm-up round, which is not counted. */
#define COUNTED(values) ((values) + 1)

#define GOAL_WINDOW_RATIO 1.10
#define GOAL_RENDER_RATIO 1.10
#define GOAL_BIG_RATIO 1.5
#define GOAL_BIG_RSS_MB 150.0
#define GOAL_AWESOME_RATIO 1.5
#define GOAL_LIBRARY_RATIO 1.05
/* Benchmark 8's library: what the store's benchmark holds. */
#define N_LIBRARY_TOPICS 50
#define N_LIBRARY_PER_TOPIC 200

enum {
  APP_RUST,
  FLOOR_WINDOW,
  FLOOR_STACK,
  FLOOR_PAGE,
  APP_BIG,
  APP_AWESOME,
  APP_LIBRARY,
  N_PROGRAMS
};

typedef struct
{
  const char *name;
  char      **argv;
  char      **env;
  const char *markers[3];   /* the lines to wait for, in any order */
  double     *times[3];     /* ms from spawn, per run */
  double     *rss_mb;       /* of the process itself, at the last marker */
  double     *children_mb;  /* of its descendants (the web processes) */
  guint       n_early;      /* counted runs that showed the checklist
                             * before the rest of the progress was in */
} Program;

static gboolean verbose;
static volatile sig_atomic_t interrupted;

/* Ctrl+C or a kill ends the run being measured and removes the temporary
 * folders, rather than leaving a program on the screen. */
static void
interrupt_cb (int signum)
{
  interrupted = 1;
}

/* Processes ----------------------------------------------------------------- */

static gboolean
read_status_number (GPid        pid,
                    const char *field,
                    guint64    *value)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int)pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  if ((line = strstr (contents, field)) == NULL)
    return FALSE;

  *value = g_ascii_strtoull (line + strlen (field), NULL, 10);
  return TRUE;
}

static GPid
parent_of (GPid pid)
{
  guint64 ppid;

  return read_status_number (pid, "\nPPid:", &ppid) ? (GPid)ppid : 0;
}

/* Every process whose chain of parents leads to @root. */
static GArray *
descendants (GPid root)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      guint64 value;
      GPid pid;

      if (!g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT, &value, NULL))
        continue;
      pid = value;
      for (GPid p = parent_of (pid); p > 1; p = parent_of (p))
        if (p == root)
          {
            g_array_append_val (found, pid);
            break;
          }
    }

  return found;
}

static double
rss_mb (GPid pid)
{
  guint64 kb = 0;

  read_status_number (pid, "\nVmRSS:", &kb);

  return kb / 1024.0;
}

static gboolean
wait_for_exit (GPid pid,
               int  timeout_ms)
{
  for (int waited = 0; waited < timeout_ms; waited += 10)
    {
      pid_t ret = waitpid (pid, NULL, WNOHANG);

      if (ret == pid || (ret < 0 && errno == ECHILD))
        return TRUE;
      g_usleep (10 * 1000);
    }

  return FALSE;
}

static gboolean
is_alive (GPid pid)
{
  return kill (pid, 0) == 0 || errno != ESRCH;
}

/* Ends @pid as a user closing the program would, then makes sure that its
 * web processes are gone too before the next run starts. */
static void
end_program (GPid    pid,
             GArray *children)
{
  kill (pid, SIGTERM);
  if (!wait_for_exit (pid, 5000))
    {
      g_print ("  (process %d ignored SIGTERM; killed)\n", (int)pid);
      kill (pid, SIGKILL);
      wait_for_exit (pid, 5000);
    }

  for (guint i = 0; i < children->len; i++)
    {
      GPid child = g_array_index (children, GPid, i);

      for (int waited = 0; is_alive (child) && waited < 3000; waited += 10)
        g_usleep (10 * 1000);
      if (is_alive (child))
        kill (child, SIGKILL);
    }
}

/* One run --------------------------------------------------------------------- */

static gboolean
measure (Program *program,
         guint    run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GArray) children = NULL;
  guint n_markers = 0;
  guint n_seen = 0;
  guint seen = 0;           /* bit by marker */
  guint waiting = 0;        /* a marker not seen yet, to name */
  int pipe_fds[2];
  int err_fd;
  double start;
  GPid pid;

  /* GLib writes debug messages to stdout and warnings to stderr: both go
   * into one pipe, read in order. */
  if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, &error))
    g_error ("%s", error->message);
  err_fd = pipe_fds[0];

  while (n_markers < G_N_ELEMENTS (program->markers) && program->markers[n_markers] != NULL)
    n_markers++;

  start = bench_now_ms ();
  if (!g_spawn_async_with_pipes_and_fds (NULL, (const char * const *)program->argv,
                                         (const char * const *)program->env,
                                         G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                         -1, pipe_fds[1], pipe_fds[1], NULL, NULL, 0,
                                         &pid, NULL, NULL, NULL, &error))
    {
      g_print ("Cannot start %s: %s\n", program->argv[0], error->message);
      close (pipe_fds[0]);
      close (pipe_fds[1]);
      return FALSE;
    }
  close (pipe_fds[1]);

  while (n_seen < n_markers)
    {
      struct pollfd fds = { err_fd, POLLIN, 0 };
      int remaining = RUN_TIMEOUT_MS - (int)(bench_now_ms () - start);
      char chunk[4096];
      gssize n;
      double now;
      char *eol;

      if (remaining <= 0 || poll (&fds, 1, remaining) <= 0)
        {
          if (interrupted)
            g_print ("Interrupted\n");
          else
            g_print ("%s: no \"%s\" within %d s\n", program->name,
                     program->markers[waiting], RUN_TIMEOUT_MS / 1000);
          break;
        }

      n = read (err_fd, chunk, sizeof chunk);
      now = bench_now_ms ();
      if (n <= 0)
        {
          g_print ("%s: exited before \"%s\"\n", program->name, program->markers[waiting]);
          break;
        }
      g_string_append_len (buffer, chunk, n);

      while ((eol = strchr (buffer->str, '\n')) != NULL && n_seen < n_markers)
        {
          *eol = '\0';
          if (verbose)
            g_printerr ("  [%8.1f ms] %s\n", now - start, buffer->str);
          if (run > 0 && strstr (buffer->str, "startup: checklist shown, before the rest") != NULL)
            program->n_early++;
          for (guint m = 0; m < n_markers; m++)
            if ((seen & (1u << m)) == 0 && strstr (buffer->str, program->markers[m]) != NULL)
              {
                program->times[m][run] = now - start;
                seen |= 1u << m;
                n_seen++;
              }
          for (waiting = 0; waiting < n_markers && (seen & (1u << waiting)) != 0; waiting++)
            ;
          g_string_erase (buffer, 0, eol + 1 - buffer->str);
        }
    }

  if (n_seen == n_markers)
    {
      children = descendants (pid);
      program->rss_mb[run] = rss_mb (pid);
      program->children_mb[run] = 0;
      for (guint i = 0; i < children->len; i++)
        program->children_mb[run] += rss_mb (g_array_index (children, GPid, i));
    }
  else
    {
      children = descendants (pid);
    }

  end_program (pid, children);
  close (err_fd);
  g_spawn_close_pid (pid);

  return n_seen == n_markers;
}

/* Reporting ------------------------------------------------------------------ */

static void
print_runs (const char   *label,
            const double *values,
            guint         runs,
            int           decimals)
{
  g_print ("    %-26s", label);
  for (guint i = 0; i < runs; i++)
    g_print (" %7.*f", decimals, values[i]);
  g_print ("\n");
}

/* Prints a comparison of @app against @floor and returns the ratio of the
 * medians. */
static double
compare (const char   *title,
         const char   *app_label,
         const double *app,
         const char   *floor_label,
         const double *floor,
         guint         runs)
{
  g_autofree double *ratios = g_new (double, runs);
  double app_median = bench_median (app, runs);
  double floor_median = bench_median (floor, runs);

  for (guint i = 0; i < runs; i++)
    ratios[i] = app[i] / floor[i];

  g_print ("%s\n", title);
  print_runs (app_label, app, runs, 1);
  print_runs (floor_label, floor, runs, 1);
  print_runs ("ratio, pair by pair", ratios, runs, 2);
  g_print ("    medians: app %.1f ms, floor %.1f ms, ratio %.2f (median of pair ratios %.2f)\n",
           app_median, floor_median, app_median / floor_median, bench_median (ratios, runs));

  return app_median / floor_median;
}

static char **
parse_args (int    argc,
            char **argv,
            guint *runs)
{
  const char *syllabus = BENCH_SYLLABUS;
  const char *floor_window = BENCH_FLOOR_WINDOW;
  const char *floor_page = BENCH_FLOOR_PAGE;
  const char *floor_stack = BENCH_FLOOR_STACK;
  const char *rust_page = BENCH_RUST_PAGE;
  char **paths = g_new0 (char *, 6);

  *runs = bench_parse_runs (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--verbose"))
        verbose = TRUE;
      else if (g_str_equal (argv[i], "--syllabus") && i + 1 < argc)
        syllabus = argv[++i];
      else
        {
          g_printerr ("usage: %s [--runs N] [--verbose] [--syllabus PATH]\n", argv[0]);
          exit (2);
        }
    }

  paths[0] = g_strdup (syllabus);
  paths[1] = g_strdup (floor_window);
  paths[2] = g_strdup (floor_page);
  paths[3] = g_strdup (rust_page);
  paths[4] = g_strdup (floor_stack);

  return paths;
}

/* Each program has XDG folders of its own, kept from one of its runs to
 * the next as a user's are between two starts: caches are warm after the
 * warm-up round, and what Syllabus remembers about the generated topic
 * (its library, its progress) never reaches the runs on the Rust topic. */
static char **
program_environment (const char *home,
                     guint       index)
{
  static const char *const folders[][2] = {
    { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
  };
  g_autofree char *name = g_strdup_printf ("program-%u", index);
  char **env = g_get_environ ();

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (home, name, folders[i][1], NULL);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_error ("Cannot create %s: %s", dir, g_strerror (errno));
      env = g_environ_setenv (env, folders[i][0], dir, TRUE);
    }
  env = g_environ_setenv (env, "G_MESSAGES_DEBUG", "Syllabus", TRUE);

  /* Settings go through dconf, one database for the whole session bus:
   * they are kept in a key file in each program's own folder instead, so
   * that a run never opens the topic another program's run showed, and
   * each run starts as a user's next start would (the topic shown last,
   * the window's size). */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);

  return env;
}

/* Puts a library of progress into the data folder of program @index, as
 * the application would have saved it. */
static void
fill_library (const char *home,
              guint       index)
{
  g_autofree char *name = g_strdup_printf ("program-%u", index);
  g_autoptr(GFile) folder = g_file_new_build_filename (home, name, "data", "syllabus", "progress", NULL);
  g_autoptr(SyllabusStore) store = syllabus_store_new_full (folder, SYLLABUS_STORE_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  if (!syllabus_store_load (store, &error))
    g_error ("Cannot load the library: %s", error->message);
  bench_fill_library (store, N_LIBRARY_TOPICS, N_LIBRARY_PER_TOPIC);
  if (!syllabus_store_save (store, &error))
    g_error ("Cannot save the library: %s", error->message);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  guint runs;
  g_auto(GStrv) paths = parse_args (argc, argv, &runs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big_topic = NULL;
  g_autofree char *home = NULL;
  g_autofree char *big_path = NULL;
  g_autoptr(GString) awesome = NULL;
  g_autofree char *awesome_path = NULL;
  g_autofree double *rust_shown = g_new0 (double, runs + 1);
  g_autofree double *awesome_shown = g_new0 (double, runs + 1);
  Program programs[N_PROGRAMS] = { { 0 } };
  char *app_rust_argv[] = { paths[0], NULL };
  char *app_big_argv[] = { paths[0], NULL, NULL };
  char *app_awesome_argv[] = { paths[0], NULL, NULL };
  char *floor_window_argv[] = { paths[1], NULL };
  char *floor_page_argv[] = { paths[2], paths[3], NULL };
  char *floor_stack_argv[] = { paths[4], NULL };
  char *app_library_argv[] = { paths[0], NULL };
  double library_ratio;
  double window_ratio, render_ratio, big_ratio, big_rss, stack_median, awesome_ratio;
  gboolean ok = TRUE;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("%s needs a display; run it through tests/bench/run-benchmarks\n", argv[0]);
      return 2;
    }

  {
    struct sigaction action = { 0 };

    /* No SA_RESTART: poll() returns at once with EINTR. */
    action.sa_handler = interrupt_cb;
    sigaction (SIGINT, &action, NULL);
    sigaction (SIGTERM, &action, NULL);
  }

  if (!(home = g_dir_make_tmp ("syllabus-bench-startup-XXXXXX", &error)))
    g_error ("%s", error->message);

  /* A topic of the size of the shipped one, then 5,000 resources. */
  big_topic = bench_generate_topic (2000, N_BIG_RESOURCES);
  big_path = g_build_filename (home, "generated.md", NULL);
  if (!g_file_set_contents (big_path, big_topic->str, big_topic->len, &error))
    g_error ("%s", error->message);
  app_big_argv[1] = big_path;

  /* An awesome list of 1,750 links, about 359 KB, without a section. */
  awesome = bench_generate_awesome_list (N_AWESOME_RESOURCES);
  awesome_path = g_build_filename (home, "awesome.md", NULL);
  if (!g_file_set_contents (awesome_path, awesome->str, awesome->len, &error))
    g_error ("%s", error->message);
  app_awesome_argv[1] = awesome_path;

  programs[APP_RUST] = (Program) {
    .name = "syllabus", .argv = app_rust_argv,
    .markers = { "startup: window shown", "startup: introduction rendered", "startup: checklist shown" },
  };
  programs[FLOOR_WINDOW] = (Program) {
    .name = "floor-gtk-window", .argv = floor_window_argv,
    .markers = { "floor: window shown", NULL },
  };
  programs[FLOOR_STACK] = (Program) {
    .name = "floor-stack-window", .argv = floor_stack_argv,
    .markers = { "floor: window shown", NULL },
  };
  programs[FLOOR_PAGE] = (Program) {
    .name = "floor-webkit-page", .argv = floor_page_argv,
    .markers = { "floor: page rendered", NULL },
  };
  programs[APP_BIG] = (Program) {
    .name = "syllabus generated.md", .argv = app_big_argv,
    .markers = { "startup: window shown", "startup: introduction rendered" },
  };
  programs[APP_AWESOME] = (Program) {
    .name = "syllabus awesome.md", .argv = app_awesome_argv,
    .markers = { "startup: window shown", "startup: introduction rendered", "startup: checklist shown" },
  };
  programs[APP_LIBRARY] = (Program) {
    .name = "syllabus with a library", .argv = app_library_argv,
    .markers = { "startup: window shown", "startup: introduction rendered", "startup: checklist shown" },
  };
  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      programs[p].env = program_environment (home, p);
      programs[p].times[0] = g_new0 (double, runs + 1);
      programs[p].times[1] = g_new0 (double, runs + 1);
      programs[p].times[2] = g_new0 (double, runs + 1);
      programs[p].rss_mb = g_new0 (double, runs + 1);
      programs[p].children_mb = g_new0 (double, runs + 1);
    }

  fill_library (home, APP_LIBRARY);

  g_print ("Start-up benchmarks: %u runs of each program, round robin, after a warm-up round\n",
           runs);
  g_print ("  library: %u resources with notes over %u topics\n",
           N_LIBRARY_TOPICS * N_LIBRARY_PER_TOPIC, N_LIBRARY_TOPICS);
  g_print ("  generated topic: %.2f MB with %u resources\n", big_topic->len / 1e6, N_BIG_RESOURCES);
  g_print ("  generated awesome list: %.0f KB with %u linked items\n", awesome->len / 1e3, N_AWESOME_RESOURCES);

  /* Round 0 warms up caches and starts the session's services (portals,
   * accessibility bus); its figures land in slot 0, which is not counted. */
  for (guint round = 0; round <= runs && ok; round++)
    for (guint p = 0; p < N_PROGRAMS && ok; p++)
      {
        ok = measure (&programs[p], round) && !interrupted;
        g_usleep (SETTLE_MS * 1000);
      }

  remove_tree (home);

  if (!ok)
    return 1;

  g_print ("\n");
  window_ratio = compare ("Benchmark 1: window shown, ms from spawn to first map",
                          "syllabus", COUNTED (programs[APP_RUST].times[0]),
                          "floor: GTK window", COUNTED (programs[FLOOR_WINDOW].times[0]), runs);
  print_runs ("(floor with the stack)", COUNTED (programs[FLOOR_STACK].times[0]), runs, 1);
  stack_median = bench_median (COUNTED (programs[FLOOR_STACK].times[0]), runs);
  g_print ("    for comparison: the floor's window in an AdwApplication with WebKitGTK linked in,\n"
           "    median %.1f ms: syllabus %.2f x that, that %.2f x the floor\n",
           stack_median, bench_median (COUNTED (programs[APP_RUST].times[0]), runs) / stack_median,
           stack_median / bench_median (COUNTED (programs[FLOOR_WINDOW].times[0]), runs));
  bench_print_verdict ("1: window shown <= 1.10 x floor", window_ratio <= GOAL_WINDOW_RATIO);

  g_print ("\n");
  render_ratio = compare ("Benchmark 2: introduction rendered, ms from spawn to load finished",
                          "syllabus", COUNTED (programs[APP_RUST].times[1]),
                          "floor: WebKit md4c page", COUNTED (programs[FLOOR_PAGE].times[0]), runs);
  bench_print_verdict ("2: introduction rendered <= 1.10 x floor", render_ratio <= GOAL_RENDER_RATIO);

  g_print ("\n");
  big_ratio = compare ("Benchmark 5: a topic with 5,000 resources, ms from spawn to introduction rendered",
                       "syllabus generated.md", COUNTED (programs[APP_BIG].times[1]),
                       "floor: WebKit md4c page", COUNTED (programs[FLOOR_PAGE].times[0]), runs);
  print_runs ("(its window shown)", COUNTED (programs[APP_BIG].times[0]), runs, 1);
  big_rss = bench_median (COUNTED (programs[APP_BIG].rss_mb), runs);
  g_print ("    resident memory at render, medians (MB): UI process %.1f, its web processes %.1f\n",
           big_rss, bench_median (COUNTED (programs[APP_BIG].children_mb), runs));
  g_print ("    for comparison: syllabus on the Rust topic %.1f + %.1f, floor page %.1f + %.1f, floor window %.1f\n",
           bench_median (COUNTED (programs[APP_RUST].rss_mb), runs),
           bench_median (COUNTED (programs[APP_RUST].children_mb), runs),
           bench_median (COUNTED (programs[FLOOR_PAGE].rss_mb), runs),
           bench_median (COUNTED (programs[FLOOR_PAGE].children_mb), runs),
           bench_median (COUNTED (programs[FLOOR_WINDOW].rss_mb), runs));
  bench_print_verdict ("5: 5,000 resources rendered <= 1.5 x floor of 2", big_ratio <= GOAL_BIG_RATIO);
  bench_print_verdict ("5: UI process resident memory <= 150 MB", big_rss <= GOAL_BIG_RSS_MB);

  /* Both the page and the checklist: the later of the two */
  for (guint i = 0; i <= runs; i++)
    {
      rust_shown[i] = MAX (programs[APP_RUST].times[1][i], programs[APP_RUST].times[2][i]);
      awesome_shown[i] = MAX (programs[APP_AWESOME].times[1][i], programs[APP_AWESOME].times[2][i]);
    }
  g_print ("\n");
  awesome_ratio = compare ("Benchmark 6: an awesome list of 1,750 links, ms from spawn to page and checklist shown",
                           "syllabus awesome.md", COUNTED (awesome_shown),
                           "syllabus on the Rust topic", COUNTED (rust_shown), runs);
  print_runs ("(its checklist shown)", COUNTED (programs[APP_AWESOME].times[2]), runs, 1);
  print_runs ("(its page rendered)", COUNTED (programs[APP_AWESOME].times[1]), runs, 1);
  bench_print_verdict ("6: awesome list shown <= 1.5 x the Rust topic", awesome_ratio <= GOAL_AWESOME_RATIO);

  /* Its ticks come with its checklist: the checklist waits for the
   * store, so the checklist shown is when they are on screen. */
  g_print ("\n");
  library_ratio = compare ("Benchmark 8: the Rust topic with a library of 10,000 resources, ms from spawn to checklist shown",
                           "syllabus with a library", COUNTED (programs[APP_LIBRARY].times[2]),
                           "syllabus with no progress", COUNTED (programs[APP_RUST].times[2]), runs);
  print_runs ("(its window shown)", COUNTED (programs[APP_LIBRARY].times[0]), runs, 1);
  g_print ("  (its checklist shown before the rest of the progress was in: %u of %u runs)\n",
           programs[APP_LIBRARY].n_early, runs);
  bench_print_verdict ("8: start-up with a large library <= 1.05 x with none", library_ratio <= GOAL_LIBRARY_RATIO);

  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      g_free (programs[p].times[0]);
      g_free (programs[p].times[1]);
      g_free (programs[p].times[2]);
      g_free (programs[p].rss_mb);
      g_free (programs[p].children_mb);
      g_strfreev (programs[p].env);
    }

  return 0;
}
