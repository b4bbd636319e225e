using MassTransit;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Watches the bus during one measured run: stamps publish confirmations and consume start/end
/// on the run's <see cref="StageClock"/>, and completes when every event has been consumed
/// (PostConsume runs after the consumer, so after the inbox transaction committed). It also counts
/// every publish and delivery, so a run shows whether any event crossed the broker more than once.
/// </summary>
public sealed class RunRecorder(int expected) : IConsumeObserver, IPublishObserver
{
    private readonly int[] _consumedOnce = new int[expected];
    private int _count;
    private int _publishes;
    private int _deliveries;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StageClock Clock { get; } = new(expected);

    public Task Done => _done.Task;

    /// <summary>Distinct events consumed so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Publishes of the run's events (a re-published event counts again).</summary>
    public int Publishes => Volatile.Read(ref _publishes);

    /// <summary>Deliveries of the run's events to the consumer (a redelivered or re-published event counts again).</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
        {
            Interlocked.Increment(ref _deliveries);
            Clock.Stamp(Stage.ConsumeStarted, m.Sequence);
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
        {
            Clock.Stamp(Stage.Consumed, m.Sequence);
            // A duplicate delivery must not finish the run early.
            var first = (uint)m.Sequence < (uint)expected && Interlocked.Exchange(ref _consumedOnce[m.Sequence], 1) == 0;
            if (first && Interlocked.Increment(ref _count) == expected)
                _done.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
        {
            Interlocked.Increment(ref _publishes);
            Clock.Stamp(Stage.Published, m.Sequence);
        }
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
