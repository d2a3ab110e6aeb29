#!/usr/bin/env bash
# HTTP load on loopback: starts the service, sends the fixed query set (GET /v1/routes, rotating through every
# pair and the preset profiles) with wrk, prints answers per second, latency percentiles and the answers by kind,
# then stops the service. Bounded: each phase runs a fixed number of seconds.
# Usage: benchmarks/http-load.sh [seconds=15] [connections=16] [query-set=routable-1-5km] [profiles=all five presets]
#        [extra query parameters, e.g. "&geometry=none&instructions=false"]
# WARMUP_S (default 5): seconds of load before measuring, while the runtime compiles the hot code at its final tier.
# An answer is a 2xx (a route) or a 422 (a refusal, with its explanation and least-violating route); anything else
# (other statuses, socket errors) is a failure. Sets:
#   routable-1-5km   the pairs of mixed-1-5km with a route for every preset (`make-routable`): every answer is a 2xx
#   urban-1-3km      200 seeded city pairs (`make-urban`): refusals are part of the mix (wheelchair about 10 %)
#   urban-1-3km-refused-wheelchair, with profiles=wheelchair: only refusals (`make-refused`); its one-connection p50
#                    is the refusal median over HTTP
# The service builds its graph (with the terrain model, as on a first start) into a temp dir at every run, so the load
# always runs on the graph the code builds today, never on a stale data/heidelberg.graph; that adds about 5 s.
# SERVICE_DIR (default: this repository) is the checkout whose service is started (benchmarks/service.sh): a worktree
# of an older commit gives a baseline in the same session, e.g. runs alternating between the two.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
set_name=${3:-routable-1-5km}
profiles=${4:-wheelchair,powered_wheelchair,walker,pushchair,foot}
extra=${5:-}
port=5187
work=$(mktemp -d)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source benchmarks/service.sh
# shellcheck disable=SC2086 # SERVICE_ARGS is a list of arguments
start_service "http://127.0.0.1:$port" "$work" ${SERVICE_ARGS:-}
# Presets search on the contraction hierarchy once the service says so (built in the background after start).
for _ in $(seq 1 120); do grep -q "contraction hierarchy" "$work/server.log" && break; sleep 1; done
grep "contraction hierarchy" "$work/server.log" || { cat "$work/server.log"; exit 1; }

tail -n +2 "benchmarks/queries/heidelberg-$set_name.csv" | cut -d, -f1-4 >"$work/pairs"
cat >"$work/load.lua" <<LUA
local paths = {}
local profiles = {}
for p in string.gmatch("$profiles", "[^,]+") do profiles[#profiles + 1] = p end
for line in io.lines("$work/pairs") do
  local a, b, c, d = line:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  for _, p in ipairs(profiles) do
    paths[#paths + 1] = "/v1/routes?from=" .. a .. "," .. b .. "&to=" .. c .. "," .. d .. "&profile=" .. p .. "$extra"
  end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
-- No response() callback: with one, wrk hands every answer's headers and body to Lua, which on this 2-core machine
-- takes about a tenth of a core from the service. The service counts the answers by status (see phase below).
done = function(summary, latency)
  local seconds = summary.duration / 1e6
  io.write(string.format("answered %d (%.0f per second)\n", summary.requests, summary.requests / seconds))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
LUA

# The service's answers on /v1/routes so far, by status ("200 12345" lines), from its own request metrics.
route_statuses() {
  curl -sf "http://127.0.0.1:$port/metrics" | awk '/^http_server_request_duration_seconds_count/ && /http_route="\/v1\/routes\/"/ {
    match($0, /http_response_status_code="[0-9]+"/); n[substr($0, RSTART + 27, 3)] += $NF } END { for (c in n) print c, n[c] }'
}

# phase WRK-ARGUMENTS...: one run of wrk with the load script; prints its rate, latencies and socket errors, and the
# answers by kind as the service counted them: a route (2xx), a refusal (422), anything else a failure.
phase() {
  local before
  before=$(route_statuses)
  wrk "$@" -s "$work/load.lua" "http://127.0.0.1:$port" >"$work/wrk.out"
  grep -E "^(answered|latency|socket)" "$work/wrk.out"
  { echo "$before" | sed 's/^/before /'; route_statuses | sed 's/^/after /'; grep "^socket errors" "$work/wrk.out"; } | awk '
    $1 == "before" { n[$2] -= $3 } $1 == "after" { n[$2] += $3 }
    $1 == "socket" { gsub(",", ""); sockets = $4 + $6 + $8 + $10 }
    END { for (c in n) { if (c ~ /^2/) routes += n[c]; else if (c == 422) refused += n[c]; else if (n[c] != 0) { other += n[c]; kinds = kinds " " c "×" n[c] } }
          printf "answers by kind (the service): routes %d, refusals (422) %d (%.1f %%); failures %d",
            routes, refused, 100 * refused / (routes + refused > 0 ? routes + refused : 1), other + sockets
          if (other + sockets > 0) printf " (statuses:%s; socket errors %d)", kinds == "" ? " none" : kinds, sockets
          printf "\n" }'
  # What the service logged about a failure (its log goes with the temp dir when the script exits).
  grep -E -A3 "^[^ ]* (fail|crit):" "$work/server.log" | head -20 || true
}

echo "== query set $set_name ($(wc -l <"$work/pairs") pairs), profiles $profiles${extra:+, extra parameters $extra}"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up (${WARMUP_S:-5} s)"
wrk -t2 -c4 -d"${WARMUP_S:-5}s" -s "$work/load.lua" "http://127.0.0.1:$port" >/dev/null
echo "== one connection: round-trip latency (${seconds} s)"
phase -t1 -c1 -d"${seconds}s"
echo "== $connections connections: throughput (${seconds} s)"
# Where the cores go meanwhile: the service's own CPU time (/proc/<pid>/stat) against the whole machine's busy time.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
service_before=$(cpu_ticks) busy_before=$(busy_ticks) started=$(date +%s.%N)
phase -t2 -c"$connections" -d"${seconds}s"
awk -v s="$(( $(cpu_ticks) - service_before ))" -v b="$(( $(busy_ticks) - busy_before ))" -v t0="$started" -v t1="$(date +%s.%N)" \
  -v hz="$(getconf CLK_TCK)" 'BEGIN { t = t1 - t0; printf "cores busy: the service %.2f, everything else (wrk included) %.2f\n", s / hz / t, (b - s) / hz / t }'
