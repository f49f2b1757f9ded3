#!/usr/bin/env bash
# The README's test command: install what is missing, build, run every test (release, then ASan/UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"
# Tests on real published files read them from here; they skip, saying so, when it is unset.
if [ -z "${IMMSTATS_REAL_DATA:-}" ] && [ -d ../shared/data/real ]; then
  IMMSTATS_REAL_DATA="$(cd ../shared/data/real && pwd)"
fi
export IMMSTATS_REAL_DATA="${IMMSTATS_REAL_DATA:-}"
echo "IMMSTATS_REAL_DATA=${IMMSTATS_REAL_DATA:-<unset: real-data tests will skip>}"

# The DuckDB oracle's peer, from npm into bench/peers/node_modules (lock file committed).
bench/setup-peers.sh

echo "== release build"
scripts/build.sh release
(cd build && ctest --output-on-failure -j"$jobs" --timeout 900)

echo "== ASan/UBSan build"
scripts/build.sh asan
# The sanitizer run skips the statistics-heavy content test, the DuckDB oracle and the benchmark smoke run (same code paths as the
# release run, where both run; 10x slower under ASan). The query code runs under ASan through the CLI tests.
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j"$jobs" --timeout 900 -E '^(Content|AsylumOracle|Bench)\.')
