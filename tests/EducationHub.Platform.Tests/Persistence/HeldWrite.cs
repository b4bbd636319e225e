namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// A write that holds the group commit's drain inside its batch until released. Writes submitted
/// while it is held queue up and go together into the next batch, so a test decides what a batch
/// holds by the order of its calls, without waiting for time to pass. Disposing releases it, so a
/// failing test does not leave the drain blocked.
/// </summary>
public sealed class HeldWrite : IDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a batch is applying the write (the drain is then busy).</summary>
    public Task Started => _started.Task;

    /// <summary>Call from the write delegate (which is synchronous): blocks the batch until <see cref="Release"/>.</summary>
    public void Hold()
    {
        _started.TrySetResult();
        // The bound only turns a hang into a failure; released tests never come near it.
        if (!_released.Task.Wait(TimeSpan.FromSeconds(60)))
            throw new TimeoutException("The held write was never released.");
    }

    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();
}
