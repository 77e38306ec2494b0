#!/usr/bin/env bash
# Install the real LRSs the xAPI tests run against (loopback only), pinned, into one folder
# (default /tmp/followthrough-lrs; kept between runs as a cache: nothing is fetched when the pinned
# versions are there already). Prints the folder; the tests find it in FOLLOWTHROUGH_LRS_HOME.
#   Ralph        PyPI ralph-malph (MIT), in a venv, with requests beside it
#   xapi-statements  npm, Learning Locker's statement service (run in memory mode)
#   xapi-validation  npm, Learning Locker's statement validator
set -euo pipefail
home="${FOLLOWTHROUGH_LRS_HOME:-/tmp/followthrough-lrs}"
RALPH=5.1.0 REQUESTS=2.32.3 STATEMENTS=5.0.1 VALIDATION=2.1.4
stamp="ralph-malph==$RALPH requests==$REQUESTS xapi-statements@$STATEMENTS xapi-validation@$VALIDATION"
mkdir -p "$home"
if [ "$(cat "$home/installed" 2>/dev/null)" = "$stamp" ]; then
  echo "$home"
  exit 0
fi
python3 -c "import ensurepip, venv" 2>/dev/null || bash "$(dirname "$0")/../apt-install.sh" python3 python3-venv
command -v npm >/dev/null || bash "$(dirname "$0")/../apt-install.sh" nodejs npm
rm -rf "$home/venv" "$home/node"
python3 -m venv "$home/venv" >&2
"$home/venv/bin/pip" install -q --disable-pip-version-check "ralph-malph[cli,lrs]==$RALPH" "requests==$REQUESTS" >&2
mkdir -p "$home/node"
echo '{"name":"followthrough-test-lrs","private":true}' >"$home/node/package.json"
(cd "$home/node" && npm install -q --no-audit --no-fund --loglevel=error \
  "xapi-statements@$STATEMENTS" "xapi-validation@$VALIDATION" >&2)
echo "$stamp" >"$home/installed"
echo "$home"
