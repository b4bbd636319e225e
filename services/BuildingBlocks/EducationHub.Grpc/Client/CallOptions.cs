namespace EducationHub.Grpc.Client;

/// <summary>Per-call settings.</summary>
public sealed class CallOptions
{
    /// <summary>Custom metadata sent as request headers (-bin keys are base64-encoded).</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Absolute deadline (UTC); sent as grpc-timeout. Passing it ends the call with DEADLINE_EXCEEDED.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Relative alternative to <see cref="Deadline"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Cancelling it cancels the call (the server sees RST_STREAM) and throws CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Sent as <c>authorization: Bearer ...</c>.</summary>
    public string? BearerToken { get; init; }

    /// <summary>"gzip" compresses request messages (grpc-encoding: gzip); null sends them uncompressed.</summary>
    public string? RequestCompression { get; init; }

    internal DateTime? EffectiveDeadline => Timeout is { } t ? DateTime.UtcNow + t : Deadline;
}
