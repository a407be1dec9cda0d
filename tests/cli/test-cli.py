#!/usr/bin/env python3
# test-cli.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The command line of the real program, without a display: --status as
text and JSON, --export as Markdown and as a backup, --import of that backup
into a fresh home giving the same status, a second import changing nothing,
errors with exit code 1 and a message, and --import refused while Syllabus
runs.

Usage: test-cli.py SYLLABUS OWN-NAME [--private-bus]. Prints TAP.
"""

import fcntl
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

SYLLABUS = sys.argv[1]
OWN_NAME = sys.argv[2]
PRIVATE_BUS = "--private-bus" in sys.argv[3:]

DEMO_TOPIC = """---
title: Demo
---
# Demo

## Learning Resources

### Books
- [Book One](https://example.org/one)
- [Book Two](https://example.org/two)
- [Book Three](https://example.org/three)
"""

PROGRESS = {
    "version": 1,
    "topics": {
        "demo": {
            "seen": ["https://example.org/one", "https://example.org/two",
                     "https://example.org/three"],
            "resources": {
                "https://example.org/one": {
                    "title": "Book One", "url": "https://example.org/one",
                    "status": "done", "done": True,
                    "started-at": "2026-11-20T09:00:00Z",
                    "done-at": "2026-11-25T12:00:00Z",
                    "notes": "Read it twice.",
                    "changed-at": "2026-11-25T12:00:00Z",
                },
                "https://example.org/two": {
                    "title": "Book Two", "url": "https://example.org/two",
                    "status": "in-progress",
                    "started-at": "2026-11-22T09:00:00Z",
                    "changed-at": "2026-11-22T09:00:00Z",
                },
                "https://example.org/three": {
                    "title": "Book Three", "url": "https://example.org/three",
                    "status": "skipped",
                    "changed-at": "2026-11-23T09:00:00Z",
                },
                # Progress whose resource left the topic.
                "https://example.org/gone": {
                    "title": "Gone Book", "url": "https://example.org/gone",
                    "status": "done", "done": True,
                    "done-at": "2026-10-01T09:00:00Z",
                    "changed-at": "2026-10-01T09:00:00Z",
                },
            },
        },
        "rust": {
            "resources": {
                "https://doc.rust-lang.org/book/": {
                    "title": "Official Rust Book",
                    "url": "https://doc.rust-lang.org/book/",
                    "status": "done", "done": True,
                    "done-at": "2026-09-01T09:00:00Z",
                    "changed-at": "2026-09-01T09:00:00Z",
                },
            },
        },
    },
}

TOP = tempfile.mkdtemp(prefix="syllabus-cli-")
count = 0
failures = 0


def report(ok, description, detail=None):
    global count, failures
    count += 1
    if not ok:
        failures += 1
    print(f"{'ok' if ok else 'not ok'} {count} - {description}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def skip(description, reason):
    global count
    count += 1
    print(f"ok {count} - {description} # SKIP {reason}")


def make_home(name, progress=None):
    """A fresh set of XDG folders with the demo topic in the user's topic
    folder, and @progress as the progress file if given."""
    home = os.path.join(TOP, name)
    data = os.path.join(home, "data")
    topics = os.path.join(data, "syllabus", "topics")
    os.makedirs(topics)
    for folder in ("config", "cache", "runtime", "home"):
        os.makedirs(os.path.join(home, folder), mode=0o700)
    with open(os.path.join(topics, "demo.md"), "w", encoding="utf-8") as f:
        f.write(DEMO_TOPIC)
    if progress is not None:
        with open(progress_path(home), "w", encoding="utf-8") as f:
            json.dump(progress, f)
    return home


def progress_path(home):
    """The progress.json of version 1 that make_home() writes, migrated to
    the progress folder by the first command that writes."""
    return os.path.join(home, "data", "syllabus", "progress.json")


def folder_path(home):
    return os.path.join(home, "data", "syllabus", "progress")


def progress_saved(home):
    """Whether the progress folder holds a topic file."""
    folder = folder_path(home)
    return os.path.isdir(folder) and any(n.endswith(".json") for n in os.listdir(folder))


def read_folder(home):
    """Every topic file of the progress folder, by name, or b"" if none."""
    folder = folder_path(home)
    if not os.path.isdir(folder):
        return b""
    out = b""
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            out += name.encode() + b"\n" + f.read()
    return out


def environment(home):
    env = dict(os.environ)
    # No display of any kind: these options must never need one.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "GDK_BACKEND"):
        env.pop(name, None)
    env["HOME"] = os.path.join(home, "home")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    env["XDG_RUNTIME_DIR"] = os.path.join(home, "runtime")
    env["TZ"] = "UTC"
    env["LC_ALL"] = "C.UTF-8"
    if not PRIVATE_BUS:
        # Never find a Syllabus the developer has open.
        env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + os.path.join(home, "no-bus")
    return env


def run(home, *args, stdout=subprocess.PIPE):
    return subprocess.run([SYLLABUS, *args], env=environment(home), cwd=home,
                          stdout=stdout, stderr=subprocess.PIPE,
                          timeout=60, check=False)


def run_on_full_disk(home, limit, *args):
    """Runs Syllabus where no file can grow past @limit bytes: a file size
    limit stands in for a full disk (writes fail with EFBIG as they would
    with ENOSPC, and root is subject to it too)."""
    def limit_file_size():
        # SIGXFSZ keeps its default action, which kills: Syllabus itself
        # ignores it, so that the write fails and is reported, as a
        # script running it under a quota or ulimit meets it.
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    return subprocess.run([SYLLABUS, *args], env=environment(home), cwd=home,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60, check=False, preexec_fn=limit_file_size)


def leftovers(folder, name):
    """Files in @folder, other than @name itself, that writing @name left."""
    return [entry for entry in os.listdir(folder)
            if entry != name and (name in entry or entry.startswith(".goutputstream"))]


def check_exports_on_full_disk(home):
    """The user's earlier backup and report stay whole, byte for byte, when
    a new export cannot be written completely."""
    folder = os.path.join(TOP, "full-disk")
    os.makedirs(folder)
    for name, description in (("backup.json", "the user's backup.json"),
                              ("report.md", "the user's report.md")):
        target = os.path.join(folder, name)
        completed = run(home, "--export", target)
        old = read(target) if os.path.exists(target) else b""
        report(completed.returncode == 0 and len(old) > 256,
               f"--export writes {description} while there is room", describe(completed))
        # Room for half of it.
        completed = run_on_full_disk(home, len(old) // 2, "--export", target)
        new = read(target) if os.path.exists(target) else b""
        report(completed.returncode == 1 and "Could not export progress" in errors(completed) and
               name in errors(completed) and text(completed) == "",
               f"--export onto a full disk fails with a message naming {name}",
               describe(completed))
        report(new == old,
               f"--export onto a full disk leaves {description} whole",
               f"{len(old)} bytes before, {len(new)} after")
        report(leftovers(folder, name) == [],
               f"--export onto a full disk leaves no partial file beside {name}",
               os.listdir(folder))


def label(args):
    """The command line @args as a test's description shows them."""
    return " ".join(os.path.basename(arg) if os.path.isabs(arg) else arg for arg in args)


def folder_state(folder):
    """Every file in @folder with its bytes and its identity: a read-only
    command must leave all of it as it was."""
    state = {}
    for entry in sorted(os.listdir(folder)):
        path = os.path.join(folder, entry)
        info = os.lstat(path)
        content = read(path) if stat.S_ISREG(info.st_mode) else None
        state[entry] = (info.st_ino, info.st_mtime_ns, info.st_size, content)
    return state


def check_read_only_commands(backup):
    """--status and --export write and delete nothing in the data folder:
    not the user's own progress.json.backup and progress.json.MyCopy (which
    a start-up clean-up took for leftovers), not a temporary file another
    Syllabus may be writing, not a damaged progress file."""
    home = make_home("read-only", PROGRESS)
    folder = os.path.dirname(progress_path(home))
    for name in ("progress.json.backup", "progress.json.MyCopy"):
        with open(os.path.join(folder, name), "w") as f:
            f.write(f"the user's own {name}\n")
    with open(os.path.join(folder, ".progress.json.syllabus-tmp-Ab12Cd"), "w") as f:
        f.write('{"version": 1, "topics": {')
    before = folder_state(folder)
    for args in (["--status"], ["--status", "--json"], ["--export", backup],
                 ["--export", os.path.join(home, "report.md")]):
        completed = run(home, *args)
        after = folder_state(folder)
        report(completed.returncode == 0 and after == before,
               f"{label(args)} changes nothing in the data folder, "
               "the user's progress.json.backup and progress.json.MyCopy included",
               f"exit {completed.returncode}\nstderr:\n{errors(completed)}\n"
               f"before: {sorted(before)}\nafter: {sorted(after)}")


def check_import_while_locked():
    """`env -u DBUS_SESSION_BUS_ADDRESS syllabus --import small.json` while a
    window is open: the window holds the lock on progress.lock whatever the
    bus, and the import refuses rather than write a file the window would
    save over."""
    home = make_home("locked", PROGRESS)
    path = progress_path(home)
    before = read(path)
    backup = os.path.join(home, "small.json")
    with open(backup, "w", encoding="utf-8") as f:
        json.dump({"version": 1, "topics": {"demo": {"resources": {
            "https://example.org/four": {
                "title": "Book Four", "url": "https://example.org/four",
                "status": "done", "done": True, "done-at": "2026-11-26T09:00:00Z",
                "changed-at": "2026-11-26T09:00:00Z"}}}}}, f)
    lock = open(os.path.join(os.path.dirname(path), "progress.lock"), "a+")
    try:
        # What a running window holds.
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        env = environment(home)
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        completed = subprocess.run([SYLLABUS, "--import", backup], env=env, cwd=home,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=60, check=False)
        report(completed.returncode == 1 and "Another Syllabus" in errors(completed) and
               text(completed) == "",
               "--import without a session bus refuses while a window holds the lock",
               describe(completed))
        report(read(path) == before and
               not os.path.exists(path + ".bak"),
               "--import refused by the lock leaves progress.json alone")
    finally:
        lock.close()
    completed = run(home, "--import", backup)
    report(completed.returncode == 0 and
           text(completed) == "Added progress for 1 resource.\n",
           "--import works once the window quit", describe(completed))


def check_damaged_progress():
    """On a damaged progress.json, --status had moved it aside, warned once
    and exited 0, and --export then wrote an empty backup over a script's
    good one with exit status 0. Now the read-only commands leave it where
    it is and refuse with a message; once a writer (here an import) kept it
    aside, they keep refusing until the user has seen it in the window."""
    home = make_home("damaged")
    path = progress_path(home)
    folder = os.path.dirname(path)
    damaged = b'{"version": 1, "topics": {"demo": '
    with open(path, "wb") as f:
        f.write(damaged)
    backup = os.path.join(home, "backup.json")
    with open(backup, "w", encoding="utf-8") as f:
        json.dump(PROGRESS, f)
    good_backup = read(backup)
    small = os.path.join(home, "small.json")
    with open(small, "w", encoding="utf-8") as f:
        json.dump({"version": 1, "topics": {"demo": {"resources": {
            "https://example.org/one": PROGRESS["topics"]["demo"]["resources"][
                "https://example.org/one"]}}}}, f)

    before = folder_state(folder)
    completed = run(home, "--status")
    report(completed.returncode == 1 and "cannot be read" in errors(completed) and
           text(completed) == "" and folder_state(folder) == before,
           "--status on a damaged progress.json fails, says so and moves nothing",
           describe(completed))
    completed = run(home, "--export", backup)
    report(completed.returncode == 1 and "cannot be read" in errors(completed) and
           read(backup) == good_backup and folder_state(folder) == before,
           "--export on a damaged progress.json keeps the script's good backup.json",
           describe(completed))

    completed = run(home, "--import", small)
    kept = [name for name in os.listdir(folder) if ".damaged-" in name]
    report(completed.returncode == 0 and len(kept) == 1 and
           read(os.path.join(folder, kept[0])) == damaged and
           kept[0] in errors(completed),
           "--import keeps the damaged progress.json aside and says so", describe(completed))
    for args in (["--status"], ["--status", "--json"], ["--export", backup]):
        completed = run(home, *args)
        report(completed.returncode == 1 and text(completed) == "" and
               kept and kept[0] in errors(completed) and read(backup) == good_backup,
               f"{label(args)} refuses while the damaged file kept aside is unseen",
               describe(completed))


def check_folder_topic():
    """A folder of Markdown files in the topics folder is one topic, which
    --status lists under the folder's name, titled by its index.md; its
    files are only read."""
    home = make_home("folder")
    garden = os.path.join(home, "data", "syllabus", "topics", "garden")
    shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model",
                                 "topics", "garden"), garden)
    before = folder_state(garden)
    code, data = status_json(home)
    topics = {topic["id"]: topic for topic in data["topics"]} if isinstance(data, dict) else {}
    report(code == 0 and topics.get("garden", {}).get("title") == "Kitchen Garden",
           "--status lists a folder in the topics folder as one topic", data)
    report(folder_state(garden) == before, "--status writes nothing into a folder topic",
           (before, folder_state(garden)))


def check_chosen_folder(backup):
    """With the progress-folder setting (written here through the keyfile
    settings backend, as a user's choice in Preferences outlives a run),
    --import writes into the chosen folder and --status and --export read
    it; the default folder stays empty."""
    home = make_home("chosen")
    chosen = os.path.join(home, "sync")
    os.makedirs(chosen)
    settings = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
        f.write(f"[io/github/syllabus/Syllabus]\nprogress-folder='{chosen}'\n")
    env = environment(home)
    env["GSETTINGS_BACKEND"] = "keyfile"

    def run_chosen(*args):
        return subprocess.run([SYLLABUS, *args], env=env, cwd=home, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60, check=False)

    completed = run_chosen("--import", backup)
    report(completed.returncode == 0 and os.path.exists(os.path.join(chosen, "demo.json")) and
           not progress_saved(home),
           "--import writes into the chosen progress folder", describe(completed))
    completed = run_chosen("--status")
    demo = [line for line in text(completed).splitlines() if line.startswith("Demo ")]
    report(completed.returncode == 0 and len(demo) == 1 and "1 of 3 done" in demo[0],
           "--status reads the chosen progress folder", describe(completed))
    exported = os.path.join(home, "again.json")
    completed = run_chosen("--export", exported)
    try:
        with open(exported, encoding="utf-8") as f:
            resources = json.load(f)["topics"]["demo"]["resources"]
    except (OSError, ValueError, KeyError):
        resources = {}
    report(completed.returncode == 0 and len(resources) == 4,
           "--export reads the chosen progress folder", describe(completed))


def text(completed):
    return completed.stdout.decode("utf-8") if completed.stdout else ""


def errors(completed):
    return completed.stderr.decode("utf-8", "replace")


def describe(completed):
    return (f"exit {completed.returncode}\nstdout:\n{text(completed)}\n"
            f"stderr:\n{errors(completed)}")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def status_json(home):
    completed = run(home, "--status", "--json")
    try:
        return completed.returncode, json.loads(text(completed))
    except json.JSONDecodeError as error:
        return completed.returncode, f"not JSON: {error}\n{describe(completed)}"


def main():
    a = make_home("a", PROGRESS)

    # --status: one aligned line per topic.
    completed = run(a, "--status")
    lines = text(completed).splitlines()
    demo = [line for line in lines if line.startswith("Demo ")]
    rust = [line for line in lines if line.startswith("Rust ")]
    report(completed.returncode == 0 and errors(completed) == "", "--status succeeds quietly",
           describe(completed))
    report(len(demo) == 1 and
           re.fullmatch(r"Demo +1 of 3 done · 1 in progress · 1 skipped", demo[0]) is not None,
           "--status shows the demo topic's progress", describe(completed))
    report(len(rust) == 1 and re.fullmatch(r"Rust +1 of \d+ done", rust[0]) is not None,
           "--status shows the shipped topics' progress", describe(completed))
    columns = {re.search(r"\d+ of \d+ done", line).start() for line in lines}
    report(len(lines) >= 2 and len(columns) == 1, "--status aligns the summaries",
           describe(completed))

    # --status --json
    code, data = status_json(a)
    ok = code == 0 and isinstance(data, dict)
    report(ok and data.get("version") == 1, "--status --json prints JSON", data)
    if ok:
        topics = {topic["id"]: topic for topic in data["topics"]}
        demo = topics.get("demo", {})
        report(demo.get("total") == 3 and demo.get("done") == 1 and
               demo.get("in-progress") == 1 and demo.get("skipped") == 1 and
               demo.get("not-started") == 0,
               "--status --json counts the demo topic", demo)
        statuses = [(r["title"], r["status"], r["done-at"], r["notes"])
                    for r in demo.get("resources", [])]
        report(statuses == [("Book One", "done", "2026-11-25T12:00:00Z", "Read it twice."),
                            ("Book Two", "in-progress", None, ""),
                            ("Book Three", "skipped", None, "")],
               "--status --json lists the resources", statuses)
        orphans = [(r["title"], r["status"]) for r in demo.get("orphans", [])]
        report(orphans == [("Gone Book", "done")], "--status --json lists orphans", orphans)
        report("rust" in topics and topics["rust"]["done"] == 1,
               "--status --json includes shipped topics", list(topics))
    else:
        for description in ("counts", "resources", "orphans", "shipped topics"):
            report(False, f"--status --json {description}", data)

    # A user's own rust.md does not hide the shipped Rust topic: both are
    # listed, the user's under an id of its own, and the shipped topic's
    # progress is still reported.
    e = make_home("e", PROGRESS)
    with open(os.path.join(e, "data", "syllabus", "topics", "rust.md"), "w",
              encoding="utf-8") as f:
        f.write("---\ntitle: My Rust notes\n---\n\n## Learning Resources\n\n"
                "- [Mine](https://example.org/mine)\n")
    code, data = status_json(e)
    if code == 0 and isinstance(data, dict):
        topics = {topic["id"]: topic for topic in data["topics"]}
        shipped = topics.get("rust", {})
        mine = topics.get("rust-2", {})
        report(shipped.get("title") == "Rust" and shipped.get("done") == 1 and
               mine.get("title") == "My Rust notes" and mine.get("total") == 1,
               "a user's rust.md is listed beside the shipped Rust topic",
               {key: (t.get("title"), t.get("done")) for key, t in topics.items()})
    else:
        report(False, "a user's rust.md is listed beside the shipped Rust topic", data)

    # roadmap.sh's kinds: a link text starting "@official@" gives the
    # resource the kind "official", which --status --json reports, and
    # takes no part in its title.
    k = make_home("k")
    with open(os.path.join(k, "data", "syllabus", "topics", "kinds.md"), "w",
              encoding="utf-8") as f:
        f.write("---\ntitle: Tokio\n---\n\n## Learning Resources\n\n"
                "- [@official@Official Website](https://tokio.rs/)\n"
                "- [@Video@Async Rust in Depth](https://example.org/video)\n"
                "- [Plain Link](https://example.org/plain)\n")
    code, data = status_json(k)
    if code == 0 and isinstance(data, dict):
        topics = {topic["id"]: topic for topic in data["topics"]}
        # A resource without a kind has no such member, not a null one.
        kinds = [(r["title"], r.get("kind", "-")) for r in topics.get("kinds", {}).get("resources", [])]
        report(kinds == [("Official Website", "official"), ("Async Rust in Depth", "video"),
                         ("Plain Link", "-")],
               "--status --json gives each resource marked \"@kind@\" its kind", kinds)
    else:
        report(False, "--status --json gives each resource marked \"@kind@\" its kind", data)

    # --export x.md: the Markdown report.
    completed = run(a, "--export", "report.md")
    report(completed.returncode == 0 and text(completed) == "", "--export x.md succeeds",
           describe(completed))
    markdown = read(os.path.join(a, "report.md")).decode("utf-8") \
        if os.path.exists(os.path.join(a, "report.md")) else ""
    expected = ("## Demo\n\n1 of 3 done · 1 in progress · 1 skipped\n\n### Done\n\n"
                "- [Book One](https://example.org/one) — started 2026-11-20, done 2026-11-25\n"
                "  > Read it twice.\n")
    report(markdown.startswith("# ") and expected in markdown and
           "- [Gone Book](https://example.org/gone) — done 2026-10-01" in markdown and
           "## Rust" in markdown,
           "--export x.md writes the report", markdown)

    # --export x.json: the backup.
    backup = os.path.join(TOP, "backup.json")
    completed = run(a, "--export", backup)
    report(completed.returncode == 0, "--export x.json succeeds", describe(completed))
    try:
        with open(backup, encoding="utf-8") as f:
            saved = json.load(f)
        resources = saved["topics"]["demo"]["resources"]
        report(saved["version"] == 1 and len(resources) == 4 and
               resources["https://example.org/one"]["notes"] == "Read it twice." and
               len(saved["topics"]["demo"]["seen"]) == 3,
               "--export x.json writes a full backup", saved)
        report(stat.S_IMODE(os.stat(backup).st_mode) & 0o077 == 0,
               "the backup is private", oct(os.stat(backup).st_mode))
    except (OSError, ValueError, KeyError) as error:
        report(False, "--export x.json writes a full backup", error)
        report(False, "the backup is private", error)

    check_exports_on_full_disk(a)

    check_read_only_commands(backup)
    check_damaged_progress()
    check_import_while_locked()
    check_folder_topic()
    check_chosen_folder(backup)

    # --import into a fresh home gives the same status.
    b = make_home("b")
    completed = run(b, "--import", backup)
    report(completed.returncode == 0 and
           text(completed) == "Added progress for 5 resources.\n",
           "--import merges the backup", describe(completed))
    report(progress_saved(b), "--import saves before exiting")
    code_a, data_a = status_json(a)
    code_b, data_b = status_json(b)
    report(code_a == 0 and code_b == 0 and data_a == data_b,
           "the imported status matches the exported one", f"{data_a}\n{data_b}")

    before = read_folder(b)
    completed = run(b, "--import", backup)
    report(completed.returncode == 0 and text(completed) == "Nothing new to import.\n",
           "a second --import changes nothing", describe(completed))
    after = read_folder(b)
    report(before == after and before != b"", "a second --import leaves the files alone")

    # --import then --status in one run: the status includes the import.
    c = make_home("c")
    completed = run(c, "--import", backup, "--status")
    report(completed.returncode == 0 and
           text(completed).startswith("Added progress for 5 resources.\n") and
           re.search(r"^Demo +1 of 3 done · 1 in progress · 1 skipped$", text(completed),
                     re.MULTILINE) is not None,
           "--import with --status shows the imported progress", describe(completed))

    # Errors: exit code 1, a message on stderr, nothing changed.
    with open(os.path.join(TOP, "garbage.json"), "w") as f:
        f.write("this is not a backup")
    newer = dict(PROGRESS, version=3)
    with open(os.path.join(TOP, "newer.json"), "w") as f:
        json.dump(newer, f)
    cases = [
        (["--import", os.path.join(TOP, "missing.json")], "missing.json",
         "--import of a missing file fails"),
        (["--import", os.path.join(TOP, "garbage.json")], "garbage.json",
         "--import of a damaged file fails"),
        (["--import", os.path.join(TOP, "newer.json")], "newer version",
         "--import of a newer version's file fails"),
        (["--import", TOP], "folder", "--import of a folder fails"),
        (["--export", os.path.join(TOP, "no-such-folder", "x.json")], "x.json",
         "--export into a missing folder fails"),
        (["--export", os.path.join(TOP, "no-such-folder", "x.md")], "x.md",
         "--export of a report into a missing folder fails"),
        (["--json"], "--status", "--json without --status fails"),
    ]
    for args, mention, description in cases:
        completed = run(b, *args)
        after_error = read_folder(b)
        report(completed.returncode == 1 and mention in errors(completed) and
               text(completed) == "" and after_error == before,
               description, describe(completed))

    # Output that cannot be written is an error too.
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            completed = run(a, "--status", stdout=full)
        report(completed.returncode == 1, "--status to a full disk fails", describe(completed))
    else:
        skip("--status to a full disk fails", "no /dev/full")

    # --help lists the options with their descriptions.
    completed = run(a, "--help")
    out = text(completed)
    report(completed.returncode == 0 and
           all(option in out for option in ("--status", "--json", "--export=FILE",
                                            "--import=FILE", "Markdown")),
           "--help lists the options", describe(completed))

    # While Syllabus runs, --import refuses; reading still works.
    if PRIVATE_BUS:
        d = make_home("d")
        owner = subprocess.Popen([OWN_NAME], env=environment(d), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE)
        try:
            owned = owner.stdout.readline().decode().strip() == "owned"
            report(owned, "a stand-in for a running Syllabus owns the name")
            completed = run(d, "--import", backup)
            report(completed.returncode == 1 and "running" in errors(completed) and
                   not progress_saved(d),
                   "--import refuses while Syllabus runs", describe(completed))
            completed = run(d, "--status")
            report(completed.returncode == 0, "--status works while Syllabus runs",
                   describe(completed))
        finally:
            owner.stdin.close()
            owner.wait(timeout=30)
        completed = run(d, "--import", backup)
        report(completed.returncode == 0 and progress_saved(d),
               "--import works once Syllabus quit", describe(completed))
    else:
        for description in ("a stand-in for a running Syllabus owns the name",
                            "--import refuses while Syllabus runs",
                            "--status works while Syllabus runs",
                            "--import works once Syllabus quit"):
            skip(description, "no private session bus")

    print(f"1..{count}")


try:
    main()
finally:
    shutil.rmtree(TOP, ignore_errors=True)

sys.exit(1 if failures else 0)
