#!/usr/bin/env bash
# The reliability suite at full strength (issue 15): every fuzzed surface with 100,000 cases (or the count given),
# through the real host for HTTP and on mutated files for the readers, plus every limit at its edge. Prints one line
# per surface: cases run and what they answered. The default test run does the same with 200 cases per surface.
# Usage: tests/reliability.sh [cases per surface=100000]
# For the saturation load (60 s of mixed traffic, memory, 5xx, graceful shutdown) see benchmarks/saturation.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
report=$(mktemp)
log=$(mktemp)
trap 'rm -f "$report" "$log"' EXIT
start=$(date +%s)
status=0
RELIABILITY_CASES=$cases RELIABILITY_REPORT=$report dotnet test tests/Routing.Reliability.Tests -c Release --nologo >"$log" 2>&1 || status=$?
grep -E "(Passed|Failed)!|^\s+Failed |CsCheckException|error" "$log" || true
echo "== $cases cases per surface, $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-22s %10s  %s\n" surface cases answers
sort "$report" | awk -F'\t' '{ printf "%-22s %10s  %s\n", $1, $2, $3 }'
[ "$(wc -l <"$report")" -ge 13 ] || { echo "FAIL: not every surface reported" >&2; exit 1; }
exit $status
