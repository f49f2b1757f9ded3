#!/usr/bin/env bash
# HTTP load benchmark of `immstats serve` with wrk (Debian's): a typical asylum query, answered from the cache
# (what repeat visitors and shared links get), computed on every request (--no-cache), and a mix of 40
# nationalities x 2 windows, computed once each then cached. Prints requests/s and latency percentiles.
# Usage: bench/serve_load.sh [STORE] [SECONDS] [CONNECTIONS]
#   STORE defaults to a scale-0.1 store generated under bench/out/serve (1.28M cases).
# wrk and the server share the machine's cores: on 2 cores the client takes part of the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
store="${1:-}"
seconds="${2:-10}"
connections="${3:-16}"
bin=build/src/cli/immstats
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh installs it" >&2; exit 6; }
[[ -x "$bin" ]] || scripts/build.sh release
if [[ -z "$store" ]]; then
  store=bench/out/serve/store
  if [[ ! -d "$store/snapshots" ]]; then
    echo "Generating and ingesting a scale-0.1 release into $store (once)..."
    "$bin" synth eoir --out bench/out/serve/rel --scale 0.1 --seed 1 --quiet >/dev/null
    "$bin" ingest eoir bench/out/serve/rel --store "$store" --release-id bench --quiet >/dev/null
    rm -rf bench/out/serve/rel
  fi
fi

run() {  # run LABEL SERVE_FLAGS WRK_ARGS...
  local label="$1" flags="$2"; shift 2
  local log; log="$(mktemp)"
  # shellcheck disable=SC2086
  "$bin" serve --store "$store" --port 0 --quiet $flags > "$log" &
  local pid=$!
  local url=""
  for _ in $(seq 100); do
    url="$(sed -n 's/^ *dashboard *\(http[^ ]*\)\/$/\1/p' "$log")"
    [[ -n "$url" ]] && break
    sleep 0.05
  done
  echo "== $label"
  wrk --latency -t2 -c"$connections" -d"${seconds}s" "$@" "$url$path" | \
    grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  ' | sed 's/^/  /'
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

path="/api/asylum?nationality=HO&from=2023-09&to=2024-08"
echo "store: $store ($(du -sh "$store" | cut -f1)); ${seconds}s per run, $connections connections, 2 wrk threads; $(nproc) cores"
run "one asylum slice (HO, Sep 2023-Aug 2024, every definition + all-nationality row), cached" ""
run "the same slice computed on every request (--no-cache)" "--no-cache"
mix="$(mktemp --suffix .lua)"
cat > "$mix" <<'LUA'
-- 40 nationalities x 2 windows, in turn: each answer is computed once, then comes from the cache.
local nats = {"HO","GT","ES","MX","VE","CO","EC","NU","CH","IN","BR","PE","HA","CU","RU","TU","RO","AF","BA","CM",
              "DR","EG","ET","FR","GH","IO","ID","JA","KE","KZ","KG","MU","NE","NI","PK","SE","SO","SY","UZ","YE"}
local windows = {"from=2023-09&to=2024-08", "fy=2024"}
local i = 0
request = function()
  i = i + 1
  local path = "/api/asylum?nationality=" .. nats[(i % #nats) + 1] .. "&" .. windows[(math.floor(i / #nats) % 2) + 1]
  return wrk.format("GET", path)
end
LUA
run "40 nationalities x 2 windows in turn (each computed once, then cached)" "" -s "$mix"
run "the same mix computed on every request (--no-cache)" "--no-cache" -s "$mix"
rm -f "$mix"
