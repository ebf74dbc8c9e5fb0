#!/usr/bin/env bash
# The whole hand-count check against a portal with the demo data (default http://127.0.0.1:8091, admin / Demo@2026).
# Loads data: run it once per fresh demo database (a second import is refused: the class codes are taken);
# afterwards `python3 compare.py URL` alone compares again.
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8091}
python3 -c 'import openpyxl' 2>/dev/null || pip install openpyxl
[ -d node_modules/playwright-core ] || npm install --no-save playwright-core
python3 make_sheet.py
node import.mjs "$BASE"                      # units.csv, then the sheet: preview (screenshots), good rows imported
sleep 10                                     # the summaries follow the import in the background (report_pending)
python3 hand_count.py
python3 compare.py "$BASE" "(before rebuild)" > out/before.md || true
node import.mjs "$BASE" --rebuild            # "Tính lại số liệu" on the reports screen, waits for the job
python3 compare.py "$BASE" "(after the rebuild)" > out/after.md || true
node import.mjs "$BASE" --dashboard          # the dashboard's totals for 08, 15 and the dissolved H030
tail -n 1 out/before.md out/after.md
