using EducationHub.Contracts.V1;

namespace EducationHub.Bench.Messaging;

/// <summary>The benchmark's event: the size of a typical contract (ids, a URN, a few strings).</summary>
public sealed record BenchHappened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    int? Urn,
    string Producer,
    Guid CorrelationId,
    Guid SubjectId,
    string Category,
    string Severity,
    long StartedTicks,
    int Sequence) : IIntegrationEvent;
