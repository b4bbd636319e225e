#!/usr/bin/python3
"""Call any EducationHub gRPC method from a real third-party client (Python grpcio), like grpcurl.

Knows nothing about our protos: it discovers the method through server reflection, builds the
request from JSON, and prints ONE line of JSON on stdout:

  {"ok": true, "response": {...}}                      unary / client-streaming
  {"ok": true, "response": [{...}, ...]}               server-streaming / bidi (all messages)
  {"ok": false, "code": "INVALID_ARGUMENT", "message": "...",
   "fieldViolations": [{"field": ..., "description": ...}],
   "preconditionViolations": [{"type": ..., "subject": ..., "description": ...}],
   "detailTypes": ["google.rpc.BadRequest"], "response": [...partial stream...]}

Exit 0 whenever the method was called (whatever its status); exit 2 with a message on stderr
when it could not be (bad arguments, no reflection, unknown method, bad request JSON).
JSON uses the proto3 JSON mapping with lowerCamelCase names and default values included.
Client-streaming and bidi methods take a JSON array of requests.

  /usr/bin/python3 ehub_grpc_call.py 127.0.0.1:5000 educationhub.governance.v1.GovernanceService/IssueNotice \\
      '{"urn": "100000"}' --bearer "$TOKEN" --metadata "x-request-id: 42"
"""
import argparse
import base64
import json
import sys

import grpc
from google.protobuf import json_format

import ehub_protos
import ehub_status
from ehub_reflection import ReflectionClient, ReflectionError


class UsageError(Exception):
    pass


def parse_metadata(pairs, bearer):
    metadata = []
    for pair in pairs:
        key, sep, value = pair.partition(":")
        if not sep:
            raise UsageError(f"metadata {pair!r} is not 'key: value'")
        key, value = key.strip().lower(), value.strip()
        metadata.append((key, base64.b64decode(value) if key.endswith("-bin") else value))
    if bearer:
        metadata.append(("authorization", "Bearer " + bearer))
    return tuple(metadata)


def split_method(full_method):
    service, sep, method = full_method.strip("/").rpartition("/")
    if not sep or not service or not method:
        raise UsageError(f"method {full_method!r} is not 'package.Service/Method'")
    return service, method


def to_json(message, pool):
    return json_format.MessageToDict(message, including_default_value_fields=True, descriptor_pool=pool)


def build_requests(text, request_class, pool, client_streaming):
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"request is not JSON: {error}") from error
    if client_streaming != isinstance(value, list):
        raise UsageError("client-streaming methods take a JSON array; others a JSON object")
    values = value if client_streaming else [value]
    try:
        return [json_format.ParseDict(v, request_class(), descriptor_pool=pool) for v in values]
    except json_format.ParseError as error:
        raise UsageError(f"request does not match {request_class.DESCRIPTOR.full_name}: {error}") from error


def invoke(channel, path, method, requests, response_class, metadata, timeout, pool):
    """Returns the result dict; partial stream responses are kept even on error."""
    kind = {(False, False): "unary_unary", (False, True): "unary_stream",
            (True, False): "stream_unary", (True, True): "stream_stream"}[(method.client_streaming, method.server_streaming)]
    stub = getattr(channel, kind)(path, request_serializer=ehub_protos.serialize,
                                  response_deserializer=response_class.FromString)
    argument = iter(requests) if method.client_streaming else requests[0]
    received = []
    try:
        if method.server_streaming:
            call = stub(argument, metadata=metadata, timeout=timeout)
            for message in call:
                received.append(to_json(message, pool))
            return {"ok": True, "response": received}
        response, _ = stub.with_call(argument, metadata=metadata, timeout=timeout)
        return {"ok": True, "response": to_json(response, pool)}
    except grpc.RpcError as error:
        result = {"ok": False, "code": error.code().name, "message": error.details() or ""}
        result.update({"fieldViolations": [], "preconditionViolations": [], "detailTypes": []})
        if method.server_streaming:
            result["response"] = received
        return result, error


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("address", help="host:port")
    parser.add_argument("method", help="package.Service/Method")
    parser.add_argument("request", nargs="?", default="{}", help="request JSON ('-' reads stdin)")
    parser.add_argument("--metadata", "-H", action="append", default=[], help="'key: value' (-bin values base64)")
    parser.add_argument("--bearer", help="adds 'authorization: Bearer <token>'")
    parser.add_argument("--timeout", type=float, default=30.0, help="deadline in seconds")
    parser.add_argument("--tls-root", help="PEM root certificate; enables TLS")
    parser.add_argument("--server-host-override", help="TLS name to verify instead of the address host")
    args = parser.parse_args(argv)

    try:
        metadata = parse_metadata(args.metadata, args.bearer)
        service_name, method_name = split_method(args.method)
        request_text = sys.stdin.read() if args.request == "-" else args.request
        channel = open_channel(args)
        standard = ehub_protos.load_standard()
        reflection = ReflectionClient(channel, standard, timeout=args.timeout)
        try:
            service = reflection.service(service_name)
        except KeyError as error:
            raise UsageError(f"service {service_name} not found via reflection") from error
        method = service.methods_by_name.get(method_name)
        if method is None:
            raise UsageError(f"{service_name} has no method {method_name} "
                             f"(it has: {', '.join(m.name for m in service.methods)})")
        pool = reflection.protos.pool
        request_class = reflection.protos.message(method.input_type.full_name)
        response_class = reflection.protos.message(method.output_type.full_name)
        requests = build_requests(request_text, request_class, pool, method.client_streaming)
    except (UsageError, ReflectionError) as error:
        print(f"ehub_grpc_call: {error}", file=sys.stderr)
        return 2
    except grpc.RpcError as error:
        print(f"ehub_grpc_call: reflection failed: {error.code().name}: {error.details()}", file=sys.stderr)
        return 2

    outcome = invoke(channel, "/" + service_name + "/" + method_name, method, requests, response_class,
                     metadata, args.timeout, pool)
    if isinstance(outcome, tuple):
        result, error = outcome
        status = ehub_status.status_details(error.trailing_metadata(), standard)
        if status is not None:
            result.update(ehub_status.describe(status, standard))
            if status.code != error.code().value[0]:
                result["detailsCodeMismatch"] = status.code  # a server bug worth seeing
        outcome = result
    print(json.dumps(outcome, ensure_ascii=False))
    channel.close()
    return 0


def open_channel(args):
    if not args.tls_root:
        return grpc.insecure_channel(args.address)
    with open(args.tls_root, "rb") as f:
        credentials = grpc.ssl_channel_credentials(root_certificates=f.read())
    options = [("grpc.ssl_target_name_override", args.server_host_override)] if args.server_host_override else []
    return grpc.secure_channel(args.address, credentials, options=options)


if __name__ == "__main__":
    sys.exit(main())
