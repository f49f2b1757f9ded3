#!/usr/bin/env bash
# W1 for SQLite: imports every main table of a release folder into a database file (.mode tabs, journal off),
# then prints the row count of each table as JSON.
# Usage: sqlite_load.sh RELEASE_DIR DB_FILE TABLE...
set -euo pipefail
release="$1"; db="$2"; shift 2
rm -f "$db"
script=$(mktemp)
{
  echo "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
  echo ".mode tabs"
  for t in "$@"; do
    f="$(find "$release" -iname "$t.csv" | head -1)"
    echo ".import '$f' $t"
  done
} > "$script"
sqlite3 "$db" < "$script" > /dev/null
rm -f "$script"
sep=""
printf '{'
for t in "$@"; do
  printf '%s"%s": %s' "$sep" "$t" "$(sqlite3 "$db" "SELECT count(*) FROM $t")"
  sep=", "
done
printf '}\n'
