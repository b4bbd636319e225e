"""Compile .proto files at run time and load them as dynamic message classes.

Why not generated *_pb2.py modules: the Debian grpc_tools ships an old protoc (3.5) whose
generated Python code does not load under the newer protobuf runtime, and the peers must read
the very .proto files the server was built from. So we ask protoc for a FileDescriptorSet
(with imports) and build message classes from it with descriptor_pool + message_factory.
"""
import hashlib
import os
import subprocess
import sys
import tempfile

from google.protobuf import descriptor_pb2, descriptor_pool

try:  # protobuf >= 4.21
    from google.protobuf.message_factory import GetMessageClass as _get_message_class
except ImportError:  # pragma: no cover - older runtimes
    from google.protobuf import message_factory as _mf

    _factory = _mf.MessageFactory()

    def _get_message_class(descriptor):
        return _factory.GetPrototype(descriptor)


REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PYTHON_DIR = os.path.dirname(os.path.abspath(__file__))
INTEROP_PROTO = os.path.join(REPO_ROOT, "tests", "EducationHub.Testing", "Protos", "interop.proto")
# Our own copies of the standard wire contracts (health, reflection, google.rpc).
STANDARD_PROTOS_ROOT = os.path.join(PYTHON_DIR, "protos")


def _well_known_include():
    import grpc_tools

    return os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")


def compile_descriptor_set(proto_files, include_dirs):
    """Run grpc_tools.protoc into a temp dir and return the FileDescriptorSet."""
    with tempfile.TemporaryDirectory(prefix="ehub-protoc-") as tmp:
        out = os.path.join(tmp, "set.pb")
        args = [sys.executable, "-m", "grpc_tools.protoc", "--include_imports", "--descriptor_set_out=" + out]
        args += ["-I" + d for d in include_dirs] + ["-I" + _well_known_include()]
        args += list(proto_files)
        result = subprocess.run(args, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("protoc failed: " + result.stderr.strip())
        file_set = descriptor_pb2.FileDescriptorSet()
        with open(out, "rb") as f:
            file_set.ParseFromString(f.read())
        return file_set


class ProtoSet:
    """A private descriptor pool; `message('pkg.Type')` returns a message class."""

    def __init__(self):
        self.pool = descriptor_pool.DescriptorPool()
        self._added = set()

    def add_file_set(self, file_set):
        for file_proto in file_set.file:
            self.add_file(file_proto)
        return self

    def add_file(self, file_proto):
        if file_proto.name in self._added:
            return
        try:
            self.pool.Add(file_proto)
        except TypeError:  # older runtimes only accept the serialized form
            self.pool.AddSerializedFile(file_proto.SerializeToString())
        self._added.add(file_proto.name)

    def has_file(self, name):
        return name in self._added

    def message(self, full_name):
        return _get_message_class(self.pool.FindMessageTypeByName(full_name))

    def service(self, full_name):
        return self.pool.FindServiceByName(full_name)


def load(proto_files, include_dirs):
    return ProtoSet().add_file_set(compile_descriptor_set(proto_files, include_dirs))


def load_interop(proto_path=None):
    proto_path = os.path.abspath(proto_path or INTEROP_PROTO)
    return load([proto_path], [os.path.dirname(proto_path)])


STANDARD_FILES = [
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
]


def load_standard():
    """Health (grpc.health.v1), reflection (v1, v1alpha) and google.rpc status/error details.

    These never change between calls, so the compiled set is cached in the temp dir keyed by
    the sources' hash: ehub_grpc_call.py runs once per call and must not pay protoc each time.
    """
    paths = [os.path.join(STANDARD_PROTOS_ROOT, f) for f in STANDARD_FILES]
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            digest.update(path.encode() + b"\0" + f.read())
    cache = os.path.join(tempfile.gettempdir(), f"ehub-standard-protos-{digest.hexdigest()[:16]}.pb")
    file_set = descriptor_pb2.FileDescriptorSet()
    try:
        with open(cache, "rb") as f:
            file_set.ParseFromString(f.read())
    except (OSError, ValueError):
        file_set = compile_descriptor_set(paths, [STANDARD_PROTOS_ROOT])
        partial = f"{cache}.{os.getpid()}"
        with open(partial, "wb") as f:
            f.write(file_set.SerializeToString())
        os.replace(partial, cache)  # atomic: concurrent callers never read half a file
    return ProtoSet().add_file_set(file_set)


def unary(channel, method, request, response_class, **kwargs):
    """Call a unary method without generated stubs (method = '/pkg.Service/Method')."""
    call = channel.unary_unary(method, request_serializer=_serialize, response_deserializer=response_class.FromString)
    return call(request, **kwargs)


def _serialize(message):
    return message.SerializeToString()


serialize = _serialize
