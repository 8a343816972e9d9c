#!/usr/bin/env bash
# Installs what building and testing norikae needs, and nothing that is already there.
# Idempotent: a second run checks each component, prints "ok" and returns in seconds.
#
#   bash scripts/setup.sh          (or: make setup)
#
# Components (one line each):
#   rust target   wasm32-unknown-unknown           rustup target add
#   rust lints    rustfmt, clippy                  rustup component add (make test's first step)
#   wasm-bindgen  wasm-bindgen-cli == Cargo.lock's wasm-bindgen version (cargo install, ~2 min cold)
#                 (also provides wasm-bindgen-test-runner, the wasm test runner)
#   npm           package.json devDependencies     npm ci (binaryen's wasm-opt, playwright-core, axe-core, ical.js, biome)
#   chromium      /usr/bin/chromium                apt-get install chromium (browser tests)
#   holidays      Python `holidays`                pip install (tests/holidays/check_holidays.py)
#
# Never runs `npx playwright install`: browser downloads are blocked here; the tests use Debian's chromium.
# Works from any directory, without stdin, and under CI=true. Meant to run as root on Debian
# (apt-get); as another user it uses sudo for apt-get when available.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec </dev/null
export DEBIAN_FRONTEND=noninteractive
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

HOLIDAYS_VERSION="0.109"

say() { printf 'setup: %-14s %s\n' "$1" "$2"; }

# --- rust target -------------------------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "wasm32 target" "ok"
else
  say "wasm32 target" "installing"
  rustup target add wasm32-unknown-unknown
fi

# --- rustfmt and clippy (make test checks formatting and lints first) ---------------------
missing=""
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || missing="$missing $c"
done
if [ -z "$missing" ]; then
  say "rust lints" "ok"
else
  say "rust lints" "installing$missing"
  # shellcheck disable=SC2086
  rustup component add $missing
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock -------------
wb_version="$(awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1 }
  in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
if [ -z "$wb_version" ]; then
  echo "setup: could not find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" = "$wb_version" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen" "ok ($wb_version)"
else
  say "wasm-bindgen" "installing $wb_version${have_wb:+ (found $have_wb)}"
  # No --locked: the CLI's own lock file does not resolve against the current index here.
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# --- npm devDependencies -----------------------------------------------------------------
# The stamp records the lock file's hash and node's version; npm ci reruns when either changes.
npm_stamp_file="node_modules/.norikae-setup-stamp"
npm_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node-$(node --version)"
if [ -f "$npm_stamp_file" ] && [ "$(cat "$npm_stamp_file")" = "$npm_stamp" ] \
  && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm" "ok"
else
  say "npm" "installing (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s\n' "$npm_stamp" >"$npm_stamp_file"
fi

# --- chromium for browser tests ----------------------------------------------------------
if [ -x /usr/bin/chromium ]; then
  say "chromium" "ok"
else
  say "chromium" "installing (apt-get)"
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo -n"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium
fi

# --- Python holidays (reference calendar for the holiday test) ----------------------------
if python3 -c 'import holidays' 2>/dev/null; then
  say "holidays" "ok"
else
  say "holidays" "installing (pip)"
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --no-input "holidays==$HOLIDAYS_VERSION")
  # A Debian system python refuses pip installs (PEP 668); retry with the override there.
  "${pip_install[@]}" || "${pip_install[@]}" --break-system-packages
fi
