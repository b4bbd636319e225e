"""Decode rich gRPC errors: google.rpc.Status carried in the grpc-status-details-bin trailer.

Done by hand from our compiled google.rpc protos (no grpcio-status dependency), so it also
shows that the bytes on the wire are a real google.rpc.Status.
"""
DETAILS_KEY = "grpc-status-details-bin"
TYPE_PREFIX = "type.googleapis.com/"


class StatusDetailsError(Exception):
    pass


def status_details(trailing_metadata, standard):
    """The decoded google.rpc.Status, or None if the trailer is absent."""
    blobs = [value for key, value in (trailing_metadata or ()) if key == DETAILS_KEY]
    if not blobs:
        return None
    if len(blobs) > 1:
        raise StatusDetailsError(f"{len(blobs)} {DETAILS_KEY} trailers")
    if isinstance(blobs[0], str):
        raise StatusDetailsError(f"{DETAILS_KEY} arrived as text, not binary")
    return standard.message("google.rpc.Status").FromString(blobs[0])


def unpack(any_message, standard):
    """(type name, message) for a google.protobuf.Any whose type we know, else (type name, None)."""
    if not any_message.type_url.startswith(TYPE_PREFIX):
        return any_message.type_url, None
    type_name = any_message.type_url[len(TYPE_PREFIX):]
    try:
        message_class = standard.message(type_name)
    except KeyError:
        return type_name, None
    return type_name, message_class.FromString(any_message.value)


def describe(status, standard):
    """A JSON-friendly summary: field and precondition violations plus every detail's type."""
    result = {"fieldViolations": [], "preconditionViolations": [], "detailTypes": []}
    for detail in status.details:
        type_name, message = unpack(detail, standard)
        result["detailTypes"].append(type_name)
        if type_name == "google.rpc.BadRequest":
            result["fieldViolations"] += [{"field": v.field, "description": v.description}
                                          for v in message.field_violations]
        elif type_name == "google.rpc.PreconditionFailure":
            result["preconditionViolations"] += [{"type": v.type, "subject": v.subject, "description": v.description}
                                                 for v in message.violations]
    return result
