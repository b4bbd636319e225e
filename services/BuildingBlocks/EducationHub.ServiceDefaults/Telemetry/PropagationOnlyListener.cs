using System.Diagnostics;

namespace EducationHub.ServiceDefaults.Telemetry;

/// <summary>
/// Used instead of the OpenTelemetry SDK when nothing would export what it records: every span of
/// <see cref="TelemetrySources.ActivitySources"/> is still started, so trace context flows through
/// gRPC calls, the outbox, RabbitMQ and consumers (and into log records), but nothing is recorded or
/// tagged. Recording spans nobody reads cost every call and every message (bench/messaging/RESULTS.md).
/// </summary>
internal sealed class PropagationOnlyListener : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => TelemetrySources.ActivitySources.Any(name => Matches(name, source.Name)),
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.PropagationData,
    };

    public PropagationOnlyListener() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    // The same rule as the SDK's AddSource: a trailing '*' matches any suffix.
    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);
}
