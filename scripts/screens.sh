#!/usr/bin/env bash
# Screenshots of every screen of the real window under Xvfb, into docs/screens/<size>-<scale>x-<screen>.png:
# at 1024x600, 1280x800 and 1920x1080 at the normal text scale, and at 1024x600 at the largest.
# `examples/screens.rs` opens the app as `followthrough` does (eframe, glow, start-up on another
# thread) on the bundled scenarios with an empty data folder, drives it as a person would (new
# learner, rehearsal, briefing, a drill to its summary, progress, quiz, team, authoring,
# try-a-response, test-play, problems, coach setup and the presenter's views, the leave-drill and
# end-session dialogs, the session report) and has the renderer
# photograph each screen once it has settled. Pictures are kept small: 256-colour PNGs.
# The README shows the 1280x800 set straight from docs/screens/ (no copies elsewhere).
# SCREENS_PROFILE=debug uses the debug build (quicker to build; the pictures are the same).
# SCREENS_ONLY="1280x800:1" takes one size:scale only.
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${SCREENS_PROFILE:-release}"
if [ -z "${SCREENS_NO_BUILD:-}" ]; then
  if [ "$profile" = release ]; then
    cargo build --locked --quiet --release --example screens
  else
    cargo build --locked --quiet --example screens
  fi
fi
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
tour="$target_dir/$profile/examples/screens"
[ -x "$tour" ] || { echo "screens: no $tour (build it first)" >&2; exit 1; }
out=docs/screens
mkdir -p "$out"
source scripts/xvfb.sh

one_size() {
  local size=$1 scale=$2
  XVFB_SCREEN="${size}x24" start_xvfb
  mkdir -p "$FOLLOWTHROUGH_DATA_DIR"
  local failed=""
  "$tour" scenarios "$FOLLOWTHROUGH_DATA_DIR" "$work" "$size-${scale}x" "$size" "$scale" >"$work/tour.log" 2>&1 || failed=1
  for ppm in "$work"/*.ppm; do
    [ -f "$ppm" ] || continue
    local png
    png="$out/$(basename "${ppm%.ppm}").png"
    convert "$ppm" -strip -colors 256 "PNG8:$png"
    echo "screens: $png"
  done
  if [ -n "$failed" ]; then
    grep -v '^ALSA' "$work/tour.log" >&2
    echo "screens: the tour at $size, text ${scale}x, stopped (the pictures up to there are kept)" >&2
    exit 1
  fi
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
  trap - EXIT
}

configs="${SCREENS_ONLY:-1024x600:1 1280x800:1 1920x1080:1 1024x600:2.5}"
if [ -z "${SCREENS_ONLY:-}" ]; then
  rm -f "$out"/*.png
fi
for config in $configs; do
  one_size "${config%:*}" "${config#*:}"
done

du -sh "$out"
