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
}
