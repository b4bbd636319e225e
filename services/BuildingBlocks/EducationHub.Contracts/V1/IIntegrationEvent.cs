namespace EducationHub.Contracts.V1;

/// <summary>
/// What every integration event carries. Consumers key idempotency on <see cref="EventId"/>;
/// <see cref="CorrelationId"/> ties together the events caused by one user action.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
    /// <summary>The school's unique reference number, where the event concerns a school.</summary>
    int? Urn { get; }
    /// <summary>The producing service, e.g. "schoolrisk".</summary>
    string Producer { get; }
    Guid CorrelationId { get; }
}
