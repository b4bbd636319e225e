using System.Text.Json;
using EducationHub.Grpc;

namespace EducationHub.Testing.Grpc;

/// <summary>
/// Calls any gRPC method through a real third-party client: Python grpcio running
/// tests/python/ehub_grpc_call.py, which finds the method by server reflection (no protos,
/// no generated code) and decodes rich errors from grpc-status-details-bin itself.
/// <code>
/// var result = await PythonGrpcClient.CallAsync(server.Target, "educationhub.governance.v1.GovernanceService/IssueNotice",
///     """{"urn": "100000"}""", token);
/// Assert.Equal(StatusCode.InvalidArgument, result.StatusCode);
/// Assert.Contains(result.FieldViolations, v => v.Field == "urn");
/// </code>
/// Cost: one python3 process per call (about 0.2-0.4 s on an idle machine: interpreter + grpcio
/// import + a reflection round trip), so use it for contract tests, not for load.
/// </summary>
public static class PythonGrpcClient
{
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(60);

    /// <param name="address">"host:port", or a URI such as http://127.0.0.1:5000 (the scheme is ignored).</param>
    /// <param name="method">"package.Service/Method".</param>
    /// <param name="jsonRequest">proto3 JSON; a JSON array for client-streaming methods.</param>
    /// <param name="bearerToken">sent as "authorization: Bearer ..." when given.</param>
    /// <param name="metadata">extra request headers ("-bin" keys take base64 values).</param>
    /// <param name="deadline">the call's deadline (default 30 s).</param>
    public static async Task<GrpcCallResult> CallAsync(
        string address,
        string method,
        string jsonRequest = "{}",
        string? bearerToken = null,
        IEnumerable<KeyValuePair<string, string>>? metadata = null,
        TimeSpan? deadline = null)
    {
        var arguments = new List<string> { ToTarget(address), method, "-" };
        if (bearerToken is not null)
        {
            arguments.AddRange(["--bearer", bearerToken]);
        }

        foreach (var (key, value) in metadata ?? [])
        {
            arguments.AddRange(["--metadata", $"{key}: {value}"]);
        }

        if (deadline is { } d)
        {
            arguments.AddRange(["--timeout", d.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        // The request goes through stdin: no quoting issues and no argument length limit.
        var run = await GrpcPeers.RunPythonAsync("ehub_grpc_call.py", arguments, ProcessLimit, standardInput: jsonRequest);
        if (run.ExitCode != 0 || run.TimedOut)
        {
            throw new InvalidOperationException($"ehub_grpc_call.py could not call {method} at {address}: {run.Describe()}");
        }

        return Parse(run.Stdout.Trim());
    }

    public static Task<GrpcCallResult> CallAsync(Uri address, string method, string jsonRequest = "{}", string? bearerToken = null) =>
        CallAsync(address?.Authority ?? throw new ArgumentNullException(nameof(address)), method, jsonRequest, bearerToken);

    internal static GrpcCallResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var ok = root.GetProperty("ok").GetBoolean();
        var response = root.TryGetProperty("response", out var r) ? r.Clone() : default;
        if (ok)
        {
            return new GrpcCallResult(true, response, StatusCode.OK, "", [], [], [], json);
        }

        return new GrpcCallResult(
            false,
            response,
            GrpcCallResult.ParseCode(root.GetProperty("code").GetString()!),
            root.GetProperty("message").GetString() ?? "",
            [.. root.GetProperty("fieldViolations").EnumerateArray().Select(v => new FieldViolation(Text(v, "field"), Text(v, "description")))],
            [.. root.GetProperty("preconditionViolations").EnumerateArray().Select(v => new PreconditionViolation(Text(v, "type"), Text(v, "subject"), Text(v, "description")))],
            [.. root.GetProperty("detailTypes").EnumerateArray().Select(t => t.GetString() ?? "")],
            json);
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    private static string ToTarget(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Authority : address;
}
