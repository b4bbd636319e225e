#!/usr/bin/env bash
# Portal submission latency at 20 concurrent clients, with references measured in the same run
# (a static GET from the portal and the raw gRPC Submit), and the background receipt-hashing
# backlog each submission scenario leaves and how long it takes to drain. Production receipt
# settings (600,000 PBKDF2 iterations). Writes the tables to RESULTS.md's "Latest run".
set -euo pipefail
cd "$(dirname "$0")"
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench}
CLIENTS=${CLIENTS:-20}
SECONDS_PER_SCENARIO=${SECONDS_PER_SCENARIO:-15}
DRAIN_LIMIT_SECONDS=${DRAIN_LIMIT_SECONDS:-900}
dotnet build -c Release WhistleblowingBench.csproj -v q -nologo >/dev/null
DLL=/tmp/ehub-build/$EHUB_BUILD_SLOT/WhistleblowingBench/bin/Release/net10.0/WhistleblowingBench.dll
[ -f "$DLL" ] || DLL=bin/Release/net10.0/WhistleblowingBench.dll
OUT=$(mktemp)
{
  echo "## Latest run ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM; .NET $(dotnet --version)"
  echo
  dotnet "$DLL" "$CLIENTS" "$SECONDS_PER_SCENARIO" "$DRAIN_LIMIT_SECONDS"
} | tee "$OUT"
python3 - "$OUT" <<'PY'
import sys
latest = open(sys.argv[1]).read()
path = "RESULTS.md"
text = open(path).read()
marker = "<!-- latest -->"
head = text.split(marker)[0]
open(path, "w").write(head + marker + "\n" + latest)
PY
rm -f "$OUT"
