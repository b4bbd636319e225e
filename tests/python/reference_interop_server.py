#!/usr/bin/python3
"""A grpcio implementation of the interop.proto server contract: the control group.

Why it exists: when a client case fails against our server, running the same client against
this mainstream server tells whether the client or our server is wrong. It implements the
contract at the top of interop.proto except one point grpcio cannot observe: whether a request
message arrived compressed. grpcio hides grpc-encoding from handlers, so `expect_compressed`
always fails here and the client_compressed_* cases are expected to fail against this server.

  /usr/bin/python3 reference_interop_server.py --port 0     # prints "LISTENING <port>"
"""
import argparse
import sys
import time
from concurrent import futures

import grpc

import ehub_protos

PKG = "educationhub.testing.v1"
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


class TestService:
    def __init__(self, protos):
        self.p = protos

    def m(self, name, **fields):
        return self.p.message(PKG + "." + name)(**fields)

    def payload(self, size):
        return self.m("Payload", body=bytes(size))

    @staticmethod
    def _echo_metadata(context):
        metadata = dict(context.invocation_metadata())
        if ECHO_INITIAL in metadata:
            context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
        if ECHO_TRAILING in metadata:
            context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))

    @staticmethod
    def _maybe_abort(status, context):
        if status.code != 0:
            context.abort(grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == status.code)), status.message)

    @staticmethod
    def _request_compressed(context):
        return dict(context.invocation_metadata()).get("grpc-encoding", "identity") != "identity"

    def EmptyCall(self, request, context):
        return self.m("Empty")

    def UnaryCall(self, request, context):
        self._echo_metadata(context)
        if request.expect_compressed and not self._request_compressed(context):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "expected a compressed request")
        self._maybe_abort(request.response_status, context)
        if request.response_compressed:
            context.set_compression(grpc.Compression.Gzip)
        return self.m("SimpleResponse", payload=self.payload(request.response_size))

    def StreamingOutputCall(self, request, context):
        self._maybe_abort(request.response_status, context)
        for params in request.response_parameters:
            if self._sleep(params.interval_us, context):
                return
            yield self._streamed(params, context)

    def _streamed(self, params, context):
        if params.compressed:
            context.set_compression(grpc.Compression.Gzip)
        else:
            context.disable_next_message_compression()
        return self.m("StreamingOutputCallResponse", payload=self.payload(params.size))

    @staticmethod
    def _sleep(interval_us, context):
        """Sleeps, returning True if the call ended meanwhile."""
        deadline = time.monotonic() + interval_us / 1e6
        while time.monotonic() < deadline:
            if not context.is_active():
                return True
            time.sleep(min(0.01, max(0.0, deadline - time.monotonic())))
        return not context.is_active()

    def StreamingInputCall(self, requests, context):
        total = 0
        for request in requests:
            if request.expect_compressed and not self._request_compressed(context):
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "expected a compressed request")
            total += len(request.payload.body)
        return self.m("StreamingInputCallResponse", aggregated_payload_size=total)

    def FullDuplexCall(self, requests, context):
        self._echo_metadata(context)
        for request in requests:
            self._maybe_abort(request.response_status, context)
            for params in request.response_parameters:
                if self._sleep(params.interval_us, context):
                    return
                yield self._streamed(params, context)

    def HalfDuplexCall(self, requests, context):
        for request in list(requests):
            for params in request.response_parameters:
                yield self._streamed(params, context)

    def UnimplementedCall(self, request, context):
        context.abort(grpc.StatusCode.UNIMPLEMENTED, "UnimplementedCall is deliberately not implemented")

    def Echo(self, request, context):
        return request

    def ValidateCall(self, request, context):
        if not request.name or len(request.name) > 50 or not 0 <= request.age <= 150:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "invalid request")  # no rich details here
        return self.m("ValidatedResponse", greeting="Hello " + request.name)


def handlers(protos):
    service = TestService(protos)
    descriptor = protos.service(PKG + ".TestService")
    methods = {}
    for method in descriptor.methods:
        request_class = protos.message(method.input_type.full_name)
        kind = {(False, False): grpc.unary_unary_rpc_method_handler,
                (False, True): grpc.unary_stream_rpc_method_handler,
                (True, False): grpc.stream_unary_rpc_method_handler,
                (True, True): grpc.stream_stream_rpc_method_handler}[
            (method.client_streaming if hasattr(method, "client_streaming") else _streaming(method, "client"),
             method.server_streaming if hasattr(method, "server_streaming") else _streaming(method, "server"))]
        methods[method.name] = kind(getattr(service, method.name), request_deserializer=request_class.FromString,
                                    response_serializer=ehub_protos.serialize)
    return grpc.method_handlers_generic_handler(PKG + ".TestService", methods)


def _streaming(method, side):
    """Older protobuf runtimes expose streaming flags only on the MethodDescriptorProto."""
    from google.protobuf import descriptor_pb2

    proto = descriptor_pb2.MethodDescriptorProto()
    method.CopyToProto(proto)
    return proto.client_streaming if side == "client" else proto.server_streaming


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    server.add_generic_rpc_handlers((handlers(ehub_protos.load_interop()),))
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    server.start()
    print(f"LISTENING {port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    sys.exit(main())
