#!/usr/bin/env bash
# The side-by-side benchmark (issue 5), one command: immstats against DuckDB, SQLite, pandas and Polars on the same
# files.
#   W1  load the main EOIR tables of an extracted release (immstats ingest, with its derived records, against
#       DuckDB read_csv into a database file, SQLite .import, pandas read_csv into memory)
#   W2  the same from the release zipped with Deflate64 as EOIR ships it (immstats reads the zip; the peer runs
#       7z x, then DuckDB's load of W1 on the same files)
#   W3  TRAC asylum grant rate for one nationality, a September-August window, with the all-nationality row
#   W4  grant rates by judge for the busiest court over that window (TRAC's judge table)
#   W5  the backlog on that window's last day by court
#   W6  grant rates by nationality x fiscal year
#       (W3-W6: immstats as a fresh process and in-process in its server; DuckDB in-process from its base tables
#       and from a precomputed table; SQLite, pandas and Polars in-process from their base tables)
#   W7  CBP encounters by citizenship and month, W8 ICE removals by citizenship and fiscal year: on the real
#       files when IMMSTATS_REAL_DATA is set (bench/sources_bench.mjs; DuckDB, pandas, and Polars for W7)
#   Scaling: W1 and W3 for immstats at scales 0.1, 0.3 and the run's scale (with --scaling, or at scale 1.0 or more)
# Every peer's answer is checked against immstats' before any time is printed (W1, W2: the rows of each table;
# W3-W6: every count of every definition and every court's backlog, through bench/asylum_query_bench.mjs); a
# mismatch fails the run.
# Usage: bench/run.sh [--scale S] [--runs N] [--out DIR] [--scaling] [--smoke]
#   --scale 0.1 (default; 1.0 for the headline figures), --runs 5, --out bench/out/run,
#   --smoke: scale 0.01, one run each, every peer and the scaling table on tiny releases (the test suite runs this
#   so that it cannot rot). Loads run 3 times (once at scale 1.0 or more: one DuckDB load then takes 8 minutes).
#   pandas loads W1 up to scale 0.1 only (every table as Python strings: 5.7 GB of memory at 0.1, so about 57 GB
#   at 1.0) and answers W3-W6 up to 0.3 (three tables, ten columns).
# Needs about 2.5x the release's size free on disk at scale 1.0 (46 GB: the release, SQLite's file, the unzipped copy).
# Results: printed, and written with the machine's description to bench/results/ (not in smoke mode).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=0.1 runs=5 out=bench/out/run smoke=0 scaling=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --scaling) scaling=1; shift ;;
    --smoke) smoke=1 scale=0.01 runs=1 scaling=1; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
at_least "$scale" 1 && scaling=1
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
for t in "${tables[@]}"; do cat "$(find "$rel" -iname "$t.csv" | head -1)"; done > /dev/null  # every peer starts warm

