# Sourced by smoke.sh, measure.sh and screens.sh: a private X server and temporary folders for the app.
# The screen is $XVFB_SCREEN (default 1280x800x24). After `start_xvfb`: $work (removed on exit), $DISPLAY, $XDG_RUNTIME_DIR, $FOLLOWTHROUGH_DATA_DIR;
# `app_pid`, when set, is killed on exit too.

start_xvfb() {
  work=$(mktemp -d)
  export XDG_RUNTIME_DIR="$work/runtime"; mkdir -m 0700 "$XDG_RUNTIME_DIR"
  export FOLLOWTHROUGH_DATA_DIR="$work/data"
  # Nothing from an earlier run in ~/.local/share (eframe keeps a window size there) comes back.
  export XDG_DATA_HOME="$work/share"
  # Let Xvfb pick a free display and tell us which (no clash with another X server or a stale lock).
  Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  app_pid=""
  trap '[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { echo "Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
  export DISPLAY=":$(head -n1 "$work/display")"
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the X server on $DISPLAY does not answer" >&2
  exit 1
}

# Wait (up to 30 s, less if $app_pid dies) for a visible window whose title starts with $1; sets $wid
# (empty if none came).
wait_for_window() {
  wid=""
  for _ in $(seq 6000); do
    wid=$(xdotool search --onlyvisible --name "^$1" 2>/dev/null | head -n1 || true)
    [ -n "$wid" ] && return 0
    # The app died before showing a window: no use waiting for one.
    if [ -n "$app_pid" ] && ! kill -0 "$app_pid" 2>/dev/null; then return 0; fi
    sleep 0.005
  done
}
