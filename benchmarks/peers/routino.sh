#!/usr/bin/env bash
# Side by side with Routino (issue 5): the same Heidelberg extract and the same query pairs through Routino's
# command-line router and through our HTTP API, each as it is used. Prints one markdown table: build time,
# per-query median and p95 wall time, routes found, median route length, routes using steps, and ours / Routino.
#
# Usage: benchmarks/peers/routino.sh [pairs=100] [query-set=mixed-1-5km] [build-runs=3]
#
# - Routino: Debian package `routino` (installed if missing). Its database is built by planetsplitter from
#   data/heidelberg.osm.pbf into a temp dir; each query is one `routino-router` process (--quickest,
#   --output-text-all to stdout), timed from process start to exit.
# - Ours: the service on 127.0.0.1 (loopback only), each query one `curl -s` process against
#   GET /v1/routes, timed the same way; each pair goes to Routino and then to us, back to back, so load from
#   elsewhere on the machine slows both alike. The server is warmed up first on other pairs (it is a long-running service; Routino's
#   router is a fresh process per query by design, with its database files in the page cache after a warm-up).
# - Build: median of `build-runs` wall times, planetsplitter vs Routing.Preprocess with the terrain model (as the
#   service builds its graph). Our service then serves exactly the graph just built, never data/heidelberg.graph
#   (which may be stale) nor data/barriers.db (whose reports would change routes).
# Bounded: a fixed number of processes (builds under `timeout`, curl with --max-time; the router runs without
# `timeout` so as not to add a process start to its time); the server and temp files are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-100}
set_name=${2:-mixed-1-5km}
build_runs=${3:-3}
port=5191
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

need_apt=
command -v planetsplitter >/dev/null && command -v routino-router >/dev/null || need_apt="$need_apt routino"
command -v jq >/dev/null || need_apt="$need_apt jq"
if [ -n "$need_apt" ]; then
  echo "installing:$need_apt" >&2
  apt-get update -qq && apt-get install -y -qq $need_apt >/dev/null
