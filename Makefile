# norikae: `make serve` (build + serve www/ on http://127.0.0.1:8000) and `make test`.
# Every target installs what is missing first (scripts/setup.sh; a no-op when all is there).
.PHONY: all setup build test serve

all: build

setup:
	bash scripts/setup.sh

# Settings (target, out dir, wasm-opt flags, features) come from wasm-pack.toml.
build: setup
	bash scripts/build-wasm.sh

# Runs every test step in order and fails if any failed (FAIL_FAST=1 stops at the first);
# the steps are listed in scripts/test.sh and README.md.
test: setup build
	bash scripts/test.sh

serve: setup build
	node scripts/serve.mjs

# Issue 4. Neither is part of `make test` or CI.
# `make bench`: sizes and timings against the budgets (scripts/bench.mjs); exits non-zero
# when a number is over its budget.
.PHONY: bench fuzz fuzz-seed
bench: setup build
	node scripts/bench.mjs

# `make fuzz`: each cargo-fuzz target (fuzz/) for FUZZ_SECONDS, one after the other
# (nightly; cargo-fuzz is installed when missing): `calculate` and `compare` take the bytes
# as JSON text (corpus seeded from tests/cases, JSON dictionary), `structured` builds an
# input field by field from them. Crashes land in fuzz/artifacts/<target>/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= calculate compare structured
fuzz: fuzz-seed
	@set -e; export PATH="$${CARGO_HOME:-$$HOME/.cargo}/bin:$$PATH"; \
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz; \
	for t in $(FUZZ_TARGETS); do \
	  case $$t in structured) opts="-max_len=1024";; *) opts="-dict=$(CURDIR)/fuzz/json.dict -max_len=4096";; esac; \
	  echo "==> fuzz $$t for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run $$t -- $$opts -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1; \
	done

fuzz-seed:
	node fuzz/seed.mjs
