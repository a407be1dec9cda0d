#!/usr/bin/env python3
# check-po.py
#
# Copyright 2026 The Syllabus developers
#
# This program is free software: you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by the Free
# Software Foundation, either version 3 of the License, or (at your option)
# any later version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks the translations in po/.

Every language in LINGUAS has a .po file and the other way round; each file
passes `msgfmt --check` (format strings, header, plural forms) and keeps the
mnemonic underscores; and a file that is shipped holds no fuzzy or empty
translation, so what it has is finished work rather than a guess.

Usage: check-po.py PO_DIR MSGFMT
Prints TAP.
"""

import os
import re
import subprocess
import sys


def read_linguas(po_dir):
    languages = []
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            languages.extend(line.split())
    return languages


def unquote(lines):
    """Joins the quoted pieces of a msgid or msgstr."""
    text = "".join(re.match(r'^\s*(?:msg\w+(?:\[\d+\])?\s+)?"(.*)"\s*$', l).group(1) for l in lines)
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def translations(path):
    """Yields the translated strings of a .po file, without the header."""
    with open(path, encoding="utf-8") as f:
        entries = f.read().split("\n\n")
    for entry in entries:
        lines = [l for l in entry.splitlines() if l and not l.startswith("#")]
        current = None
        pieces = {}
        for line in lines:
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s', line)
            if m:
                current = m.group(1)
                pieces[current] = [line]
            elif current is not None:
                pieces[current].append(line)
        if not pieces.get("msgid") or unquote(pieces["msgid"]) == "":
            continue
        for key, value in pieces.items():
            if key.startswith("msgstr"):
                yield unquote(pieces["msgid"]), unquote(value)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2

    po_dir, msgfmt = sys.argv[1:]
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

    languages = read_linguas(po_dir)
    files = sorted(f[:-3] for f in os.listdir(po_dir) if f.endswith(".po"))
    check(len(languages) > 0, "LINGUAS names at least one language")
    check(languages == sorted(set(languages)), "LINGUAS is sorted, without repeats")
    check(set(languages) == set(files), "LINGUAS and the .po files match",
          [f"only in LINGUAS: {sorted(set(languages) - set(files))}",
           f"only as .po file: {sorted(set(files) - set(languages))}"])

    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    for lang in languages:
        path = os.path.join(po_dir, lang + ".po")
        if not os.path.isfile(path):
            continue

        run = subprocess.run([msgfmt, "--check", "--check-accelerators=_", "--statistics",
                              "-o", os.devnull, path],
                             env=env, capture_output=True, text=True)
        check(run.returncode == 0, f"{lang}.po passes msgfmt --check",
              (run.stdout + run.stderr).splitlines())

        stats = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""
        translated = re.search(r"(\d+) translated message", stats)
        check(translated is not None and int(translated.group(1)) > 0
              and "fuzzy" not in stats and "untranslated" not in stats,
              f"{lang}.po is complete: no fuzzy or untranslated message", [stats])

        with open(path, encoding="utf-8") as f:
            header = f.read(4000)
        check(re.search(r'"Language: ' + re.escape(lang) + r'\\n"', header) is not None,
              f"{lang}.po names its language")
        check("charset=UTF-8" in header, f"{lang}.po is UTF-8")

        if lang == "de":
            # German typography: „quoted“ text, never English or straight
            # quotes, and the ellipsis character.
            bad = [s for _, s in translations(path)
                   if '"' in s or "”" in s or s.count("„") != s.count("“") or "..." in s]
            check(not bad, "de.po quotes „like this“ and uses …", bad)

    print(f"1..{count}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
