#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version: the wasm32 target, the wasm-bindgen CLI pinned to Cargo.lock, npm dev packages
# (wasm-opt from binaryen, playwright-core, ajv, axe-core) and, with --browser, Debian's
# chromium + chromium-driver (and a CJK font, for readable screenshots) for the browser tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # --locked fails on this registry (a locked dependency is missing); fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "=$want" --locked || cargo install wasm-bindgen-cli --version "=$want"
fi
if [ "${1:-}" = "--browser" ] && { ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ] || ! [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; }; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei
fi
if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
