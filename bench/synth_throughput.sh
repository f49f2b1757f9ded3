#!/usr/bin/env bash
# Measures `immstats synth eoir` (core tables) at the given scales: wall time, MB/s, peak RSS.
# Usage: bench/synth_throughput.sh [SCALE...]   (default: 0.1 1.0). Writes into bench/out/ and removes it after.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release >/dev/null
bin=build/src/cli/immstats
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(0.1 1.0)
out=bench/out
printf '%-8s %10s %12s %10s %12s %12s\n' scale seconds bytes MB/s peak_RSS_MB cases
for s in "${scales[@]}"; do
  rm -rf "$out"
  /usr/bin/time -f '%e %M' -o /tmp/immstats-synth-time "$bin" synth eoir --out "$out" --scale "$s" --seed 1 \
    --quiet --json > /tmp/immstats-synth.json
  read -r wall rss_kb < /tmp/immstats-synth-time
  bytes=$(python3 -c 'import json;print(json.load(open("/tmp/immstats-synth.json"))["bytes"])')
  cases=$(python3 -c 'import json;print(json.load(open("/tmp/immstats-synth.json"))["tables"]["A_TblCase"]["rows"])')
  awk -v s="$s" -v w="$wall" -v b="$bytes" -v r="$rss_kb" -v c="$cases" \
    'BEGIN { printf "%-8s %10s %12s %10.0f %12.0f %12s\n", s, w, b, b / w / 1e6, r / 1024, c }'
done
rm -rf "$out"
