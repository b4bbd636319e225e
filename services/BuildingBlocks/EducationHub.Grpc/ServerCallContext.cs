using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace EducationHub.Grpc;

/// <summary>Everything a handler may need about the call it is serving.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method path, e.g. <c>/educationhub.governance.v1.GovernanceService/IssueNotice</c>.</summary>
    public abstract string Method { get; }

    public abstract string Host { get; }

    /// <summary>The peer address, e.g. <c>ipv4:127.0.0.1:54321</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>When the client gives up (UTC); <see cref="DateTime.MaxValue"/> without grpc-timeout.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels (RST_STREAM), disconnects or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Custom metadata sent by the client (protocol headers removed, -bin values decoded).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Metadata sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status the call ends with if the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Default options for response writes (e.g. disable compression).</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>
    /// "gzip" to compress response messages when the client accepts gzip, null (the server's
    /// default unless configured) for none. Must be set before the response headers are sent.
    /// </summary>
    public abstract string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Whether the most recently received request message arrived compressed.</summary>
    public abstract bool LastRequestMessageCompressed { get; }

    /// <summary>The authenticated caller (from the HTTP context; set by the auth interceptor).</summary>
    public abstract ClaimsPrincipal User { get; }

    /// <summary>The bound method: service, method, kind, required scopes.</summary>
    public abstract GrpcMethodInfo MethodInfo { get; }

    /// <summary>Per-call state shared between interceptors and the handler.</summary>
    public abstract IDictionary<object, object?> UserState { get; }

    /// <summary>Sends the response headers now (at most once, before the first message).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    public abstract HttpContext GetHttpContext();
}
