#!/usr/bin/python3
"""One real Echo call with grpcio before load: the server must return the request unchanged with
status OK, and StreamEcho must stream what was asked. Exits non-zero otherwise, so a
benchmark never measures a server that answers wrongly (h2load only sees HTTP 200s)."""
import os
import sys

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "python"))
import ehub_protos  # noqa: E402

import make_request  # noqa: E402

address, protos_dir = sys.argv[1], sys.argv[2]
protos = ehub_protos.load([os.path.join(protos_dir, "bench.proto")], [protos_dir])
echo_class = protos.message("educationhub.bench.v1.EchoMessage")
request = echo_class.FromString(make_request.echo_message())
with grpc.insecure_channel(address) as channel:
    response = ehub_protos.unary(channel, "/educationhub.bench.v1.BenchService/Echo", request, echo_class, timeout=10)
    if response != request:
        sys.exit(f"Echo returned {response!r}, expected {request!r}")
    stream = channel.unary_stream("/educationhub.bench.v1.BenchService/StreamEcho", request_serializer=ehub_protos.serialize,
                                  response_deserializer=echo_class.FromString)
    sizes = [len(m.payload) for m in stream(protos.message("educationhub.bench.v1.StreamRequest")(count=3, payload_size=64), timeout=10)]
    if sizes != [64, 64, 64]:
        sys.exit(f"StreamEcho returned payload sizes {sizes}, expected [64, 64, 64]")
