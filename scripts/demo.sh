#!/usr/bin/env bash
# The README's main job: install what is missing, build, generate a demo EOIR release, ingest it, answer
# questions with a receipt, then serve the dashboard and the API over it (IMMSTATS_DEMO_SERVE=0 stops before).
# Usage: scripts/demo.sh [SCALE]   (default 0.01, about 128k cases; 1.0 is a full-size release)
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-0.01}"
scripts/install-deps.sh
scripts/build.sh release >/dev/null
bin=build/src/cli/immstats
out=out/demo

rm -rf "$out"   # the demo's own folder, rebuilt each run
echo "== immstats synth eoir --out $out --scale $scale --seed 1"
"$bin" synth eoir --out "$out" --scale "$scale" --seed 1 --top-folder "EOIR Case Data"

rel="$out/EOIR Case Data"
echo
echo "== The release, as EOIR lays it out"
(cd "$out" && find . -maxdepth 3 -type f | sort | sed 's|^\./|  |' | head -30)
echo
echo "== Count.txt"
sed 's/^/  /' "$rel/Count.txt"
echo
echo "== The first proceeding rows (tab-delimited; shown as columns)"
head -4 "$rel/B_TblProceeding.csv" | cut -f1-7,15-16,19,22,28-30 | sed -e 's/\t\t/\t-\t/g' -e 's/\t\t/\t-\t/g' | column -t -s $'\t' | sed 's/^/  /'
echo
echo "== A few injected quirks from synth-truth.json (what an ingester must repair, flag or quarantine)"
grep -m 6 -E '"kind": "(embedded_tab|split_line|cp1252_byte|duplicate_pk|bad_date|short_row)"' "$out/synth-truth.json" | sed 's/^ */  /'

echo
echo "== The same release zipped as EOIR ships it (Deflate64), read back by immstats' own inflater"
rm -rf "$out-zip"
"$bin" synth eoir --out "$out-zip" --scale "$scale" --seed 1 --top-folder "EOIR Case Data" --zip deflate64 --quiet \
  > /dev/null
"$bin" zip list "$out-zip/EOIR Case Data.zip" | head -6 | sed 's/^/  /'
"$bin" zip test --quiet "$out-zip/EOIR Case Data.zip" | sed 's/^/  /'
echo
echo "== immstats validate eoir: every row loaded, repaired, quarantined or flagged (rejects in $out/rejects)"
"$bin" validate eoir "$out-zip/EOIR Case Data.zip" --rejects "$out/rejects" --quiet | sed 's/^/  /'
echo
echo "== immstats ingest eoir: the zip into a snapshot of the demo store ($out/store)"
"$bin" ingest eoir "$out-zip/EOIR Case Data.zip" --store "$out/store" --release-id demo --quiet | tail -1 | sed 's/^/  /'
"$bin" store info --store "$out/store" demo | sed 's/^/  /'
"$bin" store verify --store "$out/store" demo | sed 's/^/  /'

q="--store $out/store"
echo
echo "== Question 1: Honduran asylum decisions, September 2023 through August 2024, against all nationalities"
echo "   immstats asylum --nationality Honduras --from 2023-09 --to 2024-08"
"$bin" asylum $q --nationality Honduras --from 2023-09 --to 2024-08 | sed 's/^/  /'
echo
echo "== Question 2: grant rates by nationality in FY2024, TRAC and EOIR definitions (the ten with most decisions)"
echo "   immstats asylum --by nationality --fy 2024 --definition trac,eoir --sort decisions_TRAC --limit 10"
"$bin" asylum $q --by nationality --fy 2024 --definition trac,eoir --sort decisions_TRAC --limit 10 | sed 's/^/  /'
echo
court="$("$bin" asylum $q --by court --fy 2024 --definition trac --format csv --sort decisions_TRAC --limit 1 | sed -n 2p | cut -d, -f1)"
echo "== Question 3: the judges of the busiest court ($court), FY2022-FY2024, with TRAC's 100-decision threshold"
echo "   immstats asylum --court $court --by judge --from 2021-10 --to 2024-09 --definition trac --sort decisions_TRAC --limit 12"
"$bin" asylum $q --court "$court" --by judge --from 2021-10 --to 2024-09 --definition trac --sort decisions_TRAC --limit 12 \
  | sed 's/^/  /'
