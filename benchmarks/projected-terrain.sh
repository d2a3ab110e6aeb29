#!/usr/bin/env bash
# Issue 10: build time and peak memory of Heidelberg with a folder of projected terrain tiles, against the build with
# the bundled GeoTIFF in the same run. Makes the tiles with benchmarks/make-projected-tiles.sh (needs GDAL) unless the
# folder exists. Three variants per run: the bundled model alone, the tiles alone, and the tiles over the bundled model
# (the tiles win where they have data, the bundled model fills the rest). The order rotates between runs, so load
# from elsewhere on the machine slows every variant alike; medians are over the runs, peak RSS is the largest of any.
# Usage: benchmarks/projected-terrain.sh [runs=5] [cell_m=10] [tiles=benchmarks/out/utm32-${cell_m}m]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cell_m=${2:-10}
tiles=${3:-benchmarks/out/utm32-${cell_m}m}
input=data/heidelberg.osm.pbf
bundled=data/heidelberg.elevation.tif
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[[ -d "$tiles" ]] || benchmarks/make-projected-tiles.sh "$cell_m" "$tiles"
dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
dll=src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll

# One build, timed; appends "wall_s rss_kB terrain_s cpu_s" to $out/<variant>. CPU time (user + system) is what the
# build itself spent, which load from elsewhere on the machine changes less than the wall time.
measure() {
  local variant=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" dotnet "$dll" build "$input" -o "$out/g.graph" "$@" >"$out/stdout"
  read -r wall rss_kb user_s system_s <"$out/time"
  terrain_s=$(awk '/^Reading terrain/ {print $3}' "$out/stdout")
  cpu_s=$(awk -v u="$user_s" -v s="$system_s" 'BEGIN {print u + s}')
  awk -v i="$i" -v v="$variant" -v w="$wall" -v k="$rss_kb" -v t="$terrain_s" -v c="$cpu_s" \
    'BEGIN {printf "%3d  %-14s  %6.2f  %9.2f  %5.1f  %11.0f\n", i, v, w, t, c, k / 1024}'
  echo "$wall $rss_kb $terrain_s $cpu_s" >>"$out/$variant"
}

variants=(bundled tiles tiles+bundled)
run_variant() {
  case $1 in
    bundled) measure bundled --elevation "$bundled" ;;
    tiles) measure tiles --elevation "$tiles" ;;
    tiles+bundled) measure tiles+bundled --elevation "$tiles" --elevation "$bundled" ;;
  esac
}

echo "tiles: $(find "$tiles" -name '*.tif' | wc -l) files in $tiles; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run  variant         wall_s  terrain_s  cpu_s  peak_rss_MB"
for i in $(seq 1 "$runs"); do
  for k in 0 1 2; do
    run_variant "${variants[$(((i + k) % 3))]}"
  done
done

# Median of a column (the mean of the middle two for an even count).
median() { sort -n | awk '{v[NR]=$1} END {printf "%.2f", (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for variant in "${variants[@]}"; do
  printf "%-14s median wall %s s, reading terrain %s s, CPU %s s; max peak RSS %.0f MB over %d runs\n" "$variant" \
    "$(cut -d' ' -f1 "$out/$variant" | median)" "$(cut -d' ' -f3 "$out/$variant" | median)" "$(cut -d' ' -f4 "$out/$variant" | median)" \
    "$(cut -d' ' -f2 "$out/$variant" | sort -n | tail -1 | awk '{print $1 / 1024}')" "$runs"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