fi
router=$(command -v routino-router || command -v router)
# Clock without forking (`date` itself costs ~15 ms of fork and exec on this VM): `now` sets $NOW in ns.
now() { local t=${EPOCHREALTIME/./}; NOW=$(( 10#$t * 1000 )); }

osm=data/heidelberg.osm.pbf
elevation=data/heidelberg.elevation.tif
# (awk, not head: with pipefail, head closing the pipe early would fail the script)
awk -F, -v n="$pairs" 'NR > 1 && NR <= n + 1 { print $1 "," $2 "," $3 "," $4 }' \
  "benchmarks/queries/heidelberg-$set_name.csv" >"$work/pairs"
n=$(wc -l <"$work/pairs")
echo "== $n pairs from benchmarks/queries/heidelberg-$set_name.csv" >&2

# ---------------------------------------------------------------- builds
echo "== building our tools (Release)" >&2
dotnet build src/Routing.Preprocess -c Release -v quiet -nologo >/dev/null
dotnet build src/Routing.Api -c Release -v quiet -nologo >/dev/null

mkdir -p "$work/routino"
: >"$work/build-routino"; : >"$work/build-ours"
for i in $(seq 1 "$build_runs"); do
  rm -f "$work"/routino/*
  now; t0=$NOW
  timeout 300 planetsplitter --dir="$work/routino" --tmpdir="$work/routino" "$osm" >"$work/planetsplitter.log" 2>&1 \
    || { cat "$work/planetsplitter.log" >&2; exit 1; }
  now; echo $(( NOW - t0 )) >>"$work/build-routino"
  rm -f "$work/g.graph"
  now; t0=$NOW
  timeout 300 dotnet src/Routing.Preprocess/bin/Release/net10.0/Routing.Preprocess.dll build "$osm" -o "$work/g.graph" \
    --elevation "$elevation" >"$work/preprocess.log" 2>&1 || { cat "$work/preprocess.log" >&2; exit 1; }
  now; echo $(( NOW - t0 )) >>"$work/build-ours"
  echo "   build run $i: routino $(( $(tail -1 "$work/build-routino") / 1000000 )) ms, ours $(( $(tail -1 "$work/build-ours") / 1000000 )) ms" >&2
done

# ---------------------------------------------------------------- queries
# Both engines answer each pair back to back (Routino, then ours), so a busy machine slows both alike.
# One line per query in $work/results: engine profile ok ns length_m steps_segments
echo "== starting our service on $base" >&2
source benchmarks/service.sh   # the launch profile's environment, as `dotnet run` gives it
dotnet src/Routing.Api/bin/Release/net10.0/Routing.Api.dll --urls "$base" --Routing:Graph="$work/g.graph" \
  --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
curl -sf "$base/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

routino_query() { # profile lat1 lon1 lat2 lon2 -> writes $work/out, returns the router's exit code
  "$router" --dir="$work/routino" --profile="$1" --quickest \
    --lat1="$2" --lon1="$3" --lat2="$4" --lon2="$5" --output-text-all --output-stdout >"$work/out" 2>"$work/err"
}
ours_query() { # profile lat1 lon1 lat2 lon2 -> writes $work/out, prints the HTTP status and curl's time_total (s)
  curl -s --max-time 30 -o "$work/out" -w '%{http_code} %{time_total}' "$base/v1/routes?from=$2,$3&to=$4,$5&profile=$1"
}

# Warm-up on other pairs (the urban set): JIT and caches of a long-running service, the page cache for
# Routino's database files. Not timed.
awk -F, 'NR > 1 && NR <= 101 { print $1 "," $2 "," $3 "," $4 }' benchmarks/queries/heidelberg-urban-0.5-2km.csv \
  >"$work/warm"
for profile in wheelchair foot; do
  while IFS=, read -r a b c d; do ours_query "$profile" "$a" "$b" "$c" "$d" >/dev/null || true; done <"$work/warm"
  head -n 5 "$work/warm" | while IFS=, read -r a b c d; do routino_query "$profile" "$a" "$b" "$c" "$d" || true; done
done

: >"$work/results"
for profile in wheelchair foot; do
  echo "== $profile: $n pairs through both engines" >&2
  while IFS=, read -r a b c d; do
    now; t0=$NOW; rc=0
    routino_query "$profile" "$a" "$b" "$c" "$d" || rc=$?
    now; ns=$(( NOW - t0 ))
    if [ "$rc" -eq 0 ] && grep -q 'Waypt#2' "$work/out"; then
      # text-all: tab separated; column 7 is the total distance in km; the last column is the way's name, or its
      # highway type when the way has no name (so unnamed steps show as "steps").
      len=$(awk -F'\t' '!/^#/ && NF >= 7 { d = $7 } END { printf "%.0f", d * 1000 }' "$work/out")
      steps=$(awk -F'\t' '!/^#/ { h = $NF; gsub(/^ +| +$/, "", h); if (h == "steps") s++ } END { print s + 0 }' "$work/out")
      echo "routino $profile 1 $ns $len $steps" >>"$work/results"
    else
      echo "routino $profile 0 $ns 0 0" >>"$work/results"
    fi

    now; t0=$NOW
    ours_query "$profile" "$a" "$b" "$c" "$d" >"$work/status" || true
    now; ns=$(( NOW - t0 ))
    answer=$(cat "$work/status")
    code=${answer% *}
    # the HTTP round trip alone, as curl measures it (without curl's own process start)
    echo "http $profile 1 $(awk -v t="${answer#* }" 'BEGIN { printf "%.0f", t * 1e9 }') 0 0" >>"$work/results"
    if [ "$code" = 200 ]; then
      len=$(jq -r '.routes[0].distance_m | round' "$work/out")
      steps=$(jq -r '[.routes[0].segments[] | select(.steps == true)] | length' "$work/out")
      echo "ours $profile 1 $ns $len $steps" >>"$work/results"
    else
      echo "ours $profile 0 $ns 0 0" >>"$work/results"
    fi
  done <"$work/pairs"
done

# ---------------------------------------------------------------- process start floor
# What starting a process costs here, whatever it does: the floor under both engines' "as used" times.
floor() { local t0 xs=() i; for i in $(seq 1 20); do now; t0=$NOW; "$@" >/dev/null 2>&1 || true; now; xs+=($(( NOW - t0 ))); done
  printf '%s\n' "${xs[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1e6 }'; }
echo "process start floor (median of 20): /bin/true $(floor /bin/true) ms, curl --version $(floor curl --version) ms, routino-router --version $(floor "$router" --version) ms" >"$work/floor"

# ---------------------------------------------------------------- table
python3 - "$work/results" "$work/build-routino" "$work/build-ours" "$n" <<'PY'
import statistics, sys
results, build_r, build_o, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def med_s(path):
    return statistics.median(int(x) for x in open(path).read().split()) / 1e9
builds = {"routino": med_s(build_r), "ours": med_s(build_o)}
rows = {}
for line in open(results):
    eng, prof, ok, ns, length, steps = line.split()
    rows.setdefault((eng, prof), []).append((ok == "1", int(ns) / 1e6, int(length), int(steps)))
def p95(xs):
    xs = sorted(xs); return xs[min(len(xs) - 1, max(0, -(-95 * len(xs) // 100) - 1))]
stats = {}
for key, rs in rows.items():
    ms = [r[1] for r in rs]
    found = [r for r in rs if r[0]]
    stats[key] = dict(med=statistics.median(ms), p95=p95(ms), found=len(found),
                      length=statistics.median(r[2] for r in found) if found else 0,
                      steps=sum(1 for r in found if r[3] > 0))
names = {"routino": "Routino 3.3.3 (`routino-router`, one process per query)", "ours": "ours (`curl` to the HTTP API)"}
print("| engine | profile | build s | median ms | p95 ms | routes found | median length m | routes using steps |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for eng in ("routino", "ours"):
    for prof in ("wheelchair", "foot"):
        s = stats[(eng, prof)]
        print(f"| {names[eng]} | {prof} | {builds[eng]:.2f} | {s['med']:.1f} | {s['p95']:.1f} | {s['found']} / {n} | {s['length']:,.0f} | {s['steps']} |")
for prof in ("wheelchair", "foot"):
    h = stats[("http", prof)]
    print(f"| ours, HTTP round trip alone (curl's `time_total`) | {prof} | | {h['med']:.1f} | {h['p95']:.1f} | | | |")
for prof in ("wheelchair", "foot"):
    o, r = stats[("ours", prof)], stats[("routino", prof)]
    print(f"| **ours / Routino** | {prof} | {builds['ours'] / builds['routino']:.2f} | {o['med'] / r['med']:.2f} | {o['p95'] / r['p95']:.2f} | | {o['length'] / r['length'] if r['length'] else 0:.2f} | |")
for prof in ("wheelchair", "foot"):
    h, r = stats[("http", prof)], stats[("routino", prof)]
    print(f"| **ours (HTTP round trip) / Routino** | {prof} | | {h['med'] / r['med']:.3f} | {h['p95'] / r['p95']:.3f} | | | |")
PY
cat "$work/floor"
