#!/usr/bin/env python3
# journey.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""A person's journey through Syllabus, driven through the accessibility tree.

The real application runs on a virtual screen (Xvfb) with a D-Bus session
bus and the AT-SPI accessibility bus of its own, and fresh temporary XDG
folders. Widgets are found the way a screen reader finds them, by role and
accessible name; they are used with real pointer and key events (xdotool).

The journey: start; choose another topic, then Rust; tick "Rust in Action";
set "Programming Rust" in progress; write a note; search for it, where the
application has a search; quit with Ctrl+Q; check the Rust topic's progress
file; start again
and check every change through the accessibility tree; quit again.

--pointer does it with the mouse; --keyboard with the keyboard only, moving
the focus with Tab as a person who cannot use a pointer would, and so checks
that every control on the way can be reached and used that way.

On failure, a screenshot of each step taken so far, the accessibility tree
and the application's output are saved to LOG_DIR/journey-MODE/; set
JOURNEY_KEEP_EVIDENCE=1 to keep them after a success too.

--size WIDTHxHEIGHT makes the window that size before each journey (by
default 1400x900, where the topic list, the page and the checklist are side
by side); at 700 wide the topic list slides in, at 360 one view is shown at a
time, and the journey goes the way a person would there.

Prints TAP. Usage: journey.py --pointer|--keyboard [--size WxH] [--log-dir LOG_DIR] SYLLABUS
"""

import argparse
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

TOPIC = "Rust"
OTHER_TOPIC = "Python"
TICKED = "Rust in Action"
# How the Rust introduction's first paragraph begins.
INTRODUCTION = "Rust is a relatively new programming language"
STARTED = "Programming Rust"
UNTOUCHED = "Official Rust Book"
SEARCH_WORD = "borrowck"
STATUSES = ("Not Started", "In Progress", "Done", "Skipped")
# Room for the largest window the journey asks for, and its frame.
SCREEN = "1600x1000x24"
# The window's sizes the layout changes at, in pixels (the breakpoints are
# in sp, which are pixels at the default text size).
FOLDED_BELOW = 1000
NARROW_BELOW = 600
# GTK 4.24 reports a widget's extents without its ancestors' CSS padding
# (the accessible bounds are summed relative to each accessible parent and
# the parent's padding is lost), so inside the checklist's cards the point
# the tree gives is 20 to 40 pixels above and left of the control and a
# pointer click there misses it. Until GTK reports them right, the pointer
# journey reaches the controls inside resource rows and the search by
# keyboard, and uses the pointer where the tree's places are right (the
# topic list).
TREE_PLACES_RIGHT = False
# How far left of a widget the tree places it, at most, in the header bars.
LOST_PADDING = 12

# Seconds to wait for the application to react; generous, as a build with
# sanitizers is several times slower.
TIMEOUT = float(os.environ.get("JOURNEY_TIMEOUT", "30"))


class Failure(Exception):
    pass


# --------------------------------------------------------------------------
# Outside the virtual screen: a clean environment, then run again inside.


def outer(args):
    missing = [tool for tool in ("Xvfb", "dbus-run-session", "xdotool")
               if shutil.which(tool) is None]
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        missing.append("python3-pyatspi")
    if missing:
        print("1..0 # SKIP missing: " + ", ".join(missing))
        return 0

    # Short paths: the buses put their sockets under these folders.
    root = tempfile.mkdtemp(prefix="syl-j-", dir="/tmp")
    server = process = None
    # Meson ends a test that runs out of time with SIGTERM: clean up then too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        env = dict(os.environ)
        # The test suite turns accessibility off for the other tests.
        for name in ("NO_AT_BRIDGE", "GTK_A11Y", "DBUS_SESSION_BUS_ADDRESS",
                     "AT_SPI_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY",
                     "GDK_BACKEND", "G_MESSAGES_DEBUG", "LANGUAGE", "LANG"):
            env.pop(name, None)
        for name in ("data", "config", "cache", "runtime"):
            path = os.path.join(root, name)
            os.mkdir(path, 0o700)
            env["XDG_%s_HOME" % name.upper() if name != "runtime" else "XDG_RUNTIME_DIR"] = path
        env["GSETTINGS_BACKEND"] = "memory"
        env["GDK_BACKEND"] = "x11"
        env["LC_ALL"] = "C.UTF-8"
        env["JOURNEY_WORKDIR"] = root
        # The buses and daemons started on the way print to standard
        # output too: the journey writes its TAP to a file of its own,
        # which is passed on here as it grows.
        tap_path = os.path.join(root, "journey.tap")
        env["JOURNEY_TAP"] = tap_path
        open(tap_path, "w").close()

        # A virtual screen of its own. Xvfb picks a free display itself:
        # xvfb-run -a can pick one that a run starting at the same moment
        # also picks.
        server, env["DISPLAY"] = start_xvfb(os.path.join(root, "xvfb.log"))

        command = ["dbus-run-session", "--",
                   sys.executable, os.path.abspath(__file__), "--inner"] + sys.argv[1:]
        # A process group of its own, to end every daemon started on the
        # way with it.
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr,
                                   start_new_session=True)
        with open(tap_path) as tap:
            while True:
                done = process.poll() is not None
                sys.stdout.write(tap.read())
                sys.stdout.flush()
                if done:
                    break
                time.sleep(0.2)
        return process.returncode
    finally:
        if process is not None:
            end_group(process)
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait()
        # The document portal's mount in the runtime folder goes away
        # a moment after the portal.
        for _ in range(20):
            shutil.rmtree(root, ignore_errors=True)
            if not os.path.exists(root):
                break
            time.sleep(0.25)


def end_group(process):
    """Ends process and whatever is left of its process group."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        # Daemons of the group may outlive its leader.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


def start_xvfb(log_path):
    """Starts Xvfb on a free display; returns it and the display's name."""
    read_end, write_end = os.pipe()
    with open(log_path, "w") as log:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN,
                                   "-nolisten", "tcp"],
                                  pass_fds=(write_end,), stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=subprocess.STDOUT)
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + 30
    while not number.endswith(b"\n"):
        ready, _, _ = select.select([read_end], [], [], max(0, deadline - time.monotonic()))
        chunk = os.read(read_end, 16) if ready else b""
        if not chunk:
            server.kill()
            with open(log_path) as log:
                raise SystemExit("Xvfb did not start: " + log.read())
        number += chunk
    os.close(read_end)
    return server, ":" + number.decode().strip()


