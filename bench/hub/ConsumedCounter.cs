using MassTransit;

namespace EducationHub.Bench.Hub;

/// <summary>
/// Counts messages whose consumer returned without fault: for the hub's idempotent consumers that
/// is after their transaction committed. Free to read, unlike a count(*) on the database.
/// </summary>
internal sealed class ConsumedCounter : IConsumeObserver
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
