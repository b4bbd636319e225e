using EducationHub.Messaging;
using EducationHub.Messaging.Inbox;
using MassTransit;

namespace EducationHub.Bench.Messaging;

/// <summary>End-to-end consumer: inbox row + applied row, one transaction.</summary>
public sealed class AppliedConsumer : IdempotentConsumer<BenchHappened, ConsumerDb>
{
    // It only adds rows and never queries, so a batch may save them all at once.
    protected override bool SavesOncePerBatch => true;

    protected override Task HandleAsync(BenchHappened message, ConsumerDb db, ConsumeContext<BenchHappened> context)
    {
        db.Add(new Applied { EventId = message.EventId, Urn = message.Urn, Category = message.Category });
        return Task.CompletedTask;
    }
}

/// <summary>Raw baseline: MassTransit consume with no database at all.</summary>
public sealed class RawConsumer : IConsumer<BenchHappened>
{
    public Task Consume(ConsumeContext<BenchHappened> context) => Task.CompletedTask;
}

public sealed class BenchDefinition<T> : EventConsumerDefinition<T> where T : class, IConsumer;
