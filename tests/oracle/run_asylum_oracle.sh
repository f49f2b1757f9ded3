#!/usr/bin/env bash
# CTest entry for the DuckDB oracle: a release without quirks, ingested, then asylum_oracle.mjs over it.
# Usage: run_asylum_oracle.sh IMMSTATS_BIN SOURCE_DIR [SLICES]
set -euo pipefail
bin="$1"; src="$2"; slices="${3:-200}"
peers="${IMMSTATS_PEERS_DIR:-$src/bench/peers}"
if [ ! -d "$peers/node_modules/@duckdb/node-api" ] || ! command -v node >/dev/null; then
  echo "SKIPPED: DuckDB peer not installed: run 'bash bench/setup-peers.sh' (scripts/test.sh does it)"
  exit 77
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/immstats-oracle.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$bin" synth eoir --out "$work/release" --scale 0.01 --seed 11 --quirks none --quiet >/dev/null
"$bin" ingest eoir "$work/release" --store "$work/store" --release-id oracle --quiet >/dev/null
# Windows of 1,000+ records take the two-thread scan, so the oracle checks that path too.
IMMSTATS_PARALLEL_ROWS=1000 IMMSTATS_PEERS_DIR="$peers" node "$src/tests/oracle/asylum_oracle.mjs" "$work/release" "$bin" "$work/store" "$slices" 7
