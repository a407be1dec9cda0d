#!/bin/bash
# take.sh OUT.png WIDTH HEIGHT [light|dark] [SECONDS] -- COMMAND [ARGS...]
#
# Takes a screenshot of the real application's window at WIDTH x HEIGHT on a
# virtual screen, with its own D-Bus session and XDG folders (SHOOT_HOME
# keeps them, to show progress made beforehand). Run it inside the
# development root:
#   ./.ci/dev exec data/screenshots/take.sh data/screenshots/main.png 1400 900 -- ./_build/src/syllabus
# TAKE_ACTIONS, if set, is run by the shell before the screenshot, with the
# window's id in $wid (e.g. 'xdotool mousemove --window $wid 250 690 click 1').
# Needs Xvfb, xdotool, ImageMagick and dbus-run-session.
set -eu
[ $# -ge 5 ] || { echo "usage: take.sh OUT.png WIDTH HEIGHT [light|dark] [SECONDS] -- COMMAND [ARGS...]" >&2; exit 2; }
out=$(realpath -m "$1") width=$2 height=$3; shift 3
style=light wait=5
if [ "$1" = light ] || [ "$1" = dark ]; then style=$1; shift; fi
if [ "$1" != "--" ]; then wait=$1; shift; fi
[ "$1" = "--" ] && shift
home=${SHOOT_HOME:-$(mktemp -d)}
mkdir -p "$home/data" "$home/config" "$home/cache"
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
export GSETTINGS_BACKEND=memory
[ "$style" = dark ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark
exec xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- bash -c '
  out=$1 width=$2 height=$3 wait=$4; shift 4
  "$@" & pid=$!
  wid=
  for _ in $(seq 50); do
    wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | tail -1) && [ -n "$wid" ] && break
    sleep 0.2
  done
  [ -n "$wid" ] || { echo "no window" >&2; kill "$pid"; exit 1; }
  xdotool windowmove "$wid" 0 0 windowsize "$wid" "$width" "$height"
  sleep "$wait"
  if [ -n "${TAKE_ACTIONS:-}" ]; then eval "$TAKE_ACTIONS"; sleep 1; fi
  # With no compositor, GTK on Xvfb can leave specks of what a change
  # replaced: a resize and back redraws the whole window.
  xdotool windowsize "$wid" "$width" $((height + 1)); sleep 0.5
  xdotool windowsize "$wid" "$width" "$height"; sleep 1
  import -window "$wid" "$out"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "screenshot: $out ($(identify -format %wx%h "$out"))"' take "$out" "$width" "$height" "$wait" "$@"
