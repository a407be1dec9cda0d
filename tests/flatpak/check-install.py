#!/usr/bin/env python3
# check-install.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Installs the build into a temporary DESTDIR and checks the tree.

What a distribution package or the Flatpak build gets from `meson install`:
the program, which starts; the desktop file, the AppStream metadata and the
icons under the application id; the settings schema; one message catalogue
per language in po/LINGUAS. Nothing of the build's insides (static
libraries, headers, test programs) may be installed.

Usage: check-install.py MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID
Prints TAP.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main():
    if len(sys.argv) != 9:
        print(__doc__, file=sys.stderr)
        return 2

    meson, build_root, source_root, prefix, bindir, datadir, localedir, app_id = sys.argv[1:]
    count = 0
    failed = 0

    def check(ok, description, details=()):
        nonlocal count, failed
        count += 1
        print(("ok" if ok else "not ok"), count, "-", description)
        if not ok:
            failed += 1
            for line in details if not isinstance(details, str) else [details]:
                print("#", line)
        return ok

    def under(destdir, directory, *parts):
        # Meson gives bindir, datadir and localedir relative to the prefix
        # unless they were set to absolute paths outside it.
        full = os.path.join(prefix, directory, *parts)
        return os.path.join(destdir, full.lstrip("/"))

    with tempfile.TemporaryDirectory(prefix="syllabus-install-") as destdir:
        env = dict(os.environ, DESTDIR=destdir)
        run = subprocess.run([meson, "install", "-C", build_root, "--no-rebuild",
                              "--destdir", destdir, "--quiet"],
                             env=env, capture_output=True, text=True)
        if not check(run.returncode == 0, "meson install --destdir succeeds",
                     (run.stdout + run.stderr).splitlines()):
            print(f"1..{count}")
            return 1

        installed = []
        for dirpath, _, filenames in os.walk(destdir):
            for name in filenames:
                installed.append(os.path.relpath(os.path.join(dirpath, name), destdir))
        print("# installed:", *sorted(installed), sep="\n#   ")
        check(all(p.startswith(prefix.strip("/") + "/") for p in installed),
              "everything lands under the prefix")

        program = under(destdir, bindir, "syllabus")
        check(os.path.isfile(program) and os.access(program, os.X_OK),
              "the program is installed and executable")

        # The installed program starts; --help is answered before any
        # window or display is needed.
        run = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
        check(run.returncode == 0 and "Usage:" in run.stdout,
              "the installed program starts: --help exits 0",
              [f"exit status {run.returncode}"] + (run.stdout + run.stderr).splitlines())

        desktop = under(destdir, datadir, "applications", app_id + ".desktop")
        if check(os.path.isfile(desktop), "the desktop file is installed under the application id"):
            with open(desktop, encoding="utf-8") as f:
                lines = f.read().splitlines()
            check("Exec=syllabus %F" in lines, "the desktop file starts the program")
            check(f"Icon={app_id}" in lines, "the desktop file names the icon")
            check(any(l.startswith("Categories=") and "Education;" in l for l in lines),
                  "the desktop file is in the Education category")
            check(any(l.startswith("Comment[de]=") for l in lines),
                  "the desktop file carries the German translation")

            check("DBusActivatable=true" in lines,
                  "the desktop file is activated over D-Bus, as the search provider needs")

        # GNOME Shell finds the search provider by its .ini file, and the
        # bus starts the program for it by the service file.
        provider = under(destdir, datadir, "gnome-shell", "search-providers",
                         app_id + ".search-provider.ini")
        if check(os.path.isfile(provider), "the search provider is installed for GNOME Shell"):
            with open(provider, encoding="utf-8") as f:
                lines = f.read().splitlines()
            check(f"DesktopId={app_id}.desktop" in lines and f"BusName={app_id}" in lines,
                  "the search provider names the desktop file and the bus name")
            check("ObjectPath=/io/github/syllabus/Syllabus/SearchProvider" in lines
                  and "Version=2" in lines,
                  "the search provider names the object the program exports, version 2")
        service = under(destdir, datadir, "dbus-1", "services", app_id + ".service")
        if check(os.path.isfile(service), "the D-Bus service file is installed"):
            with open(service, encoding="utf-8") as f:
                lines = f.read().splitlines()
            check(f"Name={app_id}" in lines, "the service file names the bus name")
            check(f"Exec={prefix.rstrip('/')}/{bindir}/syllabus --gapplication-service" in lines,
                  "the service file starts the installed program as a service",
                  lines)

        metainfo = under(destdir, datadir, "metainfo", app_id + ".metainfo.xml")
        if check(os.path.isfile(metainfo), "the AppStream metadata is installed"):
            try:
                root = ET.parse(metainfo).getroot()
            except ET.ParseError as e:
                root = None
                check(False, "the AppStream metadata is XML", str(e))
            if root is not None:
                check(root.findtext("id") == app_id, "the metadata describes the application")
                launchable = root.find("launchable")
                check(launchable is not None and launchable.text == app_id + ".desktop",
                      "the metadata launches the installed desktop file")
                lang = "{http://www.w3.org/XML/1998/namespace}lang"
                check(any(s.get(lang) == "de" for s in root.findall("summary")),
                      "the metadata carries the German translation")

        # The app icon is drawn on the 128×128 canvas of the GNOME icon
        # guidelines, the symbolic one on 16×16.
        for kind, name, size in (("scalable", app_id + ".svg", "128"),
                                 ("symbolic", app_id + "-symbolic.svg", "16")):
            icon = under(destdir, datadir, "icons", "hicolor", kind, "apps", name)
            svg = None
            if os.path.isfile(icon):
                try:
                    svg = ET.parse(icon).getroot()
                except ET.ParseError:
                    pass
            check(svg is not None and svg.tag == "{http://www.w3.org/2000/svg}svg",
                  f"the {kind} icon is installed as SVG")
            check(svg is not None and svg.get("viewBox") == f"0 0 {size} {size}",
                  f"the {kind} icon is drawn on a {size}×{size} canvas")

        schema = under(destdir, datadir, "glib-2.0", "schemas", app_id + ".gschema.xml")
        if check(os.path.isfile(schema), "the settings schema is installed"):
            with tempfile.TemporaryDirectory() as target:
                run = subprocess.run(["glib-compile-schemas", "--strict", "--targetdir", target,
                                      os.path.dirname(schema)], capture_output=True, text=True)
                check(run.returncode == 0, "the installed schema compiles",
                      (run.stdout + run.stderr).splitlines())

        with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
            languages = f.read().split()
        for language in languages:
            catalogue = under(destdir, localedir, language, "LC_MESSAGES", "syllabus.mo")
            check(os.path.isfile(catalogue), f"the {language} message catalogue is installed")

        leaked = [p for p in installed
                  if p.endswith((".a", ".h", ".la", ".pc", ".o"))
                  or os.path.basename(p).startswith(("test-", "bench-", "fuzz-"))]
        check(not leaked, "nothing of the build's insides is installed", leaked)

    print(f"1..{count}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
