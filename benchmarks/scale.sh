#!/usr/bin/env bash
# The scale experiment (issue 14): Heidelberg repeated on a grid, 1x (1 x 1), 10x (5 x 2) and 100x (10 x 10), each
# copy with ids of its own and joined to its neighbours by footways (benchmarks/Routing.Benchmarks `make-scale`, i.e.
# Routing.Osm's TiledExtract, written with OsmSharp). For each: the build as a user runs it (Routing.Preprocess, no
# terrain model: the bundled one covers only the first copy) with its wall time and peak RSS, the file size, then
# `scale`: load time, router start-up, and engine route times on seeded pairs for every preset, once with the
# preset's cached tables and once as a custom profile (tables compiled per request), on local 1-3 km pairs and on
# random pairs across the whole graph. Prints markdown tables to paste into benchmarks/README.md.
#
# Usage: benchmarks/scale.sh [scales="1 10 100"] [local-pairs=200] [long-pairs=20]
#   SCALE_DIR=dir keeps the extracts and graphs there (default: a temporary folder removed at exit). A run with the
#   same SCALE_DIR skips what exists and measures again only the queries, e.g. after an engine change:
#   SCALE_DIR=/tmp/scale benchmarks/scale.sh "10 100"
# Bounded: every step runs under `timeout`, and every row of route times stops taking pairs after 20 s.
# Needs: about 2 GB of free memory and 1 GB of disk for 100x (see benchmarks/README.md for what it took).
set -euo pipefail
cd "$(dirname "$0")/.."
scales=${1:-"1 10 100"}
local_pairs=${2:-200}
long_pairs=${3:-20}
if [ -n "${SCALE_DIR:-}" ]; then
  dir=$SCALE_DIR
  mkdir -p "$dir"
else
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/Routing.Benchmarks -c Release -v quiet -nologo >/dev/null
preprocess=src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll
bench=benchmarks/Routing.Benchmarks/bin/Release/net10.0/Routing.Benchmarks.dll

grid() { case $1 in 1) echo "1 1" ;; 10) echo "5 2" ;; 100) echo "10 10" ;; *) echo "no grid for scale $1 (1, 10 or 100)" >&2; exit 2 ;; esac; }

echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB" >&2
builds="| scale | OSM nodes | OSM ways | vertices | edges | build wall s | build peak RSS MB | file MB |
|---|---:|---:|---:|---:|---:|---:|---:|"
serving="| scale | load s | router start-up s | first route s | serving peak RSS MB |
|---|---:|---:|---:|---:|"
queries=""
for s in $scales; do
  read -r columns rows < <(grid "$s")
  pbf=$dir/heidelberg-x$s.osm.pbf
  graph=$dir/heidelberg-x$s.graph
  if [ ! -f "$pbf" ]; then
    echo "== ${s}x: writing $columns x $rows copies" >&2
    timeout 1200 dotnet "$bench" make-scale data/heidelberg.osm.pbf "$pbf.tmp" "$columns" "$rows" >&2
    mv "$pbf.tmp" "$pbf"
  fi
  if [ ! -f "$graph" ]; then
    echo "== ${s}x: building (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
    /usr/bin/time -f "%e %M" -o "$dir/build-x$s.time" timeout 1800 dotnet "$preprocess" build "$pbf" -o "$graph" >"$dir/build-x$s.log"
  fi
  read -r wall rss_kb <"$dir/build-x$s.time"
  read -r nodes ways < <(awk '/^Reading OSM/ {gsub(",", ""); print $5, $7}' "$dir/build-x$s.log")
  read -r vertices < <(awk '/^nodes \(vertices\)/ {gsub(",", ""); print $3}' "$dir/build-x$s.log")
  read -r edges < <(awk '/^edges / {gsub(",", ""); print $2}' "$dir/build-x$s.log")
  builds+=$'\n'$(awk -v s="$s" -v n="$nodes" -v w="$ways" -v v="$vertices" -v e="$edges" -v t="$wall" -v r="$rss_kb" -v f="$(stat -c %s "$graph")" \
    'BEGIN {printf "| %sx | %\047d | %\047d | %\047d | %\047d | %.1f | %.0f | %.0f |", s, n, w, v, e, t, r / 1024, f / 1e6}')

  echo "== ${s}x: routes (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  /usr/bin/time -f "%M" -o "$dir/scale-x$s.time" timeout 1800 dotnet "$bench" scale "$graph" "${s}x" "$local_pairs" "$long_pairs" >"$dir/scale-x$s.md"
  read -r load_s router_s first_s < <(awk '/^# load/ {gsub(",", ""); print $3, $6, $10}' "$dir/scale-x$s.md")
  serving+=$'\n'$(awk -v s="$s" -v a="$load_s" -v b="$router_s" -v c="$first_s" -v r="$(cat "$dir/scale-x$s.time")" \
    'BEGIN {printf "| %sx | %.2f | %.2f | %.2f | %.0f |", s, a, b, c, r / 1024}')
  queries+=$(grep '^| '"${s}x"' ' "$dir/scale-x$s.md")$'\n'
done

echo "### Build (Routing.Preprocess, no terrain model)"
echo "$builds"
echo
echo "### Serving: load and start-up"
echo "$serving"
echo
echo "### Routes (engine time per query, Router.Route)"
echo "| graph | pairs | profile | tables | routes found | median ms, found | p99 ms, found | median ms, no route |"
echo "|---|---|---|---|---:|---:|---:|---:|"
printf '%s' "$queries"
echo "== done $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
