#!/bin/sh
# `make screenshots`: the real console, offscreen, on a copy of the sample
# workspace whose backend is a test origin on a free port; it starts the
# gateway, sends two requests from the Test console and saves each page to
# OUT_DIR/<page>.png (sluice --screenshots). The user's settings stay
# untouched (a temporary XDG_CONFIG_HOME and XDG_DATA_HOME).
set -eu
BIN=${1:-build/bin}
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=${2:-$HERE/docs/screenshots}
TMP=$(mktemp -d)
ORIGIN=""
cleanup() {
    if [ -n "$ORIGIN" ]; then kill "$ORIGIN" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

: >"$TMP/origin.out"
"$BIN/sluice-test-origin" --port 0 >"$TMP/origin.out" &
ORIGIN=$!
i=0
until grep -q '^listening on ' "$TMP/origin.out"; do
    i=$((i + 1))
    [ $i -lt 100 ] || { echo "screenshots: the test origin did not start" >&2; exit 1; }
    sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$TMP/origin.out")

cp -r "$HERE/resources/sample-workspace" "$TMP/workspace"
sed -i "s|http://127.0.0.1:8090|$URL|g" "$TMP/workspace/workspace.json"
mkdir -p "$OUT"
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
    "$BIN/sluice" --lang en --screenshots "$OUT" "$TMP/workspace"
