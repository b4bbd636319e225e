using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A counter bumped after every committed write to the hub's database, so cached draft lists
/// know they are stale. Process-wide on purpose: a spurious bump only costs a recomputation,
/// while a missed one would show an out-of-date list. Bumped after the commit, never before,
/// so a list computed from uncommitted-yet data can never be cached under the new value.
/// </summary>
public static class HubDataVersion
{
    private static long _value;

    public static long Current => Interlocked.Read(ref _value);

    public static void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>Bumps <see cref="HubDataVersion"/> when a transaction commits.</summary>
internal sealed class HubCommitInterceptor : DbTransactionInterceptor
{
    public static readonly HubCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => HubDataVersion.Bump();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        HubDataVersion.Bump();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Bumps <see cref="HubDataVersion"/> after a SaveChanges that ran in its own (implicit) transaction,
/// unless it saved only the audit entries of a read (<see cref="HubDbContext.SaveReadAuditAsync"/>).
/// </summary>
internal sealed class HubSaveInterceptor : SaveChangesInterceptor
{
    public static readonly HubSaveInterceptor Instance = new();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (ChangesData(eventData.Context)) HubDataVersion.Bump();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (ChangesData(eventData.Context)) HubDataVersion.Bump();
        return ValueTask.FromResult(result);
    }

    private static bool ChangesData(DbContext? context) =>
        context?.Database.CurrentTransaction is null && context is not HubDbContext { SavingAuditOnly: true };
}
