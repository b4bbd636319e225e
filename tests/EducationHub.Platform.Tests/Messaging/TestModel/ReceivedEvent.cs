using EducationHub.Contracts.V1;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>
/// One row per application of an event by a consumer. Deliberately not unique on EventId: if
/// the inbox ever let a duplicate through, it would show up here as a second row.
/// </summary>
public sealed class ReceivedEvent
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string Kind { get; set; } = "";

    public int Sequence { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The row for one application of <paramref name="message"/>.</summary>
    public static ReceivedEvent Of(IIntegrationEvent message, int sequence) => new()
    {
        Id = Guid.NewGuid(),
        EventId = message.EventId,
        Kind = message.GetType().Name,
        Sequence = sequence,
        ReceivedAt = DateTime.UtcNow,
    };
}
