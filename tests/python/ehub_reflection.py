"""A gRPC server reflection client (grpc.reflection.v1, falling back to v1alpha).

Given only a channel, it lists services and loads the file descriptors that define a symbol
(with their dependencies) into a private descriptor pool, so callers can build request and
response messages dynamically, as grpcurl does.
"""
import grpc
from google.protobuf import descriptor_pb2

import ehub_protos

VERSIONS = ("v1", "v1alpha")


class ReflectionError(Exception):
    pass


class ReflectionClient:
    def __init__(self, channel, standard=None, version=None, metadata=None, timeout=10.0):
        self.channel = channel
        self.standard = standard or ehub_protos.load_standard()
        self.metadata = metadata
        self.timeout = timeout
        self.version = version
        self.protos = ehub_protos.ProtoSet()
        self._files = {}

    def exchange(self, version, requests):
        """One ServerReflectionInfo stream carrying `requests` (field dicts); returns responses."""
        pkg = f"grpc.reflection.{version}"
        request_class = self.standard.message(pkg + ".ServerReflectionRequest")
        response_class = self.standard.message(pkg + ".ServerReflectionResponse")
        call = self.channel.stream_stream(f"/{pkg}.ServerReflection/ServerReflectionInfo",
                                          request_serializer=ehub_protos.serialize,
                                          response_deserializer=response_class.FromString)
        responses = list(call(iter([request_class(**r) for r in requests]), metadata=self.metadata, timeout=self.timeout))
        if len(responses) != len(requests):
            raise ReflectionError(f"{len(requests)} reflection requests got {len(responses)} responses")
        return responses

    def ask(self, request):
        """Send one request with the negotiated version (v1 first, v1alpha if v1 is missing)."""
        for version in [self.version] if self.version else VERSIONS:
            try:
                response = self.exchange(version, [request])[0]
            except grpc.RpcError as error:
                if error.code() == grpc.StatusCode.UNIMPLEMENTED and not self.version and version != VERSIONS[-1]:
                    continue
                raise
            self.version = version
            if response.WhichOneof("message_response") == "error_response":
                raise ReflectionError(f"reflection {version} error {response.error_response.error_code}: "
                                      f"{response.error_response.error_message} (request {request})")
            return response
        raise ReflectionError("the server implements no reflection version")

    def list_services(self):
        response = self.ask({"list_services": ""})
        return sorted(s.name for s in response.list_services_response.service)

    def _add_files(self, serialized_files):
        for blob in serialized_files:
            file_proto = descriptor_pb2.FileDescriptorProto.FromString(blob)
            self._files.setdefault(file_proto.name, file_proto)

    def _install(self, name, seen=()):
        """Add `name` to the pool after its dependencies, fetching any the server left out."""
        if self.protos.has_file(name):
            return
        if name in seen:
            raise ReflectionError(f"import cycle through {name}")
        if name not in self._files:
            self._add_files(self.ask({"file_by_filename": name}).file_descriptor_response.file_descriptor_proto)
            if name not in self._files:
                raise ReflectionError(f"server did not return {name}")
        file_proto = self._files[name]
        for dependency in file_proto.dependency:
            self._install(dependency, seen + (name,))
        self.protos.add_file(file_proto)

    def load_symbol(self, symbol):
        """Fetch and install the file defining `symbol`; returns that FileDescriptorProto."""
        response = self.ask({"file_containing_symbol": symbol})
        blobs = response.file_descriptor_response.file_descriptor_proto
        if not blobs:
            raise ReflectionError(f"no file descriptor for {symbol}")
        self._add_files(blobs)
        # The first file is the one defining the symbol; the rest are (some of) its imports.
        defining = descriptor_pb2.FileDescriptorProto.FromString(blobs[0])
        self._install(defining.name)
        return defining

    def service(self, full_name):
        self.load_symbol(full_name)
        return self.protos.service(full_name)
