#!/usr/bin/env bash
# Barrier writes as reports pile up (issue 15): the service as a user starts it (Release build, the bundled Heidelberg
# data; graph and barrier store in a temp dir), then one planner posts reports one after the other on one kept-alive
# connection, each a verified construction site at the next start point of the urban query set, and the script prints
# the mean time per write for every block of 500. A write answers once its change has reached the routes (or after
# 1 s), so the figure is the cost of storing a report and refreshing the overlay with the reports already stored.
# Usage: benchmarks/barrier-writes.sh [reports=6000] [block=500]
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-6000}
block=${2:-500}
port=5189
work=$(mktemp -d)
key=barrier-writes-planner-key-0123456789

dotnet build src/Routing.Api -c Release -v quiet -nologo >/dev/null
source benchmarks/service-env.sh   # the launch profile's environment, as `dotnet run` gives it
dotnet src/Routing.Api/bin/Release/net10.0/Routing.Api.dll --urls "http://127.0.0.1:$port" \
  --Routing:Graph="$work/heidelberg.graph" --Barriers:Database="$work/barriers.db" --Barriers:ReportsPerMinute=100000000 \
  --Barriers:ApiKeys:0:Key=$key --Barriers:ApiKeys:0:Role=planner >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work/server.log"; exit 1; }

python3 - "$port" "$key" "$reports" "$block" benchmarks/queries/heidelberg-urban-1-3km.csv <<'PY'
import csv, http.client, json, sys, time
port, key, reports, block, pairs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
points = [(row["from_lon"], row["from_lat"]) for row in csv.DictReader(open(pairs))]
connection = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "X-Api-Key": key}
started = time.perf_counter()
for i in range(1, reports + 1):
    lon, lat = points[i % len(points)]
    body = json.dumps({"kind": "construction", "location": {"type": "Point", "coordinates": [float(lon), float(lat)]}})
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
