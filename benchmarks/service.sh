# Sourced by the scripts that start the built service directly (dotnet .../Routing.Api.dll).
#
# First it exports the environment `dotnet run --project src/Routing.Api` gives the service from its launch profile
# (src/Routing.Api/Properties/launchSettings.json), so that every figure is measured on the service as a user starts
# it. Today that is DOTNET_GCgen0size: a 64 MB young generation (the runtime reads it only from the environment), see
# README "Running in production".
while IFS='=' read -r name value; do
  export "$name=$value"
done < <(python3 -c '
import json, sys
profile = json.load(open(sys.argv[1]))["profiles"]["Routing.Api"]
for name, value in profile.get("environmentVariables", {}).items():
    print(f"{name}={value}")
' "$(dirname "${BASH_SOURCE[0]}")/../src/Routing.Api/Properties/launchSettings.json")

# start_service URL WORK [configuration arguments ...]
# Builds the Release service of SERVICE_DIR (default: this repository; a worktree of an older commit gives a baseline
# in the same session) and starts it on URL with its graph built into WORK (as on a first start, so a run never uses a
# stale data/heidelberg.graph) and its barrier store there too (no user data is touched), with the per-client quotas off
# (every request of a load script comes from one address; README "Security") and loopback an operator network (the
# scripts read /metrics); later arguments override these. Logs to WORK/server.log, sets $server to its pid, stops it and removes WORK when the script exits, and
# returns once /health/ready answers (asked every 0.1 s, or prints the log and exits after 2 minutes). SERVICE_DLL
# (default: the Release build of SERVICE_DIR, built first) starts that build of the service as it is, e.g. a
# ReadyToRun publish or a copy of an older build.
start_service() {
  local url=$1 work=$2
  shift 2
  local dir=${SERVICE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
  [ -n "${SERVICE_DLL:-}" ] || dotnet build "$dir/src/Routing.Api" -c Release -v quiet -nologo >/dev/null
  (cd "$dir" && exec dotnet "${SERVICE_DLL:-src/Routing.Api/bin/Release/net10.0/Routing.Api.dll}" --urls "$url" \
    --Routing:Graph="$work/heidelberg.graph" --Barriers:Database="$work/barriers.db" \
    --Quotas:RoutesPerSecond=0 --Quotas:ExpensivePerMinute=0 --Quotas:ExpensiveConcurrent=0 \
    --Operations:OperatorNetworks:0=127.0.0.1/32 "$@") >"$work/server.log" 2>&1 &
  server=$!
  trap "kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf '$work'" EXIT
  for _ in $(seq 1 1200); do
    curl -sf "$url/health/ready" >/dev/null && return 0
    sleep 0.1
  done
  cat "$work/server.log"
  exit 1
}
