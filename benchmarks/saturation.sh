#!/usr/bin/env bash
# Saturation load (issue 15's reliability suite): the service as a user starts it (its Release build on the default
# Heidelberg data, default settings; only the barrier store and the graph go to a temp dir so no user data is touched),
# a mixed load of routes (the five presets), isochrones, accessibility tiles and barrier reads on loopback for a fixed
# time with wrk, while the resident memory is sampled every second. Passes when no answer is 5xx, no socket fails and
# RSS at the end is within 10 % of RSS after the warm-up. Then a request in flight is sent SIGTERM's way: the service
# must finish it (graceful shutdown). Bounded: everything stops by itself. "Flat" means no sample during the run
# above RSS after the warm-up plus 10 % (a drop is the collector giving memory back). The warm-up is long because
# the server collector grows its heaps for a while: after 15 s on a busy machine RSS still rose by half.
# Usage: benchmarks/saturation.sh [seconds=60] [connections=16] [warm-up seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-16}
warmup=${3:-60}
port=5188
work=$(mktemp -d)
url="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk not found: sudo apt-get install -y wrk" >&2; exit 1; }

source benchmarks/service.sh
start_service "$url" "$work" --Barriers:ApiKeys:0:Key=saturation-planner-key-0123456789 --Barriers:ApiKeys:0:Role=planner

# Two verified reports, so that barrier reads and routes carry an overlay.
for location in '[8.6934, 49.4094]' '[8.7101, 49.4122]'; do
  curl -sf -X POST "$url/v1/barriers" -H 'X-Api-Key: saturation-planner-key-0123456789' -H 'Content-Type: application/json' \
    -d "{\"kind\": \"construction\", \"location\": {\"type\": \"Point\", \"coordinates\": $location}}" >/dev/null
done

tail -n +2 benchmarks/queries/heidelberg-mixed-1-5km.csv | cut -d, -f1-4 >"$work/pairs"
cat >"$work/mixed.lua" <<LUA
-- Per 100 requests: 80 routes (presets in turn), 14 tiles, 5 barrier reads, 1 five-minute isochrone (an isochrone
-- costs as much as a hundred routes). Formatted in init(), once wrk has set the Host header the requests need.
local specs = {}
local profiles = {"wheelchair", "powered_wheelchair", "walker", "pushchair", "foot"}
local n = 0
for line in io.lines("$work/pairs") do
  local a, b, c, d = line:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  n = n + 1
  local slot = n % 100
  if slot < 80 then
    specs[#specs + 1] = {"GET", "/v1/routes?from=" .. a .. "," .. b .. "&to=" .. c .. "," .. d .. "&profile=" .. profiles[n % 5 + 1]}
  elseif slot < 94 then
    local x, y = 17170 + n % 12, 11190 + n % 10
    specs[#specs + 1] = {"GET", "/v1/tiles/15/" .. x .. "/" .. y .. ".mvt?profile=" .. profiles[n % 5 + 1]}
  elseif slot < 99 then
    specs[#specs + 1] = {"GET", (slot % 2 == 0) and "/v1/barriers" or "/v1/barriers.geojson"}
  else
    specs[#specs + 1] = {"POST", "/v1/isochrones",
      '{"origins": [{"lat": ' .. a .. ', "lon": ' .. b .. '}], "profile": "' .. profiles[n % 5 + 1] .. '", "ranges_s": [300]}'}
  end
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  i = 0; fivexx = 0; other = 0; last_other = 0
  requests = {}
  for k, spec in ipairs(specs) do
    requests[k] = spec[3] and wrk.format(spec[1], spec[2], {["Content-Type"] = "application/json"}, spec[3]) or wrk.format(spec[1], spec[2])
  end
end
function request() i = i % #requests + 1; return requests[i] end
function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 elseif status ~= 200 and status ~= 422 then other = other + 1; last_other = status end
end
function done(summary, latency)
  local f, o, last = 0, 0, 0
  for _, t in ipairs(threads) do f = f + t:get("fivexx"); o = o + t:get("other"); if t:get("last_other") ~= 0 then last = t:get("last_other") end end
  io.write(string.format("requests %d, %.0f per second\n", summary.requests, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("5xx %d, other than 200/422 %d (last %d)\n", f, o, last))
  io.write(string.format("socket errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up ${warmup} s ($connections connections)"
wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/mixed.lua" "$url" >/dev/null
rss_warm=$(rss_kb)
echo "== saturation ${seconds} s ($connections connections), RSS after warm-up $((rss_warm / 1024)) MB"
( for _ in $(seq 1 "$seconds"); do sleep 1; rss_kb; done >"$work/rss" ) &
sampler=$!
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$work/mixed.lua" "$url" | tee "$work/out" | grep -E "^(requests|latency|5xx|socket)"
wait $sampler || true
rss_end=$(rss_kb)
rss_max=$(sort -n "$work/rss" | tail -1)
echo "== RSS: after warm-up $((rss_warm / 1024)) MB, peak $((rss_max / 1024)) MB ($(awk -v a="$rss_warm" -v b="$rss_max" 'BEGIN { printf "%+.1f", 100 * (b - a) / a }') %), at the end $((rss_end / 1024)) MB"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Graceful shutdown: a 100 x 100 matrix (about half a second) is in flight when SIGTERM arrives; it must answer 200.
sources=$(tail -n +2 benchmarks/queries/heidelberg-mixed-1-5km.csv | head -100 | awk -F, '{ printf "%s{\"lat\": %s, \"lon\": %s}", (NR > 1 ? ", " : ""), $1, $2 }')
curl -s -o /dev/null -w "%{http_code}" -X POST "$url/v1/matrix" -H 'Content-Type: application/json' \
  -d "{\"sources\": [$sources], \"destinations\": [$sources], \"profile\": \"foot\"}" >"$work/drain" &
drain=$!
sleep 0.2
kill -TERM $server
wait $drain || true
wait $server 2>/dev/null || true
echo "== request in flight at SIGTERM answered: $(cat "$work/drain")"

fivexx=$(awk '/^5xx/ { print $2 + 0 }' "$work/out")
sockets=$(awk '/^socket errors/ { print $3 }' "$work/out")
drift_ok=$(awk -v a="$rss_warm" -v b="$rss_max" 'BEGIN { print (b <= a * 1.10) ? 1 : 0 }')
if [ "$fivexx" = 0 ] && [ "$sockets" = 0 ] && [ "$drift_ok" = 1 ] && [ "$(cat "$work/drain")" = 200 ]; then
  echo "PASS: 0 5xx, 0 socket errors, memory never above warm-up + 10 %, the request in flight at shutdown finished"
else
  echo "FAIL: 5xx $fivexx, socket errors $sockets, memory flat $drift_ok, drained $(cat "$work/drain")"
  exit 1
fi
