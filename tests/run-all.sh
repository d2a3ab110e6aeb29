#!/usr/bin/env bash
# The README's test command: installs what a fresh machine of this kind (Debian, .NET 10 SDK) lacks for the tests, then
# runs every test. Each real component the tests drive fails its tests (never skips them) when missing; this script is
# what makes it present. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet SDK not found: this project needs the .NET 10 SDK (https://dot.net), then run tests/run-all.sh again." >&2
  exit 1
fi

sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
missing=()
# The browser tests (tests/Routing.Web.Tests) drive Debian's chromium.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The PostgreSQL barrier store's tests (Routing.Barriers.Tests, Routing.Replicas.Tests) start a real server from Debian's
# binaries (initdb into a temporary folder, as the unprivileged 'postgres' user when run as root); the package's own
# cluster service is not needed.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
# An unmodified openrouteservice client from npm (openrouteservice-js, pinned in its package.json) drives the ORS door.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} for the tests (apt-get)"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
fi
npm install --prefix tests/Routing.Ors.Tests/OrsClient --no-audit --no-fund --silent

dotnet test Routing.sln -c Release "$@"
