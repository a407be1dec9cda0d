#!/usr/bin/env python3
# dump-tree.py [SECONDS] — prints Syllabus's accessibility tree once its
# window is up (SECONDS after, default 3): role, name, description, states.
import sys
import time

import pyatspi


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "syllabus":
            return app
    return None


def dump(node, depth=0):
    states = [pyatspi.stateToString(s) for s in node.getState().getStates()
              if s in (pyatspi.STATE_FOCUSED, pyatspi.STATE_CHECKED, pyatspi.STATE_SELECTED)]
    print("%s%s “%s” [%s] %s" % ("  " * depth, node.getRoleName(), node.name,
                                 node.description, " ".join(states)))
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            dump(child, depth + 1)


for _ in range(200):
    app = find_app()
    if app is not None and app.childCount > 0:
        break
    time.sleep(0.1)
time.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 3)
dump(app)
