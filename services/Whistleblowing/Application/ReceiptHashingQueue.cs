namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Wakes the receipt hashing worker when a submission has committed, so a new code is hashed
/// within about one PBKDF2 of its submission instead of at the next poll. The database, not this
/// signal, is the queue: a lost wake-up only delays hashing until the next poll.
/// </summary>
public sealed class ReceiptHashingQueue : IDisposable
{
    private readonly AutoResetEvent _work = new(initialState: true);

    public void Notify() => _work.Set();

    /// <summary>Blocks until notified, the timeout passes or the token is cancelled.</summary>
    public void Wait(TimeSpan timeout, CancellationToken ct) => WaitHandle.WaitAny([_work, ct.WaitHandle], timeout);

    public void Dispose() => _work.Dispose();
}
