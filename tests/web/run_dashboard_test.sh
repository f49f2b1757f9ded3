#!/usr/bin/env bash
# Browser test of the dashboard: a small generated store, `immstats serve` on a free port, Debian's Chromium driven
# by playwright-core (web/node_modules). Exit 77 (CTest: skipped) when Chromium or playwright-core is missing.
# Usage: run_dashboard_test.sh IMMSTATS_BIN SOURCE_DIR OUT_DIR
set -euo pipefail
bin="$1"; src="$2"; out="$3"
if [[ ! -x /usr/bin/chromium ]]; then
  echo "SKIPPED: /usr/bin/chromium is missing (scripts/install-deps.sh installs Debian's chromium)"; exit 77
fi
if [[ ! -d "$src/web/node_modules/playwright-core" ]]; then
  echo "SKIPPED: playwright-core is missing (npm ci --prefix web; scripts/build.sh runs it)"; exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" synth eoir --out "$work/rel" --scale 0.002 --seed 3 --quiet >/dev/null
"$bin" ingest eoir "$work/rel" --store "$work/store" --release-id browser --quiet >/dev/null
mkdir -p "$out"
node "$src/tests/web/dashboard_test.mjs" "$bin" "$work/store" "$out"
