#!/usr/bin/env bash
# Times the preprocessing program of this tree against that of another revision in the same run, so that load from
# elsewhere on the machine hits both alike: each run builds data/heidelberg.osm.pbf (no terrain) with both, one right
# after the other, the order alternating. Prints per run wall time, peak RSS and the import time the program reports,
# then the medians, CPU time (user + system, less sensitive to load than wall time on a shared machine) among them.
# Usage: benchmarks/preprocess-compare.sh [revision=main] [runs=9] [input=data/heidelberg.osm.pbf]
set -euo pipefail
cd "$(dirname "$0")/.."
revision=${1:-main}
runs=${2:-9}
input=${3:-data/heidelberg.osm.pbf}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mkdir "$out/source"
git archive "$revision" | tar -x -C "$out/source"
dotnet build "$out/source/src/Routing.Preprocess" -c Release -v quiet -nologo >/dev/null
dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
declare -A dll=([base]="$out/source/src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll"
  [this]=src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll)

echo "run  tree  wall_s  cpu_s  import_s  peak_rss_MB"
for i in $(seq 1 "$runs"); do
  if ((i % 2)); then order="base this"; else order="this base"; fi
  for tree in $order; do
    /usr/bin/time -f "%e %M %U %S" -o "$out/time" dotnet "${dll[$tree]}" build "$input" -o "$out/$tree.graph" >"$out/log"
    read -r wall rss_kb user sys <"$out/time"
    import=$(awk '/^import time/ {print $5}' "$out/log")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
    printf "%3d  %-4s  %6.2f  %5.2f  %8.2f  %11.0f\n" "$i" "$tree" "$wall" "$cpu" "$import" "$((rss_kb / 1024))"
    echo "$wall $cpu $import $rss_kb" >>"$out/$tree"
  done
done
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for tree in base this; do
  printf "%-4s median wall %s s, cpu %s s, import %s s; peak RSS %s MB\n" "$tree" \
    "$(cut -d' ' -f1 "$out/$tree" | median)" "$(cut -d' ' -f2 "$out/$tree" | median)" "$(cut -d' ' -f3 "$out/$tree" | median)" \
    "$(cut -d' ' -f4 "$out/$tree" | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}')"
done
