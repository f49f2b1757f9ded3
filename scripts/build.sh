#!/usr/bin/env bash
# Configures and builds one CMake tree: scripts/build.sh [release|asan] (default release).
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-release}"
case "$kind" in
  release) dir=build;      flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  # -O1 without debug info: the sanitizers see the same code, and it builds in half the time.
  asan)    dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 -DIMMSTATS_SANITIZE=ON) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
# The dashboard is bundled from web/ with esbuild (npm); its lock file pins every package.
if [[ ! -d web/node_modules/esbuild || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
fi
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir" -- -j"$(nproc)"
