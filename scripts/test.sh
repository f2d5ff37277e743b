#!/usr/bin/env bash
# `npm test`: the whole suite, fastest checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
step "typecheck"; npm run -s typecheck
step "lint"; npm run -s lint
step "unit tests"; npm run -s test:unit
step "integration tests (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-embedded database})"; npm run -s test:integration
step "end-to-end tests in Chromium"; npm run -s test:e2e
