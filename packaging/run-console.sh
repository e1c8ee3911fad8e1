#!/bin/sh
# The console on the bundled sample workspace, with a test origin on
# 127.0.0.1:8090 as the sample APIs' backend (stopped when the console quits).
set -eu
BIN=${1:-build/bin}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORKSPACE="$HERE/resources/sample-workspace"

"$BIN/sluice-test-origin" --port 8090 >/dev/null &
ORIGIN=$!
trap 'kill $ORIGIN 2>/dev/null || true' EXIT INT TERM

echo "Sluice console on $WORKSPACE (test origin on 127.0.0.1:8090); start the gateway on the Gateway page."
"$BIN/sluice" "$WORKSPACE"
