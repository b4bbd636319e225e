using System.Collections.Concurrent;
using System.Diagnostics;
using EducationHub.Contracts.V1;
using EducationHub.Messaging.Inbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using MassTransit;

namespace EducationHub.Platform.Tests.Hosting;

/// <summary>The event the one-trace test sends from service A to service B.</summary>
public sealed record TraceProbeHappened(Guid EventId, DateTimeOffset OccurredAt, int? Urn, string Producer, Guid CorrelationId, string Text) : IIntegrationEvent;

/// <summary>Service B's consumer: records the trace id it runs under, keyed by event id.</summary>
public sealed class TraceProbeConsumer : IdempotentConsumer<TraceProbeHappened, PlatformTestDbContext>
{
    public static ConcurrentDictionary<Guid, string> SeenTraceIds { get; } = new();

    protected override Task HandleAsync(TraceProbeHappened message, PlatformTestDbContext db, ConsumeContext<TraceProbeHappened> context)
    {
        SeenTraceIds[message.EventId] = Activity.Current?.TraceId.ToHexString() ?? "";
        db.Received.Add(ReceivedEvent.Of(message, sequence: 0));
        return Task.CompletedTask;
    }
}
