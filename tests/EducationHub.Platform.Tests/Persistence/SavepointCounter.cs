using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>Counts the savepoints the contexts it intercepts create, and the transactions they commit.</summary>
public sealed class SavepointCounter : DbTransactionInterceptor
{
    private int _savepoints;
    private int _commits;

    public int Savepoints => Volatile.Read(ref _savepoints);

    public int Commits => Volatile.Read(ref _commits);

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref _savepoints);
        return result;
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _savepoints);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }
}
