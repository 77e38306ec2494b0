#!/usr/bin/env bash
# Measures what the drill issue asks to report, on a release build under Xvfb (MEASURE_PROFILE=debug: the debug build):
# - launch to first visible window, FollowThrough against a bare eframe window with the same features
#   (LAUNCHES launches each, default 5, taken in turns so a busy machine slows both alike; median,
#   fastest and slowest);
# - on the home screen, when the start-up work (reading the library, then the author tests) is done
#   and what it cost; then CPU used over 10 s idle there, and over 10 s of a running countdown, with
#   the window at $MEASURE_SIZE (default 1920x1080);
# - peak memory (VmHWM) of the app after that;
# - CPU used and frames drawn while each screen is left alone for $IDLE_S seconds (default 5), every
#   screen the screenshot tour (examples/screens.rs) visits, at $MEASURE_SIZE, from half a second
#   after the step that showed it: 0 frames means the screen sleeps until something happens; the
#   drill and the coach's answering screen run a countdown.
# Needs what `make deps-test` installs. Prints one line per measurement. `--startup-only` stops
# after the launch times.
set -euo pipefail
startup_only=false
[ "${1:-}" = "--startup-only" ] && startup_only=true
launches=${LAUNCHES:-5}
cd "$(dirname "$0")/.."
# MEASURE_PROFILE=debug measures the debug build (quicker to build; CPU figures are then an upper bound).
profile=${MEASURE_PROFILE:-release}
if [ "$profile" = release ]; then
  cargo build --release --locked --quiet --bin followthrough --example bare_window --example screens
else
  cargo build --locked --quiet --bin followthrough --example bare_window --example screens
fi
app="${CARGO_TARGET_DIR:-target}/$profile/followthrough"
tour="${CARGO_TARGET_DIR:-target}/$profile/examples/screens"
bare="${CARGO_TARGET_DIR:-target}/$profile/examples/bare_window"
size=${MEASURE_SIZE:-1920x1080}
export XVFB_SCREEN="${size}x24"
source scripts/xvfb.sh
start_xvfb

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Start "$@" and wait for its visible window titled $1. Sets $pid (left running), $wid and $ms
# (launch time). No window: say so, with the end of what the program printed, and stop.
launch() {
  local title=$1; shift
  local start
  start=$(date +%s%N)
  "$@" >"$work/launched.log" 2>&1 &
  pid=$!
  app_pid=$pid
  wait_for_window "$title"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$wid" ]; then
    echo "measure: no window titled \"$title\" showed ($*); it printed:" >&2
    tail -n 20 "$work/launched.log" >&2
    exit 1
  fi
}

stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  app_pid=""
}

# "median ms (fastest-slowest)" of the launch times given.
summary() {
  printf '%s\n' "$@" | sort -n | awk '{t[NR] = $1} END {printf "%d ms (%d-%d)", t[int((NR + 1) / 2)], t[1], t[NR]}'
}

# Launch FollowThrough and the bare window in turns, $launches times each.
app_times=()
bare_times=()
for _ in $(seq "$launches"); do
  launch FollowThrough "$app" --scenarios scenarios
  app_times+=("$ms")
  stop
  sleep 0.3
  launch "Bare eframe" "$bare"
  bare_times+=("$ms")
  stop
  sleep 0.3
done
app_ms=$(printf '%s\n' "${app_times[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
bare_ms=$(printf '%s\n' "${bare_times[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}')
echo "launch to visible window, median (fastest-slowest) of $launches each, in turns: FollowThrough $(summary "${app_times[@]}"), bare eframe $(summary "${bare_times[@]}"), ratio of medians $(awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN {printf "%.2f", a / b}')"
$startup_only && exit 0

# Wait until the app has used no CPU for 2 s running (start-up reads the library, then runs its
# author tests on a thread, redrawing the "checking" count a few times a second); at most 120 s.
# Prints how long after the window showed that was and the CPU used since launch.
settle() {
  local quiet=0 halves=0 last now
  last=$(ticks "$pid")
  while [ "$quiet" -lt 4 ] && [ "$halves" -lt 240 ]; do
    sleep 0.5
    halves=$((halves + 1))
    now=$(ticks "$pid")
    if [ "$now" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    last=$now
  done
  [ "$quiet" -ge 4 ] || echo "measure: the app never settled (busy for 120 s)" >&2
  awk -v h="$halves" -v t="$now" -v hz="$hz" 'BEGIN {printf "start-up work done within %.1f s of the window showing, %.2f s of CPU since launch", (h - 4) / 2, t / hz}'
}

cpu_over_10s() {
  local t0 t1
  t0=$(ticks "$pid"); sleep 10; t1=$(ticks "$pid")
  awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN {printf "%.1f%%", 100 * d / hz / 10}'
}

# The window fills the screen (no window manager here: move and size it ourselves).
fill_screen() {
  xdotool windowmove "$wid" 0 0 windowsize "$wid" "${size%x*}" "${size#*x}" 2>/dev/null || true
  sleep 1
}

launch FollowThrough "$app" --scenarios scenarios
fill_screen
echo "home screen at $size: $(settle)"
echo "idle CPU on the home screen at $size over 10 s: $(cpu_over_10s)"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
stop

launch FollowThrough "$app" --scenarios tests/fixtures/good
fill_screen
settle >/dev/null
timeout 5 xdotool windowfocus --sync "$wid" 2>/dev/null || true
# By keyboard, wherever the centred column puts things: a new learner starts in the name box; three
# Tabs go past "Create profile" and the job-family list to the one scenario's card (tests/fixtures/good
# holds one); Return opens its briefing, which focuses Start practice; Return starts it: a 60 s
# countdown runs.
xdotool key --delay 300 Tab Tab Tab; sleep 0.5   # one key a frame: egui moves the focus once a frame
xdotool key Return; sleep 1
echo "idle CPU on a briefing at $size over 10 s: $(cpu_over_10s)"
xdotool key Return; sleep 1
countdown=$(cpu_over_10s)
echo "CPU during a countdown at $size over 10 s: $countdown"
# No countdown at all (the keys went elsewhere) would read as a perfect 0.0%.
[ "$countdown" != "0.0%" ] || echo "measure: 0.0% during the countdown: did the drill start? (check the keys above)" >&2
echo "peak memory of the app: $(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
stop

# Every screen left alone, in the screenshot tour's window (its pictures are not kept).
mkdir -p "$work/tour-data" "$work/tour-out"
SCREENS_IDLE_S="${IDLE_S:-5}" "$tour" scenarios "$work/tour-data" "$work/tour-out" idle "$size" 1 2>/dev/null |
  sed -n 's/^screens: \(idle CPU on .*\)/\1 at '"$size"'/p' || echo "measure: the screen tour stopped early" >&2
echo "load average after the idle screens: $(cut -d' ' -f1-3 /proc/loadavg)"
