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
import os
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


class Reflection:
    """grpc.reflection (v1 / v1alpha) over the compiled interop file set: list and by-symbol/file."""

    def __init__(self, version, file_set, standard, services):
        self.pkg = f"grpc.reflection.{version}"
        self.files = {f.name: f for f in file_set.file}
        self.standard = standard
        self.services = services

    def _defining(self, symbol):
        for f in self.files.values():
            prefix = f.package + "." if f.package else ""
            names = [prefix + m.name for m in f.message_type] + [prefix + s.name for s in f.service]
            names += [prefix + s.name + "." + m.name for s in f.service for m in s.method]
            if symbol in names:
                return f
        return None

    def _with_imports(self, f):
        ordered = [f]
        for dependency in f.dependency:
            ordered += [d for d in self._with_imports(self.files[dependency]) if d not in ordered]
        return ordered

    def ServerReflectionInfo(self, requests, context):
        response_class = self.standard.message(self.pkg + ".ServerReflectionResponse")
        for request in requests:
            response = response_class(original_request=request)
            which = request.WhichOneof("message_request")
            if which == "list_services":
                for name in self.services:
                    response.list_services_response.service.add(name=name)
            else:
                f = self._defining(request.file_containing_symbol) if which == "file_containing_symbol" \
                    else self.files.get(request.file_by_filename) if which == "file_by_filename" else None
                if f is None:
                    response.error_response.error_code = grpc.StatusCode.NOT_FOUND.value[0]
                    response.error_response.error_message = f"not found: {which}"
                else:
                    response.file_descriptor_response.file_descriptor_proto.extend(
                        d.SerializeToString() for d in self._with_imports(f))
            yield response


class Health:
    def __init__(self, standard, services):
        self.response = standard.message("grpc.health.v1.HealthCheckResponse")
        self.services = set(services) | {""}

    def Check(self, request, context):
        if request.service not in self.services:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
        return self.response(status=1)

    def Watch(self, request, context):
        yield self.response(status=1 if request.service in self.services else 3)
        while context.is_active():
            time.sleep(0.1)


def generic(protos, service_name, implementation):
    """A generic handler binding each method of the descriptor to the same-named Python method."""
    methods = {}
    for method in protos.service(service_name).methods:
        kind = {(False, False): grpc.unary_unary_rpc_method_handler,
                (False, True): grpc.unary_stream_rpc_method_handler,
                (True, False): grpc.stream_unary_rpc_method_handler,
                (True, True): grpc.stream_stream_rpc_method_handler}[(method.client_streaming, method.server_streaming)]
        methods[method.name] = kind(getattr(implementation, method.name),
                                    request_deserializer=protos.message(method.input_type.full_name).FromString,
                                    response_serializer=ehub_protos.serialize)
    return grpc.method_handlers_generic_handler(service_name, methods)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    file_set = ehub_protos.compile_descriptor_set([ehub_protos.INTEROP_PROTO], [os.path.dirname(ehub_protos.INTEROP_PROTO)])
    interop = ehub_protos.ProtoSet().add_file_set(file_set)
    standard = ehub_protos.load_standard()
    services = [PKG + ".TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection"]
    server.add_generic_rpc_handlers((
        generic(interop, PKG + ".TestService", TestService(interop)),
        generic(standard, "grpc.health.v1.Health", Health(standard, services)),
        generic(standard, "grpc.reflection.v1.ServerReflection", Reflection("v1", file_set, standard, services)),
        generic(standard, "grpc.reflection.v1alpha.ServerReflection", Reflection("v1alpha", file_set, standard, services)),
    ))
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    server.start()
    print(f"LISTENING {port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    sys.exit(main())
