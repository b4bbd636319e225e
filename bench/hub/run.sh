#!/usr/bin/env bash
# Hub benchmark: month list for 25,000 schools / 1,000,000 timeline events on SQLite and
# PostgreSQL (each build in its own process, peak RSS measured), paged query p99, and event
# ingestion through RabbitMQ against raw MassTransit. Starts a private RabbitMQ and PostgreSQL
# (deploy/local/lib-infra.sh) and stops them. Writes the run's report to bench/hub/last-run.md (not
# committed; RESULTS.md keeps the curated history, so a run must not overwrite it), or to $HUB_RESULTS.
# Usage: bench/hub/run.sh [schools] [events] [ingest events]
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib-infra.sh
WORK=$(mktemp -d /tmp/ehub-bench-hub.XXXXXX)
chmod 755 "$WORK"
trap 'stop_rabbitmq; stop_postgres; rm -rf "$WORK"' EXIT
start_rabbitmq "$WORK"
start_postgres "$WORK"
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench-hub} DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c "${CONFIG:-Release}" bench/hub/EducationHub.Bench.Hub.csproj
dotnet run --no-build -c "${CONFIG:-Release}" --project bench/hub/EducationHub.Bench.Hub.csproj -- "${1:-25000}" "${2:-1000000}" "${3:-20000}" "${HUB_RESULTS:-bench/hub/last-run.md}"
echo "report written to ${HUB_RESULTS:-bench/hub/last-run.md}"
