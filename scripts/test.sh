#!/usr/bin/env bash
# The README's test command: install what is missing, build, run every test (release, then ASan/UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

echo "== release build"
scripts/build.sh release
(cd build && ctest --output-on-failure -j"$jobs" --timeout 900)

echo "== ASan/UBSan build"
scripts/build.sh asan
# The sanitizer run skips only the statistics-heavy content test (same code paths, 10x slower under ASan).
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j"$jobs" --timeout 900 -E '^Content\.')
