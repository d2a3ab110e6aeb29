#!/usr/bin/env bash
# Makes a synthetic projected tile set like a German state's DGM1 delivery from the bundled terrain model, for
# benchmarks/projected-terrain.sh (issue 10): data/heidelberg.elevation.tif reprojected to ETRS89 / UTM 32N
# (EPSG:25832) at CELL_M metres (bilinear), then cut into tiles of 1 km (float32 GeoTIFF, deflate; edge tiles smaller).
# The heights are the bundled 90 m model's, so the tiles are no better than it: they measure reading and sampling a
# city's worth of projected tiles, not the terrain.
# Needs GDAL (Debian: apt-get install gdal-bin python3-gdal). Usage: benchmarks/make-projected-tiles.sh [CELL_M=10] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cell_m=${1:-10}
out=${2:-benchmarks/out/utm32-${cell_m}m}
tile_px=$((1000 / cell_m))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$out"
rm -f "$out"/*.tif
# -tap puts the cell edges on multiples of the cell size, as the states' grids are.
gdalwarp -q -t_srs EPSG:25832 -tr "$cell_m" "$cell_m" -tap -r bilinear -ot Float32 -dstnodata -9999 \
  data/heidelberg.elevation.tif "$work/utm32.tif"
gdal_retile.py -q -ps "$tile_px" "$tile_px" -co COMPRESS=DEFLATE -targetDir "$out" "$work/utm32.tif"
echo "$(find "$out" -name '*.tif' | wc -l) tiles of ${tile_px} x ${tile_px} cells of ${cell_m} m in $out ($(du -sh "$out" | cut -f1))"
