#!/usr/bin/env bash
# Refreshes surveylens_fr_CA.ts from the tr() texts in app/ and widgets/; new texts come in
# unfinished, to be translated in Qt Linguist (linguist translations/surveylens_fr_CA.ts).
# LUPDATE names another lupdate of Qt 6. The build compiles the .ts and embeds it in the program.
set -euo pipefail
cd "$(dirname "$0")/.."
"${LUPDATE:-/usr/lib/qt6/bin/lupdate}" -locations relative -no-obsolete -target-language fr_CA -I . app widgets -ts translations/surveylens_fr_CA.ts
