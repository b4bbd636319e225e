#!/usr/bin/env bash
# The one test command: installs what the tests need, starts RabbitMQ and PostgreSQL on
# 127.0.0.1 in a temp directory, runs every test suite, stops what it started (also on
# failure or Ctrl+C) and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
source deploy/local/lib-infra.sh

APT_PACKAGES=(rabbitmq-server postgresql python3-grpcio python3-grpc-tools nghttp2-client
  chromium yamllint libgrpc++-dev protobuf-compiler-grpc g++ openssl python3-cryptography curl)

install_prerequisites() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    # Packages must not start their own system-wide servers: the tests start private ones.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install failed" >&2; exit 1; }
  fi
  command -v node >/dev/null && command -v npm >/dev/null || { echo "Node.js and npm are needed (the machine image provides them)" >&2; exit 1; }
  command -v kubectl >/dev/null || { echo "kubectl (for kustomize) is needed" >&2; exit 1; }
  # Reinstall the Node peers whenever the lock file changed since the last install.
  local lock_hash
  lock_hash=$(sha256sum tests/node/package-lock.json | cut -d' ' -f1)
  if [ "$(cat tests/node/node_modules/.ehub-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
    echo "== npm ci (tests/node)"
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 1; }
    echo "$lock_hash" > tests/node/node_modules/.ehub-lock-hash
  fi
}

WORK=""
cleanup() {
  stop_rabbitmq
  stop_postgres
  [ -n "$WORK" ] && [ -z "${EHUB_KEEP_TEST_DIR:-}" ] && rm -rf "$WORK"
}

install_prerequisites
WORK=$(mktemp -d /tmp/ehub-test.XXXXXX)
chmod 755 "$WORK"
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== starting RabbitMQ and PostgreSQL on 127.0.0.1"
start_rabbitmq "$WORK" || exit 1
start_postgres "$WORK" || exit 1
export EHUB_TEST_RABBITMQ="$EHUB_RABBITMQ_URL"
export EHUB_TEST_POSTGRES="$EHUB_POSTGRES"
export EHUB_TEST_RABBITMQ_CONTROL="$ROOT/deploy/local/rabbitmq-control.sh"
export EHUB_SHARED_DATA="${EHUB_SHARED_DATA:-$(cd "$ROOT/.." && pwd)/shared/data}"
export EHUB_TEST_ARTIFACTS="${EHUB_TEST_ARTIFACTS:-$ROOT/artifacts/test}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$EHUB_TEST_ARTIFACTS"

echo "== building"
if ! dotnet build EducationHub.sln -c Release -v quiet -nologo > "$WORK/build.log" 2>&1; then
  grep -E "error" "$WORK/build.log" | sort -u | head -50
  echo "0 passed, 1 failed (build)"
  exit 1
fi

RESULTS="$WORK/results"
mkdir -p "$RESULTS"
crashed=0
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" --blame-hang-timeout 5m 2>&1 | grep -vE "^\s*$" | tail -n 40
  if [ ! -f "$RESULTS/$name.trx" ]; then
    echo "   (no results from $name: the run crashed)"
    crashed=$((crashed + 1))
  fi
done

python3 - "$RESULTS" "$crashed" <<'PY'
import glob, re, sys
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(trx, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m:
        failed += 1
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(attrs.get("passed", 0))
    counted = int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
    failed += counted
    skipped += int(attrs.get("notExecuted", 0))
    # A test host that crashes leaves a trx whose counters show only the tests that finished, all
    # passed, under an outcome of Failed: the crash itself must count.
    outcome = re.search(r'<ResultSummary outcome="(\w+)"', text)
    if outcome and outcome.group(1) in ("Failed", "Aborted", "Error") and counted == 0:
        print(f"   ({trx.rsplit('/', 1)[-1]}: the run ended {outcome.group(1)} with no failed test: the test host crashed; counted as one failure)")
        failed += 1
failed += int(sys.argv[2])
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
