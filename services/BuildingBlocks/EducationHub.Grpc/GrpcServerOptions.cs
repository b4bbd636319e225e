namespace EducationHub.Grpc;

/// <summary>Server-wide settings for the gRPC layer (AddEducationHubGrpc(o => ...)).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); null = unlimited. Default 4 MB, as in other gRPC servers.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent; null = unlimited (the default).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>"gzip" to compress every response for clients that accept it; null (default) = never unless a handler asks.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Send exception messages to clients in INTERNAL statuses (development only; never in production).</summary>
    public bool EnableDetailedErrors { get; set; }

    internal List<Type> InterceptorTypes { get; } = [];
}
