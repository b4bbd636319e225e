using System.Threading.Channels;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// The dispatcher's publishes in flight. Up to <c>capacity</c> rows publish at once, each waiting
/// for its own broker confirm; finished ones are settled in the background, as many at a time as
/// have finished (published rows marked delivered, failed ones given back), and a row's slot frees
/// when it is settled, so at most <c>capacity</c> rows are ever between take and settle. New rows
/// start while earlier confirms and marks are still pending: publishing a batch and then waiting for
/// its slowest confirm and its mark before starting the next left the dispatcher the slowest stage
/// of the messaging benchmark once writers outran it.
/// </summary>
internal sealed class OutboxPublishWindow
{
    // Marking is off the events' path (they are already published), so the settler lets rows
    // finish for a moment and marks them together: settling each confirm as it came cost the
    // messaging benchmark at 32 writers an UPDATE per one or two rows, and 10-15 % of its throughput.
    private static readonly TimeSpan SettleGathering = TimeSpan.FromMilliseconds(10);

    private readonly int _capacity;
    private readonly SemaphoreSlim _slots;
    private readonly Func<OutboxMessage, Task<Exception?>> _publish;
    private readonly Func<List<OutboxPublishResult>, Task<int>> _settle;
    private readonly Func<Task> _gather;
    private readonly Channel<OutboxPublishResult> _finished = Channel.CreateUnbounded<OutboxPublishResult>(new UnboundedChannelOptions { SingleReader = true });
    private int _waitingToSettle;
    private int _settled;
    private int _failed;

    /// <param name="capacity">Most rows between start and settle.</param>
    /// <param name="publish">Publishes one row; returns the error instead of throwing.</param>
    /// <param name="settle">Marks and releases finished rows; returns how many of them failed (publish or mark), never throws.</param>
    /// <param name="gather">What the settler waits for after the first finished row before taking what has finished (10 ms; tests pass their own).</param>
    public OutboxPublishWindow(int capacity, Func<OutboxMessage, Task<Exception?>> publish, Func<List<OutboxPublishResult>, Task<int>> settle, Func<Task>? gather = null)
    {
        _capacity = Math.Max(1, capacity);
        _slots = new SemaphoreSlim(_capacity, _capacity);
        _publish = publish;
        _settle = settle;
        _gather = gather ?? (static () => Task.Delay(SettleGathering));
    }

    /// <summary>Slots free now (only the one feeding caller takes them, so this many starts will not wait).</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Rows whose publish has finished and that wait to be settled.</summary>
    public int Finished => Volatile.Read(ref _waitingToSettle);

    /// <summary>Starts publishing <paramref name="row"/>, held under <paramref name="token"/>, once a slot is free.</summary>
    public async Task StartAsync(OutboxMessage row, Guid token, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        _ = PublishOneAsync(row, token);
    }

    private async Task PublishOneAsync(OutboxMessage row, Guid token)
    {
        Exception? error;
        try
        {
            error = await _publish(row);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        _finished.Writer.TryWrite(new OutboxPublishResult(row, token, error));
        // After the write, so a row counted here is one the settler can take (the count may dip below zero meanwhile).
        Interlocked.Increment(ref _waitingToSettle);
    }

    /// <summary>
    /// Waits until a slot is free. It stays free for the feeding caller, the only one that takes slots:
    /// a caller with nothing to start until then waits here instead of going round its loop again.
    /// </summary>
    public async Task WaitForFreeSlotAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        _slots.Release();
    }

    /// <summary>
    /// Rows settled and rows that failed since the last call. A round with failures backs off; one
    /// with settled rows and no failures shows the broker is back.
    /// </summary>
    public (int Settled, int Failed) TakeOutcome() => (Interlocked.Exchange(ref _settled, 0), Interlocked.Exchange(ref _failed, 0));

    /// <summary>Waits until every started row is settled (call from the feeding caller, which then starts none meanwhile).</summary>
    public async Task IdleAsync()
    {
        for (var i = 0; i < _capacity; i++)
            await _slots.WaitAsync();
        _slots.Release(_capacity);
    }

    /// <summary>Settles finished rows until <see cref="Complete"/> is called and all are settled.</summary>
    public async Task RunSettlerAsync()
    {
        var batch = new List<OutboxPublishResult>();
        while (await _finished.Reader.WaitToReadAsync())
        {
            await _gather();
            batch.Clear();
            while (batch.Count < _capacity && _finished.Reader.TryRead(out var result))
                batch.Add(result);
            Interlocked.Add(ref _waitingToSettle, -batch.Count);
            int failed;
            try
            {
                failed = await _settle(batch);
            }
            catch
            {
                // Settling must not throw; if it does, the rows keep their lease and are claimed
                // again once it runs out. Their slots must still free, or the dispatcher would stop.
                failed = batch.Count;
            }
            Interlocked.Add(ref _failed, failed);
            Interlocked.Add(ref _settled, batch.Count);
            _slots.Release(batch.Count);
        }
    }

    /// <summary>No more rows will start: the settler ends once the last finished row is settled.</summary>
    public void Complete() => _finished.Writer.TryComplete();
}

/// <summary>A finished publish: the row, the lease token it is held under, and the error if it failed.</summary>
internal readonly record struct OutboxPublishResult(OutboxMessage Row, Guid Token, Exception? Error);
