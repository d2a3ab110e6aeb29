#!/usr/bin/env bash
# Times the whole preprocessing program as a user runs it (process start to exit) and its peak memory.
# Usage: benchmarks/preprocess.sh [runs=5] [input=data/heidelberg.osm.pbf]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
input=${2:-data/heidelberg.osm.pbf}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
dll=src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll

echo "run  wall_s  peak_rss_MB"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M" -o "$out/time" dotnet "$dll" build "$input" -o "$out/g.graph" >/dev/null
  read -r wall rss_kb <"$out/time"
  printf "%3d  %6.2f  %11.0f\n" "$i" "$wall" "$((rss_kb / 1024))"
  echo "$wall $rss_kb" >>"$out/all"
done
sort -n "$out/all" | awk -v n="$runs" '{w[NR]=$1; if ($2>m) m=$2} END {printf "median wall %.2f s, max peak RSS %.0f MB over %d runs\n", w[int((n+1)/2)], m/1024, n}'
