#!/usr/bin/env bash
# HTTP load on loopback: starts the service, sends the fixed query set (GET /v1/routes, rotating through every
# pair and the preset profiles) with wrk, prints throughput, latency percentiles and the share of non-200 answers,
# then stops the service. Bounded: each phase runs a fixed number of seconds.
# Usage: benchmarks/http-load.sh [seconds=15] [connections=16] [query-set=routable-1-5km] [profiles=all five presets]
# routable-1-5km holds the pairs of mixed-1-5km with a route for every preset (made by `make-routable`), so every
# answer must be 200; pass mixed-1-5km to include pairs without a route (422 with the explanation search).
# The service builds its graph (with the terrain model, as on a first start) into a temp dir at every run, so the load
# always runs on the graph the code builds today, never on a stale data/heidelberg.graph; that adds about 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
set_name=${3:-routable-1-5km}
profiles=${4:-wheelchair,powered_wheelchair,walker,pushchair,foot}
port=5187
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet build src/Routing.Api -c Release -v quiet -nologo >/dev/null
dotnet src/Routing.Api/bin/Release/net10.0/Routing.Api.dll --urls "http://127.0.0.1:$port" \
  --Routing:Graph="$work/heidelberg.graph" ${SERVICE_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { cat "$work/server.log"; exit 1; }

# Only pairs that have a route for every profile count as "routable": their non-200 share must be 0.
tail -n +2 "benchmarks/queries/heidelberg-$set_name.csv" | cut -d, -f1-4 >"$work/pairs"
cat >"$work/load.lua" <<LUA
local paths = {}
local profiles = {}
for p in string.gmatch("$profiles", "[^,]+") do profiles[#profiles + 1] = p end
for line in io.lines("$work/pairs") do
  local a, b, c, d = line:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  for _, p in ipairs(profiles) do
    paths[#paths + 1] = "/v1/routes?from=" .. a .. "," .. b .. "&to=" .. c .. "," .. d .. "&profile=" .. p
  end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency)
  io.write(string.format("requests %d, %.0f per second\n", summary.requests, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
LUA

# wrk's own summary says "Non-2xx or 3xx responses: N" when there are any; print N and its share of all requests.
report() {
  tee "$work/out" | grep -E "^(requests|latency|socket)"
  awk '/^requests [0-9]+,/ { total = $2 + 0 } /Non-2xx or 3xx responses:/ { bad = $NF + 0 }
       END { printf "non-2xx answers: %d of %d (%.2f %%)\n", bad, total, total ? 100 * bad / total : 0 }' "$work/out"
}

echo "== query set $set_name ($(wc -l <"$work/pairs") pairs), profiles $profiles"
echo "== warm-up (5 s)"
wrk -t2 -c4 -d5s -s "$work/load.lua" "http://127.0.0.1:$port" >/dev/null
echo "== one connection: round-trip latency (${seconds} s)"
wrk -t1 -c1 -d"${seconds}s" -s "$work/load.lua" "http://127.0.0.1:$port" | report
echo "== $connections connections: throughput (${seconds} s)"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/load.lua" "http://127.0.0.1:$port" | report
