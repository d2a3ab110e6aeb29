#!/usr/bin/env bash
# Renews the screenshots in this folder: the browser tests take them (route, refusal, planner, phone-de,
# basemap-old-town, map-focus) on the Heidelberg graph in Debian's chromium, and with ROUTING_SCREENSHOTS set they keep them here.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUTING_SCREENSHOTS=1 dotnet test tests/Routing.Web.Tests -c Release --filter "FullyQualifiedName~PlanningTests|FullyQualifiedName~PlannerTests|FullyQualifiedName~BaseMapTests|FullyQualifiedName~LayoutTests"
