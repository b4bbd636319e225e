using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Messaging.Outbox;

/// <summary>
/// Nudges the dispatcher after a SaveChanges that wrote outbox rows and after every commit of an
/// explicit transaction (inside one, SaveChanges runs before the rows are visible to others).
/// </summary>
public sealed class OutboxNudgeInterceptor(OutboxSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NudgeIfOutboxWritten(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NudgeIfOutboxWritten(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Nudge(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Nudge(eventData.Context);
        return Task.CompletedTask;
    }

    private void NudgeIfOutboxWritten(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null)
            return; // the commit will nudge
        foreach (var _ in context.ChangeTracker.Entries<OutboxMessage>())
        {
            Nudge(context);
            return;
        }
    }

    private void Nudge(DbContext? context)
    {
        if (context is not null)
            signals.For(context.GetType()).Nudge();
    }
}
