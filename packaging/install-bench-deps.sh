#!/bin/sh
# Installs the reference servers and the load generator of the benchmarks
# (tests/bench: sluice-bench-proxy, sluice-bench-cache) from Debian's archive:
# HAProxy, nginx and wrk. Not part of `make test`; run it once before a
# benchmark. Idempotent: does nothing when everything is present; prints what
# it installs.
set -eu

PACKAGES="haproxy nginx wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-bench-deps: all benchmark dependencies present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

# haproxy and nginx are packaged with a service: the benchmarks start their own
# instances on free loopback ports, so the install must not start the system
# ones (which would listen on port 80). A policy-rc.d that answers 101 ("action
# forbidden") does that for the duration of the install, unless the machine
# already has one of its own.
POLICY=/usr/sbin/policy-rc.d
own_policy=""
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod 755 "$POLICY"
    own_policy=1
fi
cleanup() {
    if [ -n "$own_policy" ]; then
        $SUDO rm -f "$POLICY"
    fi
}
trap cleanup EXIT INT TERM

echo "install-bench-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
