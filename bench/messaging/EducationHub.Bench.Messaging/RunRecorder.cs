using MassTransit;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Watches the bus during one measured run: stamps publish confirmations and consume start/end
/// on the run's <see cref="StageClock"/>, and completes when every event has been consumed
/// (PostConsume runs after the consumer, so after the inbox transaction committed).
/// </summary>
public sealed class RunRecorder(int expected) : IConsumeObserver, IPublishObserver
{
    private int _count;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StageClock Clock { get; } = new(expected);

    public Task Done => _done.Task;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
            Clock.Stamp(Stage.ConsumeStarted, m.Sequence);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
        {
            Clock.Stamp(Stage.Consumed, m.Sequence);
            if (Interlocked.Increment(ref _count) == expected)
                _done.TrySetResult();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is BenchHappened m)
            Clock.Stamp(Stage.Published, m.Sequence);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
