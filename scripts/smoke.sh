#!/usr/bin/env bash
# Smoke test of the real window under Xvfb: open a briefing of the bundled library, then run a whole
# practice drill on the fixture library with the keyboard (type, Ctrl+Enter, Enter) to its summary;
# screenshots must not be blank and must change; Ctrl+Q must end the app cleanly.
# SMOKE_SCREENSHOT=path keeps the briefing screenshot there.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/followthrough"
source scripts/xvfb.sh
start_xvfb

shot() { import -window root "$1"; }
colours() { convert "$1" -format '%k' info:; }

# Start the app on the scenario folder $1, wait for its window and its first painted frame (which can
# take a while on a busy machine with software rendering); the screenshot of it goes to $2.
start_app() {
  # Once in a while a fresh Xvfb answers xdpyinfo yet refuses the app's first connection ("Failed
  # to open connection to X server"): that, and only that, is tried again (up to three times).
  for try in 1 2 3; do
    "$bin" --scenarios "$1" >"$work/app.log" 2>&1 &
    app_pid=$!
    wait_for_window FollowThrough
    [ -z "$wid" ] && ! kill -0 "$app_pid" 2>/dev/null && grep -q "X server" "$work/app.log" || break
    echo "smoke: the app could not reach the X server (try $try):" >&2
    cat "$work/app.log" >&2
    sleep 1
  done
  if [ -z "$wid" ]; then echo "smoke: no FollowThrough window appeared" >&2; cat "$work/app.log" >&2; exit 1; fi
  # The window shows at once and the library arrives a moment later ("Loading..." spins until
  # then): wait until the screen is painted and stays the same between two shots.
  painted=0
  rm -f "$work/previous.png"
  for _ in $(seq 60); do
    sleep 0.5
    shot "$2"
    painted=$(colours "$2")
    if [ "$painted" -gt 50 ] && [ -f "$work/previous.png" ]; then
      changed=$(compare -metric AE "$work/previous.png" "$2" null: 2>&1 || true)
      changed=${changed%% *}
      changed=${changed%%.*}
      [ "${changed:-1}" -eq 0 ] && break
    fi
    cp "$2" "$work/previous.png"
  done
}

start_app scenarios "$work/home.png"
home_colours=$painted
xdotool windowfocus --sync "$wid" 2>/dev/null || true
sleep 0.3
echo "smoke: home screen has $home_colours colours"
[ "$home_colours" -gt 50 ] || { echo "smoke: the home screen looks blank" >&2; exit 1; }

# Open the highest-priority scenario of the first group: its title sits at a fixed place (below the
# library heading and its line on what P1 to P25 mean).
xdotool mousemove 400 273 click 1
sleep 0.8
shot "$work/briefing.png"
if [ -n "${SMOKE_SCREENSHOT:-}" ]; then cp "$work/briefing.png" "$SMOKE_SCREENSHOT"; fi
if [ -n "${SMOKE_SHOTS_DIR:-}" ]; then cp "$work"/*.png "$SMOKE_SHOTS_DIR"/; fi
diff_pixels=$(compare -metric AE "$work/home.png" "$work/briefing.png" null: 2>&1 || true)
diff_pixels=${diff_pixels%% *}
diff_pixels=${diff_pixels%%.*}
echo "smoke: home and next screen differ in $diff_pixels pixels"
[ "${diff_pixels:-0}" -gt 1000 ] || { echo "smoke: Tab and Enter changed nothing on screen" >&2; exit 1; }

quit_cleanly() {
  xdotool key ctrl+q
  for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app_pid" 2>/dev/null; then echo "smoke: the app did not quit on Ctrl+Q" >&2; exit 1; fi
  status=0
  wait "$app_pid" || status=$?
  app_pid=""
  [ "$status" -eq 0 ] || { echo "smoke: the app exited with $status" >&2; cat "$work/app.log" >&2; exit 1; }
}
quit_cleanly

# A whole drill on the small fixture library, whose layout is fixed: open the scenario, start a
# practice drill, answer two turns with the keyboard, and reach the summary.
start_app tests/fixtures/good "$work/drill-home.png"
[ "$painted" -gt 50 ] || { echo "smoke: the fixture library looks blank" >&2; exit 1; }
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool mousemove 283 273 click 1          # the scenario title (in the centred column)
sleep 0.8
xdotool mousemove 222 336 click 1          # Start practice
sleep 0.8
xdotool type --delay 5 "I'm sorry, that's my fault. I'll call you at 4pm with the answer."
sleep 0.3
shot "$work/drill-answer.png"
xdotool key ctrl+Return
sleep 1
shot "$work/drill-card.png"
xdotool key Return                          # next turn
sleep 0.8
xdotool type --delay 5 "Four o'clock today, I'll call you at 4pm on this number."
xdotool key ctrl+Return
sleep 1
xdotool key Return                          # see the summary
sleep 0.8
shot "$work/drill-summary.png"
if [ -n "${SMOKE_SHOTS_DIR:-}" ]; then cp "$work"/drill-*.png "$SMOKE_SHOTS_DIR"/; fi
changed() {
  local px
  px=$(compare -metric AE "$1" "$2" null: 2>&1 || true)
  px=${px%% *}; px=${px%%.*}
  [ "${px:-0}" -gt 1000 ]
}
changed "$work/drill-answer.png" "$work/drill-card.png" || { echo "smoke: sending the answer did not show a score card" >&2; exit 1; }
changed "$work/drill-card.png" "$work/drill-summary.png" || { echo "smoke: the drill did not reach its summary" >&2; exit 1; }
echo "smoke: drill answered, scored and summarised"
quit_cleanly
echo "smoke: 1 passed, 0 failed"
