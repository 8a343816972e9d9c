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
