namespace EducationHub.Messaging;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Configuration section <c>Messaging</c>; the broker address is <c>ConnectionStrings:rabbitmq</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>
    /// Prefix of every consumer queue. Empty (the default) means "the consumer's service", taken
    /// from its assembly (EducationHub.Governance → governance), which keeps queue names the same
    /// in the all-in-one and distributed runs. Tests set it to isolate runs on a shared broker.
    /// </summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>
    /// RabbitMQ prefetch per consumer queue. Twice the inbox batch: a queue whose prefetch equals the
    /// batch holds every message it may take in the batch that is committing, so the next batch cannot
    /// fill until that one is acknowledged (the messaging benchmark's consumer fell behind its writers).
    /// </summary>
    public int PrefetchCount { get; set; } = 256;
}
