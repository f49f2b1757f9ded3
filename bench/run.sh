#!/usr/bin/env bash
# The side-by-side benchmark (issue 5), one command: immstats against DuckDB, SQLite and pandas on the same files.
#   W1  load the main EOIR tables of an extracted release (immstats ingest, with its derived records, against
#       DuckDB read_csv into a database file, SQLite .import, pandas read_csv into memory)
#   W2  the same from the release zipped with Deflate64 as EOIR ships it (immstats reads the zip; the peer runs
#       7z x, then DuckDB's load)
#   W3  TRAC asylum grant rate for one nationality, a September-August window, with the all-nationality row
#   W4  grant rates by judge for the busiest court over that window (TRAC's judge table)
#   W5  the backlog on that window's last day by court
#   W6  grant rates by nationality x fiscal year
#   W7  CBP encounters by citizenship and month, W8 ICE removals by citizenship and fiscal year: on the real
#       files when IMMSTATS_REAL_DATA is set (bench/sources_bench.mjs; DuckDB, pandas, and Polars for W7)
# Every peer's answer is checked against immstats' before any time is printed (W1, W2: the rows of each table;
# W3-W6: every count of every definition and every court's backlog, through bench/asylum_query_bench.mjs); a
# mismatch fails the run.
# Usage: bench/run.sh [--scale S] [--runs N] [--out DIR] [--smoke]
#   --scale 0.1 (default; 1.0 for the headline figures), --runs 5, --out bench/out/run,
#   --smoke: scale 0.01, one run each, pandas included (the test suite runs this so that it cannot rot).
# Results: printed, and written with the machine's description to bench/results/ (not in smoke mode).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=0.1 runs=5 out=bench/out/run smoke=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --smoke) smoke=1 scale=0.01 runs=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
bin="${IMMSTATS_BIN:-build/src/cli/immstats}"
[[ -x "$bin" ]] || scripts/build.sh release
bench/setup-peers.sh
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing (apt-get install sqlite3)" >&2; exit 6; }
have_pandas=0
/usr/bin/python3 -c 'import pandas' 2>/dev/null && have_pandas=1
mkdir -p "$out"
rel="$out/release-$scale"
if [[ ! -f "$rel/.complete" ]]; then
  rm -rf "$rel"
  echo "Generating a scale-$scale release (--quirks none, seed 1) in $rel ..."
  "$bin" synth eoir --out "$rel" --scale "$scale" --seed 1 --quirks none --quiet > /dev/null
  touch "$rel/.complete"
fi
tables=()
for t in A_TblCase B_TblProceeding tbl_Court_Appln tbl_schedule tbl_RepsAssigned tbl_CustodyHistory tbl_Lead_Rider; do
  [[ -n "$(find "$rel" -iname "$t.csv" | head -1)" ]] && tables+=("$t")
done
bytes=0
for t in "${tables[@]}"; do bytes=$(( bytes + $(stat -c %s "$(find "$rel" -iname "$t.csv" | head -1)") )); done
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }')
echo "Release: ${#tables[@]} main tables, $mb MB; $runs run(s) per workload after a warm-up read"
cat "$(find "$rel" -iname A_TblCase.csv | head -1)" "$(find "$rel" -iname tbl_schedule.csv | head -1)" > /dev/null