echo
echo "== Question 4: the backlog on the release's last day, by custody"
"$bin" backlog $q --by custody | sed 's/^/  /'
echo
echo "== Question 5: how long asylum cases waited for a decision in FY2024, affirmative vs defensive"
"$bin" wait-times $q --fy 2024 --by asylum-type | sed 's/^/  /'
echo
echo "== Every figure has a receipt: immstats asylum --nationality HO --fy 2024 --receipt --format json"
"$bin" asylum $q --nationality HO --fy 2024 --definition trac --receipt --format json | sed -n '/"receipt"/,$p' | head -40 | sed 's/^/  /'
echo "  ..."
echo
# The other sources: the real CBP, OHSS, ICE and ICE Air files of the data catalog when they are beside the
# project (IMMSTATS_REAL_DATA, else ../shared/data/real); they are read as published, never copied into it.
real="${IMMSTATS_REAL_DATA:-../shared/data/real}"
if [[ -d "$real/cbp-nationwide-encounters" ]]; then
  echo "== The other sources, as published (from $real): CBP, the OHSS workbook, ICE, ICE Air"
  "$bin" ingest cbp $q --quiet "$real"/cbp-nationwide-encounters/*.csv "$real"/cbp-sbo-encounters/*.csv | tail -1 | sed 's/^/  /'
  "$bin" ingest ohss $q --quiet "$real/ohss-khsm-usbp/KHSM Encounters (USBP) fy25m11.xlsx" | tail -1 | sed 's/^/  /'
  "$bin" ingest ice $q --quiet "$real"/ice-enforce/us/import/frozen/ICERemovals_FY20*.csv.gz \
    "$real/ice-air/share/resources/FY2017andFY2018ICERemovalsbyCountryofCitizenship.csv" \
    "$real/ice-annual-report/ice_removals_by_country_of_citizenship_fy2019_fy2024.csv" | tail -1 | sed 's/^/  /'
  "$bin" ingest iceair $q --quiet "$real/ice-air/analyze/note/flights.csv" \
    "$real"/ice-air/installment{1,3}/clean/output/airport_dict.yaml \
    "$real"/ice-air/installment3/analyze/output/{pulocsdict,droplocsdict}.yaml | tail -1 | sed 's/^/  /'
  echo
  echo "== Question 6: Southwest border encounters by fiscal year (CBP; each month from the newest file)"
  "$bin" encounters $q --region southwest --by fy | sed 's/^/  /'
  echo
  echo "== Question 7: Nepal at the border: CBP folds it into OTHER; OHSS publishes it (rounded to 10)"
  "$bin" encounters $q --citizenship Nepal --fy 2023 | sed 's/^/  /'
  "$bin" encounters $q --source ohss --citizenship Nepal --fy 2023 | sed 's/^/  /'
  echo
  echo "== Question 8: where ICE Air flew removals in FY2018 (passengers by dropoff airport)"
  "$bin" flights $q --kind removal --fy 2018 --by dropoff_airport --sort passengers --limit 5 | sed 's/^/  /'
  echo
  echo "== One nationality across every source: immstats country Honduras --from-fy 2016"
  echo "   (court columns come from the synthetic demo release; the others from the real files)"
  "$bin" country Honduras $q --from-fy 2016 | sed 's/^/  /'
  echo
else
  echo "(No real data folder at $real: set IMMSTATS_REAL_DATA to add CBP, OHSS, ICE and ICE Air to the demo.)"
fi
# Checking an article: a sample whose court figures come from the demo store (one altered), with the real
# sources' published figures when they were ingested above; every figure gets a verdict and a receipt.
csv="$("$bin" asylum $q --nationality Honduras --fy 2024 --definition trac --format csv)"
cell() { echo "$csv" | awk -F, -v name="$1" -v row="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } NR == row + 1 { print $c }'; }
grants="$(cell grants 1)"; decisions="$(cell decisions_TRAC 1)"
rate="$(awk -v r="$(cell grant_rate_TRAC 1)" 'BEGIN { printf "%.1f", 100 * r }')"
all_rate="$(awk -v r="$(cell grant_rate_TRAC 2)" 'BEGIN { printf "%.1f", 100 * r }')"
article="$out/article.html"
{
  echo '<html><head><title>Asylum and the border, by the numbers</title>'
  echo '<meta property="article:published_time" content="2024-11-15T09:00:00Z"></head><body><article>'
  echo "<p>WASHINGTON (AP) &mdash; Hondurans won asylum in $grants of $decisions cases decided in fiscal 2024, or $rate%,"
  echo "according to TRAC, compared with $all_rate% across all nationalities.</p>"
  echo "<p>Immigration judges granted asylum to Hondurans in $((grants + 40)) cases in fiscal 2024.</p>"
  echo '<p>Thousands of Haitians crossed the border this year.</p>'
  if [[ -d "$real/cbp-nationwide-encounters" ]]; then
    echo '<p>Border Patrol agents and CBP officers encountered 2,475,669 migrants along the southern border in fiscal'
    echo '2023, CBP figures show.</p>'
    echo '<p>Agents encountered about 3,100 Nepali migrants in fiscal 2023, according to DHS statistics.</p>'
    echo '<p>ICE removed 28,894 Hondurans in FY2018, and ICE Air flew 27,778 passengers to Honduras that year.</p>'
  fi
  echo '</article></body></html>'
}  > "$article"
echo "== Checking an article ($article): immstats check $article"
echo "   (court figures from the demo store, one altered; border and removal figures as the agencies published them)"
"$bin" check "$article" $q | sed 's/^/  /'
"$bin" check "$article" $q --format html > "$out/check-report.html"
echo "  The same report with each figure highlighted: $out/check-report.html"
echo

port="${IMMSTATS_DEMO_PORT:-8080}"
if [[ "${IMMSTATS_DEMO_SERVE:-1}" == 0 ]]; then
  echo "Serve it with: $bin serve --store $out/store"
  exit 0
fi
echo "== The dashboard and the JSON API over the demo store (IMMSTATS_DEMO_PORT picks the port; Ctrl-C stops)"
echo "   open the dashboard URL below, or ask the API what the CLI answered above:"
echo "   curl 'http://127.0.0.1:$port/api/asylum?nationality=Honduras&from=2023-09&to=2024-08'"
exec "$bin" serve --store "$out/store" --port "$port"
