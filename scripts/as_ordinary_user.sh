#!/usr/bin/env bash
# Run test binaries again as an ordinary user (uid 65534, `nobody`), for the tests root would pass
# silently because it ignores file permissions (a read-only data folder, an unreadable sub-folder).
# FOLLOWTHROUGH_REQUIRE_PERMS=1 turns their skip into a failure. The binaries are copied into a
# folder that user can reach (a clone under /root is not), with a HOME and TMPDIR it can write.
#   bash scripts/as_ordinary_user.sh store_faults containment
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -gt 0 ] || { echo "usage: $0 TEST..." >&2; exit 2; }

tests=()
for t in "$@"; do tests+=(--test "$t"); done
# The executables of those tests and of the binary they run, as cargo reports them.
built=$(cargo test --locked --no-run --message-format=json "${tests[@]}" |
    grep -o '"executable":"[^"]*"' | sed 's/"executable":"\(.*\)"/\1/')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir "$work/home"
for exe in $built; do
    name=$(basename "$exe")
    case "$name" in followthrough) cp "$exe" "$work/followthrough" ;; esac
    for t in "$@"; do
        case "$name" in "$t"-*) cp "$exe" "$work/$t" ;; esac
    done
done
[ -x "$work/followthrough" ] || { echo "as_ordinary_user: the followthrough binary was not built" >&2; exit 1; }
chmod -R a+rX "$work"

if [ "$(id -u)" = 0 ]; then
    chown 65534:65534 "$work/home"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
    as_user=() # already an ordinary user
fi
for t in "$@"; do
    [ -x "$work/$t" ] || { echo "as_ordinary_user: no test binary for $t" >&2; exit 1; }
    echo "as_ordinary_user: $t as uid 65534"
    (cd "$work/home" && env HOME="$work/home" TMPDIR="$work/home" FOLLOWTHROUGH_REQUIRE_PERMS=1 \
        FOLLOWTHROUGH_BIN="$work/followthrough" "${as_user[@]}" "$work/$t")
done
