# Shared by scripts/start.sh and scripts/test.sh: locate the repo, get pnpm, install, prepare the DB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PNPM_VERSION="10.34.9"
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
export TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1 COREPACK_ENABLE_STRICT=0

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror: %s\033[0m\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is required (https://nodejs.org or apt-get install nodejs)."
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is required; this is $(node --version)."
}

# pnpm 10 (pnpm 11 needs Node 22; corepack cannot verify this registry's signatures), from npm.
ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then return; fi
  say "installing pnpm $PNPM_VERSION with npm"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No write access to the global prefix: install under the user's home instead.
    npm install -g --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.local/bin:$PATH"
  fi
  hash -r
  [ "$(pnpm --version)" = "$PNPM_VERSION" ] || die "could not install pnpm $PNPM_VERSION"
}

# A secret file ($1: random, $2 bytes, base64url) readable by its owner only. An existing one is
# kept (sessions and grader tokens stay valid) and its mode tightened to 0600.
ensure_secret() {
  local file="$1" bytes="$2"
  if [ ! -s "$file" ]; then
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(Number(process.argv[1])).toString("base64url"))' "$bytes" > "$file.new")
    mv "$file.new" "$file"
  fi
  chmod 600 "$file"
}

# Installs workspace dependencies; the root postinstall generates both Prisma clients.
install_deps() {
  say "installing dependencies (pnpm install)"
  local frozen="--frozen-lockfile"
  [ "${CI:-}" = "true" ] || frozen="--prefer-frozen-lockfile"
  pnpm install $frozen --reporter=append-only
}

# Debian packages a command needs: installed with apt-get when missing and permitted, otherwise
# stop with the exact command to run.
ensure_apt_packages() {
  local missing=()
  for spec in "$@"; do
    local pkg="${spec%%:*}" probe="${spec#*:}"
    [ -e "$probe" ] || command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      die "missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
    fi
  fi
  command -v apt-get >/dev/null || die "missing system packages: ${missing[*]} (this script installs them only on Debian/Ubuntu via apt-get)"
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Applies migrations and loads the demo course into DATABASE_URL.
prepare_database() {
  say "migrating and seeding $DATABASE_URL"
  node packages/db/scripts/db.mjs migrate
  # The start command is the one place the demo accounts (published passwords) are loaded.
  node packages/db/scripts/db.mjs seed --demo
}
