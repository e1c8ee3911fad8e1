#!/bin/sh
# Refreshes translations/sluice_*.ts from the sources (core/, ui/, app/): new
# strings come in unfinished, strings gone from the code are dropped. Run it
# after adding or changing a tr() string, then translate the unfinished ones in
# Qt Linguist (`linguist translations/sluice_de.ts`). English holds plural forms
# only. tests/translations checks that the committed files are up to date.
# Usage: translations/update.sh [LUPDATE] [TS_DIR]  (TS_DIR: where the .ts files are)
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
LUPDATE=${1:-$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
TS_DIR=${2:-$HERE/translations}
cd "$HERE"
# Relative locations without line numbers keep the files stable while code moves.
OPTIONS="-recursive -locations none -no-obsolete -source-language en -silent"
"$LUPDATE" $OPTIONS -target-language de core ui app -ts "$TS_DIR/sluice_de.ts"
"$LUPDATE" $OPTIONS -target-language en -pluralonly core ui app -ts "$TS_DIR/sluice_en.ts"
