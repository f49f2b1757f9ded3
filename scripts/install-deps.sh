#!/usr/bin/env bash
# Installs the Debian 12 packages immstats builds and tests with, when any is missing (needs root or sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config          # toolchain
  libcli11-dev libfmt-dev nlohmann-json3-dev  # CLI, formatting, JSON
  libgtest-dev libgmock-dev                  # tests
  p7zip-full unzip                           # writing and checking Deflate/Deflate64 zips
  zlib1g-dev                                 # CRC-32 for zip entries; a reference inflater in tests
  libzstd-dev libxxhash-dev                  # store blocks: compression and checksums
  libexpat1-dev                              # xlsx workbooks (OHSS): their XML parts
  bsdextrautils                              # `column`, used by the demo to show rows
  libcpp-httplib-dev                         # `immstats serve`: the HTTP server
  chromium fonts-dejavu-core                 # browser tests of the dashboard (headless, via playwright-core)
  wrk                                        # the HTTP load benchmark (bench/serve_load.sh)
  sqlite3 python3-pandas                     # benchmark peers from Debian (bench/run.sh; ../shared/peers.md)
)

# Node and npm (the dashboard build, its browser tests and the DuckDB oracle): any install will do, Debian's if none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
