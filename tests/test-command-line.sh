#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line with no display at all: --version, --list, --validate, --export.
set -u

bin=${SILK_ATLAS_BIN:?}
data=${SILK_ATLAS_DATA:?}
unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# Runs the application, keeping its exit status, stdout and stderr.
run () {
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}

run --version
[ $status -eq 0 ] && grep -q '^silk-atlas [0-9]' "$tmp/out"
ok $? "--version prints the version"

run --help
[ $status -eq 0 ] && grep -q -- '--validate' "$tmp/out" && grep -q -- '--export' "$tmp/out"
ok $? "--help describes the options"

run --list=countries
[ $status -eq 0 ] && [ "$(cut -f1 "$tmp/out" | sort | tr '\n' ' ')" = "CN KG KZ TJ TM UZ " ]
ok $? "--list=countries prints the six countries, id first"

grep -q $'^KG\tKyrgyzstan$' "$tmp/out"
ok $? "--list=countries gives each display name"

run --list=projects
for id in cku-railway fergana-tunnel barskoon-karakol barskoon-bedel china-tajikistan-highway; do
  grep -q "^$id"$'\t' "$tmp/out" || status=99
done
[ $status -eq 0 ]
ok $? "--list=projects prints every project"

run --list=figures
[ $status -eq 0 ] && grep -q $'\t+15.6 %\tpercent\t2025-01/2025-09\treported\t' "$tmp/out"
ok $? "--list=figures carries value, unit, period and qualifier"

for kind in places events sources notes; do
  run --list=$kind
  [ $status -eq 0 ] && [ -s "$tmp/out" ]
  ok $? "--list=$kind prints lines"
done

run --list=rivers
[ $status -eq 2 ] && grep -q 'expected one of countries' "$tmp/err"
ok $? "--list with an unknown kind is a usage error"

run --validate="$data/atlas.json"
[ $status -eq 0 ] && grep -q 'a valid atlas' "$tmp/out"
ok $? "--validate accepts the bundled atlas"

# An atlas with two mistakes, at known places.
cp "$data/geo/countries-coarse.geojson" "$tmp/countries.geojson"
cat >"$tmp/bad.json" <<'JSON'
{
  "silk-atlas": 1,
  "id": "bad",
  "title": "Bad",
  "geometry": { "countries": "countries.geojson" },
  "sources": [],
  "countries": [
    { "id": "KG", "name": "Kyrgyzstan", "capital": 42 },
    { "id": "XX", "name": "Nowhere" }
  ]
}
JSON
run --validate="$tmp/bad.json"
[ $status -eq 1 ] && grep -q "bad.json:8:52: " "$tmp/err" && grep -q "bad.json:9:13: " "$tmp/err"
ok $? "--validate reports each problem as FILE:LINE:COLUMN and exits 1"

printf '{ "silk-atlas": 1, ' >"$tmp/truncated.json"
run --validate="$tmp/truncated.json"
[ $status -eq 1 ] && grep -q "truncated.json:1:" "$tmp/err"
ok $? "--validate reports a syntax error with its position"

run --validate="$tmp/missing.json"
[ $status -eq 1 ] && [ -s "$tmp/err" ]
ok $? "--validate reports a missing file"

run --dataset="$tmp/bad.json" --list=countries
[ $status -eq 1 ] && grep -q "bad.json:8:" "$tmp/err"
ok $? "--dataset with a bad atlas fails with its problems"

run --export="$tmp/map.png" --size=640x400
[ $status -eq 0 ] && [ "$(head -c 8 "$tmp/map.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]
ok $? "--export writes a PNG without a display"

run --export="$tmp/map.svg" --size=640x400 --select=project:cku-railway --style=dark
[ $status -eq 0 ] && grep -q '<svg' "$tmp/map.svg"
ok $? "--export writes an SVG of a selected project in the dark style"

run --export="$tmp/map.pdf" --size=640x400 --select=country:KG
[ $status -eq 0 ] && [ "$(head -c 4 "$tmp/map.pdf")" = "%PDF" ]
ok $? "--export writes a PDF"

run --export="$tmp/map.png" --size=big
[ $status -eq 2 ] && grep -q -- '--size: Invalid size' "$tmp/err"
ok $? "--export with a bad --size is a usage error"

run --export="$tmp/map.png" --select=project:nowhere
[ $status -eq 2 ] && grep -q 'no project with id' "$tmp/err"
ok $? "--export with an unknown --select is a usage error"

run --export="$tmp/map.png" --style=sepia
[ $status -eq 2 ] && grep -q -- '--style expects' "$tmp/err"
ok $? "--style with an unknown style is a usage error"

run --export="$tmp/no-such-dir/map.png"
[ $status -eq 1 ] && [ ! -e "$tmp/no-such-dir" ]
ok $? "--export to an unwritable path fails and writes nothing"

echo "1..$n"
exit $failed
