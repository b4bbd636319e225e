using System.Collections.Concurrent;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Outbox rows this process has just committed, handed straight to its own dispatcher so it can
/// publish them without claiming them from the database first. Each row is written already
/// leased to the dispatcher (<see cref="OutboxMessage.LockedBy"/> = its token, lease from the
/// save), so other instances' claims skip it; if this process dies before the row is marked
/// delivered, the lease runs out and any dispatcher's ordinary claim recovers it. That saves
/// the claim's UPDATE of every row (a second rewrite of the row and of its index entries) and
/// reading the rows back.
/// </summary>
public sealed class OutboxHandOff
{
    private readonly ConcurrentQueue<OutboxMessage> _rows = new();
    private volatile Lessee? _lessee;
    private volatile bool _claimRequested;

    private sealed record Lessee(Guid Token, TimeSpan Lease, int Capacity);

    /// <summary>Rows waiting in the queue (approximate while writers and the dispatcher run).</summary>
    public int Count => _rows.Count;

    internal void Attach(Guid token, TimeSpan lease, int capacity) => _lessee = new Lessee(token, lease, capacity);

    internal void Detach() => _lessee = null;

    /// <summary>
    /// Called while a row is being saved: leases it to this process's dispatcher. False when there
    /// is no dispatcher, its queue is full (a dispatcher falling behind the writers), or the row
    /// already carries someone else's lease; such a row is written as it is and, if unleased,
    /// published through the claim.
    /// </summary>
    internal bool TryLease(OutboxMessage row, DateTime now)
    {
        var lessee = _lessee;
        if (lessee is null || (row.LockedBy is { } holder && holder != lessee.Token))
            return false;
        if (_rows.Count >= lessee.Capacity)
        {
            // Leased by an earlier attempt at this save that failed: that lease would only delay it.
            row.LockedBy = null;
            row.LockedUntil = null;
            return false;
        }
        row.LockedBy = lessee.Token;
        // Two leases: the row may wait in the queue for up to one (Take leaves it to the claim
        // after that), and its publish and mark then still have a whole lease, as a claimed row has.
        row.LockedUntil = now + 2 * lessee.Lease;
        return true;
    }

    /// <summary>Called after the commit that made leased rows durable.</summary>
    internal void Enqueue(List<OutboxMessage> committed)
    {
        foreach (var row in committed)
            _rows.Enqueue(row);
    }

    /// <summary>Rows were committed without a lease: the dispatcher should run a claim round soon.</summary>
    internal void RequestClaim() => _claimRequested = true;

    /// <summary>Whether a claim round was requested since the last call (the request is consumed).</summary>
    internal bool TakeClaimRequest()
    {
        if (!_claimRequested)
            return false;
        _claimRequested = false;
        return true;
    }

    /// <summary>
    /// Up to <paramref name="max"/> queued rows leased beyond <paramref name="leaseValidUntil"/>. A
    /// row whose lease ends sooner (the queue fell that far behind) is left to the claim.
    /// </summary>
    internal List<OutboxMessage> Take(int max, DateTime leaseValidUntil)
    {
        var batch = new List<OutboxMessage>(Math.Min(max, _rows.Count));
        while (batch.Count < max && _rows.TryDequeue(out var row))
        {
            if (row.LockedUntil > leaseValidUntil)
                batch.Add(row);
            else
                _claimRequested = true;
        }
        return batch;
    }
}
