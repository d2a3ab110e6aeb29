#!/usr/bin/env bash
# basemap.sh: the base map's figures (README "The base map"). Starts the service as a user does with its graph in a
# temporary folder, so the base map is drawn beside it on this start; prints the log line that says how long drawing
# took and how big the file is, then cuts every tile over the city (Neuenheim to Rohrbach, lat 49.38-49.43, lon
# 8.64-8.73) at zoom 12 to 16 and prints per zoom the tiles, their total and median size and the time to cut them
# (the first request of each; the service keeps what it wrote).
# Usage: benchmarks/basemap.sh [port=5191]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5191}
work=$(mktemp -d)
source benchmarks/service.sh
start_service "http://127.0.0.1:$port" "$work" --Routing:Elevation= --Logging:LogLevel:Default=Information
grep "Drew the base map" "$work/server.log" | sed "s/^ *//"
python3 - "$port" <<'PY'
import math, sys, time, urllib.request
port = sys.argv[1]
def tile(lat, lon, z):
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
for z in range(12, 17):
    (x0, y0), (x1, y1) = tile(49.43, 8.64, z), tile(49.38, 8.73, z)
    sizes, times = [], []
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            started = time.perf_counter()
            sizes.append(len(urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/basemap/{z}/{x}/{y}.mvt").read()))
            times.append(time.perf_counter() - started)
    sizes.sort(); times.sort()
    print(f"zoom {z}: {len(sizes)} tiles, {sum(sizes) / 1024:.0f} KB, median {sizes[len(sizes) // 2] / 1024:.1f} KB (max {sizes[-1] / 1024:.1f}),"
          f" cut in a median {times[len(times) // 2] * 1000:.0f} ms (max {times[-1] * 1000:.0f}), {sum(times):.1f} s in all")
PY
