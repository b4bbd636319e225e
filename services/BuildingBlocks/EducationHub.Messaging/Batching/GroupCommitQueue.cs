namespace EducationHub.Messaging.Batching;

/// <summary>
/// The waiting room of a group commit. Items submitted while a batch commits wait and go in the
/// next batch together, so a burst costs one transaction per batch instead of one per item; the
/// first item of an idle queue starts a drain at once and is committed as a batch of one, so a lone
/// item is not delayed. Batches commit one after another. <c>commit</c> settles every item of its
/// batch and must not throw.
/// </summary>
public sealed class GroupCommitQueue<TItem>(int maxBatchSize, Func<IReadOnlyList<TItem>, Task> commit)
{
    private readonly Lock _lock = new();
    private readonly Queue<TItem> _pending = new();
    private readonly int _maxBatchSize = Math.Max(1, maxBatchSize);
    private bool _draining;

    public void Submit(TItem item)
    {
        bool start;
        lock (_lock)
        {
            _pending.Enqueue(item);
            start = !_draining;
            _draining = true;
        }
        if (start)
            _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<TItem>(Math.Min(_maxBatchSize, 64));
            lock (_lock)
            {
                while (batch.Count < _maxBatchSize && _pending.TryDequeue(out var next))
                    batch.Add(next);
                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }
            await commit(batch);
        }
    }
}
