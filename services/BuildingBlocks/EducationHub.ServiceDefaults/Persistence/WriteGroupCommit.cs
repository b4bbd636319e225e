using System.Diagnostics;
using EducationHub.Messaging.Batching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// Group commit for a service's independent writes to <typeparamref name="TContext"/>: writes that
/// arrive while a transaction commits wait and are saved together in the next one, so concurrent
/// partner calls cost one transaction per batch instead of one each (the messaging benchmark's write
/// side was its largest cost: bench/messaging/RESULTS.md). A write only adds rows (domain rows, audit
/// entries, outbox events) and reads nothing that another write of the batch could change. If the
/// batch fails, nothing of it is kept and every write is saved alone on its caller's own context, so
/// a bad write fails by itself and its caller sees its own error. Each caller returns once its rows
/// have committed, exactly as with SaveChanges.
/// </summary>
public sealed class WriteGroupCommit<TContext>
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly GroupCommitQueue<PendingWrite> _queue;
    private readonly bool _enabled;

    /// <param name="maxBatch">Most writes one transaction saves (<see cref="PersistenceOptions.WriteGroupCommitMaxBatch"/>); 1 saves each alone.</param>
    internal WriteGroupCommit(IServiceScopeFactory scopes, int maxBatch, ILogger logger)
    {
        _scopes = scopes;
        _logger = logger;
        _enabled = maxBatch > 1;
        _queue = new GroupCommitQueue<PendingWrite>(maxBatch, CommitAsync);
    }

    /// <summary>
    /// Applies <paramref name="write"/> (which adds rows to the context it is given and does not save)
    /// and commits it, usually in a batch with other callers' writes; returns what the committed
    /// application of <paramref name="write"/> returned. It may run more than once (again, alone, when
    /// its batch fails), so it creates what it adds. <paramref name="db"/> is the caller's own context,
    /// used when the write is saved alone; it must have no unsaved changes of its own.
    /// </summary>
    public async Task<T> SaveAsync<T>(TContext db, Func<TContext, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("A grouped write is saved on its own: save or discard the context's other changes first.");

        if (_enabled)
        {
            var pending = new PendingWrite<T>(write, cancellationToken);
            _queue.Submit(pending);
            if (await pending.Committed)
                return pending.Result;
        }
        return await SaveAloneAsync(db, write, cancellationToken);
    }

    private static async Task<T> SaveAloneAsync<T>(TContext db, Func<TContext, T> write, CancellationToken cancellationToken)
    {
        try
        {
            var result = write(db);
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch
        {
            // A scoped context outlives the call; what failed to save must not ride on its next save.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Saves a batch in one transaction and settles every write (never throws).</summary>
    private async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        // A caller that gave up while waiting is not written for: its call has already failed.
        var live = new List<PendingWrite>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.CancellationToken.IsCancellationRequested)
                pending.Cancel();
            else
                live.Add(pending);
        }
        if (live.Count == 0)
            return;

        CommittedRowProbe? committing = null;
        try
        {
            await GroupCommitContext.RunAsync<TContext>(_scopes, async db =>
            {
                committing = null;
                foreach (var pending in live)
                    pending.Apply(db);
                var probe = CommittedRowProbe.PickBeforeSave(db);
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
                committing = CommittedRowProbe.Capture(probe);
                await transaction.CommitAsync(CancellationToken.None);
            });
        }
        catch (Exception ex) when (committing is not null)
        {
            await SettleInDoubtAsync(live, committing, ex);
            return;
        }
        catch (Exception ex)
        {
            RollBack(live, ex);
            return;
        }
        foreach (var pending in live)
            pending.Settle(committed: true);
    }

    /// <summary>
    /// The COMMIT itself failed, which may have happened after the database committed. Saving every
    /// write alone then would write it twice (with new ids, so no consumer could tell), so the
    /// database is asked first; if it cannot say, every caller gets the error, as SaveChanges gives it.
    /// </summary>
    private async Task SettleInDoubtAsync(List<PendingWrite> live, CommittedRowProbe probe, Exception error)
    {
        switch (await probe.CommittedAsync<TContext>(_scopes))
        {
            case true:
                PersistenceLog.WriteBatchCommitFailedButCommitted(_logger, error, typeof(TContext).Name, live.Count);
                foreach (var pending in live)
                    pending.Settle(committed: true);
                break;
            case false:
                RollBack(live, error);
                break;
            default:
                PersistenceLog.WriteBatchCommitUnknown(_logger, error, typeof(TContext).Name, live.Count);
                foreach (var pending in live)
                    pending.Fail(error);
                break;
        }
    }

    private void RollBack(List<PendingWrite> live, Exception error)
    {
        PersistenceLog.WriteBatchRolledBack(_logger, error, typeof(TContext).Name, live.Count);
        foreach (var pending in live)
            pending.Settle(committed: false);
    }

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        // The caller's trace: an event added by the write carries it (the outbox stores the traceparent).
        private readonly Activity? _activity = Activity.Current;
        private readonly TaskCompletionSource<bool> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken CancellationToken => cancellationToken;

        public Task<bool> Committed => _committed.Task;

        public void Apply(TContext db)
        {
            var previous = Activity.Current;
            Activity.Current = _activity;
            try
            {
                ApplyWrite(db);
            }
            finally
            {
                Activity.Current = previous;
            }
        }

        public void Settle(bool committed) => _committed.TrySetResult(committed);

        public void Cancel() => _committed.TrySetCanceled(cancellationToken);

        public void Fail(Exception error) => _committed.TrySetException(error);

        protected abstract void ApplyWrite(TContext db);
    }

    private sealed class PendingWrite<T>(Func<TContext, T> write, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
    {
        public T Result { get; private set; } = default!;

        protected override void ApplyWrite(TContext db) => Result = write(db);
    }
}
