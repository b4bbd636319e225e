using System.Collections.Concurrent;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Wakes a context's dispatcher as soon as new outbox rows are committed, so delivery does not
/// wait for the next poll. One signal per DbContext type; extra nudges coalesce.
/// </summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<Type, OutboxSignal> _signals = new();

    public OutboxSignal For(Type contextType) => _signals.GetOrAdd(contextType, static _ => new OutboxSignal());
}

public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Committed rows for this context's dispatcher in this process (see <see cref="OutboxHandOff"/>).</summary>
    public OutboxHandOff HandOff { get; } = new();

    public void Nudge()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Waits for a nudge or the timeout; true when nudged.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
