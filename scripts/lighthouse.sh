#!/usr/bin/env bash
# Lighthouse (mobile: simulated slow 4G, 4x CPU) on the pages a phone user opens first, against a running portal.
# Builds nothing. For each page a first visit (empty cache) and a repeat visit (cache kept); see docs/PERFORMANCE.md.
#
#   BASE_URL=http://localhost:8080 LESSON_ID=3 CHECKIN_REF=<a session's reference> scripts/lighthouse.sh [label]
#
# Signs in as the demo trainee (hocvien / Demo@2026; PORTAL_LOGIN, PORTAL_PASSWORD to change) for the catalog and the
# lesson. Lighthouse 12 (13 needs Node 22.19; this machine has 20) and puppeteer-core come from the npm registry into .tools/lighthouse on the first run;
# Chromium from CHROME_PATH (default /usr/bin/chromium). Reports (JSON) go to target/lighthouse.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_URL:?set BASE_URL, e.g. http://localhost:8080}"
label=${1:-now}
login=${PORTAL_LOGIN:-hocvien}
tools=.tools/lighthouse
if [ ! -d "$tools/node_modules/lighthouse" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund lighthouse@12 puppeteer-core@24)
fi
cp scripts/lighthouse/measure.mjs "$tools/measure.mjs"
pages=("login=/login" "catalog=/catalog@$login")
[ -n "${LESSON_ID:-}" ] && pages+=("lesson=/lesson/$LESSON_ID@$login")
pages+=("checkin=/checkin${CHECKIN_REF:+?s=$CHECKIN_REF}")
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} OUT_DIR=$PWD/target/lighthouse
node "$tools/measure.mjs" "${BASE_URL%/}" "$label" "${pages[@]}"
