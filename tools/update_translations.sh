#!/usr/bin/env bash
# Refresh the .ts catalogs from the UI sources. Existing translations are kept;
# messages that no longer exist in the code are dropped (-no-obsolete), and no
# file/line locations are written (-locations none) so the .ts files do not
# churn whenever code moves. Build the .qm files with `make translations`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

sources=()
while IFS= read -r -d '' file; do
    sources+=("$file")
done < <(find src/livegiving_desktop/ui -name '*.py' -type f -print0 | LC_ALL=C sort -z)
sources+=(src/livegiving_desktop/app.py)

mkdir -p resources/translations
.venv/bin/pyside6-lupdate "${sources[@]}" \
    -no-obsolete \
    -locations none \
    -ts resources/translations/livegiving_fr.ts resources/translations/livegiving_en.ts
