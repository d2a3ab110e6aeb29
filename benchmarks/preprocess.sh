#!/usr/bin/env bash
# Times the whole preprocessing program as a user runs it (process start to exit) and its peak memory, without and
# with the terrain model, and prints the ratio with/without (issue 6: with elevation within 30 % of without). When
# Routino's planetsplitter is installed (Debian package `routino`), each run also builds Routino's database from the
# same extract, and the ratio ours with terrain / Routino is printed (issue 14: at most Routino's time, same run).
# Usage: benchmarks/preprocess.sh [runs=5] [input=data/heidelberg.osm.pbf] [elevation=data/heidelberg.elevation.tif]
# Each run builds the graph every way, one right after the other, and the order alternates between runs, so load from
# elsewhere on the machine slows all alike. Medians are over the runs; peak RSS is the largest of any run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
input=${2:-data/heidelberg.osm.pbf}
elevation=${3:-data/heidelberg.elevation.tif}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
dll=src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll

routino=$(command -v planetsplitter || true)

# One build, timed; appends "wall_s rss_kB" to $out/<variant>.
measure() {
  local variant=$1
  shift
  if [ "$variant" = routino ]; then
    rm -rf "$out/routino-db" && mkdir "$out/routino-db"
    /usr/bin/time -f "%e %M" -o "$out/time" "$routino" --dir="$out/routino-db" --tmpdir="$out/routino-db" "$input" >/dev/null 2>&1
  else
    /usr/bin/time -f "%e %M" -o "$out/time" dotnet "$dll" build "$input" -o "$out/g.graph" "$@" >/dev/null
  fi
  read -r wall rss_kb <"$out/time"
  awk -v i="$i" -v v="$variant" -v w="$wall" -v k="$rss_kb" 'BEGIN {printf "%3d  %-8s  %6.2f  %11.0f\n", i, v, w, k / 1024}'
  echo "$wall $rss_kb" >>"$out/$variant"
}

echo "run  terrain   wall_s  peak_rss_MB"
for i in $(seq 1 "$runs"); do
  if ((i % 2)); then
    measure without
    measure with --elevation "$elevation"
    if [ -n "$routino" ]; then measure routino; fi
  else
    if [ -n "$routino" ]; then measure routino; fi
    measure with --elevation "$elevation"
    measure without
  fi
done

# Median wall time (the mean of the middle two for an even count) and the largest peak RSS of one variant.
summary() { sort -n "$out/$1" | awk '{w[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %.0f\n", (NR%2 ? w[(NR+1)/2] : (w[NR/2]+w[NR/2+1])/2), m/1024}'; }
read -r without_s without_mb < <(summary without)
read -r with_s with_mb < <(summary with)
printf "without terrain: median wall %.2f s, max peak RSS %.0f MB over %d runs\n" "$without_s" "$without_mb" "$runs"
printf "with terrain:    median wall %.2f s, max peak RSS %.0f MB over %d runs\n" "$with_s" "$with_mb" "$runs"
awk -v a="$with_s" -v b="$without_s" -v c="$with_mb" -v d="$without_mb" \
  'BEGIN {printf "with / without:  wall x%.2f (%+.0f %%), peak RSS x%.2f\n", a / b, 100 * (a / b - 1), c / d}'
if [ -n "$routino" ]; then
  read -r routino_s routino_mb < <(summary routino)
  printf "routino:         median wall %.2f s, max peak RSS %.0f MB over %d runs (planetsplitter)\n" "$routino_s" "$routino_mb" "$runs"
  awk -v a="$with_s" -v b="$routino_s" 'BEGIN {printf "ours with terrain / routino: wall x%.2f\n", a / b}'
fi
