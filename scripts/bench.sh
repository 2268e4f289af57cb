#!/usr/bin/env bash
# Speed and size against the budgets of README.md. Prints figures; asserts nothing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
echo "== size";    node bench/size.mjs
echo "== node";    node bench/node.mjs
echo "== chromium"; node bench/browser.mjs
echo "== cold start (Slow 4G, 4x CPU)"; node bench/coldstart.mjs
echo "== peer (ajv + JS, json-rules-engine)"; node bench/peer.mjs
echo "== chromium, a 5,000-entry response"; node bench/long-log.mjs
if ls examples/bench_*.rs >/dev/null 2>&1; then
  echo "== native core (cargo --release)"
  for ex in examples/bench_*.rs; do cargo run --quiet --release --example "$(basename "$ex" .rs)"; done
fi
