#!/usr/bin/env python3
# check-manifest.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the Flatpak manifest without building it.

The GNOME runtime cannot be downloaded where the tests run, so this reads
the manifest and checks what a build would rely on: the ids, the runtime,
the sandbox permissions and the pinned md4c module.

Usage: check-manifest.py MANIFEST APPLICATION_ID COMMAND
Prints TAP.
"""

import json
import os
import re
import sys

MD4C_TAG = "release-0.5.3"
MD4C_COMMIT = "472c417005c2c71b8617de4f7b8d6b30411d78f4"

# The sandbox the application needs, and nothing more: it shows bundled
# topics and hands links to the browser through the OpenURI portal.
EXPECTED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, description, detail=None):
        self.count += 1
        print(("ok" if ok else "not ok"), self.count, "-", description)
        if not ok:
            self.failed += 1
            if detail:
                for line in str(detail).splitlines():
                    print("#", line)
        return ok

    def finish(self):
        print(f"1..{self.count}")
        return 1 if self.failed else 0


def reject_duplicates(pairs):
    """A JSON object hook: a key given twice would silently lose a value."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"key “{key}” appears twice in one object")
        seen[key] = value
    return seen


def find_module(modules, name):
    for module in modules:
        if isinstance(module, dict) and module.get("name") == name:
            return module
    return None


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2

    path, app_id, command = sys.argv[1:]
    tap = Tap()

    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        manifest = json.loads(text, object_pairs_hook=reject_duplicates)
    except (OSError, ValueError) as e:
        tap.check(False, "the manifest is readable, valid JSON", e)
        return tap.finish()
    tap.check(isinstance(manifest, dict), "the manifest is a valid JSON object")
    if not isinstance(manifest, dict):
        return tap.finish()

    # flatpak-builder accepts "id" and the older "app-id"; exactly one.
    ids = [manifest[k] for k in ("id", "app-id") if k in manifest]
    tap.check(ids == [app_id], f"the application id is {app_id}", f"found {ids}")
    tap.check(os.path.basename(path) == app_id + ".json",
              "the manifest is named after the application id")
    tap.check(manifest.get("command") == command, f"the command is {command}",
              f"found {manifest.get('command')!r}")
    tap.check(manifest.get("runtime") == "org.gnome.Platform",
              "the runtime is org.gnome.Platform", f"found {manifest.get('runtime')!r}")
    tap.check(manifest.get("sdk") == "org.gnome.Sdk",
              "the SDK is org.gnome.Sdk", f"found {manifest.get('sdk')!r}")

    version = manifest.get("runtime-version")
    tap.check(isinstance(version, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?", version) is not None,
              "a stable runtime version is named", f"found {version!r}")
    # Moving to a newer runtime is a one-line change.
    tap.check(len(re.findall(r'"runtime-version"', text)) == 1,
              "the runtime version is given in one place only")

    finish_args = manifest.get("finish-args", [])
    tap.check(isinstance(finish_args, list) and all(isinstance(a, str) for a in finish_args),
              "finish-args is a list of strings")
    finish_args = [a for a in finish_args if isinstance(a, str)]
    missing = EXPECTED_FINISH_ARGS - set(finish_args)
    extra = set(finish_args) - EXPECTED_FINISH_ARGS
    tap.check(not missing, "finish-args grant IPC, Wayland, fallback X11 and the GPU",
              f"missing: {sorted(missing)}")
    tap.check(not extra, "finish-args grant nothing else", f"extra: {sorted(extra)}")
    tap.check(len(finish_args) == len(set(finish_args)), "no finish-arg is repeated")
    tap.check("--share=network" not in finish_args, "no network access")
    broad = [a for a in finish_args
             if re.fullmatch(r"--filesystem=(home|host|host-os|host-etc|~)(/.*)?(:(rw|ro|create))?", a)]
    tap.check(not broad, "no access to the home folder or the host file system", broad)

    modules = manifest.get("modules", [])
    tap.check(isinstance(modules, list) and len(modules) >= 2,
              "the manifest builds md4c and the application")

    md4c = find_module(modules, "md4c")
    if tap.check(md4c is not None, "md4c is built as a module"):
        sources = md4c.get("sources", [])
        git = [s for s in sources if isinstance(s, dict) and s.get("type") == "git"]
        tap.check(len(git) == 1 and len(sources) == 1,
                  "md4c is built from one git source")
        source = git[0] if git else {}
        tap.check(re.fullmatch(r"https://github\.com/mity/md4c(\.git)?", source.get("url", "")) is not None,
                  "md4c comes from its upstream repository", f"found {source.get('url')!r}")
        tap.check(source.get("tag") == MD4C_TAG, f"md4c is pinned to tag {MD4C_TAG}",
                  f"found {source.get('tag')!r}")
        tap.check(source.get("commit") == MD4C_COMMIT, f"md4c is pinned to commit {MD4C_COMMIT}",
                  f"found {source.get('commit')!r}")
        tap.check("branch" not in source, "md4c does not follow a branch")
        tap.check(md4c.get("buildsystem") == "cmake-ninja", "md4c builds with cmake-ninja",
                  f"found {md4c.get('buildsystem')!r}")
        tap.check("-DBUILD_MD2HTML_EXECUTABLE=OFF" in md4c.get("config-opts", []),
                  "md4c builds no md2html executable")
        tap.check(modules.index(md4c) < len(modules) - 1, "md4c is built before the application")
    else:
        tap.check(False, "md4c is pinned")

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    tap.check(app.get("name") == command, "the last module is the application",
              f"found {app.get('name')!r}")
    tap.check(app.get("buildsystem") == "meson", "the application builds with meson")
    # The test suite needs Xvfb, which the SDK lacks.
    tap.check("-Dtests=false" in app.get("config-opts", []),
              "the application builds without its test suite")
    sources = app.get("sources", [])
    tap.check(len(sources) == 1 and sources[0].get("type") == "dir",
              "the application builds from the local folder")
    if sources and sources[0].get("type") == "dir":
        top = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)),
                                            sources[0].get("path", "")))
        try:
            with open(os.path.join(top, "meson.build"), encoding="utf-8") as f:
                top_meson = f.read()
        except OSError:
            top_meson = ""
        tap.check(re.search(r"project\(\s*'syllabus'", top_meson) is not None,
                  "the local folder is the top of the source tree", top)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
