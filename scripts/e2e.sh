#!/usr/bin/env bash
# End-to-end tests: make sure Chromium is there, build once, then let
# Playwright start the servers (scripts/e2e-server.ts) and drive them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1
node --import tsx scripts/build-if-needed.ts
exec npx playwright test "$@"
