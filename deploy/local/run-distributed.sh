#!/usr/bin/env bash
# Runs EducationHub distributed on this machine: RabbitMQ and PostgreSQL on 127.0.0.1, and each
# service as its own process with its own database, configured only through environment
# variables (the same ones the Kubernetes manifests set). Ctrl+C stops everything it started.
#
#   deploy/local/run-distributed.sh            # build, start, wait for Ctrl+C
#   EHUB_DISTRIBUTED_DETACH=1 deploy/local/run-distributed.sh   # start, print the addresses, return
#
# With EHUB_DISTRIBUTED_DETACH=1 the addresses and PIDs are written to $EHUB_DISTRIBUTED_DIR/env
# (default: a new temp dir) so a test can drive, kill -9 and restart single services.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source deploy/local/lib-infra.sh

DIR=${EHUB_DISTRIBUTED_DIR:-$(mktemp -d /tmp/ehub-distributed.XXXXXX)}
mkdir -p "$DIR/logs"
chmod 755 "$DIR"
CONFIG=${EHUB_DISTRIBUTED_CONFIGURATION:-Release}

# name  project-folder  assembly  grpc-port  web-port
SERVICES=(
  "schoolrisk SchoolRisk EducationHub.SchoolRisk 5101 5181"
  "governance Governance EducationHub.Governance 5102 5182"
  "whistleblowing Whistleblowing EducationHub.Whistleblowing 5103 5183"
  "complaints Complaints EducationHub.Complaints 5104 5184"
  "hub Hub EducationHub.Hub 5105 5185"
  "portal WhistleblowingPortal EducationHub.WhistleblowingPortal 5106 5186"
)

if [ -z "${EHUB_DISTRIBUTED_NO_BUILD:-}" ]; then
  echo "== building ($CONFIG)"
  for entry in "${SERVICES[@]}"; do
    read -r _ folder _ _ _ <<<"$entry"
    dotnet build "services/$folder" -c "$CONFIG" -v quiet -nologo >/dev/null
  done
fi

if [ -z "${EHUB_RABBITMQ_URL:-}" ]; then
  echo "== starting RabbitMQ and PostgreSQL on 127.0.0.1"
  start_rabbitmq "$DIR"
  start_postgres "$DIR"
  OWN_INFRA=1
fi

for entry in "${SERVICES[@]}"; do
  read -r name _ _ _ _ <<<"$entry"
  [ "$name" = portal ] && continue
  psql "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$EHUB_POSTGRES") user=postgres" -qc "CREATE DATABASE $name" 2>/dev/null || true
done

# One development signing key for all services, so a token from `ehub token` works everywhere.
# (Development tokens are refused when ASPNETCORE_ENVIRONMENT=Production.)
KEY="$DIR/dev-signing-key.pem"

start_service() {
  local name=$1 folder=$2 assembly=$3 grpc=$4 web=$5
  local dll="$ROOT/services/$folder/bin/$CONFIG/net10.0/$assembly.dll"
  [ -n "${EHUB_BUILD_SLOT:-}" ] && dll="/tmp/ehub-build/$EHUB_BUILD_SLOT/$assembly/bin/$CONFIG/net10.0/$assembly.dll"
  mkdir -p "$DIR/$name"
  (
    cd "$DIR/$name"
    export ASPNETCORE_ENVIRONMENT=Development
    export Hosting__GrpcUrl="http://127.0.0.1:$grpc"
    export Hosting__WebUrl="http://127.0.0.1:$web"
    export Messaging__Transport=RabbitMq
    export ConnectionStrings__rabbitmq="$EHUB_RABBITMQ_URL"
    export "ConnectionStrings__$name=$EHUB_POSTGRES;Database=$name"
    export Auth__DevelopmentTokens=true
    export Auth__DevelopmentKeyPath="$KEY"
    export Portal__WhistleblowingGrpcUrl="http://127.0.0.1:5103"
    export Whistleblowing__Encryption__LocalKeyFile="$DIR/whistleblowing.keys.json"
    export Persistence__DataDirectory="$DIR/$name"
    exec dotnet "$dll"
  ) > "$DIR/logs/$name.log" 2>&1 &
  echo "$!" > "$DIR/$name.pid"
}

stop_all() {
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ _ _ <<<"$entry"
    [ -f "$DIR/$name.pid" ] && kill "$(cat "$DIR/$name.pid")" 2>/dev/null || true
  done
  sleep 2
  if [ -n "${OWN_INFRA:-}" ]; then stop_rabbitmq; stop_postgres; fi
}

echo "== starting services (logs in $DIR/logs)"
for entry in "${SERVICES[@]}"; do
  # shellcheck disable=SC2086
  start_service $entry
  # The first service creates the shared development key; give it a moment before the others read it.
  [ -f "$KEY" ] || sleep 3
done

for entry in "${SERVICES[@]}"; do
  read -r name _ _ _ web <<<"$entry"
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$web/readyz" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$web/readyz" >/dev/null 2>&1 || { echo "$name did not become ready; see $DIR/logs/$name.log" >&2; stop_all; exit 1; }
done

{
  echo "EHUB_DISTRIBUTED_DIR=$DIR"
  echo "EHUB_RABBITMQ_URL=$EHUB_RABBITMQ_URL"
  echo "EHUB_POSTGRES=$EHUB_POSTGRES"
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ grpc web <<<"$entry"
    echo "EHUB_${name^^}_GRPC=http://127.0.0.1:$grpc"
    echo "EHUB_${name^^}_WEB=http://127.0.0.1:$web"
  done
} > "$DIR/env"

echo "== EducationHub is running distributed"
cat "$DIR/env"
if [ -n "${EHUB_DISTRIBUTED_DETACH:-}" ]; then exit 0; fi
trap stop_all EXIT INT TERM
wait
