#!/bin/bash
# session.sh — runs CMD… on a virtual screen of its own (Xvfb) with a
# session bus and accessibility bus of its own and fresh XDG folders, as
# the journey does, with Syllabus from BUILDDIR (default _build) started
# first. Run from the source tree inside the dev root:
#   ./.ci/dev exec tests/ui/orca/session.sh python3 tests/ui/orca/dump-tree.py
set -euo pipefail
builddir=${BUILDDIR:-_build}
work=$(mktemp -d /tmp/syl-orca-XXXXXX)
for d in data config cache runtime; do mkdir -m 700 "$work/$d"; done
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export XDG_RUNTIME_DIR=$work/runtime
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$PWD/$builddir/data
export GDK_BACKEND=x11 LC_ALL=C.UTF-8 SYLLABUS_WORK=$work
unset NO_AT_BRIDGE GTK_A11Y DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS WAYLAND_DISPLAY
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
dbus-run-session -- bash -c '
  # The accessibility bus first, so the application finds it.
  python3 -c "import pyatspi; pyatspi.Registry.getDesktop(0)"
  "$0" >"$SYLLABUS_WORK/syllabus.log" 2>&1 &
  app=$!
  "$@"
  status=$?
  kill $app 2>/dev/null
  wait $app 2>/dev/null
  cat "$SYLLABUS_WORK/syllabus.log" >&2
  exit $status
' "./$builddir/src/syllabus" "$@"
