# FollowThrough: the two set-up commands for a fresh Debian machine, plus helpers.
#   make run    build and open the app on the bundled scenarios/
#   make test   run the whole test suite (unit, integration, UI, real-window smoke test)
# Each installs the Debian packages it needs first (with sudo when not root).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_PACKAGES := libasound2-dev pkg-config
SMOKE_PACKAGES := xvfb xauth xdotool imagemagick libgl1-mesa-dri x11-utils
# The virtual sound card of scripts/virtual_sound.sh (tests/audio_device.rs).
SOUND_PACKAGES := pulseaudio pulseaudio-utils libasound2-plugins espeak-ng
CARGO_FLAGS := --locked

.PHONY: run test check lint deps deps-test smoke screenshot bench measure

run: deps
	cargo run $(CARGO_FLAGS) --release -- --scenarios scenarios

test: deps-test
	cargo test $(CARGO_FLAGS)
	cargo run $(CARGO_FLAGS) --quiet -- check scenarios
	bash scripts/smoke.sh

check: deps
	cargo run $(CARGO_FLAGS) --quiet -- check scenarios

lint: deps
	cargo fmt --check
	cargo clippy $(CARGO_FLAGS) --all-targets -- -D warnings

smoke: deps-test
	bash scripts/smoke.sh

screenshot: deps-test
	SMOKE_SCREENSHOT=docs/screenshot.png bash scripts/smoke.sh

bench: deps
	cargo bench --locked --bench scoring
	cargo bench --locked --bench progress
	cargo bench --locked --bench xapi

measure: deps-test
	bash scripts/measure.sh

deps:
	@bash scripts/apt-install.sh $(BUILD_PACKAGES)

deps-test:
	@bash scripts/apt-install.sh $(BUILD_PACKAGES) $(SMOKE_PACKAGES) $(SOUND_PACKAGES)