# measure NAME OUTFILE CMD...: runs CMD `w1runs` times; keeps the median wall, its CPU and the largest peak RSS.
w1runs=$(( runs < 3 ? runs : 3 ))
declare -A wall cpu rss
measure() {
  local name="$1" outfile="$2"; shift 2
  local walls=() cpus=() peak=0 tf; tf=$(mktemp)
  for _ in $(seq "$w1runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tf" "$@" > "$outfile"
    read -r e u s m < "$tf"
    walls+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
    (( m > peak )) && peak=$m
  done
  rm -f "$tf"
  wall[$name]=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  cpu[$name]=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  rss[$name]=$(( peak / 1024 ))
}

echo "== W1: load the main tables"
store="$out/store-$scale"
# (through bash -c: each run starts from nothing; /usr/bin/time reports the largest descendant's peak RSS)
measure immstats "$out/w1-immstats.json" bash -c \
  'rm -rf "$1" && "$2" ingest eoir "$3" --store "$1" --release-id bench --quiet --json' _ "$store" "$bin" "$rel"
duck_db="$out/w1-$scale.duckdb"
measure duckdb "$out/w1-duckdb.json" bash -c \
  'rm -f "$1" "$1.wal" && node bench/peers/duckdb_load.mjs "$2" "$1" "${@:3}"' _ "$duck_db" "$rel" "${tables[@]}"
sqlite_db="$out/w1-$scale.sqlite"
measure sqlite "$out/w1-sqlite.json" bench/peers/sqlite_load.sh "$rel" "$sqlite_db" "${tables[@]}"
peers=(duckdb sqlite)
if (( have_pandas )) && awk -v s="$scale" 'BEGIN { exit !(s <= 0.1) }'; then
  measure pandas "$out/w1-pandas.json" /usr/bin/python3 bench/peers/pandas_load.py "$rel" "${tables[@]}"
  peers+=(pandas)
fi
# The check: every peer loaded as many rows of each table as immstats did.
node -e '
  const fs = require("fs");
  const [dir, ...peers] = process.argv.slice(1);
  const im = JSON.parse(fs.readFileSync(`${dir}/w1-immstats.json`)).tables;
  let bad = 0;
  for (const p of peers) {
    const got = JSON.parse(fs.readFileSync(`${dir}/w1-${p}.json`));
    for (const [t, n] of Object.entries(got)) {
      if (!im[t] || im[t].loaded !== n) { bad++; console.error(`MISMATCH W1 ${p} ${t}: ${n} rows, immstats ${im[t]?.loaded}`); }
    }
  }
  if (bad) process.exit(1);
  console.log(`W1 check: every peer loaded the rows immstats loaded (${Object.keys(im).length} tables)`);
' "$out" "${peers[@]}"
duck_mb=$(( $(stat -c %s "$duck_db") / 1048576 ))
sqlite_mb=$(( $(stat -c %s "$sqlite_db") / 1048576 ))
rm -f "$duck_db" "$duck_db.wal" "$sqlite_db"  # sizes kept; at scale 1.0 they fill a disk (SQLite's is ~19 GB)

echo "== W2: load the main tables from the Deflate64 zip (immstats reads it as is; the peer runs 7z x, then DuckDB's load)"
zip="$out/release-$scale.zip"
if [[ ! -f "$zip" ]]; then
  top=$(find "$rel" -mindepth 1 -maxdepth 1 -type d | head -1)
  (cd "$rel" && 7z a -tzip -mm=Deflate64 -mx=1 -bd -y "$PWD/../$(basename "$zip").part" "$(basename "$top")" > /dev/null)
  mv "$out/$(basename "$zip").part" "$zip"
fi
zip_mb=$(( $(stat -c %s "$zip") / 1000000 ))
measure immstats_zip "$out/w2-immstats.json" bash -c \
  'rm -rf "$1" && "$2" ingest eoir "$3" --store "$1" --release-id bench --quiet --json' _ "$out/store-zip-$scale" "$bin" "$zip"
measure duckdb_zip "$out/w2-duckdb.json" bash -c \
  'rm -rf "$1" "$2" "$2.wal" && 7z x -bd -y -o"$1" "$3" > /dev/null && node bench/peers/duckdb_load.mjs "$1" "$2" "${@:4}"' \
  _ "$out/unzipped-$scale" "$out/w2-$scale.duckdb" "$zip" "${tables[@]}"
rm -rf "$out/unzipped-$scale" "$out/store-zip-$scale" "$out/w2-$scale.duckdb"
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const w1 = JSON.parse(fs.readFileSync(`${dir}/w1-immstats.json`)).tables;
  const im = JSON.parse(fs.readFileSync(`${dir}/w2-immstats.json`)).tables;
  const duck = JSON.parse(fs.readFileSync(`${dir}/w2-duckdb.json`));
  let bad = 0;
  for (const [t, r] of Object.entries(w1)) {
    if (im[t]?.loaded !== r.loaded) { bad++; console.error(`MISMATCH W2 immstats ${t}: ${im[t]?.loaded} from the zip, ${r.loaded} from the folder`); }
  }
  for (const [t, n] of Object.entries(duck)) {
    if (w1[t]?.loaded !== n) { bad++; console.error(`MISMATCH W2 duckdb ${t}: ${n} rows, immstats ${w1[t]?.loaded}`); }
  }
  if (bad) process.exit(1);
  console.log("W2 check: the zip gives immstats the rows of the folder, and DuckDB loaded them too");
' "$out"

store_mb=$(du -sm "$store" | cut -f1)

echo "== W3, W4, W5 and W6: asylum and backlog queries (immstats in a fresh process; DuckDB in-process on its base tables)"
rm -f "$out/q-$scale.duckdb" "$out/q-$scale.duckdb.wal"
node bench/asylum_query_bench.mjs "$rel" "$bin" "$store" "$out/q-$scale.duckdb" "$runs" | tee "$out/queries.md"

sources_md="$out/sources.md"
: > "$sources_md"
if [[ -n "${IMMSTATS_REAL_DATA:-}" && -d "${IMMSTATS_REAL_DATA}/cbp-nationwide-encounters" ]]; then
  echo "== W7 and W8: encounters and removals from the real CBP and ICE files ($IMMSTATS_REAL_DATA)"
  node bench/sources_bench.mjs "$IMMSTATS_REAL_DATA" "$bin" "$out/sources" "$runs" | tee "$sources_md"
else
  echo "(W7 and W8 need the real files: set IMMSTATS_REAL_DATA to ../shared/data/real)"
fi

report="$out/report.md"
{
  echo "## immstats against its peers, scale $scale ($mb MB of main tables), $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB;" \
       "immstats $("$bin" --version | cut -d' ' -f2), DuckDB $(node -p 'require("./bench/peers/node_modules/@duckdb/node-api/package.json").version')," \
       "SQLite $(sqlite3 --version | cut -d' ' -f1)$( (( have_pandas )) && echo ", pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')")."
  echo
  echo "### W1: load the main tables (median of $w1runs; throughput = table bytes / wall)"
  echo
  echo "| tool | wall | CPU | throughput | peak RSS | on disk | immstats faster by |"
  echo "|---|---|---|---|---|---|---|"
  for p in immstats "${peers[@]}"; do
    disk="-"
    [[ $p == immstats ]] && disk="$store_mb MB (store)"
    [[ $p == duckdb ]] && disk="$duck_mb MB"
    [[ $p == sqlite ]] && disk="$sqlite_mb MB"
    [[ $p == pandas ]] && disk="(in memory)"
    awk -v p="$p" -v w="${wall[$p]}" -v c="${cpu[$p]}" -v b="$bytes" -v r="${rss[$p]}" -v d="$disk" -v iw="${wall[immstats]}" \
      'BEGIN { printf "| %s | %.1f s | %.1f s | %.0f MB/s | %d MB | %s | %s |\n", p, w, c, b / 1e6 / w, r, d, (p == "immstats" ? "-" : sprintf("%.2fx", w / iw)) }'
  done
  echo
  echo "immstats' time includes its derived records (asylum decisions, backlog inputs) and source checksums; the"
  echo "peers only load. Store size against DuckDB's file: $(awk -v a="$store_mb" -v b="$duck_mb" 'BEGIN { printf "%.2fx", a / b }')."
  echo
  echo "### W2: the same tables from the Deflate64 zip ($zip_mb MB; median of $w1runs)"
  echo
  echo "| tool | wall | CPU | peak RSS | immstats faster by |"
  echo "|---|---|---|---|---|"
  for p in immstats_zip duckdb_zip; do
    label="immstats ingest of the zip as downloaded"
    [[ $p == duckdb_zip ]] && label="7z x, then DuckDB's load"
    awk -v p="$label" -v w="${wall[$p]}" -v c="${cpu[$p]}" -v r="${rss[$p]}" -v iw="${wall[immstats_zip]}" -v first="$p" \
      'BEGIN { printf "| %s | %.1f s | %.1f s | %d MB | %s |\n", p, w, c, r, (first == "immstats_zip" ? "-" : sprintf("%.2fx", w / iw)) }'
  done
  echo
  echo "### W3, W4, W5 and W6: queries"
  cat "$out/queries.md" | grep -E '^\||^median'
  if [[ -s "$sources_md" ]]; then
    echo
    echo "### W7 and W8: the other sources (real files)"
    echo
    grep -E '^\||^median' "$sources_md"
  fi
} > "$report"
echo
cat "$report"
if (( ! smoke )); then
  mkdir -p bench/results
  cp "$report" "bench/results/$(date -u +%Y-%m-%d)-scale-$scale.md"
  echo "Written to bench/results/$(date -u +%Y-%m-%d)-scale-$scale.md"
fi