def function_keycodes():
    """The X keycodes of the function keys, by name ("F6": "72").

    Xvfb's keymap gives F1 to F12 a fifth level (Ctrl+Alt+Fn switches the
    virtual terminal), and xdotool, looking for the last level of a key
    that holds Fn, presses Alt with it: "xdotool key F6" arrives as Alt+F6.
    Given as a keycode, the key is pressed alone.
    """
    dumped = subprocess.run(["xkbcomp", "-w0", os.environ["DISPLAY"], "-"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, timeout=30)
    return {"F%d" % int(number): code for number, code in re.findall(r"<FK(\d+)>\s*=\s*(\d+);", dumped.stdout)}


# --------------------------------------------------------------------------
# Inside: the application, its accessibility tree, the pointer and the keys.


def run(*command, timeout=20):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=timeout)
    if result.returncode != 0:
        raise Failure("%s failed: %s" % (" ".join(command), result.stderr.strip()))
    return result.stdout


def wait_for(what, check, timeout=TIMEOUT, interval=0.1):
    """Calls check() until it returns something true; returns that.

    Objects of the tree can vanish while they are read (rows are recycled):
    errors count as "not yet".
    """
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = check()
            if value:
                return value
        except Failure as error:
            last_error = error
        except Exception as error:  # D-Bus errors from objects that went away
            last_error = error
        if time.monotonic() > deadline:
            raise Failure("timed out after %gs waiting for %s%s" %
                          (timeout, what, " (last error: %s)" % last_error if last_error else ""))
        time.sleep(interval)


