using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// Breaks one transaction's COMMIT on purpose: the commit after <see cref="BreakNextCommit"/>
/// throws, either before the database commits or after it did (as when the connection drops before
/// the reply); while <see cref="Unreachable"/> is set (from then on, if asked) every command fails, as with the database gone.
/// </summary>
public sealed class CommitFaults : IDbTransactionInterceptor, IDbCommandInterceptor
{
    private int _used;
    private int _armed;
    private bool _afterCommit;
    private bool _thenUnreachable;

    private bool _unreachable;

    public bool Unreachable
    {
        get => Volatile.Read(ref _unreachable);
        set => Volatile.Write(ref _unreachable, value);
    }

    /// <summary>
    /// Arms the fault for the next commit, the first time it is called (later calls do nothing): a
    /// write delegate calls it while its batch is applied, so the commit that breaks is its batch's,
    /// and the same delegate run again alone does not break another.
    /// </summary>
    /// <param name="thenUnreachable">after the failure, every command fails until <see cref="Unreachable"/> is cleared</param>
    public void BreakNextCommit(bool afterTheDatabaseCommitted, bool thenUnreachable = false)
    {
        if (Interlocked.Exchange(ref _used, 1) == 1)
            return;
        _afterCommit = afterTheDatabaseCommitted;
        _thenUnreachable = thenUnreachable;
        Volatile.Write(ref _armed, 1);
    }

    private bool Breaks() => Interlocked.Exchange(ref _armed, 0) == 1;

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!_afterCommit && Breaks())
        {
            Unreachable = _thenUnreachable;
            throw new CommitFaultException("before");
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_afterCommit && Breaks())
        {
            Unreachable = _thenUnreachable;
            throw new CommitFaultException("after");
        }
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Unreachable ? throw new CommitFaultException("unreachable") : ValueTask.FromResult(result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Unreachable ? throw new CommitFaultException("unreachable") : ValueTask.FromResult(result);
}

public sealed class CommitFaultException(string when) : Exception($"commit fault injected ({when})");
