#!/usr/bin/env bash
# Installs the peers (../shared/peers.md): DuckDB and Polars from npm into bench/peers/node_modules (lock file committed).
set -euo pipefail
cd "$(dirname "$0")/peers"
if [ -d node_modules/@duckdb/node-api ] && [ -d node_modules/nodejs-polars-linux-x64-gnu ]; then exit 0; fi
command -v npm >/dev/null || { echo "npm is missing: install Debian's nodejs and npm (scripts/install-deps.sh)"; exit 6; }
npm ci --no-audit --no-fund --loglevel=error
