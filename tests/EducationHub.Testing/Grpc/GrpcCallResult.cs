using System.Text.Json;
using EducationHub.Grpc;

namespace EducationHub.Testing.Grpc;

/// <summary>One google.rpc.BadRequest field violation as a third-party client decoded it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>One google.rpc.PreconditionFailure violation as a third-party client decoded it.</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);

/// <summary>
/// The outcome of a call made by <see cref="PythonGrpcClient"/>. On success <see cref="Response"/>
/// is the response in proto3 JSON (lowerCamelCase names, defaults included); for
/// server-streaming methods it is an array of every message received (also on error).
/// </summary>
public sealed record GrpcCallResult(
    bool Ok,
    JsonElement Response,
    StatusCode StatusCode,
    string Message,
    IReadOnlyList<FieldViolation> FieldViolations,
    IReadOnlyList<PreconditionViolation> PreconditionViolations,
    IReadOnlyList<string> DetailTypes,
    string RawJson)
{
    /// <summary>The status code name as on the wire, e.g. INVALID_ARGUMENT ("OK" on success).</summary>
    public string Code => Ok ? "OK" : ToWireName(StatusCode);

    /// <summary>A response property (lowerCamelCase JSON name); throws if the call failed.</summary>
    public JsonElement this[string property] =>
        Ok ? Response.GetProperty(property) : throw new InvalidOperationException($"The call failed: {this}");

    public override string ToString() => RawJson;

    /// <summary>"INVALID_ARGUMENT" → <see cref="StatusCode.InvalidArgument"/>.</summary>
    public static StatusCode ParseCode(string name) =>
        Enum.TryParse<StatusCode>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var code)
            ? code
            : throw new FormatException($"Unknown gRPC status code name {name}.");

    private static string ToWireName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };
}
