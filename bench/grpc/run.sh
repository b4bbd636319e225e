#!/usr/bin/env bash
# gRPC benchmark (not a test): our layer (EchoServer) vs a reference C++ server (Debian
# libgrpc++) vs a @grpc/grpc-js server, all serving protos/bench.proto on 127.0.0.1.
#
#   bench/grpc/run.sh                 # ROUNDS=3 N=200000 C=16 M=32 STREAM_COUNT=100000 STREAMS=4
#
# Per round and server (servers interleaved, a fresh process each time): start, preflight one
# real Echo call (grpcio) to prove the server answers correctly, warm up (WARMUP requests), then
#   unary:     h2load -n N -c C -m M -t 1 (h2c, POST of one 5-byte-framed EchoMessage,
#              content-type: application/grpc, te: trailers); req/s, p50/p99 from --log-file
#   streaming: cpp/stream_client: STREAMS concurrent StreamEcho calls of STREAM_COUNT 64-byte
#              messages each; messages/s
#   memory:    VmHWM (peak RSS) of the server process after both
# then writes RESULTS.md (medians over rounds, every round listed). Needs nghttp2-client,
# libgrpc++-dev, protobuf-compiler-grpc, g++, node + tests/node/node_modules, the .NET SDK.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
ROUNDS=${ROUNDS:-3}
N=${N:-200000}
C=${C:-16}
M=${M:-32}
WARMUP=${WARMUP:-20000}
STREAM_COUNT=${STREAM_COUNT:-100000}
STREAMS=${STREAMS:-4}
export EHUB_BUILD_SLOT=${EHUB_BUILD_SLOT:-bench}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build="$here/build"
# Inside build/ (ignored by git), not /tmp: other sessions sweep /tmp/ehub-* while we run.
mkdir -p "$here/build"
work=$(mktemp -d "$here/build/run.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building"
mkdir -p "$build"
dotnet build "$here/EchoServer/EchoServer.csproj" -c Release -v q -nologo > "$work/dotnet-build.log" 2>&1 \
  || { cat "$work/dotnet-build.log"; exit 1; }
ours_dll="/tmp/ehub-build/$EHUB_BUILD_SLOT/EchoServer/bin/Release/net10.0/EchoServer.dll"
"$here/cpp/build.sh" "$build/cpp" > "$work/cpp-build.log" 2>&1 || { cat "$work/cpp-build.log"; exit 1; }
if [ ! -d "$root/tests/node/node_modules/@grpc/grpc-js" ]; then
  (cd "$root/tests/node" && npm ci --no-audit --no-fund --loglevel=error)
fi
/usr/bin/python3 "$here/make_request.py" "$work/echo.bin"

start_server() {  # $1 = name; sets server_pid and port
  local log="$work/$1.server.log"
  case "$1" in
    ours) dotnet "$ours_dll" 0 > "$log" 2>&1 & ;;
    cpp) "$build/cpp/echo_server" 0 > "$log" 2>&1 & ;;
    grpc-js) node "$here/node/echo_server.js" 0 > "$log" 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/^LISTENING \([0-9]*\)$/\1/p' "$log")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "$1 did not start:" >&2; cat "$log" >&2; exit 1
}

h2() {  # $1 = requests, $2 = log file
  h2load -n "$1" -c "$C" -m "$M" -t 1 -H 'content-type: application/grpc' -H 'te: trailers' \
    -d "$work/echo.bin" ${2:+--log-file="$2"} "http://127.0.0.1:$port/educationhub.bench.v1.BenchService/Echo"
}

H2LOAD_COMMAND="h2load -n $N -c $C -m $M -t 1 -H 'content-type: application/grpc' -H 'te: trailers' -d echo.bin --log-file=requests.log http://127.0.0.1:PORT/educationhub.bench.v1.BenchService/Echo"
STREAM_COMMAND="build/cpp/stream_client 127.0.0.1:PORT $STREAM_COUNT 64 $STREAMS"
records="$work/records.jsonl"
: > "$records"
uptime > "$work/load-before.txt"
for round in $(seq 1 "$ROUNDS"); do
  for server in cpp ours grpc-js; do
    echo "== round $round: $server"
    start_server "$server"
    /usr/bin/python3 "$here/preflight.py" "127.0.0.1:$port" "$here/protos"
    h2 "$WARMUP" "" > /dev/null
    rm -f "$work/requests.log"  # h2load appends to its --log-file
    h2 "$N" "$work/requests.log" > "$work/h2load.txt"
    "$build/cpp/stream_client" "127.0.0.1:$port" "$STREAM_COUNT" 64 "$STREAMS" > "$work/stream.json"
    hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status")
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    /usr/bin/python3 "$here/record.py" "$server" "$round" "$work/h2load.txt" "$work/requests.log" \
      "$work/stream.json" "$hwm_kb" "$N" >> "$records"
    tail -n 1 "$records"
  done
done
uptime > "$work/load-after.txt"

/usr/bin/python3 "$here/report.py" "$records" "$here/RESULTS.md" \
  --h2load-command "$H2LOAD_COMMAND" --stream-command "$STREAM_COMMAND" \
  --rounds "$ROUNDS" --warmup "$WARMUP" \
  --load-before "$(cat "$work/load-before.txt")" --load-after "$(cat "$work/load-after.txt")"
echo "== wrote $here/RESULTS.md"
