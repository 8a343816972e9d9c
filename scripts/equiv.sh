#!/usr/bin/env bash
# Issue 12's byte-identity check: builds BEFORE (and AFTER, default this working tree) and
# compares their answers for 4,000 varied inputs through calculate, compareExitMonths and
# exportCalendar in ja and en (scripts/equiv.mjs). Each commit is built in a throwaway
# worktree; the record lives in a temp dir (the script is kept, the answers are not).
#   bash scripts/equiv.sh BEFORE [AFTER] [-- equiv.mjs record options, e.g. --count 8000]
#   EQUIV_ALLOW=REGEX bash scripts/equiv.sh …   (compare's --allow: expected differences)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
before="${1:?usage: equiv.sh BEFORE [AFTER] [-- --count N]}"; shift
after=""
if [[ $# -gt 0 && $1 != "--" ]]; then after="$1"; shift; fi
[[ ${1:-} == "--" ]] && shift
tmp="$(mktemp -d)"
cleanup() {
  for w in "$tmp"/wt-*; do [[ -d $w ]] && git worktree remove --force "$w" >/dev/null 2>&1; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# pkg_of COMMIT: builds COMMIT's wasm in a worktree and prints its norikae.js path.
pkg_of() {
  local w="$tmp/wt-$1"
  git worktree add -q --detach "$w" "$1"
  ln -s "$PWD/node_modules" "$w/node_modules"
  (cd "$w" && CARGO_TARGET_DIR="$tmp/target" bash scripts/build-wasm.sh >/dev/null)
  echo "$w/www/pkg/norikae.js"
}

node scripts/equiv.mjs record --pkg "$(pkg_of "$before")" "$@" > "$tmp/before.jsonl"
if [[ -n $after ]]; then
  after_pkg="$(pkg_of "$after")"
else
  bash scripts/build-wasm.sh >/dev/null
  after_pkg="www/pkg/norikae.js"
fi
echo "before: $before ($(git rev-parse --short "$before")), after: ${after:-working tree}"
node scripts/equiv.mjs compare "$tmp/before.jsonl" --pkg "$after_pkg" ${EQUIV_ALLOW:+--allow "$EQUIV_ALLOW"}
