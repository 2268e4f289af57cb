# The two commands of the README: `make serve` and `make test`.
.PHONY: setup pkg serve test test-native test-wasm test-js bench fuzz

setup:
	bash scripts/setup.sh

pkg: setup
	bash scripts/build-pkg.sh

# Builds the package and serves the proctor console on http://localhost:8000/.
serve: pkg
	@echo "proctor console: http://localhost:8000/"
	python3 -m http.server 8000 --bind 127.0.0.1 --directory www

# Every test: native core, wasm-bindgen tests in Node and headless Chromium, JS and page tests.
test: pkg
	bash scripts/setup.sh --browser
	$(MAKE) test-native test-wasm test-js

test-native:
	cargo test --locked

test-wasm:
	bash scripts/test-wasm.sh

test-js:
	node --test tests/js/

bench: pkg
	bash scripts/bench.sh

# cargo-fuzz targets for FUZZ_SECONDS each (nightly only; skips with a message without it).
# `make test` runs the same targets on stable over the seeds (tests/fuzz_replay.rs).
FUZZ_SECONDS ?= 60
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)
