using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Messaging.Batching;

/// <summary>How a group commit runs its batch: on a fresh context of its own scope, under the context's execution strategy.</summary>
public static class GroupCommitContext
{
    /// <summary>
    /// Runs <paramref name="attempt"/> on a new <typeparamref name="TContext"/>; a retrying execution
    /// strategy may run it again, each time on an emptied change tracker, so the attempt applies the whole batch.
    /// </summary>
    public static async Task RunAsync<TContext>(IServiceScopeFactory scopes, Func<TContext, Task> attempt)
        where TContext : DbContext
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await attempt(db);
        });
    }
}
