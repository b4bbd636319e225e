#!/usr/bin/env bash
# Runs EducationHub distributed on this machine: RabbitMQ and PostgreSQL on 127.0.0.1, and each
# service as its own process with its own database, configured only through environment
# variables (the same ones the Kubernetes manifests set). Ctrl+C stops everything it started.
#
#   deploy/local/run-distributed.sh            # build, start, wait for Ctrl+C
#   EHUB_DISTRIBUTED_DETACH=1 deploy/local/run-distributed.sh   # start, print the addresses, return
#   EHUB_DISTRIBUTED_DIR=/tmp/x deploy/local/run-distributed.sh stop   # stop a detached run
#
# With EHUB_DISTRIBUTED_DETACH=1 the addresses are written to $EHUB_DISTRIBUTED_DIR/env, each
# service's PID to $DIR/<name>.pid and its exact launch command to $DIR/<name>.run, so a test can
# kill -9 one service and start it again with the same configuration (`bash $DIR/hub.run`).
#
# Optional: EHUB_RABBITMQ_URL + EHUB_POSTGRES reuse running servers (test.sh's);
# EHUB_DISTRIBUTED_NO_BUILD=1 uses existing builds; EHUB_DISTRIBUTED_PORT_BASE (default 5100);
# EHUB_DISTRIBUTED_PREFIX names databases and queues apart from other runs on the same servers.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source deploy/local/lib-infra.sh

DIR=${EHUB_DISTRIBUTED_DIR:-$(mktemp -d /tmp/ehub-distributed.XXXXXX)}
mkdir -p "$DIR/logs"
chmod 755 "$DIR"
CONFIG=${EHUB_DISTRIBUTED_CONFIGURATION:-Release}
BASE=${EHUB_DISTRIBUTED_PORT_BASE:-5100}
PREFIX=${EHUB_DISTRIBUTED_PREFIX:-}

# name  project-folder  assembly  (gRPC port = BASE+n, web port = BASE+80+n)
SERVICES=(
  "schoolrisk SchoolRisk EducationHub.SchoolRisk 1"
  "governance Governance EducationHub.Governance 2"
  "whistleblowing Whistleblowing EducationHub.Whistleblowing 3"
  "complaints Complaints EducationHub.Complaints 4"
  "hub Hub EducationHub.Hub 5"
  "portal WhistleblowingPortal EducationHub.WhistleblowingPortal 6"
)

stop_all() {
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ _ <<<"$entry"
    [ -f "$DIR/$name.pid" ] && kill "$(cat "$DIR/$name.pid")" 2>/dev/null || true
  done
  sleep 2
  if [ -n "${OWN_INFRA:-}" ]; then stop_rabbitmq; stop_postgres; fi
}

if [ "${1:-}" = stop ]; then
  [ -n "${EHUB_DISTRIBUTED_DIR:-}" ] || { echo "set EHUB_DISTRIBUTED_DIR to the run to stop" >&2; exit 2; }
  stop_all
  exit 0
fi

if [ -z "${EHUB_DISTRIBUTED_NO_BUILD:-}" ]; then
  echo "== building ($CONFIG)"
  for entry in "${SERVICES[@]}"; do
    read -r _ folder _ _ <<<"$entry"
    dotnet build "services/$folder" -c "$CONFIG" -v quiet -nologo >/dev/null
  done
fi

if [ -z "${EHUB_RABBITMQ_URL:-}" ]; then
  echo "== starting RabbitMQ and PostgreSQL on 127.0.0.1"
  start_rabbitmq "$DIR"
  start_postgres "$DIR"
  OWN_INFRA=1
fi
PG_PORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$EHUB_POSTGRES")

