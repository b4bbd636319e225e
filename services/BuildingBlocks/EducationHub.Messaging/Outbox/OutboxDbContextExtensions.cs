using System.Diagnostics;
using System.Text.Json;
using EducationHub.Contracts.V1;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an integration event in this context's outbox. It is written by the next
    /// SaveChanges, in the same transaction as the domain change, and published afterwards by
    /// the context's dispatcher with MessageId = EventId.
    /// </summary>
    public static OutboxMessage AddEvent<TEvent>(this DbContext db, TEvent evt)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.EventId == Guid.Empty)
            throw new ArgumentException("The event has no EventId (use EventEnvelope.New).", nameof(evt));
        // The contract says OccurredAt is UTC; a local offset would reach every consumer as written.
        if (evt.OccurredAt.Offset != TimeSpan.Zero)
            throw new ArgumentException($"The event's OccurredAt must be UTC (offset zero), not {evt.OccurredAt:O} (use EventEnvelope.New).", nameof(evt));

        // The runtime type, not TEvent: a caller holding an IIntegrationEvent must still publish the concrete contract.
        var type = evt.GetType();
        var current = Activity.Current;
        var message = new OutboxMessage
        {
            Id = evt.EventId,
            Type = EventTypeNames.NameOf(type),
            Payload = JsonSerializer.Serialize(evt, type, EventJson.Options),
            TraceParent = current?.IdFormat == ActivityIdFormat.W3C ? current.Id : null,
            TraceState = current?.TraceStateString,
            CreatedAt = DateTime.UtcNow,
            Event = evt,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
