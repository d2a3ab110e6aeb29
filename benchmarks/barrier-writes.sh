#!/usr/bin/env bash
# Barrier writes as reports pile up (issue 15): the service as a user starts it (Release build, launch profile; graph
# and barrier store in a temp dir), then one planner posts reports one after the other on one kept-alive connection,
# each a verified construction site, and the script prints the mean time per write for every block. A write answers
# once its change has reached the routes (or after 1 s), so the figure is the cost of storing a report and refreshing
# the overlay with the reports already stored. Two places:
#   heidelberg   the bundled data; report i at start point i of the 200 of urban-1-3km (reports spread over the city)
#   fixture      the tests' fixture graph, every report at one spot: the reliability suite's barrier surface at its worst
# SERVICE_DIR (benchmarks/service.sh) runs an older checkout for a baseline in the same session.
# Usage: benchmarks/barrier-writes.sh [reports=6000] [block=500] [place=heidelberg]
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-6000}
block=${2:-500}
place=${3:-heidelberg}
port=5189
work=$(mktemp -d)
key=barrier-writes-planner-key-0123456789

case "$place" in
  heidelberg) graph_args=() ;;
  fixture) graph_args=(--Routing:Osm=tests/Routing.TestSupport/Fixtures/accessibility.osm --Routing:Elevation=) ;;
  *) echo "place must be heidelberg or fixture, not $place" >&2; exit 2 ;;
esac
source benchmarks/service.sh
start_service "http://127.0.0.1:$port" "$work" "${graph_args[@]}" --Barriers:ReportsPerMinute=100000000 \
  --Barriers:ApiKeys:0:Key=$key --Barriers:ApiKeys:0:Role=planner

python3 - "$port" "$key" "$reports" "$block" "$place" benchmarks/queries/heidelberg-urban-1-3km.csv <<'PY'
import csv, http.client, json, sys, time
port, key, reports, block, place, pairs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
points = ([(float(row["from_lon"]), float(row["from_lat"])) for row in csv.DictReader(open(pairs))]
          if place == "heidelberg" else [(8.6905, 49.41)])
connection = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "X-Api-Key": key}
started = time.perf_counter()
for i in range(1, reports + 1):
    lon, lat = points[i % len(points)]
    body = json.dumps({"kind": "construction", "location": {"type": "Point", "coordinates": [lon, lat]}})
    connection.request("POST", "/v1/barriers", body, headers)
    answer = connection.getresponse()
    answer.read()
    if answer.status != 201:
        sys.exit(f"report {i}: {answer.status}")
    if i % block == 0:
        now = time.perf_counter()
        print(f"reports {i - block + 1:>6} to {i:>6}: {(now - started) * 1000 / block:6.1f} ms per write", flush=True)
        started = now
PY
