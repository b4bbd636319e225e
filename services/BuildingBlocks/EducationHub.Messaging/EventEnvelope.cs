namespace EducationHub.Messaging;

/// <summary>
/// The common header of a new integration event: a fresh id, the time (UTC), the producer and
/// the correlation id. <c>var (id, at, producer, correlation) = EventEnvelope.New("governance", correlationId);</c>
/// </summary>
public readonly record struct EventEnvelope(Guid EventId, DateTimeOffset OccurredAt, string Producer, Guid CorrelationId)
{
    public static EventEnvelope New(string producer, Guid? correlationId = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(producer);
        // Version 7 ids sort by creation time, which keeps outbox and inbox indexes append-mostly.
        var id = Guid.CreateVersion7();
        return new EventEnvelope(id, (clock ?? TimeProvider.System).GetUtcNow(), producer, correlationId ?? id);
    }
}
