using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Messaging.Batching;

/// <summary>How a group commit runs its batch: on a fresh context of its own scope, under the context's execution strategy.</summary>
public static class GroupCommitContext
{
    /// <summary>
    /// Runs <paramref name="attempt"/> on a new <typeparamref name="TContext"/>; a retrying execution
    /// strategy may run it again, each time on an emptied change tracker, so the attempt applies the whole batch.
    /// The context makes no savepoints (see <see cref="WithoutSavepoints"/>): a batch is all or nothing.
    /// </summary>
    public static async Task RunAsync<TContext>(IServiceScopeFactory scopes, Func<TContext, Task> attempt)
        where TContext : DbContext
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        using var noSavepoints = WithoutSavepoints(db);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await attempt(db);
        });
    }

    /// <summary>
    /// Turns off, until disposed, the savepoint EF Core wraps around every SaveChanges inside an
    /// explicit transaction, for a transaction that is rolled back whole when anything in it fails.
    /// Such a savepoint is never rolled back to, yet it cost two more round trips per transaction
    /// (SAVEPOINT and RELEASE), in the write group commit and the inbox commit alike.
    /// </summary>
    public static IDisposable WithoutSavepoints(DbContext db)
    {
        var database = db.Database;
        var before = database.AutoSavepointsEnabled;
        database.AutoSavepointsEnabled = false;
        return new SavepointsRestore(database, before);
    }

    private sealed class SavepointsRestore(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, bool enabled) : IDisposable
    {
        public void Dispose() => database.AutoSavepointsEnabled = enabled;
    }
}
