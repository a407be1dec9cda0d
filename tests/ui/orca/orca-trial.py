#!/usr/bin/env python3
# orca-trial.py [OUT.md] — what Orca says, key by key, on a walk through
# Syllabus by keyboard. Run inside session.sh (see README.md here), which
# starts Syllabus on a virtual screen with buses of its own. Orca runs with
# --debug-file; the lines it would speak ("SPEECH OUTPUT") after each key
# are printed as Markdown.
import os
import re
import subprocess
import sys
import time

work = os.environ.get("SYLLABUS_WORK", "/tmp")
debug = os.path.join(work, "orca.debug")

# (key, what it should do), as the keyboard journey found the focus order.
WALK = [
    ("F6", "from the topic page to the checklist"),
    ("shift+F6", "back to the page: its text"),
    ("Down", "read on, line by line"),
    ("Down", ""),
    ("Down", ""),
    ("Tab", "past the page's end: to the checklist"),
    ("shift+Tab", "back into the page"),
    ("ctrl+Tab", "from the topic page to the checklist"),
    ("ctrl+Tab", "on to the sidebar's Open button"),
    ("ctrl+Tab", "the search button"),
    ("ctrl+Tab", "the topic list"),
    ("Down", "next topic"),
    ("Up", "back"),
    ("Tab", "one Tab: out of the topic list"),
    ("shift+Tab", "back to the topic"),
    ("ctrl+Tab", "pane by pane towards the checklist"),
    ("ctrl+Tab", ""),
    ("ctrl+Tab", ""),
    ("ctrl+Tab", "the checklist's first item"),
    ("Tab", "its check box"),
    ("space", "tick it"),
    ("Tab", "its status button"),
    ("space", "open the status menu"),
    ("Down", "next status"),
    ("Down", "next status"),
    ("Escape", "close the menu"),
    ("Tab", "the notes button"),
    ("Tab", "link and dates"),
    ("Tab", "the next item"),
    ("Down", "arrow to the next item"),
    ("ctrl+f", "search"),
    ("type:Action", "a word of a title"),
    ("Tab", "into the results"),
    ("Tab", "one Tab: out of the results"),
    ("shift+Tab", "back to the result"),
]


def window():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Syllabus$"],
                         capture_output=True, text=True).stdout.split()
    best = None
    for wid in out:
        geo = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid],
                             capture_output=True, text=True).stdout
        width = int(re.search(r"WIDTH=(\d+)", geo).group(1))
        if width >= 300 and (best is None or width > best[1]):
            best = (wid, width)
    return best[0] if best else None


def spoken(offset):
    with open(debug, errors="replace") as f:
        f.seek(offset)
        text = f.read()
        end = f.tell()
    # SPEECH OUTPUT: 'Rust'{'established': 'False', 'voice-type': ...}
    lines = [m.group(1) for m in re.finditer(r"SPEECH OUTPUT: '(.*?)'(?=\{|\s*$)", text, re.M)]
    return lines, end


keymap = subprocess.run(["xkbcomp", "-w0", os.environ["DISPLAY"], "-"], capture_output=True, text=True).stdout
KEYCODES = {"F%d" % int(n): code for n, code in re.findall(r"<FK(\d+)>\s*=\s*(\d+);", keymap)}

for _ in range(100):
    wid = window()
    if wid:
        break
    time.sleep(0.2)
orca = subprocess.Popen(["orca", "--debug-file=" + debug], stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
time.sleep(8)
subprocess.run(["xdotool", "windowfocus", "--sync", wid])
time.sleep(2)
out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
_, offset = spoken(0)
out.write("| key | meant to | Orca says |\n|---|---|---|\n")
for key, meant in WALK:
    focus = subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True).stdout.strip()
    if focus != wid and key != "Down" and key != "Escape":
        subprocess.run(["xdotool", "windowfocus", "--sync", wid])
    # Xvfb's keymap gives the function keys a virtual-terminal level, and
    # xdotool would press Alt with them: they go as keycodes.
    key = re.sub(r"\bF(\d+)$", lambda m: KEYCODES[m.group(0)], key)
    if key.startswith("type:"):
        subprocess.run(["xdotool", "type", "--delay", "25", key[5:]])
    else:
        subprocess.run(["xdotool", "key", key])
    time.sleep(1.5)
    lines, offset = spoken(offset)
    out.write("| %s | %s | %s |\n" % (key, meant, " / ".join(lines).replace("|", "\\|") or "(nothing)"))
out.flush()
orca.terminate()
orca.wait()
