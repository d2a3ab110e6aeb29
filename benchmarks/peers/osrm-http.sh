#!/usr/bin/env bash
# Side by side with OSRM over HTTP (issue 14): the same urban Heidelberg pairs, full-detail answers, wrk on loopback,
# in the same run. OSRM v6.0.0 with contraction hierarchies and its stock foot profile (one fixed profile, no
# barrier reports); ours as a user starts it (default settings), foot and then the five presets in rotation.
#
# Usage: benchmarks/peers/osrm-http.sh [seconds=15] [connections=16] [query-set=urban-1-3km]
#   env OSRM_DIR: the OSRM bundle with bin/ and run.sh (default ../shared/peers/osrm beside this repository);
#   a fresh clone has none: build one with its build-from-source.sh, or skip this script.
#
# OSRM holds each answer about 44 ms on a kept-alive connection (it writes in pieces without TCP_NODELAY and waits
# for the client's delayed ACK, see its README), so it is measured in its best mode, `Connection: close`. Ours is
# measured both ways. Bounded: each wrk phase runs a fixed number of seconds; both servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
connections=${2:-16}
set_name=${3:-urban-1-3km}
osrm_dir=${OSRM_DIR:-../shared/peers/osrm}
[ -x "$osrm_dir/run.sh" ] || { echo "error: no OSRM bundle at $osrm_dir (set OSRM_DIR to a directory with bin/ and run.sh)" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
ours_port=5193
osrm_port=5194
work=$(mktemp -d)
ours=
osrm=
cleanup() {
  for pid in $ours $osrm; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== OSRM: extract and contract (CH, foot.lua; about a minute)"
osrm=$("$osrm_dir/run.sh" "$osrm_port" "$PWD/data/heidelberg.osm.pbf" "$work/osrm" 2>"$work/osrm.log")

echo "== ours: build and start (graph built into a temp dir, as on a first start)"
dotnet build src/Routing.Api -c Release -v quiet -nologo >/dev/null
source benchmarks/service.sh   # the launch profile's environment, as `dotnet run` gives it
dotnet src/Routing.Api/bin/Release/net10.0/Routing.Api.dll --urls "http://127.0.0.1:$ours_port" \
  --Routing:Graph="$work/heidelberg.graph" --Barriers:Database="$work/barriers.db" >"$work/server.log" 2>&1 &
ours=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$ours_port/health" >/dev/null && break; sleep 1; done
# The presets search on the hierarchy once the service logs it (built in the background after start).
for _ in $(seq 1 120); do grep -q "contraction hierarchy" "$work/server.log" && break; sleep 1; done
grep "contraction hierarchy" "$work/server.log" || { cat "$work/server.log"; exit 1; }

tail -n +2 "benchmarks/queries/heidelberg-$set_name.csv" | cut -d, -f1-4 >"$work/pairs"
# One Lua script per target: the same pairs in the same order.
make_script() { # name path-template-lua close(0|1)
  cat >"$work/$1.lua" <<LUA
local paths = {}
local profiles = {}
for p in string.gmatch("${4:-foot}", "[^,]+") do profiles[#profiles + 1] = p end
for line in io.lines("$work/pairs") do
  local a, b, c, d = line:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  for _, p in ipairs(profiles) do paths[#paths + 1] = $2 end
end
local i = 0
local headers = {}
if $3 == 1 then headers["Connection"] = "close" end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency)
  io.write(string.format("| %s | %d | %.0f | %.2f | %.2f | %d | %d |\n", "$1", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
}
osrm_path='"/route/v1/foot/" .. b .. "," .. a .. ";" .. d .. "," .. c .. "?overview=full&steps=true"'
ours_path='"/v1/routes?from=" .. a .. "," .. b .. "&to=" .. c .. "," .. d .. "&profile=" .. p'
make_script osrm-foot-close "$osrm_path" 1
make_script ours-foot-close "$ours_path" 1
make_script ours-foot-keepalive "$ours_path" 0
make_script ours-presets-keepalive "$ours_path" 0 wheelchair,powered_wheelchair,walker,pushchair,foot

echo "== $(wc -l <"$work/pairs") pairs of $set_name, $connections connections, $seconds s each, load average $(cut -d' ' -f1 /proc/loadavg) at the start"
# Non-2xx answers of ours are refusals (422 with the explanation and the least-bad route): answers, not failures.
echo "| target | requests | per second | p50 ms | p99 ms | socket errors | non-2xx answers |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for target in osrm-foot-close ours-foot-close ours-foot-keepalive ours-presets-keepalive; do
  port=$ours_port; [[ $target == osrm-* ]] && port=$osrm_port
  wrk -t2 -c4 -d3s -s "$work/$target.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
  wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/$target.lua" "http://127.0.0.1:$port" | grep '^|'
done
echo "== load average at the end: $(cut -d' ' -f1 /proc/loadavg)"