# The run's token signing key stands in for a partner identity provider: the services trust only
# its public key, configured as in Kubernetes (Auth__Issuer + Auth__SigningKeyPemFile), so the
# development-token mode stays off in the distributed run. Tokens are minted with the private key
# by `ehub token --key-file`, deploy/local/dev-token.py or the tests (issuer educationhub-dev).
KEY="$DIR/dev-signing-key.pem"
[ -f "$KEY" ] || (umask 077; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$KEY" 2>/dev/null)
PUBLIC_KEY="$DIR/partner-signing-key.pub.pem"
openssl pkey -in "$KEY" -pubout -out "$PUBLIC_KEY" 2>/dev/null
# Whistleblowing secrets as the Kubernetes Secret supplies them (a master key and the receipt
# pepper), kept in the run directory so a restarted service can still read its cases.
if [ ! -f "$DIR/whistleblowing.secrets" ]; then
  (umask 077; { echo "MASTER_KEY=$(openssl rand -base64 32)"; echo "PEPPER=$(openssl rand -base64 32)"; } > "$DIR/whistleblowing.secrets")
fi
source "$DIR/whistleblowing.secrets"
# The portal's own service token (scope whistleblowing.intake), signed with the development key.
PORTAL_TOKEN=${EHUB_PORTAL_SERVICE_TOKEN:-$(python3 deploy/local/dev-token.py "$KEY" whistleblowing-portal whistleblowing.intake)}

# Organisation display names, from the ConfigMap every Kubernetes service takes whole. Passed with env(1),
# not export: a claim such as school-improvement-partner is not a shell variable name.
ORGANISATION_NAMES=$(sed -nE 's/^  (Organisations__[^:]+): "(.*)"$/\1=\2/p' deploy/k8s/base/organisations.yaml)
[ -n "$ORGANISATION_NAMES" ] || { echo "no organisation names in deploy/k8s/base/organisations.yaml" >&2; exit 1; }

grpc_port() { echo $((BASE + $1)); }
web_port() { echo $((BASE + 80 + $1)); }

# Writes $DIR/<name>.run: the environment and the exec of one service, so it can be restarted alike.
write_launcher() {
  local name=$1 folder=$2 assembly=$3 n=$4
  local dll="$ROOT/services/$folder/bin/$CONFIG/net10.0/$assembly.dll"
  if [ -n "${EHUB_BUILD_SLOT:-}" ]; then dll="/tmp/ehub-build/$EHUB_BUILD_SLOT/$assembly/bin/$CONFIG/net10.0/$assembly.dll"; fi
  [ -f "$dll" ] || { echo "$dll not found: build first (or unset EHUB_DISTRIBUTED_NO_BUILD)" >&2; exit 1; }
  local db="${PREFIX}${name}"
  mkdir -p "$DIR/$name"
  {
    echo "cd '$DIR/$name'"
    echo "export ASPNETCORE_ENVIRONMENT=Development"
    if [ "$name" = portal ]; then
      # The portal has no AddServiceDefaults (no bus, database or partner auth): plain Kestrel URLs.
      echo "export ASPNETCORE_URLS='http://127.0.0.1:$(web_port "$n")'"
      echo "export Portal__WhistleblowingGrpcUrl='http://127.0.0.1:$(grpc_port 3)'"
      echo "export Portal__ServiceToken='$PORTAL_TOKEN'"
    else
      echo "export Hosting__GrpcUrl='http://127.0.0.1:$(grpc_port "$n")'"
      echo "export Hosting__WebUrl='http://127.0.0.1:$(web_port "$n")'"
      echo "export Messaging__Transport=RabbitMq"
      echo "export ConnectionStrings__rabbitmq='$EHUB_RABBITMQ_URL'"
      echo "export ConnectionStrings__$name='$EHUB_POSTGRES;Database=$db'"
      echo "export Auth__Issuer=educationhub-dev"
      echo "export Auth__Audience=educationhub"
      echo "export Auth__SigningKeyPemFile='$PUBLIC_KEY'"
      if [ -n "$PREFIX" ]; then echo "export Messaging__EndpointPrefix='${PREFIX}${name}'"; fi
    fi
    if [ "$name" = whistleblowing ]; then
      echo "export Whistleblowing__Encryption__ActiveKeyId=k1"
      echo "export Whistleblowing__Encryption__MasterKeys__k1='$MASTER_KEY'"
      echo "export Whistleblowing__Receipt__Pepper='$PEPPER'"
    fi
    if [ "$name" = portal ]; then
      echo "exec dotnet '$dll'"
    else
      printf 'exec env'; while IFS= read -r setting; do printf " %q" "$setting"; done <<<"$ORGANISATION_NAMES"; echo " dotnet '$dll'"
    fi
  } > "$DIR/$name.run"
  if [ "$name" != portal ]; then
    psql "host=127.0.0.1 port=$PG_PORT user=postgres" -qc "CREATE DATABASE \"$db\"" >/dev/null 2>&1 || true
  fi
}

# start NAME: runs $DIR/NAME.run in the background, appending to its log.
start_service() {
  bash "$DIR/$1.run" >> "$DIR/logs/$1.log" 2>&1 &
  echo "$!" > "$DIR/$1.pid"
}

echo "== starting services (logs in $DIR/logs)"
for entry in "${SERVICES[@]}"; do
  # shellcheck disable=SC2086
  write_launcher $entry
  read -r name _ _ _ <<<"$entry"
  start_service "$name"
done

for entry in "${SERVICES[@]}"; do
  read -r name _ _ n <<<"$entry"
  probe=readyz
  [ "$name" = portal ] && probe=healthz
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$(web_port "$n")/$probe" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$(web_port "$n")/$probe" >/dev/null 2>&1 || { echo "$name did not become ready; see $DIR/logs/$name.log" >&2; tail -n 20 "$DIR/logs/$name.log" >&2; stop_all; exit 1; }
done

{
  echo "EHUB_DISTRIBUTED_DIR=$DIR"
  echo "EHUB_RABBITMQ_URL=$EHUB_RABBITMQ_URL"
  echo "EHUB_POSTGRES=$EHUB_POSTGRES"
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ n <<<"$entry"
    echo "EHUB_${name^^}_GRPC=http://127.0.0.1:$(grpc_port "$n")"
    echo "EHUB_${name^^}_WEB=http://127.0.0.1:$(web_port "$n")"
  done
} > "$DIR/env"

echo "== EducationHub is running distributed"
cat "$DIR/env"
if [ -n "${EHUB_DISTRIBUTED_DETACH:-}" ]; then exit 0; fi
trap stop_all EXIT INT TERM
wait
