#!/usr/bin/env bash
# Route p50/p99 while hostile clients attack (issue 24, README "Security"): starts the service with its default quotas
# (unlike the other load scripts), then runs benchmarks/attacks.py: an honest client with its own key asks for
# wheelchair routes on one connection, alone and during each attack, and finally with 1,000 pending comb-shaped reports
# (992 points each, from 50 people behind one citizen-app key) along the route pairs.
# Usage: benchmarks/attacks.sh [seconds per phase=20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=5189
work=$(mktemp -d)
source benchmarks/service.sh
export Barriers__ApiKeys__0__Key=bench-router-key-0123456789 Barriers__ApiKeys__0__Role=reporter
export Barriers__ApiKeys__1__Key=bench-reporter-key-0123456789 Barriers__ApiKeys__1__Role=reporter
export Barriers__ApiKeys__2__Key=bench-planner-key-0123456789 Barriers__ApiKeys__2__Role=planner
start_service "http://127.0.0.1:$port" "$work" --Quotas:RoutesPerSecond=50 --Quotas:ExpensivePerMinute=30 \
  --Quotas:ExpensiveConcurrent=1 --Barriers:ReportsPerMinute=30 --Barriers:PendingPerReporter=20
for _ in $(seq 1 120); do grep -q "contraction hierarchy" "$work/server.log" && break; sleep 1; done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "${SERVICE_DIR:-.}" rev-parse --short HEAD)"
python3 benchmarks/attacks.py "http://127.0.0.1:$port" benchmarks/queries/heidelberg-urban-1-3km.csv "$seconds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
