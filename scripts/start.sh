#!/usr/bin/env bash
# `npm start`: install everything and run the whole platform on the embedded default (SQLite +
# in-process grading queue) with the demo course loaded. Ctrl-C stops both services.
source "$(dirname "$0")/lib/common.sh"

require_node
ensure_pnpm
# bubblewrap adds a namespace layer around the grader's sandboxes; the grader still isolates
# student code without it (and says so on /health) where it cannot be installed.
ensure_apt_packages bubblewrap:bwrap || say "bubblewrap unavailable: sandboxes run without the namespace layer"
install_deps

mkdir -p data
export DATABASE_URL="${DATABASE_URL:-file:$ROOT/data/course.db}"
export PORT="${PORT:-3000}" GRADER_PORT="${GRADER_PORT:-4100}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
export GRADER_URL="${GRADER_URL:-http://127.0.0.1:$GRADER_PORT}"
# A stable secret per installation, kept out of git and readable by its owner only.
ensure_secret data/.auth-secret 32
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-$(cat data/.auth-secret)}"
ensure_secret data/.grader-token 24
export GRADER_TOKEN="${GRADER_TOKEN:-$(cat data/.grader-token)}"
prepare_database
say "publishing changed exercises of exercises/ as new versions"
pnpm exercise sync

say "building the web app"
pnpm exec turbo run build --filter=@course/web --output-logs=errors-only

pids=()
cleanup() { trap - INT TERM EXIT; kill -TERM "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT
say "starting the grader on :$GRADER_PORT"
(cd apps/grader && exec node --no-node-snapshot --import tsx src/main.ts) &
pids+=($!)
say "starting the web app on :$PORT"
(cd apps/web && exec node server.mjs -p "$PORT") &
pids+=($!)
say "open $NEXTAUTH_URL — student: student@example.com / student-pass-1, instructor: instructor@example.com / instructor-pass-1, join code DLTS-2026"
wait -n "${pids[@]}"
