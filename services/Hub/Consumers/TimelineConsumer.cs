using EducationHub.Contracts.V1;
using EducationHub.Hub.Application;
using EducationHub.Hub.Infrastructure;
using EducationHub.Messaging.Inbox;
using MassTransit;

namespace EducationHub.Hub.Consumers;

/// <summary>
/// Puts one event on its school's timeline, at most once (the inbox, plus the event id as the
/// timeline's key for events that reach the hub by more than one route).
/// </summary>
public abstract class TimelineConsumer<TEvent>(TimeProvider clock) : IdempotentConsumer<TEvent, HubDbContext>
    where TEvent : class, IIntegrationEvent
{
    // Safe to save once per batch: the only query is SchoolRegister's, which looks in the change
    // tracker first and so sees registrations earlier in the batch; the timeline is never read here.
    protected override bool SavesOncePerBatch => true;

    protected override async Task HandleAsync(TEvent message, HubDbContext db, ConsumeContext<TEvent> context)
    {
        var entry = EventMapper.ToEntry(message);
        if (entry is null) return;
        if (message is SchoolRegistered registered)
            await SchoolRegister.UpsertAsync(db, registered, context.CancellationToken);
        Deferred<PendingTimelineRows>().Add(RowMapping.ToRow(entry, clock.GetUtcNow()));
    }
}
