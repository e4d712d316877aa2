#!/usr/bin/env bash
# `npm test`: install everything (system packages too) and run the whole suite: typecheck, lint,
# every package's vitest tests against real SQLite, PostgreSQL and Redis servers, and the
# Playwright flows in Debian's Chromium. Non-interactive; exits non-zero on any failure.
source "$(dirname "$0")/lib/common.sh"

require_node
ensure_pnpm
ensure_apt_packages chromium:/usr/bin/chromium bubblewrap:bwrap redis-server:redis-server postgresql:/usr/lib/postgresql
install_deps

LOG_DIR="$(mktemp -d)"
services_started=0
cleanup() { [ "$services_started" = 1 ] && bash scripts/services.sh stop; rm -rf "$LOG_DIR"; }
trap cleanup EXIT
say "starting throwaway PostgreSQL and Redis"
eval "$(bash scripts/services.sh start)"
services_started=1
: "${TEST_POSTGRES_URL:?PostgreSQL did not start}" "${TEST_REDIS_URL:?Redis did not start}"
export TEST_POSTGRES_URL TEST_REDIS_URL CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Tests treat a missing service as an error, never as a reason to skip.
export CI=true

status=0
say "typecheck and lint"
pnpm exec turbo run typecheck lint --continue --output-logs=errors-only --concurrency=2 || status=1

say "unit and integration tests (vitest)"
pnpm exec turbo run test --continue --output-logs=full --concurrency=2 2>&1 | tee "$LOG_DIR/unit.log" || status=1
[ "${PIPESTATUS[0]}" = 0 ] || status=1

say "script tests (node --test)"
node --test scripts/lib/ 2>&1 | tee "$LOG_DIR/scripts.log" || status=1
say "exercise check (every exercise: 20 seeds, input domains, mutants, test strength against docs/test-strength.json)"
pnpm exercise check --all 2>&1 | tee "$LOG_DIR/exercise-check.log" || status=1
[ "${PIPESTATUS[0]}" = 0 ] || status=1

say "end-to-end tests (Playwright, Debian Chromium)"
pnpm --filter @course/web run e2e 2>&1 | tee "$LOG_DIR/e2e.log" || status=1
[ "${PIPESTATUS[0]}" = 0 ] || status=1

node scripts/lib/summarise.mjs "$LOG_DIR/unit.log" "$LOG_DIR/e2e.log" || status=1
exit $status
