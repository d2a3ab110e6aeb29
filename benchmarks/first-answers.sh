#!/usr/bin/env bash
# The first answers after start (issue 26, "fast from the first answer"): starts the service as a user does
# (benchmarks/service.sh), and the moment /health/ready says ready sends the first N full wheelchair answers on random
# urban pairs over one keep-alive connection (one curl process, one connection); then, in the same run, Routino's
# router on the same pairs, each one `routino-router` process as it is used. Prints median and p90 per route, and
# Routino / ours.
#
# Usage: benchmarks/first-answers.sh [answers=300] [variants="cold warm"] [rounds=1]
#   variants, each a fresh start of the service on the same graph:
#     cold      no warm-up (Warmup:Enabled=false): what a start gave before issue 26
#     warm      the default: the service warms its hot paths before it says ready
#     pgo-off   no warm-up, DOTNET_TieredPGO=0 (tier-1 code sooner, without profile-guided optimisation)
#     tc-off    no warm-up, DOTNET_TieredCompilation=0 (every method fully optimised when first called)
#     r2r       no warm-up, the service published ReadyToRun (precompiled; then tiered up as usual)
#     r2r-warm  ReadyToRun and the warm-up
#   rounds: how often the variants are run in turn (alternating, so that load from elsewhere hits them alike).
# Pairs: N drawn with replacement, seeded, from benchmarks/queries/heidelberg-urban-1-3km.csv (200 city pairs of
# 1 to 3 km; about one wheelchair answer in ten is a refusal with its explanation and least-violating route, as
# users get). Ours: curl's time_total per transfer (request sent to answer read) on the kept-alive connection.
# Routino: Debian package `routino` (installed if missing), database built by planetsplitter from the same extract;
# each query timed from process start to exit, as benchmarks/peers/routino.sh does, after five untimed queries that
# put its files in the page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
answers=${1:-300}
variants=${2:-cold warm}
rounds=${3:-1}
port=$(( 5100 + RANDOM % 800 ))
base="http://127.0.0.1:$port"
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT

command -v routino-router >/dev/null && command -v planetsplitter >/dev/null \
  || { apt-get update -qq && apt-get install -y -qq routino >/dev/null; }
