#!/usr/bin/env bash
# The test sequence of `make test` (which runs setup and build first). Every step runs, in
# this order, even after a failure, so one run shows everything; the script fails at the end
# if any step failed. FAIL_FAST=1 stops at the first failing step instead.
#
#   0. cargo fmt --check; cargo clippy -D warnings  formatting and lints, host and wasm target;
#      biome lint                                   the page's JS (www/)
#      node scripts/layout.mjs                      file sizes, max_width, unit tests beside
#   1. cargo test                                   native unit, integration and doc tests
#   2. cargo test --target wasm32-unknown-unknown   wasm-bindgen-test tests (tests/wasm.rs, ...)
#   3. python3 tests/holidays/check_holidays.py     when present
#   4. run-cases.mjs ../shared/cases                when ../shared is there (CI clones beside it)
#   5. run-cases.mjs tests/cases                    the project's own copies of the cases
#   6. node tests/mutate.mjs                        5,000 mutated inputs
#  6b. node --test tests/node/                      the built module from Node (.ics via ical.js)
#   7. node --test tests/browser/                   when it holds test files
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

passed=()
failed=()
skipped=()

# step NAME COMMAND...: runs one step and records its outcome.
step() {
  local name="$1"
  shift
  echo
  echo "==> $name: $*"
  local t0=$SECONDS
  if "$@"; then
    passed+=("$name")
    echo "<== $name: passed ($((SECONDS - t0)) s)"
  else
    failed+=("$name")
    echo "<== $name: FAILED ($((SECONDS - t0)) s)"
    if [ "${FAIL_FAST:-0}" = 1 ]; then summary; fi
  fi
}
skip() {
  skipped+=("$1")
  echo
  echo "==> $1: skipped ($2)"
}
summary() {
  echo
  echo "make test summary:"
  local s
  for s in ${passed[@]+"${passed[@]}"}; do echo "  passed   $s"; done
  for s in ${failed[@]+"${failed[@]}"}; do echo "  FAILED   $s"; done
  for s in ${skipped[@]+"${skipped[@]}"}; do echo "  skipped  $s"; done
  echo "steps: ${#passed[@]} passed, ${#failed[@]} failed"
  [ "${#failed[@]}" -eq 0 ] && exit 0
  exit 1
}

# 0. Formatting and lints first (issue 12): rustfmt.toml's settings; clippy on every target,
#    for the host and for the wasm target the page runs.
step "cargo fmt" cargo fmt --check
step "clippy" cargo clippy --all-targets -- -D warnings
step "clippy (wasm)" cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
#    The page's modules: Biome's recommended lint rules (biome.json; no formatter).
step "biome lint" node_modules/.bin/biome lint --error-on-warnings
#    The house rules (issue 12): max_width ≤ 100, no hand-written file over 400 lines
#    (Rust tests not counted), at least half of src/ files with unit tests beside them.
step "layout" node scripts/layout.mjs

# 1. Native tests.
step "cargo test" cargo test

# 2. wasm-bindgen-test tests, run in Node by wasm-bindgen-test-runner (installed by setup.sh,
#    same version as the wasm-bindgen crate). --tests: the lib's and tests/*.rs test binaries,
#    not doctests or examples (they are native; step 1 runs them). Plain #[test]s compiled
#    for wasm are not run by the runner ("no tests to run!"), only #[wasm_bindgen_test]s.
step "cargo test (wasm)" env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --tests

# 3. Holiday calendar against Python's `holidays`.
if [ -f tests/holidays/check_holidays.py ]; then
  step "holidays" python3 tests/holidays/check_holidays.py
else
  skip "holidays" "no tests/holidays/check_holidays.py"
fi

# 4 and 5. Golden cases. The shared runner when it is there, else the project's copy.
run_cases=tests/run-cases.mjs
if [ -f ../shared/tools/run-cases.mjs ]; then run_cases=../shared/tools/run-cases.mjs; fi
has_json() { compgen -G "$1/*.json" >/dev/null; }
if [ -d ../shared/cases ] && has_json ../shared/cases; then
  step "shared cases" node "$run_cases" ../shared/cases
else
  skip "shared cases" "no ../shared/cases"
fi
if has_json tests/cases; then
  step "project cases" node "$run_cases" tests/cases
else
  skip "project cases" "tests/cases has no case files yet"
fi

# 6. Mutated inputs.
step "mutate" node tests/mutate.mjs

# 6b. Node tests of the built module (tests/node: the .ics read by the independent ical.js).
if compgen -G "tests/node/*.test.mjs" >/dev/null; then
  step "node" node --test tests/node/
else
  skip "node" "no tests/node/*.test.mjs"
fi

# 7. Browser tests (playwright-core + Debian chromium). node --test given a directory runs
#    the files named like *.test.mjs, *-test.mjs, *_test.mjs, test-*.mjs or test.mjs.
browser_tests="$(find tests/browser -type f \( -name '*.test.*js' -o -name '*-test.*js' -o -name '*_test.*js' \
  -o -name 'test-*.*js' -o -name 'test.*js' \) 2>/dev/null | head -1)"
if [ -n "$browser_tests" ]; then
  step "browser" node --test tests/browser/
elif compgen -G "tests/browser/*js" >/dev/null; then
  skip "browser" "tests/browser has no file named like *.test.mjs, which node --test runs"
else
  skip "browser" "no tests/browser"
fi

summary
