#!/bin/sh
# Installs every build and test dependency of Sluice from Debian's archive.
# Idempotent: does nothing when everything is present; prints what it installs.
set -eu

PACKAGES="
build-essential cmake ninja-build pkg-config git
qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
libgl-dev libxkbcommon-dev qt6-qpa-plugins
qtkeychain-qt6-dev libhiredis-dev libpugixml-dev libhttp-parser-dev
libbenchmark-dev clang libclang-rt-14-dev
redis-server redis-tools nginx wrk curl openssl ca-certificates
clang-format xvfb
desktop-file-utils appstream lintian help2man dpkg-dev fakeroot file systemd
"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Services packaged with a daemon (redis-server, nginx) must not be started by
# the install: the tests start their own instances on free loopback ports.
$SUDO apt-get install -y -qq --no-install-recommends $missing
