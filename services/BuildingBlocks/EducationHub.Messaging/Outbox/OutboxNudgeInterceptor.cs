using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Nudges the dispatcher after a SaveChanges that wrote outbox rows, or, inside an explicit
/// transaction (where the rows are not visible to others until then), after the commit of a
/// transaction that wrote some. A commit that wrote none (a consumer batch, most writes of a
/// service that only sometimes publishes) does not wake the dispatcher for an empty round.
/// </summary>
public sealed class OutboxNudgeInterceptor(OutboxSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Written = new();

    // Contexts whose current transaction has saved outbox rows. Weak, so a context that is
    // dropped mid-transaction does not stay here; pooled contexts are removed at commit/rollback.
    private readonly ConditionalWeakTable<DbContext, object> _outboxInTransaction = new();

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => OnCommitted(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void OnSaved(DbContext? context)
    {
        if (context is null || !TracksOutboxRows(context))
            return;
        if (context.Database.CurrentTransaction is null)
            Nudge(context);
        else
            _outboxInTransaction.AddOrUpdate(context, Written);
    }

    private void OnCommitted(DbContext? context)
    {
        if (context is not null && _outboxInTransaction.Remove(context))
            Nudge(context);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _outboxInTransaction.Remove(context);
    }

    /// <summary>
    /// After a save every outbox row it wrote is tracked, so the tracker's entries are enough;
    /// no change detection (a second pass over every tracked entity) is needed to find them.
    /// </summary>
    private static bool TracksOutboxRows(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Nudge(DbContext context) => signals.For(context.GetType()).Nudge();
}
