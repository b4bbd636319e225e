#!/usr/bin/python3
"""Given only a server address, prove what a generic tool (grpcurl, Postman, grpcui) relies on:

  reflection_list_v1 / reflection_list_v1alpha   list services through each reflection version
  reflection_describe   fetch descriptors by symbol/file name, build messages from them and call
  health_check          grpc.health.v1.Health/Check overall, per service, NOT_FOUND for unknown
  health_watch          Health/Watch streams the current status (SERVICE_UNKNOWN for unknown)
  validate_call         INVALID_ARGUMENT with google.rpc.BadRequest decoded from grpc-status-details-bin

No interop.proto is read: every TestService message here is built from reflected descriptors.
Exit 0 = all selected checks passed; otherwise stderr names the check and the difference.
"""
import argparse
import sys

import grpc

import ehub_protos
import ehub_status
from ehub_reflection import ReflectionClient

TEST_SERVICE = "educationhub.testing.v1.TestService"
HEALTH = "grpc.health.v1.Health"
SERVING, SERVICE_UNKNOWN = 1, 3


class Mismatch(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Mismatch(what)


def check_equal(actual, expected, what):
    if actual != expected:
        raise Mismatch(f"{what}: expected {expected!r}, got {actual!r}")


class Checks:
    def __init__(self, channel, timeout):
        self.channel = channel
        self.timeout = timeout
        self.standard = ehub_protos.load_standard()

    def _reflection(self, version=None):
        return ReflectionClient(self.channel, self.standard, version=version, timeout=self.timeout)

    def _list(self, version):
        services = self._reflection(version).list_services()
        for expected in (TEST_SERVICE, HEALTH):
            check(expected in services, f"reflection {version} list {services} lacks {expected}")

    def reflection_list_v1(self):
        self._list("v1")

    def reflection_list_v1alpha(self):
        self._list("v1alpha")

    def reflection_describe(self):
        for version in ("v1", "v1alpha"):
            reflection = self._reflection(version)
            service = reflection.service(TEST_SERVICE)
            check("Echo" in service.methods_by_name, f"{version}: reflected TestService has no Echo")
            echo = service.methods_by_name["Echo"]
            check(not echo.client_streaming and not echo.server_streaming, f"{version}: Echo is not unary")
            check(service.methods_by_name["FullDuplexCall"].client_streaming, f"{version}: FullDuplexCall not streaming")

            # A message built only from the reflected descriptor, sent and received.
            message_class = reflection.protos.message(echo.input_type.full_name)
            request = message_class(message="caf\u00e9 \u263a", payload=b"\x00\x01\xff")
            response = ehub_protos.unary(self.channel, f"/{TEST_SERVICE}/Echo", request,
                                         reflection.protos.message(echo.output_type.full_name), timeout=self.timeout)
            check_equal(response, request, f"{version}: Echo round trip of a reflected message")

            # Lookups by message symbol, by method symbol and by file name reach the same file.
            defining = reflection.load_symbol(TEST_SERVICE)
            for symbol in ("educationhub.testing.v1.SimpleRequest", TEST_SERVICE + ".UnaryCall"):
                check_equal(reflection.load_symbol(symbol).name, defining.name, f"{version}: file defining {symbol}")
            by_name = reflection.ask({"file_by_filename": defining.name}).file_descriptor_response
            check(len(by_name.file_descriptor_proto) >= 1, f"{version}: file_by_filename {defining.name} returned nothing")

            unary_call = service.methods_by_name["UnaryCall"]
            simple = reflection.protos.message(unary_call.input_type.full_name)(response_size=7)
            reply = ehub_protos.unary(self.channel, f"/{TEST_SERVICE}/UnaryCall", simple,
                                      reflection.protos.message(unary_call.output_type.full_name), timeout=self.timeout)
            check_equal(reply.payload.body, bytes(7), f"{version}: UnaryCall built from reflected descriptors")

            # An unknown symbol is an error_response (NOT_FOUND), not a broken stream.
            answer = reflection.exchange(version, [{"file_containing_symbol": "no.such.Symbol"}])[0]
            check_equal(answer.WhichOneof("message_response"), "error_response", f"{version}: unknown symbol response kind")
            check_equal(answer.error_response.error_code, grpc.StatusCode.NOT_FOUND.value[0], f"{version}: unknown symbol error code")

    def _health_check(self, service):
        return ehub_protos.unary(self.channel, f"/{HEALTH}/Check",
                                 self.standard.message("grpc.health.v1.HealthCheckRequest")(service=service),
                                 self.standard.message("grpc.health.v1.HealthCheckResponse"), timeout=self.timeout)

    def health_check(self):
        check_equal(self._health_check("").status, SERVING, "overall health status")
        check_equal(self._health_check(TEST_SERVICE).status, SERVING, f"{TEST_SERVICE} health status")
        try:
            self._health_check("no.such.Service")
        except grpc.RpcError as error:
            check_equal(error.code(), grpc.StatusCode.NOT_FOUND, "Check of an unknown service")
        else:
            raise Mismatch("Check of an unknown service succeeded; expected NOT_FOUND")

    def _first_watch_status(self, service):
        call = self.channel.unary_stream(f"/{HEALTH}/Watch", request_serializer=ehub_protos.serialize,
                                         response_deserializer=self.standard.message("grpc.health.v1.HealthCheckResponse").FromString)
        stream = call(self.standard.message("grpc.health.v1.HealthCheckRequest")(service=service), timeout=self.timeout)
        try:
            return next(stream).status
        finally:
            stream.cancel()  # Watch never ends by itself: the client leaves

    def health_watch(self):
        check_equal(self._first_watch_status(""), SERVING, "Watch('') first status")
        check_equal(self._first_watch_status(TEST_SERVICE), SERVING, f"Watch({TEST_SERVICE}) first status")
        check_equal(self._first_watch_status("no.such.Service"), SERVICE_UNKNOWN, "Watch of an unknown service")

    def validate_call(self):
        reflection = self._reflection()
        method = reflection.service(TEST_SERVICE).methods_by_name["ValidateCall"]
        request_class = reflection.protos.message(method.input_type.full_name)
        response_class = reflection.protos.message(method.output_type.full_name)
        call = lambda request: ehub_protos.unary(self.channel, f"/{TEST_SERVICE}/ValidateCall", request,
                                                 response_class, timeout=self.timeout)
        check(call(request_class(name="Ada", age=36)).greeting, "a valid ValidateCall returned no greeting")
        try:
            call(request_class(name="", age=200))
        except grpc.RpcError as error:
            check_equal(error.code(), grpc.StatusCode.INVALID_ARGUMENT, "ValidateCall status code")
            status = ehub_status.status_details(error.trailing_metadata(), self.standard)
            check(status is not None, "no grpc-status-details-bin trailer on INVALID_ARGUMENT")
            check_equal(status.code, grpc.StatusCode.INVALID_ARGUMENT.value[0], "google.rpc.Status.code")
            check_equal(status.message, error.details(), "google.rpc.Status.message vs grpc-message")
            summary = ehub_status.describe(status, self.standard)
            check("google.rpc.BadRequest" in summary["detailTypes"], f"details {summary['detailTypes']} lack BadRequest")
            fields = sorted(v["field"] for v in summary["fieldViolations"])
            check_equal(fields, ["age", "name"], "BadRequest field violation fields")
            check(all(v["description"] for v in summary["fieldViolations"]), "a field violation has no description")
        else:
            raise Mismatch("ValidateCall with an empty name and age 200 succeeded")


CHECKS = ["reflection_list_v1", "reflection_list_v1alpha", "reflection_describe", "health_check", "health_watch",
          "validate_call"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", required=True)
    parser.add_argument("--check", default="all", choices=CHECKS + ["all"])
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    checks = Checks(grpc.insecure_channel(args.address), args.timeout)
    failed = 0
    for name in CHECKS if args.check == "all" else [args.check]:
        try:
            getattr(checks, name)()
            print(f"PASS {name}")
        except Mismatch as mismatch:
            failed += 1
            print(f"FAIL {name}: {mismatch}", file=sys.stderr)
        except grpc.RpcError as error:
            failed += 1
            print(f"FAIL {name}: unexpected RPC error {error.code().name}: {error.details()!r}", file=sys.stderr)
        except Exception as error:
            failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
