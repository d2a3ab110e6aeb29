#!/usr/bin/env bash
# Latency of the openrouteservice-compatible API next to our own, on the same pairs (issue 13): starts the service as
# a user does (graph built with terrain into a temp dir), then for each pair set sends with wrk over one connection
#   GET  /v1/routes?...&profile=foot                     and  POST /ors/v2/directions/foot-walking/json
#   GET  /v1/routes?...&profile=wheelchair&<ORS defaults> and  POST /ors/v2/directions/wheelchair/json
# (the wheelchair pair asks /v1 for exactly the limits ORS's documented defaults map to, so both find the same route).
# The four runs alternate and repeat (rounds), so load from elsewhere on a shared machine hits both APIs alike.
# Usage: benchmarks/ors-latency.sh [seconds=10] [rounds=3] [query-set=routable-1-5km]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
set_name=${3:-routable-1-5km}
port=5188
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source benchmarks/service.sh
start_service "http://127.0.0.1:$port" "$work" --Logging:LogLevel:Default=Warning
tail -n +2 "benchmarks/queries/heidelberg-$set_name.csv" | cut -d, -f1-4 >"$work/pairs"

# ORS's wheelchair defaults (surface_type cobblestone:flattened, smoothness_type good, maximum_sloped_kerb 0.06,
# maximum_incline 6) in our own API's words.
ors_defaults="max_incline_up_pct=6&max_incline_down_pct=6&max_kerb_cm=6&min_smoothness=good&avoid_surfaces=cobblestone,unhewn_cobblestone,unpaved,compacted,fine_gravel,gravel,grass_paver,pebblestone,ground,dirt,earth,grass,woodchips,rock,mud,sand,snow,ice"

# run NAME METHOD PROFILE EXTRA: one connection for $seconds s, rotating through every pair.
run() {
  cat >"$work/load.lua" <<LUA
local pairs = {}
for line in io.lines("$work/pairs") do
  local a, b, c, d = line:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  pairs[#pairs + 1] = {a, b, c, d}
end
local i = 0
-- Requests are formatted per call, inside the thread: only there does wrk.format know the Host header.
request = function()
  i = i % #pairs + 1
  local a, b, c, d = pairs[i][1], pairs[i][2], pairs[i][3], pairs[i][4]
  if "$2" == "GET" then
    return wrk.format("GET", "/v1/routes?from=" .. a .. "," .. b .. "&to=" .. c .. "," .. d .. "&profile=$3$4")
  end
  return wrk.format("POST", "/ors/v2/directions/$3/json", {["Content-Type"] = "application/json"},
    '{"coordinates": [[' .. b .. ',' .. a .. '], [' .. d .. ',' .. c .. ']]}')
end
done = function(summary, latency)
  io.write(string.format("%-42s %6.0f req/s  p50 %5.2f ms  p90 %5.2f ms  p99 %5.2f ms  (%d requests, non-2xx %d)\n", "$1",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end
LUA
  wrk -t1 -c1 -d2s -s "$work/load.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
  wrk -t1 -c1 -d"${seconds}s" -s "$work/load.lua" "http://127.0.0.1:$port" | tail -n 1
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); pairs: $(wc -l <"$work/pairs") ($set_name)"
for round in $(seq 1 "$rounds"); do
  echo "round $round (load average $(cut -d' ' -f1 /proc/loadavg))"
  run "GET /v1/routes foot" GET foot ""
  run "POST /ors/v2/directions/foot-walking/json" POST foot-walking ""
  run "GET /v1/routes wheelchair (ORS defaults)" GET wheelchair "&$ors_defaults"
  run "POST /ors/v2/directions/wheelchair/json" POST wheelchair ""
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
