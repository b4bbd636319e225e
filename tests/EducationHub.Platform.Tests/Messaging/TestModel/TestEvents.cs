using EducationHub.Contracts.V1;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

// One event type per scenario: each gets its own exchange, so scenarios sharing the test broker
// never see each other's messages.

public sealed record RoundTripHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence) : IIntegrationEvent;

public sealed record OutageHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence) : IIntegrationEvent;

public sealed record CrashHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence) : IIntegrationEvent;

public sealed record DuplicateHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence) : IIntegrationEvent;

/// <summary>Its consumer always throws when <see cref="Poison"/> is set.</summary>
public sealed record PoisonHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence, bool Poison) : IIntegrationEvent;

/// <summary>As <see cref="PoisonHappened"/>, for a consumer that saves once per group-commit batch.</summary>
public sealed record BatchSavedPoisonHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence, bool Poison) : IIntegrationEvent;

/// <summary>Its consumer throws for <see cref="Broken"/> events until the test repairs it.</summary>
public sealed record RepairableHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, int Sequence, bool Broken) : IIntegrationEvent;

public static class TestEvent
{
    public static T New<T>(Func<Guid, DateTimeOffset, Guid, T> create)
    {
        var id = Guid.CreateVersion7();
        return create(id, DateTimeOffset.UtcNow, id);
    }
}
