#!/usr/bin/env bash
# disconnect-cpu.sh: how much CPU the service still uses after a client gives up an expensive request (issue 24).
# Starts the Release service on Heidelberg (quotas off), sends each request with a 2 s client timeout, then reads the
# process's CPU time (user + system, /proc/PID/stat) right away, 0.1 s later and 2 s after that. A service whose search
# ignored the disconnect would go on burning a core: up to 1 s in the 2 s.
# Usage: benchmarks/disconnect-cpu.sh [port]
set -euo pipefail
port=${1:-5093}
source "$(dirname "$0")/service.sh"
work=$(mktemp -d)
url="http://127.0.0.1:$port"
start_service "$url" "$work"
cpu() { read -r -a f < "/proc/$server/stat"; echo "scale=2; (${f[13]} + ${f[14]}) / $(getconf CLK_TCK)" | bc; }
matrix=$(python3 -c '
import json, random
random.seed(1)
points = [{"lat": 49.38 + random.random() * 0.05, "lon": 8.64 + random.random() * 0.1} for _ in range(100)]
print(json.dumps({"sources": points, "destinations": points, "profile": "foot"}))')
probe() {  # path body
  curl -s -o /dev/null --max-time 2 -X POST "$url$1" -H 'Content-Type: application/json' -d "$2" || true
  local a b c
  a=$(cpu); sleep 0.1; b=$(cpu); sleep 2; c=$(cpu)
  printf '%-36s +%s s CPU in the first 0.1 s, +%s s in the next 2 s\n' "$1" "$(echo "$b - $a" | bc)" "$(echo "$c - $b" | bc)"
}
sleep 30 # the contraction hierarchy is built in the background after start-up
a=$(cpu); sleep 2; b=$(cpu); echo "idle: +$(echo "$b - $a" | bc) s CPU in 2 s"
probe /v1/isochrones '{"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "foot", "ranges_m": [5000]}'
probe /ors/v2/isochrones/foot-walking '{"locations": [[8.6934, 49.4094]], "range_type": "distance", "range": [5000]}'
probe /v1/matrix "$matrix"
probe /v1/fix-first '{"profile": "walker", "minutes": 20, "constraints": {"max_kerb_cm": 0}}'
probe /v1/barrier-impact '{"profile": "walker", "minutes": 20}'
grep -ciE '\b(fail|crit|error)\b' "$work/server.log" | sed 's/^/lines logged at error or critical: /' || true
