#!/usr/bin/python3
"""Writes the h2load request body: one gRPC frame (flag 0, 4-byte big-endian length) holding an
EchoMessage {message: "hello, EducationHub", payload: 64 zero bytes} (87 bytes encoded)."""
import struct
import sys

MESSAGE = b"hello, EducationHub"
PAYLOAD = bytes(64)


def echo_message():
    # Hand-encoded so the body does not depend on any protobuf runtime: field 1 and 2, wire type 2.
    return b"\x0a" + bytes([len(MESSAGE)]) + MESSAGE + b"\x12" + bytes([len(PAYLOAD)]) + PAYLOAD


if __name__ == "__main__":
    body = echo_message()
    with open(sys.argv[1], "wb") as f:
        f.write(b"\x00" + struct.pack(">I", len(body)) + body)
