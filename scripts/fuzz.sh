#!/usr/bin/env bash
# Runs the cargo-fuzz (libFuzzer) targets of fuzz/ for SECONDS each (default 20), starting from
# the committed seeds in fuzz/seeds/<target>/ and growing fuzz/corpus/<target>/ (not committed).
# Needs nightly Rust: without `cargo +nightly` it says so and exits 0 (the stable replay test,
# tests/fuzz_replay.rs, runs the same targets in `cargo test`). Installs cargo-fuzz if missing.
# A crash fails the run; the input is in fuzz/artifacts/<target>/ — add it to fuzz/regressions/.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/fuzz"
secs=${1:-20}
shift || true
if ! RUSTUP_AUTO_INSTALL=0 cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: SKIPPED — no nightly toolchain (\`cargo +nightly\`); cargo-fuzz needs it. The stable replay test covers the targets."
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plan_load classify_text validate_form response_from_json response_mutate)
cargo +nightly fuzz build
# libFuzzer prints a line per new input; keep it in a log and show the final stats, or the whole
# log when a target fails.
log_dir=$(mktemp -d)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== fuzz $t for ${secs}s"
  if ! cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log_dir/$t.log" 2>&1; then
    tail -n 60 "$log_dir/$t.log"
    echo "fuzz: $t FAILED (log above; the input is in fuzz/artifacts/$t/)"
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done ' "$log_dir/$t.log" || true
done
echo "fuzz: ${#targets[@]} target(s), ${secs}s each, no crash"
