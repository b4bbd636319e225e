using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace EducationHub.Grpc;

/// <summary>
/// Builds RpcExceptions with rich error details (a google.rpc.Status in grpc-status-details-bin).
/// Use with <c>throw</c>: <c>throw RpcErrors.NotFound("school", urn);</c>
/// </summary>
public static class RpcErrors
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string Domain = "educationhub";

    public static RpcException InvalidArgument(FieldErrors errors, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var detail = message ?? DescribeViolations(errors);
        return WithDetails(StatusCode.InvalidArgument, detail, errors.ToBadRequest());
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument(new FieldErrors().Add(field, description));

    /// <summary>FAILED_PRECONDITION with a PreconditionFailure; <paramref name="allowed"/> lists the states in which the operation is allowed.</summary>
    public static RpcException FailedPrecondition(string message, IEnumerable<string>? allowed = null, string subject = "", string type = "STATE")
    {
        var violation = new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = message };
        if (allowed is not null)
        {
            var list = string.Join(", ", allowed);
            if (list.Length > 0)
            {
                violation.Description = message + " (allowed: " + list + ")";
            }
        }

        var failure = new PreconditionFailure();
        failure.Violations.Add(violation);
        return WithDetails(StatusCode.FailedPrecondition, message, failure);
    }

    public static RpcException NotFound(string resourceType, string resourceName, string? message = null) =>
        WithResource(StatusCode.NotFound, "NOT_FOUND", resourceType, resourceName, message ?? $"{resourceType} '{resourceName}' was not found.");

    public static RpcException AlreadyExists(string resourceType, string resourceName, string? message = null) =>
        WithResource(StatusCode.AlreadyExists, "ALREADY_EXISTS", resourceType, resourceName, message ?? $"{resourceType} '{resourceName}' already exists.");

    public static RpcException PermissionDenied(string message, string reason = "PERMISSION_DENIED") =>
        WithDetails(StatusCode.PermissionDenied, message, new ErrorInfo { Reason = reason, Domain = Domain });

    /// <summary>An RpcException whose trailers carry google.rpc.Status{code, message, details}.</summary>
    public static RpcException WithDetails(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        var trailers = new Metadata { { StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers);
    }

    /// <summary>The google.rpc.Status in the exception's trailers, or null.</summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var bytes = exception.Trailers.GetValueBytes(StatusDetailsTrailer);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>The first detail of type <typeparamref name="T"/> in the status details, or null.</summary>
    public static T? GetDetail<T>(this RpcException exception)
        where T : class, IMessage<T>, new()
    {
        var status = exception.GetRpcStatus();
        if (status is null)
        {
            return null;
        }

        var descriptor = new T().Descriptor;
        foreach (var any in status.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }

        return null;
    }

    public static BadRequest? GetBadRequest(this RpcException exception) => exception.GetDetail<BadRequest>();

    public static PreconditionFailure? GetPreconditionFailure(this RpcException exception) => exception.GetDetail<PreconditionFailure>();

    public static ErrorInfo? GetErrorInfo(this RpcException exception) => exception.GetDetail<ErrorInfo>();

    private static RpcException WithResource(StatusCode code, string reason, string resourceType, string resourceName, string message)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        info.Metadata["resource_type"] = resourceType;
        info.Metadata["resource_name"] = resourceName;
        return WithDetails(code, message, info, new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });
    }

    private static string DescribeViolations(FieldErrors errors)
    {
        var parts = new string[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            parts[i] = errors.Violations[i].Field + ": " + errors.Violations[i].Description;
        }

        return "Invalid request: " + string.Join("; ", parts);
    }
}
