#!/usr/bin/env bash
# abandoned-upload.sh: uploads that their clients give up halfway, on every door that reads a body (issue 24);
# prints what the service logged at warning or above meanwhile (before: an error with a stack trace and 2099/500 on
# the ORS door). The in-memory test host cannot abandon an upload the way a socket does, hence a script.
set -euo pipefail
port=${1:-5094}
source "$(dirname "$0")/service.sh"
work=$(mktemp -d)
url="http://127.0.0.1:$port"
start_service "$url" "$work" --Logging:LogLevel:Default=Information
before=$(wc -l < "$work/server.log")
python3 "$(dirname "$0")/abandoned-upload.py" "$url" /ors/v2/directions/wheelchair /ors/v2/isochrones/wheelchair \
  /ors/v2/matrix/wheelchair /v1/routes /v1/isochrones /v1/matrix /v1/fix-first /v1/barriers
sleep 1
echo "lines logged at warning or above since: $(tail -n +"$((before + 1))" "$work/server.log" | grep -cE '^[^ ]* (warn|fail|crit):' || true)"
tail -n +"$((before + 1))" "$work/server.log" | grep -E '^[^ ]* (warn|fail|crit):' -A3 | head -20 || true
