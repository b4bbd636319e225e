namespace EducationHub.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, stored in the producing service's own
/// database in the same transaction as the change that caused it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event's EventId; also the MassTransit MessageId, so consumers can de-duplicate.</summary>
    public Guid Id { get; set; }

    /// <summary>"Namespace.TypeName, AssemblyName": enough to find the CLR type again without versions.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>W3C traceparent of the activity that wrote the event, so the publish joins its trace.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The claim token of the dispatcher currently publishing this row (a lease, see LockedUntil).</summary>
    public Guid? LockedBy { get; set; }

    /// <summary>The lease expiry; also used as "not before" for rows backing off after a failed publish.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// The event itself while the row is in the memory of the process that wrote it (not mapped):
    /// a handed-off row is published from it instead of deserializing <see cref="Payload"/> again.
    /// </summary>
    internal object? Event { get; set; }
}
