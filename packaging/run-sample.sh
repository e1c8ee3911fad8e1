#!/bin/sh
# Serves the bundled sample workspace: a test origin on 127.0.0.1:8090 as the
# sample APIs' backend, and sluice-gateway on 127.0.0.1:8080 in front of it.
set -eu
BIN=${1:-build/bin}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORKSPACE="$HERE/resources/sample-workspace"

"$BIN/sluice-gateway" --workspace "$WORKSPACE" --check

"$BIN/sluice-test-origin" --port 8090 >/dev/null &
ORIGIN=$!
trap 'kill $ORIGIN 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Sluice gateway: http://127.0.0.1:8080   (admin: http://127.0.0.1:8081/status, /metrics)
  Try:
    curl -i 'http://127.0.0.1:8080/echo/items/42?color=blue'
    curl -i http://127.0.0.1:8080/mock/hello
  Stop with Ctrl+C.

MSG
"$BIN/sluice-gateway" --workspace "$WORKSPACE" --listen 127.0.0.1:8080 --admin 127.0.0.1:8081
