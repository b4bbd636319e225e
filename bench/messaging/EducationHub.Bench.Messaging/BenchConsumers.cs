using EducationHub.Messaging;
using EducationHub.Messaging.Inbox;
using MassTransit;

namespace EducationHub.Bench.Messaging;

/// <summary>End-to-end consumer: inbox row + applied row, one transaction.</summary>
public sealed class AppliedConsumer(ConsumerDb db) : IdempotentConsumer<BenchHappened, ConsumerDb>(db)
{
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

/// <summary>Records completion time per message after the consumer (and so its commit) finished.</summary>
public sealed class LatencyRecorder(int expected) : IConsumeObserver
{
    private readonly double[] _latenciesMs = new double[expected];
    private int _count;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public int Count => Volatile.Read(ref _count);

    public long LastTicks { get; private set; }

    public IReadOnlyList<double> Latencies => _latenciesMs.Take(Math.Min(Count, expected)).ToArray();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < expected)
                _latenciesMs[i] = System.Diagnostics.Stopwatch.GetElapsedTime(m.StartedTicks, now).TotalMilliseconds;
            LastTicks = now;
            if (i + 1 == expected)
                _done.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
