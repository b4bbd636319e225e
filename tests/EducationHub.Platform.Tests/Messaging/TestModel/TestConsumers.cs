using EducationHub.Contracts.V1;
using EducationHub.Messaging;
using EducationHub.Messaging.Inbox;
using MassTransit;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>Records each applied event as a <see cref="ReceivedEvent"/> row.</summary>
public abstract class RecordingConsumer<TEvent> : IdempotentConsumer<TEvent, PlatformTestDbContext>
    where TEvent : class, IIntegrationEvent
{
    protected static void Record(PlatformTestDbContext db, IIntegrationEvent message, int sequence) =>
        db.Received.Add(ReceivedEvent.Of(message, sequence));
}

public sealed class RoundTripConsumer : RecordingConsumer<RoundTripHappened>
{
    protected override Task HandleAsync(RoundTripHappened message, PlatformTestDbContext db, ConsumeContext<RoundTripHappened> context)
    {
        Record(db, message, message.Sequence);
        return Task.CompletedTask;
    }
}

public sealed class OutageConsumer : RecordingConsumer<OutageHappened>
{
    protected override Task HandleAsync(OutageHappened message, PlatformTestDbContext db, ConsumeContext<OutageHappened> context)
    {
        Record(db, message, message.Sequence);
        return Task.CompletedTask;
    }
}

public sealed class CrashConsumer : RecordingConsumer<CrashHappened>
{
    protected override Task HandleAsync(CrashHappened message, PlatformTestDbContext db, ConsumeContext<CrashHappened> context)
    {
        Record(db, message, message.Sequence);
        return Task.CompletedTask;
    }
}

public sealed class DuplicateConsumer : RecordingConsumer<DuplicateHappened>
{
    protected override async Task HandleAsync(DuplicateHappened message, PlatformTestDbContext db, ConsumeContext<DuplicateHappened> context)
    {
        Record(db, message, message.Sequence);
        // Widen the window in which two deliveries of the same message overlap, to exercise the unique-key race.
        await Task.Delay(50, context.CancellationToken);
    }
}

public sealed class PoisonConsumer : RecordingConsumer<PoisonHappened>
{
    protected override Task HandleAsync(PoisonHappened message, PlatformTestDbContext db, ConsumeContext<PoisonHappened> context)
    {
        if (message.Poison)
            throw new InvalidOperationException($"Poison message {message.EventId} cannot be applied");
        Record(db, message, message.Sequence);
        return Task.CompletedTask;
    }
}

/// <summary>Saves once per batch and writes its rows through a deferred write, so the batch path and the alone path both flush it.</summary>
public sealed class BatchSavingPoisonConsumer : RecordingConsumer<BatchSavedPoisonHappened>
{
    protected override bool SavesOncePerBatch => true;

    protected override Task HandleAsync(BatchSavedPoisonHappened message, PlatformTestDbContext db, ConsumeContext<BatchSavedPoisonHappened> context)
    {
        if (message.Poison)
            throw new InvalidOperationException($"Poison message {message.EventId} cannot be applied");
        Deferred<DeferredReceivedEvents>().Add(message, message.Sequence);
        return Task.CompletedTask;
    }
}

/// <summary>Received rows added only when the message or batch is saved.</summary>
public sealed class DeferredReceivedEvents : IInboxDeferredWrite<PlatformTestDbContext>
{
    private readonly List<(IIntegrationEvent Message, int Sequence)> _pending = [];

    public void Add(IIntegrationEvent message, int sequence) => _pending.Add((message, sequence));

    public Task FlushAsync(PlatformTestDbContext db, CancellationToken ct)
    {
        foreach (var (message, sequence) in _pending)
            db.Received.Add(ReceivedEvent.Of(message, sequence));
        _pending.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>Whether the "fixed consumer" has been deployed (a singleton the replay test flips).</summary>
public sealed class ConsumerRepair
{
    private volatile bool _deployed;

    public bool Deployed => _deployed;

    public void Deploy() => _deployed = true;
}

public sealed class RepairableConsumer(ConsumerRepair repair) : RecordingConsumer<RepairableHappened>
{
    protected override Task HandleAsync(RepairableHappened message, PlatformTestDbContext db, ConsumeContext<RepairableHappened> context)
    {
        if (message.Broken && !repair.Deployed)
            throw new InvalidOperationException($"Message {message.EventId} needs the fixed consumer");
        Record(db, message, message.Sequence);
        return Task.CompletedTask;
    }
}

/// <summary>Tests do not wait for the production back-off: two immediate retries, then the error queue.</summary>
public sealed class QuickRetryDefinition<TConsumer> : EventConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureRetry(IRetryConfigurator retry) => retry.Immediate(2);
}
