#!/usr/bin/env bash
# Times a command as a user at a shell meets it: a fresh process per run, started by this small shell (a fork of
# the benchmark's node process, which holds DuckDB's gigabytes, costs tens of milliseconds by itself).
# Usage: time_runs.sh RUNS OUT_FILE CMD...   runs CMD once to warm the page cache, then RUNS times; prints
# "MEDIAN_MS MAX_RSS_KB"; OUT_FILE gets the last run's stdout.
set -euo pipefail
runs="$1" out="$2"; shift 2
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT
ms=() peak=0
for i in $(seq 0 "$runs"); do
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$tf" "$@" > "$out"
  t1=$(date +%s%N)
  rss=$(tail -1 "$tf")
  (( rss > peak )) && peak=$rss
  (( i > 0 )) && ms+=("$(( (t1 - t0) / 1000 ))")
done
median=$(printf '%s\n' "${ms[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }')
echo "$median $peak"
