#!/usr/bin/env bash
# wasm-bindgen-test suites: the JS boundary in Node and in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo test --locked --target wasm32-unknown-unknown --test wasm_node --test wasm_browser