class App:
    """The running application: its process, X window and accessible."""

    def __init__(self, journey, executable):
        self.journey = journey
        self.log_path = os.path.join(journey.workdir, "syllabus-%d.log" % (journey.starts + 1))
        journey.starts += 1
        self.log = open(self.log_path, "w")
        env = dict(os.environ)
        env["G_DEBUG"] = "fatal-criticals"
        command = [executable]
        if os.environ.get("JOURNEY_STRACE"):
            # Who sends the application signals, for an unexplained end.
            command = ["strace", "-f", "-e", "trace=none", "-o", self.log_path + ".strace"] + command
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.accessible = None
        self.window = None
        self.lists = {}

    def check_alive(self):
        code = self.process.poll()
        if code is not None:
            raise Failure("the application ended with status %d" % code)

    def find_accessible(self):
        self.check_alive()
        desktop = self.journey.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and self.process.pid in (app.get_process_id(),
                                                        parent_pid(app.get_process_id())):
                return app
        return None

    def frame(self):
        self.check_alive()
        for i in range(self.accessible.childCount):
            child = self.accessible.getChildAtIndex(i)
            if child is not None and child.getRoleName() == "frame" and child.name == "Syllabus":
                return child
        raise Failure("no frame named Syllabus")

    def find_x_window(self):
        # No window manager: the window is where the application put it.
        # The name is matched without case, so the leader window
        # "syllabus" and popovers match too; the big one is the window.
        out = run("xdotool", "search", "--onlyvisible", "--name", "^Syllabus$")
        best = None
        for wid in out.split():
            geometry = x_geometry(wid)
            if geometry[2] >= 300 and (best is None or geometry[2] > best[1][2]):
                best = (wid, geometry)
        return best[0] if best else None

    def start(self):
        self.accessible = wait_for("the application on the accessibility bus", self.find_accessible)
        self.window = wait_for("the window on the screen", self.find_x_window)
        wait_for("the window in the accessibility tree", self.frame)
        self.resize(*self.journey.size)
        run("xdotool", "windowfocus", "--sync", self.window)

    def allocated(self):
        """The window's size as GTK allocated it, from the tree."""
        extents = self.frame().queryComponent().getExtents(self.journey.pyatspi.WINDOW_COORDS)
        return extents.width, extents.height

    def resize(self, width, height):
        """Makes the window width x height, as a window manager would, and
        waits until GTK has allocated it that size: the X window is larger
        by the frame around the window widget."""
        x, y, x_width, x_height = x_geometry(self.window)
        frame_width, frame_height = self.allocated()
        run("xdotool", "windowsize", "--sync", self.window,
            str(width + x_width - frame_width), str(height + x_height - frame_height))
        try:
            wait_for("the window to be %dx%d" % (width, height),
                     lambda: self.allocated() == (width, height), timeout=10)
        except Failure:
            raise Failure("the window was made %dx%d but is %dx%d" %
                          ((width, height) + self.allocated()))

    def origin(self):
        """Where window coordinates start on the screen.

        GTK reports screen extents as (0, 0): window coordinates are asked
        for, and the X window is larger by the invisible frame around the
        window widget, the same on each side.
        """
        x, y, width, height = x_geometry(self.window)
        extents = self.frame().queryComponent().getExtents(self.journey.pyatspi.WINDOW_COORDS)
        return x + (width - extents.width) // 2, y + (height - extents.height) // 2

    def quit(self):
        self.check_alive()
        run("xdotool", "windowfocus", "--sync", self.window)
        run("xdotool", "key", "ctrl+q")
        try:
            code = self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure("the application did not quit within %gs of Ctrl+Q" % TIMEOUT)
        self.log.close()
        if code != 0:
            raise Failure("the application quit with status %d" % code)
        # Its own warnings and the web process's beside it. Two are named
        # here, alone, so that every other still fails: GTK's own on Xvfb,
        # from its X11 frame clock, whatever the application draws; and a
        # sandboxed WebKit helper's as the application quits under it.
        def allowed(line):
            return ("gdk_frame_timings_submitted() called on submitted frame" in line or
                    ("(process:2)" in line and "Error writing credentials to socket" in line))
        with open(self.log_path) as log:
            warnings = [line for line in log
                        if re.search(r"^(\*\* )?\((syllabus|WebKitWebProcess|process):\d+\): .*(WARNING|CRITICAL) \*\*", line)
                        and not allowed(line)]
        if warnings:
            raise Failure("the application warned:\n" + "".join(warnings))

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def parent_pid(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def x_geometry(wid):
    out = run("xdotool", "getwindowgeometry", "--shell", wid)
    values = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def tap(line):
    """Writes a line of TAP where the outer process reads it."""
    with open(os.environ["JOURNEY_TAP"], "a") as out:
        out.write(line + "\n")


class Journey:
    def __init__(self, args):
        import pyatspi

        self.pyatspi = pyatspi
        self.args = args
        self.mode = "keyboard" if args.keyboard else "pointer"
        self.size = tuple(int(n) for n in args.size.split("x"))
        self.narrow = self.size[0] < NARROW_BELOW
        self.folded = self.size[0] < FOLDED_BELOW
        self.workdir = os.environ.get("JOURNEY_WORKDIR") or tempfile.mkdtemp(prefix="syl-j-")
        self.shots = os.path.join(self.workdir, "shots")
        os.makedirs(self.shots, exist_ok=True)
        self.starts = 0
        self.keys = []
        self.function_keys = None
        self.last_topic_places = None
        self.app = None
        self.count = 0
        self.note = "Chapter 4 on ownership; the %s explains %s errors." % (
            "keyboard" if args.keyboard else "mouse", SEARCH_WORD)

    # ---- the tree

    def walk(self, root, max_depth=60):
        """Every descendant of root, depth first."""
        stack = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            yield node
            if depth >= max_depth:
                continue
            try:
                children = [node.getChildAtIndex(i) for i in range(node.childCount)]
            except Exception:
                continue
            for child in reversed(children):
                if child is not None:
                    stack.append((child, depth + 1))

    def iter_find(self, root, role=None, name=None, pred=None):
        for node in self.walk(root):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if pred is not None and not pred(node):
                    continue
            except Exception:
                continue
            yield node

    def find_all(self, root, role=None, name=None, pred=None):
        return list(self.iter_find(root, role, name, pred))

    def find(self, root, role=None, name=None, pred=None):
        return next(self.iter_find(root, role, name, pred), None)

    def extents(self, node):
        e = node.queryComponent().getExtents(self.pyatspi.WINDOW_COORDS)
        return e.x, e.y, e.width, e.height

    def on_screen(self, node):
        x, y, width, height = self.extents(node)
        return width > 0 and height > 0

    def shown(self, node):
        """Whether node is on screen, and so is everything around it.

        A widget in a closed revealer keeps the size it had: its
        ancestors tell.
        """
        while node is not None and node.getRoleName() != "frame":
            try:
                extents = self.extents(node)
            except NotImplementedError:
                extents = (0, 0, 1, 1)
            if extents[2] <= 0 or extents[3] <= 0:
                return False
            node = node.parent
        return node is not None

    def has_state(self, node, state):
        return node.getState().contains(state)

    def focused(self, node):
        return self.has_state(node, self.pyatspi.STATE_FOCUSED)

    def checked(self, node):
        return self.has_state(node, self.pyatspi.STATE_CHECKED)

    def text_of(self, node):
        text = node.queryText()
        return text.getText(0, text.characterCount)

    def frame(self):
        return self.app.frame()

    def named_list(self, name):
        """The list named name; the lists live as long as the window."""
        cached = self.app.lists.get(name)
        try:
            if cached is not None and cached.name == name and cached.getRoleName() == "list":
                return cached
        except Exception:
            pass
        found = self.find(self.frame(), "list", name)
        if found is None:
            raise Failure("no list named “%s”" % name)
        self.app.lists[name] = found
        return found

    def checklist(self):
        return self.named_list("Learning resources")

    def topics(self):
        return self.named_list("Topics")

    def check_box(self, title):
        found = self.find(self.checklist(), "check box", title)
        if found is None or not self.on_screen(found):
            raise Failure("no check box named “%s” on screen" % title)
        return found

    def status_control(self, title):
        """The status menu button of title, named after it and its status."""
        found = self.find(self.checklist(),
                          pred=lambda n: n.getRoleName() in ("button", "push button") and
                          n.name.startswith("Status of %s: " % title))
        if found is None or not self.on_screen(found):
            raise Failure("nothing named “Status of %s: …” on screen" % title)
        return found

    def status_button(self, title):
        """The button in it that takes the focus, named with the status."""
        prefix = "Status of %s: " % title
        button = self.find(self.status_control(title),
                           pred=lambda n: n.getRoleName() in ("push button", "toggle button") and
                           n.name.startswith(prefix) and self.on_screen(n))
        if button is None:
            raise Failure("the status of “%s” has no button named “%s…”" % (title, prefix))
        return button

    def status_shown(self, title):
        """The status the button of title shows, as it reads and as it is named."""
        button = self.status_button(title)
        labels = self.find_all(button, "label", pred=lambda n: n.name in STATUSES and self.on_screen(n))
        if len(labels) != 1:
            return None
        # The name says the status the button shows.
        if not button.name.startswith("Status of %s: %s" % (title, labels[0].name)):
            raise Failure("the status button of “%s” is named “%s” but shows “%s”"
                          % (title, button.name, labels[0].name))
        return labels[0].name

    def notes_button(self, title):
        # A toggle button: it shows whether the editor is open.
        found = self.find(self.checklist(), name="Edit notes for " + title,
                          pred=lambda n: n.getRoleName() in ("push button", "toggle button"))
        if found is None or not self.on_screen(found):
            raise Failure("no button named “Edit notes for %s” on screen" % title)
        return found

    def notes_open(self, title):
        """Whether the notes editor of title is on screen; once closed it
        may be gone from the tree."""
        try:
            return self.shown(self.notes_view(title))
        except Failure:
            return False

    def notes_view(self, title):
        found = self.find(self.checklist(), "text", "Notes for " + title)
        if found is None:
            raise Failure("no text named “Notes for %s”" % title)
        return found

    def topic_item(self, title):
        """The sidebar's list item named title."""
        found = self.find(self.topics(), "list item", title)
        if found is None:
            raise Failure("no topic “%s” in the sidebar" % title)
        return found

    def check_list_items(self, name):
        """Each item of the list name is spoken once: named by its title,
        the rest (a topic's progress, where a hit is) its description,
        and nothing under it in the tree that a screen reader would read
        again after the item ("0 of 7 Rust Rust 0 of 7")."""
        items = self.find_all(self.named_list(name), "list item", pred=self.on_screen)
        if not items:
            raise Failure("no items on screen in the list “%s”" % name)
        repeated = []
        for item in items:
            said = [text for text in (item.name, item.description) if text]
            for node in self.walk(item):
                if node != item and any(text and (node.name or "") in text for text in said) \
                        and node.name:
                    repeated.append("“%s” (%s) under the item “%s”"
                                    % (node.name, node.getRoleName(), item.name))
        if repeated:
            raise Failure("items of “%s” say their text twice:\n%s" % (name, "\n".join(repeated)))
        return len(items)

    def check_topic_items(self):
        """A topic's item is named by its title alone, its progress (and
        what to study next in it) the description."""
        count = self.check_list_items("Topics")
        for title in (TOPIC, OTHER_TOPIC):
            item = self.topic_item(title)
            if not re.match(r"^\d+ of \d+(, next: .+)?$", item.description or ""):
                raise Failure("the topic “%s” is described as “%s”, not by its progress"
                              % (title, item.description))
        return "%d topics named by their titles" % count

    def check_tab_leaves(self, name, item):
        """From an item of the list name, one Tab leaves the list (the
        arrows move along it), and Shift+Tab comes back to the item."""
        self.key("Tab")
        wait_for("one Tab to leave the list “%s”" % name,
                 lambda: self.find(self.named_list(name), pred=self.focused) is None, timeout=5)
        self.key("shift+Tab")
        wait_for("Shift+Tab to come back to “%s”" % item().name, lambda: self.focused(item()),
                 timeout=5)

    def subtitle_is(self, title):
        # The window title shows the topic under the application's name.
        labels = self.find_all(self.frame(), "label", title, pred=self.on_screen)
        header = [label for label in labels if self.extents(label)[1] < 48]
        return bool(header)

    def progress_text(self):
        labels = self.find_all(self.frame(), "label",
                               pred=lambda n: re.match(r"^\d+ of \d+ done", n.name or "") is not None
                               and self.on_screen(n))
        # The topic's own count comes first, above the group headings.
        labels.sort(key=lambda n: self.extents(n)[1])
        return labels[0].name if labels else None

    def search_controls(self):
        """The search button and entry, where the application has them."""
        frame = self.frame()
        button = self.find(frame, pred=lambda n: n.getRoleName() in ("toggle button", "push button")
                           and "search" in (n.name or "").lower())
        entry = self.find(frame, pred=lambda n: n.getRoleName() in ("entry", "text")
                          and "search" in (n.name or "").lower())
        return button, entry

    # ---- pointer and keys

    def click(self, node, what=None):
        x, y, width, height = self.extents(node)
        if width <= 0 or height <= 0:
            raise Failure("%s has no place on screen" % (what or node.name))
        ox, oy = self.app.origin()
        run("xdotool", "mousemove", "--sync", str(ox + x + width // 2), str(oy + y + height // 2),
            "click", "1")

    def click_in_popover(self, anchor, popover, node):
        """Clicks node in popover, which is a window of its own.

        Extents inside a popover are not where it is on screen: they are
        taken relative to the popover, whose own window is found by size.
        """
        px, py, pwidth, pheight = self.extents(popover)
        x, y, width, height = self.extents(node)
        ox, oy = self.app.origin()
        button_y = oy + self.extents(anchor)[1]
        windows = []
        for wid in run("xdotool", "search", "--onlyvisible", "--name", "^syllabus$").split():
            if wid == self.app.window:
                continue
            geometry = x_geometry(wid)
            if geometry[2] == pwidth and pheight <= geometry[3] <= pheight + 24:
                windows.append(geometry)
        if len(windows) != 1:
            raise Failure("found %d windows for the popover" % len(windows))
        wx, wy, wwidth, wheight = windows[0]
        # The arrow is outside the popover's extents: on top when it opens
        # downwards.
        dy = wheight - pheight if wy > button_y else 0
        run("xdotool", "mousemove", "--sync",
            str(wx + (wwidth - pwidth) // 2 + x - px + width // 2),
            str(wy + dy + y - py + height // 2), "click", "1")

    def key(self, *keys):
        # Keys go to the window with the X input focus; with no window
        # manager, nothing gives it back when a popover closes.
        if self.app is not None and self.app.window is not None:
            focus = run("xdotool", "getwindowfocus").strip()
            if focus != self.app.window and not self.popover_open():
                self.keys.append("(focus was on X window %s)" % focus)
                run("xdotool", "windowfocus", "--sync", self.app.window)
        self.keys.extend(keys)
        del self.keys[:-30]
        if self.function_keys is None:
            self.function_keys = function_keycodes()
        keys = [re.sub(r"\bF\d+$", lambda m: self.function_keys.get(m.group(0), m.group(0)), key)
                for key in keys]
        run("xdotool", "key", "--delay", "40", *keys)

    def popover_open(self):
        windows = run("xdotool", "search", "--onlyvisible", "--name", "^syllabus$").split()
        return any(wid != self.app.window and x_geometry(wid)[2] > 20 for wid in windows)

    def type(self, text):
        run("xdotool", "type", "--delay", "25", text, timeout=60)

    def tab_to(self, what, find, key="Tab", limit=40):
        """Presses key until the control find() returns has the focus.

        Returns the number of presses; fails if it is never reached.
        """
        for presses in range(limit + 1):
            try:
                node = find()
                if node is not None and self.focused(node):
                    return presses
            except Exception:  # not there yet, or gone while read
                pass
            if os.environ.get("JOURNEY_DEBUG"):
                tap("# %s: focus on %s" % (what, self.describe_focus()))
            if presses < limit:
                self.key(key)
                # Let the focus move and the tree catch up.
                time.sleep(0.15)
        raise Failure("%s never got the keyboard focus in %d presses of %s; focus is on %s" %
                      (what, limit, key, self.describe_focus()))

    def describe_focus(self):
        try:
            for node in self.walk(self.frame()):
                try:
                    if self.focused(node):
                        return "%s “%s”" % (node.getRoleName(), node.name)
                except Exception:
                    continue
        except Exception:
            pass
        return "nothing in the window"

    # ---- reporting

    def screenshot(self, label):
        if shutil.which("import") is None:
            return
        path = os.path.join(self.shots, "%02d-%s.png" % (self.count, label))
        subprocess.run(["import", "-window", "root", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)

    def dump_tree(self, path):
        with open(path, "w") as out:
            if self.app is None or self.app.accessible is None:
                out.write("no application\n")
                return
            try:
                root = self.frame()
            except Exception as error:
                out.write("no frame: %s\n" % error)
                return

            def dump(node, depth):
                try:
                    states = [self.pyatspi.stateToString(s) for s in node.getState().getStates()
                              if s in (self.pyatspi.STATE_FOCUSED, self.pyatspi.STATE_CHECKED,
                                       self.pyatspi.STATE_SELECTED, self.pyatspi.STATE_SENSITIVE)]
                    try:
                        extents = self.extents(node)
                    except NotImplementedError:
                        extents = None
                    out.write("%s%s “%s” %s %s\n" % ("  " * depth, node.getRoleName(), node.name,
                                                    extents, " ".join(states)))
                    for i in range(node.childCount):
                        child = node.getChildAtIndex(i)
                        if child is not None:
                            dump(child, depth + 1)
                except Exception as error:
                    out.write("%s(error: %s)\n" % ("  " * depth, error))

            dump(root, 0)

    def save_evidence(self):
        if not self.args.log_dir:
            return None
        folder = os.path.join(self.args.log_dir, "journey-%s-%d" % (self.mode, self.size[0]))
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)
        for name in sorted(os.listdir(self.shots)):
            shutil.copy(os.path.join(self.shots, name), folder)
        for name in os.listdir(self.workdir):
            if name.startswith("syllabus-") and (name.endswith(".log") or name.endswith(".strace")):
                shutil.copy(os.path.join(self.workdir, name), folder)
        progress = self.progress_path()
        if os.path.exists(progress):
            shutil.copy(progress, folder)
        try:
            self.dump_tree(os.path.join(folder, "accessibility-tree.txt"))
        except Exception:
            pass
        return folder

    def step(self, description, action):
        self.count += 1
        label = re.sub(r"[^a-z0-9]+", "-", description.lower()).strip("-")[:40]
        started = time.monotonic()
        try:
            detail = action()
        except Exception as error:
            self.screenshot(label + "-failed")
            tap("not ok %d - %s" % (self.count, description))
            for line in (str(error) if isinstance(error, Failure)
                         else traceback.format_exc()).splitlines():
                tap("# " + line)
            if self.keys:
                tap("# last keys: " + " ".join(self.keys))
            folder = self.save_evidence()
            if folder:
                tap("# screenshots, tree and logs in " + folder)
            if self.app is not None:
                self.app.kill()
                with open(self.app.log_path) as log:
                    lines = log.read().splitlines()[-20:]
                for line in lines:
                    tap("# app: " + line)
            tap("1..%d" % self.count)
            sys.exit(1)
        self.screenshot(label)
        tap("ok %d - %s (%.1fs)%s" % (self.count, description, time.monotonic() - started,
                                       ": " + detail if detail else ""))

    # ---- the journey

    def progress_path(self):
        data = os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share"))
        # The Rust topic's own file in the progress folder.
        return os.path.join(data, "syllabus", "progress", "rust.json")

    def start_app(self):
        self.app = App(self, self.args.syllabus)
        self.app.start()
        # A narrow window shows a topic's introduction or its checklist.
        wait_for("a topic", lambda: self.find(self.frame(), pred=lambda n: n.getRoleName() in
                                              ("check box", "document web") and self.showing(n)))
        return "window %s, %dx%d" % ((self.app.window,) + self.app.allocated())

    def showing(self, node):
        """Whether GTK shows node: mapped, on a page that is shown."""
        return self.has_state(node, self.pyatspi.STATE_SHOWING) and self.on_screen(node)

    def check_fits(self):
        """The window is as wide as asked, and no control or text on
        screen reaches past its right edge, where it would be cut off."""
        width, height = self.app.allocated()
        if (width, height) != self.size:
            raise Failure("the window is %dx%d" % (width, height))
        roles = {"button", "push button", "toggle button", "check box", "label", "link", "entry", "text",
                 "list item", "heading", "menu button", "radio button", "page tab"}
        outside = []
        checked = 0
        for node in self.iter_find(self.frame(), pred=lambda n: n.getRoleName() in roles):
            try:
                if not self.showing(node):
                    continue
                x, y, w, h = self.extents(node)
                if y >= height:  # scrolled below the window
                    continue
                checked += 1
                # The tree's places lose the padding of the ancestors
                # (see TREE_PLACES_RIGHT), which moves them left by up to
                # that: a few pixels left of the window are the window.
                if x < -LOST_PADDING or x + w > width:
                    outside.append("%s “%s” from x=%d to %d" % (node.getRoleName(), node.name, x, x + w))
            except Exception:
                continue
        if outside:
            raise Failure("past the window's edges (0 to %d):\n%s" % (width, "\n".join(outside)))
        return "%dx%d, %d controls and texts inside" % (width, height, checked)

    # ---- the layout: what a person does to reach a pane at this size

    def show_topic_list(self):
        """The topic list: beside the topic at full width, slid in with the
        sidebar button on a half screen, back from the topic on a phone."""
        self.last_topic_places = None
        if self.topic_places():
            wait_for("the topic list to settle", self.shown_topic_list)
            return
        if self.narrow:
            what, key = "the Back button", "alt+Left"
            button = lambda: self.find(self.frame(), "button", "Back", pred=self.showing)
        else:
            what, key = "the button “Show Topics”", "F9"
            button = lambda: self.find(self.frame(), "toggle button", "Show Topics", pred=self.showing)
        if self.args.keyboard:
            # GNOME's keys for going back and for the sidebar.
            self.key(key)
        else:
            # The header bar's padding is lost from the tree's places (see
            # TREE_PLACES_RIGHT): a click there misses the button. The
            # button's own action is what a click on it does.
            self.do_action(wait_for(what, button), "click")
        wait_for("the topic list", self.shown_topic_list)

    def do_action(self, node, name):
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if name not in names:
            raise Failure("“%s” has no action “%s”, only %s" % (node.name, name, names))
        action.doAction(names.index(name))

    def shown_topic_list(self):
        """Whether the topic list is on screen and in its place: a sidebar
        sliding in or a page sliding back is in the tree before it is
        there, and a click on it then lands beside the window."""
        places = self.topic_places()
        settled = places == self.last_topic_places
        self.last_topic_places = places
        return bool(places) and settled

    def topic_places(self):
        """Where the topic list's items are, if they are inside the window."""
        # A page that is not shown is not in the tree.
        try:
            width = self.app.allocated()[0]
            places = [self.extents(item) for item in self.find_all(self.topics(), "list item")
                      if self.showing(item)]
        except Failure:
            return []
        if all(x >= -LOST_PADDING and x + w <= width for x, y, w, h in places):
            return places
        return []

    def switcher_button(self, name):
        """The view switcher's button at the bottom of a narrow topic."""
        return self.find(self.frame(), pred=lambda n: n.getRoleName() in
                         ("toggle button", "radio button", "page tab", "push button") and
                         n.name == name and self.showing(n))

    def show_resources(self):
        """The checklist: beside the page, or the view "Resources" on a
        phone."""
        if self.narrow and not self.shown_checklist():
            if self.args.keyboard:
                # From the page, the pane key to the switcher, along it to
                # "Resources", Space. GTK 4.24 does not say which of the
                # switcher's buttons has the focus: the view shown then
                # tells whether the keys went there.
                if self.focused_pane() == "the page":
                    self.key("F6")
                self.key("Right", "space")
            else:
                self.click(wait_for("the view “Resources”", lambda: self.switcher_button("Resources")))
        wait_for("the checklist", self.shown_checklist)

    def focus_in_switcher(self):
        switcher = self.find(self.frame(), "page tab list", pred=self.showing)
        return switcher is not None and self.find(switcher, pred=self.focused) is not None

    def shown_checklist(self):
        try:
            return any(self.showing(box) for box in self.find_all(self.checklist(), "check box"))
        except Failure:
            return False

    def check_names(self):
        """Every control on screen has a name a screen reader can say."""
        roles = {"button", "push button", "toggle button", "check box", "combo box", "entry", "text",
                 "password text", "list", "list item", "menu button", "radio button", "slider",
                 "spin button", "progress bar", "link", "page tab"}
        unnamed = []
        checked = 0
        for node in self.iter_find(self.frame(), pred=lambda n: n.getRoleName() in roles):
            try:
                if not self.on_screen(node):
                    continue
                # Items of the checklist hold a row of named controls.
                if node.getRoleName() == "list item" and node.parent == self.checklist():
                    continue
                checked += 1
                name = node.name or ""
                # A mnemonic underscore is read out ("_Undo Undo").
                if (not name.strip() or re.match(r"^(Gtk|Adw)[A-Z]", name) or
                        re.search(r"(^|\s)_\w", name)):
                    unnamed.append("%s “%s” at %s" % (node.getRoleName(), name, self.extents(node)[:2]))
            except Exception:
                continue
        if unnamed:
            raise Failure("controls without a proper name:\n" + "\n".join(unnamed))
        return "%d controls" % checked

    def choose_topic(self, title, key="Return"):
        """Opens title from the topic list; with the keyboard, key on its
        row does it (Return, or N for what to study next)."""
        self.show_topic_list()
        if self.args.keyboard:
            # From wherever the focus is, into the sidebar with F6, the key
            # that moves from pane to pane, then along it.
            self.tab_to("the sidebar", lambda: self.find(self.topics(), "list item", pred=self.focused),
                        key="F6", limit=6)
            items = self.find_all(self.topics(), "list item")
            here = [i for i, item in enumerate(items) if self.focused(item)][0]
            there = items.index(self.topic_item(title))
            # The arrow keys move along the list.
            self.tab_to("the topic “%s”" % title, lambda: self.topic_item(title),
                        key="Down" if there > here else "Up", limit=abs(there - here))
            self.check_tab_leaves("Topics", lambda: self.topic_item(title))
            self.key(key)
        else:
            self.click(self.topic_item(title))
        wait_for("the topic “%s” to be shown" % title, lambda: self.subtitle_is(title))
        if self.folded:
            # The topic list gives way to the topic: slides out, or back.
            wait_for("the topic list to give way to the topic", lambda: not self.topic_places())

    def choose_topics(self):
        self.show_topic_list()
        named = self.check_topic_items()
        self.choose_topic(OTHER_TOPIC)
        self.choose_topic(TOPIC)
        if self.narrow:
            # Nothing is ticked yet: a phone shows the introduction first.
            wait_for("the introduction of %s" % TOPIC, lambda: self.find(self.frame(), "document web",
                                                                         pred=self.showing))
            if self.shown_checklist():
                raise Failure("a narrow window shows the checklist of an untouched topic first")
            return named + ", the introduction first"
        wait_for("the checklist of %s" % TOPIC, lambda: self.check_box(TICKED))
        return named

    def page(self):
        return self.find(self.frame(), "document web", pred=self.on_screen)

    def read_page(self):
        """The page is a document a screen reader can read: its heading
        and its first paragraph are in the tree, as text."""
        page = wait_for("the topic page in the accessibility tree", self.page)
        wait_for("the heading “Introduction” on the page",
                 lambda: self.find(page, "heading", "Introduction"))
        paragraph = wait_for("the introduction's first paragraph as text",
                             lambda: self.find(page, "paragraph",
                                               pred=lambda n: self.text_of(n).startswith(INTRODUCTION)))
        return "“%s…”" % self.text_of(paragraph)[:40]

    def to_checklist(self):
        """F6 moves on from pane to pane: to the checklist."""
        self.tab_to("the checklist", lambda: self.find(self.checklist(), pred=self.focused),
                    key="F6", limit=6)

    def focused_pane(self):
        """Which pane holds the keyboard focus."""
        frame = self.frame()
        for name, pane in (("the checklist", lambda: self.checklist()),
                           ("the topic list", lambda: self.topics()),
                           ("the page", lambda: self.find(frame, "grouping", "Introduction"))):
            try:
                node = pane()
                if node is not None and self.find(node, pred=self.focused) is not None:
                    return name
            except Failure:
                continue
        if self.focus_in_switcher():
            return "the view switcher"
        return None

    def cycle_panes(self):
        """Shift+F6 goes back to the pane before, F6 on again; Ctrl+Tab
        and Ctrl+Shift+Tab, GTK's keys for leaving a widget that uses Tab
        itself, do the same."""
        here = self.focused_pane()
        before = "the page"
        for back, on in (("shift+F6", "F6"), ("ctrl+shift+Tab", "ctrl+Tab")):
            self.key(back)
            wait_for("%s to move the focus from %s to %s" % (back, here, before),
                     lambda: self.focused_pane() == before)
            self.key(on)
            wait_for("%s to move the focus back to %s" % (on, here), lambda: self.focused_pane() == here)
        return "%s ⇄ %s" % (before, here)

    def leave_topic_page(self):
        """From the sidebar into the topic page, read it, then leave it for
        the checklist with Tab, as from any other widget; Shift+Tab at the
        page's start leaves it the other way."""
        def in_page():
            return self.find(self.find(self.frame(), "grouping", "Introduction"), pred=self.focused)

        def outside_page():
            where = self.describe_focus()
            # On a phone the pane before the page is the view switcher,
            # whose focus is not in the tree.
            if in_page() is None and (where != "nothing in the window" or self.narrow):
                return where
            return None

        # Tab leaves the sidebar's list in one press. With the page
        # focused, the tree's focus is on the web view's panel inside the
        # pane "Introduction" (never on the empty text object beside the
        # document: that one keeps Tab), and on the page's main landmark.
        def on_text():
            page = self.page()
            return page is not None and self.find(page, "landmark", pred=self.focused)

        # Entering the page puts the focus on its text, the first stop,
        # where a screen reader starts reading it: the document's main
        # landmark.
        self.tab_to("the topic page's text", on_text, limit=12)
        # Shift+Tab before the page's first link goes back out of it, to the
        # pane before it (the topic list, when it is on screen).
        self.key("shift+Tab")
        before = wait_for("Shift+Tab to take the focus out of the topic page", outside_page,
                          timeout=5)
        # Back in with the pane key: Shift+Tab left for the pane before,
        # which on a half screen is the checklist, the last one.
        self.tab_to("the topic page again", in_page, key="F6", limit=4)
        read = self.read_page()
        wait_for("the page's text to take the focus again", on_text, timeout=5)
        # Tab goes on through the page's links, then on to the checklist.
        # The page answers each key in its own time: press them all, then
        # wait.
        links = len(self.find_all(self.page(), "link"))
        for _ in range(links + 1):
            self.key("Tab")
        if self.narrow:
            # A phone shows the page alone: next comes the view switcher,
            # whose focus GTK 4.24 does not put in the tree; show_resources()
            # then proves it is there.
            wait_for("the page to lose the keyboard focus after %d presses of Tab" % (links + 1),
                     lambda: in_page() is None, timeout=5)
            went = "out of the page"
        else:
            wait_for("the checklist to get the keyboard focus after %d presses of Tab" % (links + 1),
                     lambda: self.find(self.checklist(), pred=self.focused), timeout=5)
            went = "to the checklist"
        return "read %s; Shift+Tab left for %s; %d presses of Tab went past %d links %s" % (
            read, before, links + 1, links, went)

    def tick(self):
        self.show_resources()
        box = self.check_box(TICKED)
        if self.checked(box):
            raise Failure("“%s” was ticked before the journey" % TICKED)
        if self.args.keyboard or not TREE_PLACES_RIGHT:
            if not self.args.keyboard:
                self.to_checklist()
            self.tab_to("the check box “%s”" % TICKED, lambda: self.check_box(TICKED))
            self.key("space")
        else:
            self.click(box)
        wait_for("“%s” to be ticked" % TICKED, lambda: self.checked(self.check_box(TICKED)))
        wait_for("its status to become Done", lambda: self.status_shown(TICKED) == "Done")
        text = wait_for("the topic's count to say 1 done",
                        lambda: (self.progress_text() or "").startswith("1 of 7 done") and self.progress_text())
        return text

    def set_in_progress(self):
        if self.status_shown(STARTED) != "Not Started":
            raise Failure("“%s” was started before the journey" % STARTED)
        if self.args.keyboard or not TREE_PLACES_RIGHT:
            self.tab_to("the status of “%s”" % STARTED, lambda: self.status_button(STARTED))
            self.key("space")
        else:
            self.click(self.status_button(STARTED), "the status of " + STARTED)

        def menu():
            return self.find(self.status_control(STARTED), "menu", pred=self.on_screen)

        def menu_item():
            found = menu()
            if found is None:
                return None
            # A radio menu: each item named by the status it sets, the
            # status shown checked. Items without names, as GTK 4.24 gives
            # a menu made from a menu model, fail here.
            if not (found.name or "").startswith("Status of %s: " % STARTED):
                raise Failure("the menu is named “%s”, not after the status button" % found.name)
            items = self.find_all(found, pred=lambda n: "menu item" in n.getRoleName() and self.on_screen(n))
            said = tuple("%s “%s”" % (i.getRoleName(), i.name) for i in items)
            if said != tuple("radio menu item “%s”" % status for status in STATUSES):
                raise Failure("the menu's items are %s, not radio menu items named %s"
                              % (", ".join(said), ", ".join(STATUSES)))
            spoken_again = [n for i in items for n in self.walk(i) if n != i and n.name]
            if spoken_again:
                raise Failure("the menu's items hold %s, which a screen reader reads again"
                              % ", ".join("%s “%s”" % (n.getRoleName(), n.name) for n in spoken_again))
            checked = [i.name for i in items if self.checked(i)]
            if checked != ["Not Started"]:
                raise Failure("the menu shows %s checked, not Not Started" % checked)
            return found, items[STATUSES.index("In Progress")]

        popover, item = wait_for("the menu of statuses to open", menu_item)
        self.screenshot("statuses")
        if self.args.keyboard or not TREE_PLACES_RIGHT:
            # The menu opens on the checked item, Not Started, the first.
            wait_for("the focus on the checked item",
                     lambda: self.focused(self.find(menu(), "radio menu item", "Not Started")))
            self.tab_to("“In Progress” in the menu", lambda: menu_item()[1], key="Down", limit=4)
            self.key("Return")
        else:
            self.click_in_popover(self.status_button(STARTED), popover, item)
        # The change offers Undo in a notification, for a few seconds: it is
        # looked for first (a build with sanitizers is slow to read the
        # tree). Its controls are named as well as the window's.
        wait_for("the Undo notification", lambda: self.find(self.frame(), pred=lambda n:
                                                            "Undo" in (n.name or "") and self.on_screen(n)))
        wait_for("“%s” to show In Progress" % STARTED, lambda: self.status_shown(STARTED) == "In Progress")
        wait_for("the menu of statuses to close", lambda: menu() is None)
        return self.check_names()

    def next_up_key(self):
        """N on a topic's row opens the resource to study next, focused:
        the one in progress, not the first one not started."""
        self.choose_topic(TOPIC, key="n")
        box = wait_for("the check box of “%s”" % STARTED, lambda: self.check_box(STARTED))

        def focused_row():
            focused = self.find(self.checklist(), pred=self.focused)
            return focused is not None and any(node == box for node in self.walk(focused))
        wait_for("the keyboard focus on the row of “%s”" % STARTED, focused_row)
        return "the focus is on “%s”" % STARTED

    def write_note(self):
        if self.args.keyboard or not TREE_PLACES_RIGHT:
            # The notes button of the ticked row comes before the status
            # just set: go back to it.
            self.tab_to("the button “Edit notes for %s”" % TICKED, lambda: self.notes_button(TICKED),
                        key="shift+Tab", limit=8)
            self.key("space")
        else:
            self.click(self.notes_button(TICKED))
        wait_for("the notes editor to open with the focus",
                 lambda: self.shown(self.notes_view(TICKED)) and self.focused(self.notes_view(TICKED)))
        self.type(self.note)
        wait_for("the note to be in the editor", lambda: self.text_of(self.notes_view(TICKED)) == self.note)
        self.screenshot("note")
        # Escape closes the editor and gives the focus back to its button.
        self.key("Escape")
        wait_for("the editor to close", lambda: not self.notes_open(TICKED))
        wait_for("the note to be shown under the title",
                 lambda: self.find(self.checklist(), "label", self.note, pred=self.on_screen))
        if self.args.keyboard:
            wait_for("the focus back on the notes button", lambda: self.focused(self.notes_button(TICKED)))
        return None

    def search(self):
        # The search button is in the topic list's header bar, which is
        # out of the tree where the topic list is hidden: Ctrl+F shows it.
        button, entry = self.search_controls()
        if self.args.keyboard or not TREE_PLACES_RIGHT or button is None:
            self.key("ctrl+f")
        else:
            self.click(button, "the search button")

        if entry is None:
            # The search bar's entry is in the tree once it is revealed.
            entry = wait_for("the search entry", lambda: self.search_controls()[1])
        wait_for("the search entry with the focus", lambda: self.shown(entry) and self.focused(entry))
        self.type(SEARCH_WORD)

        def hit():
            results = self.named_list("Search results")
            if not self.shown(results):
                return None
            return self.find(results, "list item", pred=lambda n: TICKED in (n.name or ""))

        wait_for("“%s” among the results for “%s”" % (TICKED, SEARCH_WORD), hit)
        self.screenshot("results")
        named = self.check_names()
        item = hit()
        if item.name != TICKED or TOPIC not in (item.description or ""):
            raise Failure("the result is named “%s”, described “%s”; not “%s” in “%s”"
                          % (item.name, item.description, TICKED, TOPIC))
        self.check_list_items("Search results")
        if self.args.keyboard:
            # From the entry into the results, and one Tab out of them.
            self.tab_to("the result “%s”" % TICKED, hit, limit=3)
            self.check_tab_leaves("Search results", hit)
            self.tab_to("the search entry", lambda: entry, key="shift+Tab", limit=3)
        self.key("Escape")
        wait_for("the topics back in the sidebar", lambda: self.shown(self.topic_item(TOPIC)))
        return "results shown, " + named

    def quit(self):
        self.app.quit()
        return None

    def check_file(self):
        with open(self.progress_path()) as f:
            data = json.load(f)
        if data.get("version") != 2 or data.get("topic") != "rust":
            raise Failure("the Rust topic's file is %s" % {k: data.get(k) for k in ("version", "topic")})
        resources = data["resources"]

        def entry(fragment):
            keys = [key for key in resources if fragment.lower() in key.lower()]
            if len(keys) != 1:
                raise Failure("%d entries whose key holds %s in %s" % (len(keys), fragment, list(resources)))
            return resources[keys[0]]

        ticked = entry("rust-in-action")
        if ticked.get("status") != "done" or ticked.get("done") is not True:
            raise Failure("“%s” is saved as %s" % (TICKED, ticked))
        if ticked.get("notes") != self.note:
            raise Failure("the note is saved as %r" % ticked.get("notes"))
        started = entry("Programming-Rust")
        if started.get("status") != "in-progress" or started.get("done"):
            raise Failure("“%s” is saved as %s" % (STARTED, started))
        others = [key for key, value in resources.items()
                  if value not in (ticked, started) and value.get("status", "not-started") != "not-started"]
        if others:
            raise Failure("resources changed that were not touched: %s" % others)
        return None

    def check_restored(self):
        # Settings are kept in memory only, so the last topic is not
        # remembered: choose it again if another one is shown.
        try:
            wait_for("the topic %s" % TOPIC, lambda: self.subtitle_is(TOPIC), timeout=5)
            if self.narrow:
                # Back to the list and into the topic again: begun, it
                # opens on its resources.
                self.choose_topic(TOPIC)
        except Failure:
            self.choose_topic(TOPIC)
        if self.narrow:
            wait_for("the resources of %s shown first" % TOPIC, self.shown_checklist)
        wait_for("“%s” ticked" % TICKED, lambda: self.checked(self.check_box(TICKED)))
        if self.checked(self.check_box(UNTOUCHED)):
            raise Failure("“%s” is ticked" % UNTOUCHED)
        wait_for("“%s” shown as Done" % TICKED, lambda: self.status_shown(TICKED) == "Done")
        wait_for("“%s” shown as In Progress" % STARTED, lambda: self.status_shown(STARTED) == "In Progress")
        wait_for("“%s” shown as Not Started" % UNTOUCHED, lambda: self.status_shown(UNTOUCHED) == "Not Started")
        wait_for("the note under the title",
                 lambda: self.find(self.checklist(), "label", self.note, pred=self.on_screen))
        # The editor is made when it is first opened.
        if TREE_PLACES_RIGHT:
            self.click(self.notes_button(TICKED))
        else:
            self.to_checklist()
            self.tab_to("the button “Edit notes for %s”" % TICKED, lambda: self.notes_button(TICKED))
            self.key("space")
        wait_for("the note in its editor", lambda: self.text_of(self.notes_view(TICKED)) == self.note)
        self.key("Escape")
        wait_for("the editor to close", lambda: not self.notes_open(TICKED))
        text = wait_for("the topic's count", self.progress_text)
        if not text.startswith("1 of 7 done"):
            raise Failure("the topic's count says “%s”" % text)
        self.show_topic_list()
        wait_for("the sidebar's count of %s" % TOPIC,
                 lambda: (self.topic_item(TOPIC).description or "").split(", next: ")[0] == "1 of 7")
        return text

    def wait_for_registry(self):
        # The registry is started on demand with the accessibility bus.
        wait_for("the accessibility registry", lambda: self.pyatspi.Registry.getDesktop(0) is not None)

    def main(self):
        tap("# %s journey at %dx%d, in %s" % ((self.mode,) + self.size + (self.workdir,)))
        self.wait_for_registry()
        self.step("start Syllabus", self.start_app)
        self.step("every control on screen has a name", self.check_names)
        self.step("the window is %dx%d, and everything fits in it" % self.size, self.check_fits)
        self.step("choose %s, then %s" % (OTHER_TOPIC, TOPIC), self.choose_topics)
        if self.args.keyboard:
            self.step("read the topic page, then leave it for the checklist", self.leave_topic_page)
        if self.args.keyboard and not self.narrow:
            # On a phone the page's pane and the switcher's take turns; the
            # switcher's focus is not in the tree, so F6 is checked there
            # by the view it switches to.
            self.step("F6 and Shift+F6 move between the panes on screen", self.cycle_panes)
        self.step("tick “%s”" % TICKED, self.tick)
        self.step("set “%s” in progress" % STARTED, self.set_in_progress)
        if self.args.keyboard:
            self.step("N on %s in the topic list opens what is next" % TOPIC, self.next_up_key)
        self.step("write a note on “%s”" % TICKED, self.write_note)
        self.step("search for the note's word", self.search)
        self.step("quit with Ctrl+Q", self.quit)
        self.step("the progress file holds every change", self.check_file)
        self.step("start Syllabus again", self.start_app)
        self.step("every change is back, as the accessibility tree shows", self.check_restored)
        self.step("quit with Ctrl+Q again", self.quit)
        tap("1..%d" % self.count)
        if os.environ.get("JOURNEY_KEEP_EVIDENCE"):
            tap("# screenshots, tree and logs in %s" % self.save_evidence())
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--pointer", action="store_true", help="use the mouse")
    mode.add_argument("--keyboard", action="store_true", help="use the keyboard only")
    parser.add_argument("--size", default="1400x900", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--log-dir", help="where to save evidence of a failure")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("syllabus", help="the application's executable")
    args = parser.parse_args()

    if not args.inner:
        return outer(args)
    return Journey(args).main()


if __name__ == "__main__":
    sys.exit(main())
