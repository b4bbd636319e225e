using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Tells the dispatcher about outbox rows once they are committed: after a SaveChanges that
/// wrote some, or, inside an explicit transaction (where the rows are not visible to others until
/// then), after the commit of a transaction that wrote some. A commit that wrote none (a consumer
/// batch, most writes of a service that only sometimes publishes) does not wake the dispatcher.
/// While saving, each new row is leased to this process's dispatcher when it has one
/// (<see cref="OutboxHandOff"/>); after the commit the leased rows are handed to it, so it
/// publishes them without claiming them from the database.
/// </summary>
public sealed class OutboxNudgeInterceptor(OutboxSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Per context: the outbox rows of the save in progress and of the transaction not yet
    // committed. Weak, so a context dropped mid-transaction does not stay here; a pooled context
    // reused after a transaction we never saw end is recognised by the transaction id.
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        OnSaving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        OnSaving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        OnSaved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        OnSaved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => OnSaveFailed(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnSaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => OnSaveFailed(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        OnSaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => OnCommitted(eventData.Context, eventData.TransactionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommitted(eventData.Context, eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => OnRolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnRolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => OnRolledBack(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnRolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => OnRolledBackToSavepoint(eventData.Context);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        OnRolledBackToSavepoint(eventData.Context);
        return Task.CompletedTask;
    }

    private void OnSaving(DbContext? context)
    {
        if (context is null)
            return;
        _pending.TryGetValue(context, out var pending);
        var added = AddedOutboxRows(context);
        if (added is null)
        {
            if (pending is not null)
                pending.SaveInProgress = true;
            return;
        }

        pending ??= _pending.GetValue(context, static _ => new PendingRows());
        pending.SaveInProgress = true;
        var handOff = signals.For(context.GetType()).HandOff;
        var now = DateTime.UtcNow;
        foreach (var row in added)
        {
            if (handOff.TryLease(row, now))
                pending.Saving.Leased.Add(row);
            else
                pending.Saving.Unleased = true;
        }
    }

    private void OnSaved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        pending.SaveInProgress = false;
        if (pending.Saving.IsEmpty)
            return;

        var transaction = context.Database.CurrentTransaction;
        if (transaction is null)
        {
            // SaveChanges ran (and committed) its own transaction: the rows are durable now.
            Release(context, pending.Saving);
            _pending.Remove(context);
            return;
        }
        if (pending.TransactionId != transaction.TransactionId)
        {
            pending.Committable.Clear();
            pending.TransactionId = transaction.TransactionId;
        }
        pending.Committable.Add(pending.Saving);
        pending.Saving.Clear();
    }

    private void OnSaveFailed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        pending.SaveInProgress = false;
        pending.Saving.Clear();
        if (pending.Committable.IsEmpty)
            _pending.Remove(context);
    }

    private void OnCommitted(DbContext? context, Guid transactionId)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        // A commit inside SaveChanges is its own transaction's: OnSaved settles those rows.
        if (pending.TransactionId == transactionId && !pending.Committable.IsEmpty)
            Release(context, pending.Committable);
        EndTransaction(context, pending);
    }

    private void OnRolledBack(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
            EndTransaction(context, pending);
    }

    /// <summary>
    /// A savepoint rolled back by the application (not by a failing SaveChanges, which EF rolls
    /// back to its own savepoint and <see cref="OnSaveFailed"/> covers) may have removed rows we
    /// hold: hand none of them off. Those that commit keep their lease and are claimed after it.
    /// </summary>
    private void OnRolledBackToSavepoint(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && !pending.SaveInProgress)
            pending.Committable.Taint();
    }

    private void EndTransaction(DbContext context, PendingRows pending)
    {
        pending.Committable.Clear();
        pending.TransactionId = null;
        if (!pending.SaveInProgress)
            _pending.Remove(context);
    }

    private void Release(DbContext context, RowSet rows)
    {
        var signal = signals.For(context.GetType());
        if (rows.Tainted)
        {
            signal.HandOff.RequestClaim();
        }
        else
        {
            if (rows.Leased.Count > 0)
                signal.HandOff.Enqueue(rows.Leased);
            if (rows.Unleased)
                signal.HandOff.RequestClaim();
        }
        signal.Nudge();
    }

    /// <summary>
    /// The outbox rows this save inserts. Added by <c>AddEvent</c> through the set, so their state
    /// is already Added: no change detection (a pass over every tracked entity) is needed.
    /// </summary>
    private static List<OutboxMessage>? AddedOutboxRows(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            List<OutboxMessage>? added = null;
            foreach (EntityEntry<OutboxMessage> entry in tracker.Entries<OutboxMessage>())
            {
                if (entry.State == EntityState.Added)
                    (added ??= []).Add(entry.Entity);
            }
            return added;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private sealed class PendingRows
    {
        public bool SaveInProgress;
        public Guid? TransactionId;
        public readonly RowSet Saving = new();
        public readonly RowSet Committable = new();
    }

    private sealed class RowSet
    {
        public List<OutboxMessage> Leased { get; } = [];
        public bool Unleased { get; set; }
        public bool Tainted { get; private set; }
        public bool IsEmpty => Leased.Count == 0 && !Unleased && !Tainted;

        public void Add(RowSet other)
        {
            Leased.AddRange(other.Leased);
            Unleased |= other.Unleased;
            Tainted |= other.Tainted;
        }

        public void Taint()
        {
            if (Leased.Count > 0)
                Tainted = true;
        }

        public void Clear()
        {
            Leased.Clear();
            Unleased = false;
            Tainted = false;
        }
    }
}
