using MassTransit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>Counts finished consumes (successful or faulted) of one message type.</summary>
public sealed class ConsumeCounter<T> : IConsumeObserver where T : class
{
    private int _count;
    private int _faults;

    public int Count => Volatile.Read(ref _count);

    public int Faults => Volatile.Read(ref _faults);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T)
            Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class
    {
        if (context.Message is T)
        {
            Interlocked.Increment(ref _faults);
            Interlocked.Increment(ref _count);
        }
        return Task.CompletedTask;
    }
}
