# FollowThrough: the two set-up commands for a fresh Debian machine, plus helpers.
#   make run    build and open the app on the bundled scenarios/
#   make test   run the whole test suite (unit, integration, UI, real-window smoke test)
# Each installs the Debian packages it needs first (with sudo when not root).
#   make install    build and install for this user only (no root): the binary, the bundled
#                   scenarios and voices, the icon and the menu entry under PREFIX (~/.local)
#   make uninstall  remove what make install put there

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_PACKAGES := libasound2-dev pkg-config
SMOKE_PACKAGES := xvfb xauth xdotool imagemagick libgl1-mesa-dri x11-utils
# The virtual sound card of scripts/virtual_sound.sh (tests/audio_device.rs), and the checker of
# the installed menu entry (tests/desktop_install.rs).
SOUND_PACKAGES := pulseaudio pulseaudio-utils libasound2-plugins espeak-ng desktop-file-utils

# make install: user-local by default. BIN is the binary installed (install-files alone takes any).
PREFIX ?= $(HOME)/.local
BIN ?= $(or $(CARGO_TARGET_DIR),target)/release/followthrough
SHARE = $(PREFIX)/share
ICON_SIZES := 16 32 48 64 128 256
CARGO_FLAGS := --locked

.PHONY: run test check lint deps deps-test smoke screenshot bench measure install install-files uninstall icons

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

# Every screen at 1024x600, 1280x800, 1920x1080 and the largest text, into docs/screens/ (the README's pictures).
screenshot: deps-test
	bash scripts/screens.sh

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

install:
	cargo build $(CARGO_FLAGS) --release
	@$(MAKE) --no-print-directory install-files BIN="$(BIN)" PREFIX="$(PREFIX)"

install-files:
	install -D -m 755 "$(BIN)" "$(PREFIX)/bin/followthrough"
	rm -rf "$(SHARE)/followthrough"
	mkdir -p "$(SHARE)/followthrough/assets"
	cp -R scenarios "$(SHARE)/followthrough/scenarios"
	cp -R assets/voices "$(SHARE)/followthrough/assets/voices"
	for size in $(ICON_SIZES); do \
	  install -D -m 644 "assets/icon/followthrough-$$size.png" \
	    "$(SHARE)/icons/hicolor/$${size}x$${size}/apps/followthrough.png" || exit 1; \
	done
	install -D -m 644 assets/icon/followthrough.svg "$(SHARE)/icons/hicolor/scalable/apps/followthrough.svg"
	mkdir -p "$(SHARE)/applications"
	sed 's|^Exec=.*|Exec="$(PREFIX)/bin/followthrough"|' assets/followthrough.desktop \
	  > "$(SHARE)/applications/followthrough.desktop"
	touch "$(SHARE)/icons/hicolor"
	-command -v update-desktop-database >/dev/null && update-desktop-database -q "$(SHARE)/applications"
	@echo "Installed FollowThrough in $(PREFIX): it is in the desktop's menu (run it as $(PREFIX)/bin/followthrough)"

uninstall:
	rm -f "$(PREFIX)/bin/followthrough" "$(SHARE)/applications/followthrough.desktop"
	rm -f "$(SHARE)/icons/hicolor/scalable/apps/followthrough.svg"
	for size in $(ICON_SIZES); do rm -f "$(SHARE)/icons/hicolor/$${size}x$${size}/apps/followthrough.png"; done
	rm -rf "$(SHARE)/followthrough"
	-command -v update-desktop-database >/dev/null && update-desktop-database -q "$(SHARE)/applications"
	@echo "Removed FollowThrough from $(PREFIX) (your progress in its data folder is kept)"

# Render the icon's PNGs from its SVG (needs rsvg-convert: Debian's librsvg2-bin).
icons:
	@bash scripts/apt-install.sh librsvg2-bin
	for size in $(ICON_SIZES); do \
	  rsvg-convert -w $$size -h $$size assets/icon/followthrough.svg -o assets/icon/followthrough-$$size.png || exit 1; \
	done
