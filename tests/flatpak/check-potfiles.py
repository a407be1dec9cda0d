#!/usr/bin/env python3
# check-potfiles.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks that po/POTFILES.in lists every file with translatable strings.

A file missing from POTFILES.in is silently left out of the translation
template, so its strings stay English in every language.

Usage: check-potfiles.py SOURCE_ROOT
Prints TAP.
"""

import os
import re
import sys

# Folders of the source tree that ship translatable text.
SCANNED = ("src", "data")

# Tokens of C that may hide a gettext call: comments and literals are
# replaced before searching, so "_(" inside a string or a comment is not
# taken for a call.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
C_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|gettext|dgettext|dcgettext|ngettext|'
                    r'dngettext|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext|g_dpgettext2)\s*\(')
UI_TRANSLATABLE = re.compile(r'\btranslatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)


def strip_c(text):
    def repl(match):
        token = match.group(0)
        if token.startswith('"'):
            return '""'
        if token.startswith("'"):
            return "' '"
        # Keep line breaks so that line numbers stay right.
        return "\n" * token.count("\n") or " "
    return C_TOKENS.sub(repl, text)


def translatable_lines(path, text):
    """Returns the line numbers that hold translatable strings."""
    name = os.path.basename(path)
    if name.endswith((".c", ".h")):
        stripped = strip_c(text)
        return [stripped.count("\n", 0, m.start()) + 1 for m in C_CALL.finditer(stripped)]
    if name.endswith(".ui"):
        return [text.count("\n", 0, m.start()) + 1 for m in UI_TRANSLATABLE.finditer(text)]
    if name.endswith((".desktop.in", ".metainfo.xml.in", ".appdata.xml.in")):
        # Merged with the translations by i18n.merge_file(): all of it counts.
        return [1]
    if name.endswith(".gschema.xml") and "gettext-domain" in text:
        return [text.count("\n", 0, text.index("gettext-domain")) + 1]
    return []


def walk(root):
    for top in SCANNED:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_build")))
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                yield os.path.relpath(path, root).replace(os.sep, "/")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2

    root = sys.argv[1]
    count = 0
    failed = 0

    def check(ok, description, details=()):
        nonlocal count, failed
        count += 1
        print(("ok" if ok else "not ok"), count, "-", description)
        if not ok:
            failed += 1
            for line in details:
                print("#", line)

    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    try:
        with open(potfiles_path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        check(False, "po/POTFILES.in is readable", [str(e)])
        print(f"1..{count}")
        return 1

    listed = [l.strip() for l in lines if l.strip() and not l.lstrip().startswith("#")]
    check(len(listed) == len(set(listed)), "no file is listed twice",
          sorted({l for l in listed if listed.count(l) > 1}))
    check(listed == sorted(listed), "POTFILES.in is sorted")
    check(all(os.path.isfile(os.path.join(root, l)) for l in listed),
          "every listed file exists",
          [l for l in listed if not os.path.isfile(os.path.join(root, l))])

    needed = {}
    for relpath in walk(root):
        try:
            with open(os.path.join(root, relpath), encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue
        found = translatable_lines(relpath, text)
        if found:
            needed[relpath] = found

    check(len(needed) > 0, "translatable strings are found at all")
    missing = sorted(set(needed) - set(listed))
    check(not missing, "every file with translatable strings is listed",
          [f"{m}:{needed[m][0]}: has translatable strings but is not in po/POTFILES.in"
           for m in missing])

    # Not an error: xgettext copes, but the entry is probably stale.
    for relpath in sorted(set(listed) - set(needed)):
        if os.path.isfile(os.path.join(root, relpath)):
            print(f"# note: {relpath} is listed but has no translatable strings")

    print(f"1..{count}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