now() { local t=${EPOCHREALTIME/./}; NOW=$(( 10#$t * 1000 )); }

python3 - "$answers" benchmarks/queries/heidelberg-urban-1-3km.csv >"$top/pairs" <<'PY'
import csv, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rows = list(csv.DictReader(open(path)))
random.seed(26)
for r in random.choices(rows, k=n):
    print(f"{r['from_lat']},{r['from_lon']},{r['to_lat']},{r['to_lon']}")
PY
while IFS=, read -r a b c d; do
  printf 'url = "%s/v1/routes?from=%s,%s&to=%s,%s&profile=wheelchair"\noutput = /dev/null\n' "$base" "$a" "$b" "$c" "$d"
done <"$top/pairs" >"$top/curl.conf"

echo "== Routino's database (planetsplitter)" >&2
mkdir -p "$top/routino"
planetsplitter --dir="$top/routino" --tmpdir="$top/routino" data/heidelberg.osm.pbf >"$top/planetsplitter.log" 2>&1 \
  || { cat "$top/planetsplitter.log" >&2; exit 1; }
routino_query() {
  routino-router --dir="$top/routino" --profile=wheelchair --quickest --lat1="$1" --lon1="$2" --lat2="$3" --lon2="$4" \
    --output-text-all --output-stdout >/dev/null 2>&1 || true
}
routino_times() { # -> one line per pair: ms
  head -n 5 "$top/pairs" | while IFS=, read -r a b c d; do routino_query "$a" "$b" "$c" "$d"; done
  while IFS=, read -r a b c d; do
    now; local t0=$NOW
    routino_query "$a" "$b" "$c" "$d"
    now; awk -v ns=$(( NOW - t0 )) 'BEGIN { printf "%.4f\n", ns / 1e6 }'
  done <"$top/pairs"
}

source benchmarks/service.sh
service_dir=${SERVICE_DIR:-$(pwd)}
# A copy of the build, so that the run measures one build even while the source tree is rebuilt.
dotnet build "$service_dir/src/Routing.Api" -c Release -v quiet -nologo >/dev/null
cp -r "$service_dir/src/Routing.Api/bin/Release/net10.0" "$top/build"
if [[ " $variants " == *" r2r"* ]]; then
  echo "== publishing the service ReadyToRun" >&2
  dotnet publish "$service_dir/src/Routing.Api" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$top/r2r" -v quiet -nologo >/dev/null
fi

# run_variant NAME: starts the service (graph copied from the first start), sends the answers, then Routino's queries;
# appends "NAME ours|routino ms" lines to $top/results.
run_variant() {
  local name=$1 work args=() env=() dll=$top/build/Routing.Api.dll
  work=$(mktemp -d -p "$top")
  [ -f "$top/graph/heidelberg.graph" ] && cp -r "$top/graph/." "$work/"
  case $name in
    cold) args=(--Warmup:Enabled=false) ;;
    warm) ;;
    pgo-off) args=(--Warmup:Enabled=false); env=(DOTNET_TieredPGO=0) ;;
    tc-off) args=(--Warmup:Enabled=false); env=(DOTNET_TieredCompilation=0) ;;
    r2r) args=(--Warmup:Enabled=false); dll=$top/r2r/Routing.Api.dll ;;
    r2r-warm) dll=$top/r2r/Routing.Api.dll ;;
    *) echo "unknown variant $name" >&2; exit 2 ;;
  esac
  ( if [ ${#env[@]} -gt 0 ]; then export "${env[@]}"; fi
    SERVICE_DLL=$dll start_service "$base" "$work" --Logging:LogLevel:Default=Warning "${args[@]}"
    curl -s --config "$top/curl.conf" -w '%{http_code} %{time_total}\n' >"$work/ours"
    kill "$server"; wait "$server" 2>/dev/null || true
    trap - EXIT )
  if [ ! -f "$top/graph/heidelberg.graph" ]; then
    mkdir -p "$top/graph"
    find "$work" -maxdepth 1 -type f ! -name 'barriers.db*' ! -name 'server.log' ! -name ours -exec cp {} "$top/graph/" \;
  fi
  awk -v v="$name" '{ printf "%s ours %.4f %s\n", v, $2 * 1000, $1 }' "$work/ours" >>"$top/results"
  routino_times | awk -v v="$name" '{ print v, "routino", $1, 200 }' >>"$top/results"
  echo "   $name: $(awk '$1 != 200 && $1 != 422' "$work/ours" | wc -l) failures; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  rm -rf "$work"
}

: >"$top/results"
for round in $(seq 1 "$rounds"); do
  for v in $variants; do
    echo "== round $round, $v: start, $answers answers over one connection, then Routino on the same pairs" >&2
    run_variant "$v"
  done
done

python3 - "$top/results" "$variants" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    v, engine, ms, status = line.split()
    rows.setdefault((v, engine), []).append(float(ms))
def p90(xs):
    xs = sorted(xs); return xs[min(len(xs) - 1, -(-90 * len(xs) // 100) - 1)]
variants = sys.argv[2].split()
cold = statistics.median(rows[("cold", "ours")]) if ("cold", "ours") in rows else None
print("| variant | ours median ms | ours p90 ms | Routino median ms | Routino p90 ms | Routino / ours (median) | Routino / ours (p90) | cold / this (median) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for v in variants:
    o, r = rows[(v, "ours")], rows[(v, "routino")]
    om, rm = statistics.median(o), statistics.median(r)
    vs_cold = f"{cold / om:.2f}" if cold else ""
    print(f"| {v} | {om:.3f} | {p90(o):.3f} | {rm:.2f} | {p90(r):.2f} | **{rm / om:.1f}** | {p90(r) / p90(o):.1f} | {vs_cold} |")
PY