# measure NAME OUTFILE CMD...: runs CMD `w1runs` times; keeps the median wall, its CPU and the largest peak RSS.
w1runs=$(( runs < 3 ? runs : 3 ))
at_least "$scale" 1 && w1runs=1
declare -A wall cpu rss
measure() {
  local name="$1" outfile="$2"; shift 2
  local walls=() cpus=() peak=0 tf e u s m; tf=$(mktemp)
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
ingest() {  # ingest STORE RELEASE_OR_ZIP: a fresh store each time
  rm -rf "$1" && "$bin" ingest eoir "$2" --store "$1" --release-id bench --quiet --json
}
export -f ingest; export bin

echo "== W1: load the main tables"
store="$out/store-$scale"
# (through bash -c: each run starts from nothing; /usr/bin/time reports the largest descendant's peak RSS)
measure immstats "$out/w1-immstats.json" bash -c 'ingest "$1" "$2"' _ "$store" "$rel"
duck_db="$out/w1-$scale.duckdb"
measure duckdb "$out/w1-duckdb.json" bash -c \
  'rm -f "$1" "$1.wal" && node bench/peers/duckdb_load.mjs "$2" "$1" "${@:3}"' _ "$duck_db" "$rel" "${tables[@]}"
sqlite_db="$out/w1-$scale.sqlite"
measure sqlite "$out/w1-sqlite.json" bench/peers/sqlite_load.sh "$rel" "$sqlite_db" "${tables[@]}"
peers=(duckdb sqlite)
if (( have_pandas )) && ! at_least "$scale" 0.11; then
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
rm -f "$duck_db" "$duck_db.wal"  # sizes kept; at scale 1.0 these files fill a disk
store_mb=$(du -sm "$store" | cut -f1)
derived_mb=$(du -smc "$store"/snapshots/bench/derived.* | tail -1 | cut -f1)

echo "== W3, W4, W5 and W6: asylum and backlog queries"
query_peers=(--sqlite "$sqlite_db" --json "$out/queries.json")
(( have_pandas )) && ! at_least "$scale" 0.31 && query_peers+=(--pandas)
node -e 'require("./bench/peers/node_modules/nodejs-polars")' 2>/dev/null && query_peers+=(--polars)
rm -f "$out/q-$scale.duckdb" "$out/q-$scale.duckdb.wal"
node bench/asylum_query_bench.mjs "$rel" "$bin" "$store" "$out/q-$scale.duckdb" "$runs" "${query_peers[@]}" | tee "$out/queries.md"
rm -f "$sqlite_db" "$out/q-$scale.duckdb" "$out/q-$scale.duckdb.wal"

echo "== W2: load the main tables from the Deflate64 zip (immstats reads it as is; the peer runs 7z x, then DuckDB's load)"
zip="$out/release-$scale.zip"
if [[ ! -f "$zip" ]]; then
  top=$(find "$rel" -mindepth 1 -maxdepth 1 -type d | head -1)
  (cd "$rel" && 7z a -tzip -mm=Deflate64 -mx=1 -bd -y "$PWD/../$(basename "$zip").part" "$(basename "$top")" > /dev/null)
  mv "$out/$(basename "$zip").part" "$zip"
fi
zip_mb=$(( $(stat -c %s "$zip") / 1000000 ))
measure immstats_zip "$out/w2-immstats.json" bash -c 'ingest "$1" "$2"' _ "$out/store-zip-$scale" "$zip"
unzipped="$out/unzipped-$scale"
measure sevenzip /dev/null bash -c 'rm -rf "$1" && 7z x -bd -y -o"$1" "$2" > /dev/null' _ "$unzipped" "$zip"
# The peer's load after 7z x is W1's DuckDB load: the files 7z writes are the release's, byte for byte (checked
# here, table by table, with cmp), so it is not run a second time.
for t in "${tables[@]}"; do
  a=$(find "$rel" -iname "$t.csv" | head -1); b=$(find "$unzipped" -iname "$t.csv" | head -1)
  [[ -n "$b" ]] && cmp -s "$a" "$b" \
    || { echo "MISMATCH W2: 7z x gave a different $t.csv" >&2; exit 1; }
done
rm -rf "$unzipped" "$out/store-zip-$scale"
wall[duckdb_zip]=$(awk -v a="${wall[sevenzip]}" -v b="${wall[duckdb]}" 'BEGIN { print a + b }')
cpu[duckdb_zip]=$(awk -v a="${cpu[sevenzip]}" -v b="${cpu[duckdb]}" 'BEGIN { print a + b }')
rss[duckdb_zip]=$(( rss[sevenzip] > rss[duckdb] ? rss[sevenzip] : rss[duckdb] ))
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const w1 = JSON.parse(fs.readFileSync(`${dir}/w1-immstats.json`)).tables;
  const im = JSON.parse(fs.readFileSync(`${dir}/w2-immstats.json`)).tables;
  let bad = 0;
  for (const [t, r] of Object.entries(w1)) {
    if (im[t]?.loaded !== r.loaded) { bad++; console.error(`MISMATCH W2 immstats ${t}: ${im[t]?.loaded} from the zip, ${r.loaded} from the folder`); }
  }
  if (bad) process.exit(1);
  console.log("W2 check: the zip gives immstats the rows of the folder, and 7z x gives the folder byte for byte");
' "$out"

sources_md="$out/sources.md"
: > "$sources_md"
if [[ -n "${IMMSTATS_REAL_DATA:-}" && -d "${IMMSTATS_REAL_DATA}/cbp-nationwide-encounters" ]]; then
  echo "== W7 and W8: encounters and removals from the real CBP and ICE files ($IMMSTATS_REAL_DATA)"
  node bench/sources_bench.mjs "$IMMSTATS_REAL_DATA" "$bin" "$out/sources" "$runs" | tee "$sources_md"
else
  echo "(W7 and W8 need the real files: set IMMSTATS_REAL_DATA to ../shared/data/real)"
fi

scaling_md="$out/scaling.md"
: > "$scaling_md"
if (( scaling )); then
  echo "== Scaling: W1 and W3 for immstats at several scales"
  scales=(0.1 0.3)
  (( smoke )) && scales=(0.002 0.005)
  window=$(node -p 'const q = require(process.argv[1]); `${q.from} ${q.to}`' "$(realpath "$out/queries.json")")
  {
    echo "| scale | main-table rows | W1 ingest | per million rows | peak RSS | store | W3 (fresh process) |"
    echo "|---|---|---|---|---|---|---|"
  } > "$scaling_md"
  for sc in "${scales[@]}" "$scale"; do
    srel="$out/release-$sc"
    if [[ "$sc" != "$scale" ]]; then
      if [[ ! -f "$srel/.complete" ]]; then
        rm -rf "$srel"
        "$bin" synth eoir --out "$srel" --scale "$sc" --seed 1 --quirks none --quiet > /dev/null
        touch "$srel/.complete"
      fi
      measure "ingest_$sc" "$out/scaling-$sc.json" bash -c 'ingest "$1" "$2"' _ "$out/store-$sc" "$srel"
      w1json="$out/scaling-$sc.json"
    else
      wall[ingest_$sc]=${wall[immstats]}; rss[ingest_$sc]=${rss[immstats]}; w1json="$out/w1-immstats.json"
    fi
    rows=$(node -p 'Object.values(require(process.argv[1]).tables).reduce((n, t) => n + t.loaded, 0)' "$(realpath "$w1json")")
    # W3 as a fresh process: the median of `runs` after a warm-up
    read -r from to <<< "$window"
    w3=()
    for i in $(seq 0 "$runs"); do
      t0=$(date +%s%N)
      "$bin" asylum --store "$out/store-$sc" --nationality HO --from "$from" --to "$to" --format json > /dev/null
      (( i > 0 )) && w3+=($(( ($(date +%s%N) - t0) / 1000 )))
    done
    w3ms=$(printf '%s\n' "${w3[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }')
    smb=$(du -sm "$out/store-$sc" | cut -f1)
    awk -v s="$sc" -v r="$rows" -v w="${wall[ingest_$sc]}" -v m="${rss[ingest_$sc]}" -v d="$smb" -v q="$w3ms" \
      'BEGIN { printf "| %s | %.2fM | %.1f s | %.2f s | %d MB | %d MB | %s ms |\n", s, r / 1e6, w, w / (r / 1e6), m, d, q }' >> "$scaling_md"
    [[ "$sc" != "$scale" ]] && rm -rf "$out/store-$sc"
  done
  cat "$scaling_md"
fi

report="$out/report.md"
{
  echo "## immstats against its peers, scale $scale ($mb MB of main tables), $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB;" \
       "immstats $("$bin" --version | cut -d' ' -f2), DuckDB $(node -p 'require("./bench/peers/node_modules/@duckdb/node-api/package.json").version')," \
       "SQLite $(sqlite3 --version | cut -d' ' -f1)$( (( have_pandas )) && echo ", pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')")$(
         node -e 'try { console.log(", Polars (nodejs-polars) " + require("./bench/peers/node_modules/nodejs-polars/package.json").version) } catch {}')."
  echo
  echo "### W1: load the main tables (median of $w1runs; throughput = table bytes / wall)"
  echo
  echo "| tool | wall | CPU | throughput | peak RSS | on disk | immstats faster by |"
  echo "|---|---|---|---|---|---|---|"
  for p in immstats "${peers[@]}"; do
    disk="-"
    [[ $p == immstats ]] && disk="$store_mb MB (store; $derived_mb MB of it derived records)"
    [[ $p == duckdb ]] && disk="$duck_mb MB"
    [[ $p == sqlite ]] && disk="$sqlite_mb MB"
    [[ $p == pandas ]] && disk="(in memory)"
    awk -v p="$p" -v w="${wall[$p]}" -v c="${cpu[$p]}" -v b="$bytes" -v r="${rss[$p]}" -v d="$disk" -v iw="${wall[immstats]}" \
      'BEGIN { printf "| %s | %.1f s | %.1f s | %.0f MB/s | %d MB | %s | %s |\n", p, w, c, b / 1e6 / w, r, d, (p == "immstats" ? "-" : sprintf("%.2fx", w / iw)) }'
  done
  echo
  echo "immstats' time includes its derived records (asylum decisions, backlog inputs) and source checksums; the"
  echo "peers only load. Store size against DuckDB's file: $(awk -v a="$store_mb" -v b="$duck_mb" 'BEGIN { printf "%.2fx", a / b }');" \
       "the same tables without the derived records: $(awk -v a="$store_mb" -v d="$derived_mb" -v b="$duck_mb" 'BEGIN { printf "%.2fx", (a - d) / b }')."
  echo
  echo "### W2: the same tables from the Deflate64 zip ($zip_mb MB; median of $w1runs)"
  echo
  echo "| tool | wall | CPU | peak RSS | immstats faster by |"
  echo "|---|---|---|---|---|"
  for p in immstats_zip sevenzip duckdb_zip; do
    label="immstats ingest of the zip as downloaded"
    [[ $p == sevenzip ]] && label="7z x alone"
    [[ $p == duckdb_zip ]] && label="7z x, then DuckDB's load (W1's)"
    awk -v p="$label" -v w="${wall[$p]}" -v c="${cpu[$p]}" -v r="${rss[$p]}" -v iw="${wall[immstats_zip]}" -v first="$p" \
      'BEGIN { printf "| %s | %.1f s | %.1f s | %d MB | %s |\n", p, w, c, r, (first == "immstats_zip" ? "-" : sprintf("%.2fx", w / iw)) }'
  done
  echo
  echo "### W3, W4, W5 and W6: queries"
  echo
  sed -n '/^| query/,$p' "$out/queries.md"
  if [[ -s "$sources_md" ]]; then
    echo
    echo "### W7 and W8: the other sources (real files)"
    echo
    sed -n '/^| workload/,$p' "$sources_md"
  fi
  if [[ -s "$scaling_md" ]]; then
    echo
    echo "### Scaling: immstats' W1 and W3 by scale (one ingest each; W3 the median of $runs fresh processes)"
    echo
    cat "$scaling_md"
  fi
} > "$report"
echo
cat "$report"
if (( ! smoke )); then
  mkdir -p bench/results
  cp "$report" "bench/results/$(date -u +%Y-%m-%d)-scale-$scale.md"
  echo "Written to bench/results/$(date -u +%Y-%m-%d)-scale-$scale.md"
fi
