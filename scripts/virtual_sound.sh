#!/usr/bin/env bash
# A virtual sound card for the audio tests, on a machine without one: a PulseAudio server with a
# null sink ("speaker", whose monitor records what was played) and a pipe-fed microphone ("mic",
# read from $home/mic.fifo, raw s16le 22050 Hz mono: espeak-ng's own format). ALSA's `default`
# device reaches it through the pulse plugin (libasound2-plugins), so the app's own io/ code plays
# and records through it unchanged.
#   bash scripts/virtual_sound.sh        start it (idempotent: a running one is kept); prints the
#                                        variables to export, for `eval "$(bash scripts/virtual_sound.sh)"`
#   bash scripts/virtual_sound.sh stop   stop it
# The packages come from `make deps-test` (scripts/apt-install.sh). The folder is
# $FOLLOWTHROUGH_SOUND_HOME (default /tmp/followthrough-sound); tests/audio_device.rs finds it there.
set -euo pipefail
home="${FOLLOWTHROUGH_SOUND_HOME:-/tmp/followthrough-sound}"
server="unix:$home/runtime/pulse/native"
export XDG_RUNTIME_DIR="$home/runtime" PULSE_SERVER="$server"

if [ "${1:-start}" = stop ]; then
  pulseaudio --kill 2>/dev/null || true
  exit 0
fi
for tool in pulseaudio pactl parec espeak-ng; do
  command -v "$tool" >/dev/null || { echo "virtual_sound.sh: $tool is missing (run make deps-test)" >&2; exit 1; }
done

ready() {
  pactl list short sinks 2>/dev/null | grep -q $'\tspeaker\t' \
    && pactl list short sources 2>/dev/null | grep -q $'\tmic\t'
}

if ! ready; then
  pulseaudio --kill 2>/dev/null || true
  mkdir -p "$home/runtime"
  chmod 700 "$home/runtime"
  rm -f "$home/mic.fifo" # the pipe source makes its own
  # As root it warns that it is "not intended to be run as root": harmless for a test server.
  pulseaudio --daemonize=yes --exit-idle-time=-1 --disallow-exit -n \
    --load=module-native-protocol-unix \
    --load="module-null-sink sink_name=speaker rate=22050 channels=1" \
    --log-target=file:"$home/pulseaudio.log" 2>>"$home/pulseaudio.log"
  for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.05; done
  pactl load-module module-pipe-source source_name=mic file="$home/mic.fifo" format=s16le rate=22050 channels=1 >/dev/null
  pactl set-default-sink speaker
  pactl set-default-source mic
  ready || { echo "virtual_sound.sh: the PulseAudio server did not come up (see $home/pulseaudio.log)" >&2; exit 1; }
fi
echo "export FOLLOWTHROUGH_SOUND_HOME=$home PULSE_SERVER=$server"
