#!/usr/bin/env bash
# Messaging benchmark: starts a private RabbitMQ and PostgreSQL (deploy/local/lib-infra.sh), runs
# raw MassTransit publish/consume and the outbox → RabbitMQ → inbox path in the same run on the
# same broker, prints a markdown table, stops the servers.
# Usage: bench/messaging/run.sh [events] [writers]
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib-infra.sh
WORK=$(mktemp -d /tmp/ehub-bench-messaging.XXXXXX)
chmod 755 "$WORK"
trap 'stop_rabbitmq; stop_postgres; rm -rf "$WORK"' EXIT
start_rabbitmq "$WORK"
start_postgres "$WORK"
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench-messaging} DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project bench/messaging/EducationHub.Bench.Messaging -- "${1:-20000}" "${2:-32}"
echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg)"
