#!/bin/sh
# check-package.sh BUILD_DIR WORK_DIR: packs the build as it is (CPack installs
# the built files; nothing is rebuilt), unpacks the .deb into a temporary root
# and checks what a user gets: the programs run from the root, the gateway
# accepts the installed sample workspace, the desktop file, the AppStream
# metainfo and the systemd unit pass their validators, and lintian finds no
# error.
set -eu
BUILD=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK/root"
fail() { echo "check-package: $*" >&2; exit 1; }

(cd "$BUILD" && cpack -G "DEB;TGZ" -B "$WORK/out" >"$WORK/cpack.log" 2>&1) || { cat "$WORK/cpack.log"; fail "cpack failed"; }
DEB=$(ls "$WORK"/out/*.deb)
ls "$WORK"/out/*.tar.gz >/dev/null || fail "no .tar.gz"
dpkg-deb --info "$DEB" | grep -q '^ Depends: .*libqt6core6' || fail "no computed dependency on Qt in $(dpkg-deb --field "$DEB" Depends)"
dpkg -x "$DEB" "$WORK/root"
ROOT=$WORK/root
SHARE=$ROOT/usr/share
APP=io.github.sluice.Sluice

"$ROOT/usr/bin/sluice-gateway" --version | grep -q '^sluice-gateway [0-9]' || fail "sluice-gateway --version"
"$ROOT/usr/bin/sluice-gateway" --workspace "$SHARE/sluice/sample-workspace" --check || fail "--check on the installed sample workspace"
QT_QPA_PLATFORM=offscreen "$ROOT/usr/bin/sluice" --version | grep -q '^sluice [0-9]' || fail "sluice --version"
# The German translation is embedded and loaded (the options' help is translated).
QT_QPA_PLATFORM=offscreen "$ROOT/usr/bin/sluice" --lang de --help | grep -q 'Arbeitsbereichsordner' || fail "sluice --lang de"

for f in "$SHARE/applications/$APP.desktop" "$SHARE/metainfo/$APP.metainfo.xml" \
         "$SHARE/icons/hicolor/scalable/apps/$APP.svg" "$SHARE/icons/hicolor/48x48/apps/$APP.png" \
         "$SHARE/icons/hicolor/256x256/apps/$APP.png" "$SHARE/man/man1/sluice-gateway.1.gz" "$SHARE/man/man1/sluice.1.gz" \
         "$ROOT/usr/lib/systemd/system/sluice-gateway@.service" "$SHARE/doc/sluice/copyright"; do
    [ -s "$f" ] || fail "missing $f"
done
file "$SHARE/icons/hicolor/48x48/apps/$APP.png" | grep -q 'PNG image data, 48 x 48' || fail "48x48 icon is not a 48 x 48 PNG"
zcat "$SHARE/man/man1/sluice-gateway.1.gz" | grep -q -- '\\-\\-check' || fail "the man page does not describe --check"

desktop-file-validate "$SHARE/applications/$APP.desktop"
appstreamcli validate --no-net "$SHARE/metainfo/$APP.metainfo.xml"
# The unit against the unpacked root, so that its ExecStart= program exists
# (the targets it is ordered after are the host's business, not the unit's).
UNIT="sluice-gateway@srv-workspace.service"
systemd-analyze verify --man=no --recursive-errors=no --root="$ROOT" "$UNIT" || fail "systemd-analyze verify"
# "systemd-analyze security" rates the hardening from 0 (best) to 10: well is under 2.
systemd-analyze security --offline=true --root="$ROOT" "$UNIT" >"$WORK/security.log" 2>&1 || true
exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$WORK/security.log")
echo "check-package: systemd-analyze security exposure $exposure"
awk -v e="$exposure" 'BEGIN { exit !(e != "" && e < 2.0) }' || { cat "$WORK/security.log"; fail "the unit's exposure is $exposure"; }

lintian --fail-on error "$DEB" | tee "$WORK/lintian.log"
echo "check-package: $(basename "$DEB") passes"
