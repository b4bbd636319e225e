#!/usr/bin/env bash
# Builds the reference C++ server and the streaming client into $1 (default ./build) with
# protoc + grpc_cpp_plugin and g++ against Debian's libgrpc++-dev. -O2, no debug.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/build}
mkdir -p "$out/gen"
protoc -I "$here/../protos" --cpp_out="$out/gen" --grpc_out="$out/gen" \
  --plugin=protoc-gen-grpc="$(command -v grpc_cpp_plugin)" "$here/../protos/bench.proto"
flags="$(pkg-config --cflags grpc++ protobuf) -O2 -std=c++17 -I$out/gen"
libs="$(pkg-config --libs grpc++ protobuf) -lpthread"
g++ $flags -c "$out/gen/bench.pb.cc" -o "$out/bench.pb.o"
g++ $flags -c "$out/gen/bench.grpc.pb.cc" -o "$out/bench.grpc.pb.o"
g++ $flags "$here/echo_server.cc" "$out/bench.pb.o" "$out/bench.grpc.pb.o" -o "$out/echo_server" $libs
g++ $flags "$here/stream_client.cc" "$out/bench.pb.o" "$out/bench.grpc.pb.o" -o "$out/stream_client" $libs
echo "built $out/echo_server $out/stream_client"
