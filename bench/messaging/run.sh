#!/usr/bin/env bash
# Messaging benchmark: starts a private RabbitMQ and PostgreSQL (deploy/local/lib-infra.sh), then
# in one process, one run, one broker: raw MassTransit publish/consume, and the end-to-end path
# gRPC write → outbox → RabbitMQ → consumer → inbox → committed, written by the .NET gRPC client in
# the same process and, when h2load (nghttp2-client) is installed, again by h2load as a separate
# process. Prints the machine, its load
# average (before, during, after), markdown tables (throughput and latency, where the time went
# per stage, CPU per event per party), then stops the servers.
# Usage: bench/messaging/run.sh [events] [writers]     (defaults 20000 32)
# EHUB_BENCH_PG_STATEMENTS=1 also loads pg_stat_statements and prints, after the run, the statements
# PostgreSQL spent most time on over the whole run (warm-up rounds included).
# EHUB_BENCH_ALLOC_TRACE=N names, after every round, the N types the process allocated most.
# EHUB_BENCH_FLOORS=1 (needs h2load) also measures the same call publishing straight on the bus, with no
# outbox: into the end-to-end consumer (inbox), and into a consumer with no database at all.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib-infra.sh
WORK=$(mktemp -d /tmp/ehub-bench-messaging.XXXXXX)
chmod 755 "$WORK"
SAMPLER=""
trap '[ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null; stop_rabbitmq; stop_postgres; rm -rf "$WORK"' EXIT
start_rabbitmq "$WORK"
start_postgres "$WORK"
pg_port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$EHUB_POSTGRES")
psql_admin() { su postgres -c "$EHUB_POSTGRES_BIN/psql -h '$EHUB_POSTGRES_DIR' -p $pg_port -U postgres -d postgres -Atc \"$1\""; }
if [ "${EHUB_BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  psql_admin "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  su postgres -c "$EHUB_POSTGRES_BIN/pg_ctl -D '$EHUB_POSTGRES_DIR/data' -w restart" >/dev/null
  psql_admin "CREATE EXTENSION pg_stat_statements" >/dev/null
fi
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench-messaging} DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -v q -nologo bench/messaging/EducationHub.Bench.Messaging >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null || echo '?'), PostgreSQL $("$EHUB_POSTGRES_BIN/postgres" --version | awk '{print $3}') (fsync off), .NET $(dotnet --version)"
echo "load average before run (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
# The 1-minute load average every 5 s while the benchmark runs: other work on the same 2 cores
# moves every figure, so the report says how busy the machine was.
( while sleep 5; do cut -d' ' -f1 /proc/loadavg; done > "$WORK/load.txt" ) &
SAMPLER=$!
dotnet run -c Release --no-build --project bench/messaging/EducationHub.Bench.Messaging -- "${1:-20000}" "${2:-32}"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
echo
echo "load average during run (1 min, sampled every 5 s): $(sort -n "$WORK/load.txt" | awk 'NR==1{min=$1} {max=$1; sum+=$1; n++} END {if (n) printf "min %.1f, mean %.1f, max %.1f over %d samples", min, sum/n, max, n; else print "no samples"}')"
echo "load average after run: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${EHUB_BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  echo
  echo "PostgreSQL statements by execution time, whole run (calls | total ms | rows | µs per row, or per call if none | statement):"
  psql_admin "SELECT calls, round(total_exec_time::numeric), rows, round((1000 * total_exec_time / CASE WHEN rows > 0 THEN rows ELSE calls END)::numeric, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12"
fi
