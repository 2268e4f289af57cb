#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version: the wasm32 target, the wasm-bindgen CLI pinned to Cargo.lock, npm dev packages
# (wasm-opt from binaryen, playwright-core, ajv, axe-core) and, with --browser, Debian's
# chromium + chromium-driver (and a CJK font, for readable screenshots) for the browser tests.
# Only what is missing is installed, and nothing already installed is upgraded (--no-upgrade).
# Prerequisites it cannot install itself: rustup, Node ≥ 20 with npm, python3, make, and root or
# sudo for apt. Every step says how long it takes the first time; a second run is silent.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

need() { echo "setup: $1" >&2; exit 1; }
command -v rustup >/dev/null || need "rustup is missing: install it from https://rustup.rs (then open a new shell)"
command -v node >/dev/null || need "Node.js ≥ 20 is missing (https://nodejs.org, or your distribution's nodejs + npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || need "Node.js ≥ 20 is needed, this is $(node --version)"
command -v npm >/dev/null || need "npm is missing (Debian: apt-get install npm)"
command -v python3 >/dev/null || need "python3 is missing (make serve uses its http.server)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32 target (about 1 minute)…"
  rustup target add wasm32-unknown-unknown
fi
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Not --locked: the CLI's own lock file pins a dependency this registry no longer has; the
  # version that matters (the CLI's, equal to the library's in Cargo.lock) is pinned by --version.
  echo "setup: building wasm-bindgen-cli $want (first time: 3–8 minutes on 2 cores)…"
  cargo install --quiet wasm-bindgen-cli --version "=$want"
fi
if [ "${1:-}" = "--browser" ]; then
  missing=()
  for p in chromium chromium-driver fonts-wqy-microhei; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || need "installing ${missing[*]} needs root or sudo (or install them yourself)"
      sudo=(sudo)
    fi
    echo "setup: installing ${missing[*]} with apt (1–3 minutes)…"
    "${sudo[@]}" apt-get update -qq
    # --no-upgrade: a machine's own Chromium (or anything else already there) stays as it is.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${missing[@]}"
  fi
fi
if ! npm ls --silent >/dev/null 2>&1; then
  echo "setup: installing npm dev packages (about 1 minute)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
