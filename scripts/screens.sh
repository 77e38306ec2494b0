#!/usr/bin/env bash
# Screenshots of the real window under Xvfb at 1024x600, 1280x800 and 1920x1080, each at the normal
# and the largest text scale, into docs/screens/<size>-<scale>-<screen>.png. The window fills the
# screen (as a maximised window would) and is driven with the keyboard only: a new learner types a
# name (the name box has the keyboard), Home then shows Today with "Start practice" focused, Enter
# opens its briefing.
# SCREENS_PROFILE=debug uses the debug build (quicker to build; the pictures are the same).
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${SCREENS_PROFILE:-release}"
if [ -z "${SCREENS_NO_BUILD:-}" ]; then
  if [ "$profile" = release ]; then cargo build --locked --quiet --release; else cargo build --locked --quiet; fi
fi
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$(pwd)/$target_dir" ;; esac
bin="$target_dir/$profile/followthrough"
[ -x "$bin" ] || { echo "screens: no $bin (build it first)" >&2; exit 1; }
out=docs/screens
mkdir -p "$out"
source scripts/xvfb.sh

shot() { import -window root "$out/$1.png"; echo "screens: $out/$1.png"; }

# Wait until two screenshots in a row are the same (the frame has settled; a blinking text cursor
# never does, so give up after a few tries).
settle() {
  local previous="$work/settle-a.png" now="$work/settle-b.png" px
  import -window root "$previous"
  for _ in $(seq 8); do
    sleep 0.3
    import -window root "$now"
    px=$(compare -metric AE "$previous" "$now" null: 2>&1 || true)
    px=${px%% *}; px=${px%%.*}
    [ "${px:-1}" -eq 0 ] && return 0
    cp "$now" "$previous"
  done
}

one_size() {
  local size=$1 scale=$2 name="$1-$2x"
  XVFB_SCREEN="${size}x24" start_xvfb
  mkdir -p "$FOLLOWTHROUGH_DATA_DIR"
  # The preferences eframe keeps between runs (the file `ui` in the data folder): the text scale.
  printf '{"followthrough-settings":"(text_scale:%s,dark:true,muted:false,high_contrast:false)"}' "$scale" \
    >"$FOLLOWTHROUGH_DATA_DIR/ui"
  "$bin" --scenarios scenarios >"$work/app.log" 2>&1 &
  app_pid=$!
  wait_for_window FollowThrough
  [ -n "$wid" ] || { echo "screens: no window" >&2; cat "$work/app.log" >&2; exit 1; }
  local w=${size%x*} h=${size#*x}
  xdotool windowmove "$wid" 0 0 windowsize "$wid" "$w" "$h" 2>/dev/null || true
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  sleep 3
  settle
  shot "$name-home-new"
  xdotool type --delay 20 "Dana"
  xdotool key Return
  settle
  shot "$name-home-today"
  xdotool key Return
  settle
  shot "$name-first-step"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
  trap - EXIT
}

for size in 1024x600 1280x800 1920x1080; do
  for scale in 1 2.5; do
    one_size "$size" "$scale"
  done
done
