#!/usr/bin/env bash
# Hub benchmark: month list for 25,000 schools / 1,000,000 timeline events, paged query p99.
# Writes bench/hub/RESULTS.md. Run from anywhere; uses its own build slot.
set -euo pipefail
cd "$(dirname "$0")/../.."
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench-hub}
dotnet run -c "${CONFIG:-Release}" --project bench/hub/EducationHub.Bench.Hub.csproj -- "${1:-25000}" "${2:-1000000}" bench/hub/RESULTS.md
