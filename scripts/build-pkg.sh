#!/usr/bin/env bash
# Builds the npm-ready package: release wasm32 → wasm-bindgen --target web → wasm-opt -Oz →
# package.json. Usage: scripts/build-pkg.sh [OUT_DIR]   (default: pkg/)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
out=${1:-pkg}
cargo build --quiet --release --locked --target wasm32-unknown-unknown
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --out-dir "$tmp" --out-name exam_incident \
  "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/release/exam_incident.wasm
# wasm-bindgen types the raw exports of InitOutput with `any`; they are opaque handles to
# callers, so `unknown` says the same without putting `any` into the public types.
sed -i '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' "$tmp/exam_incident.d.ts"
node node_modules/binaryen/bin/wasm-opt -Oz "$tmp/exam_incident_bg.wasm" -o "$tmp/exam_incident_bg.wasm"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cat > "$tmp/package.json" <<JSON
{
  "name": "exam-incident",
  "version": "$version",
  "description": "Incident classification, response guidance and report validation for vocational skill-assessment exam sites (WebAssembly).",
  "license": "MIT",
  "type": "module",
  "main": "exam_incident.js",
  "module": "exam_incident.js",
  "types": "exam_incident.d.ts",
  "files": ["exam_incident.js", "exam_incident_bg.wasm", "exam_incident.d.ts", "exam_incident_bg.wasm.d.ts"],
  "sideEffects": false
}
JSON
mkdir -p "$out"
rm -f "$out"/exam_incident*
cp "$tmp"/exam_incident.js "$tmp"/exam_incident_bg.wasm "$tmp"/exam_incident.d.ts "$tmp"/exam_incident_bg.wasm.d.ts "$tmp"/package.json "$out"/
echo "built $out/: $(wc -c < "$out/exam_incident_bg.wasm") bytes of wasm, $(gzip -9c "$out/exam_incident_bg.wasm" | wc -c) gzipped"
