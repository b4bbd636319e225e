using System.Collections.Concurrent;
using EducationHub.Platform.Tests.Messaging.TestModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// Records every SaveChanges of the contexts it intercepts that saves <see cref="ReceivedEvent"/> rows of
/// <paramref name="kind"/>: how many and whether it succeeded, so a test sees how its writes were grouped
/// into transactions (saves of anything else, such as a consumer's, are not recorded).
/// </summary>
public sealed class SaveCounter(string kind) : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, int> _saving = new();
    private readonly ConcurrentQueue<Save> _saves = new();

    public sealed record Save(int Rows, bool Succeeded);

    public IReadOnlyList<Save> Saves => [.. _saves];

    /// <summary>Rows of each successful save, in the order they were saved.</summary>
    public IReadOnlyList<int> Committed => [.. _saves.Where(s => s.Succeeded).Select(s => s.Rows)];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Counted before the save: afterwards a successful save has accepted (unmarked) its rows.
        if (eventData.Context is { } db)
            _saving[db] = db.ChangeTracker.Entries<ReceivedEvent>().Count(e => e.State == EntityState.Added && e.Entity.Kind == kind);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context, succeeded: true);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context, succeeded: false);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context, succeeded: false);
        return base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    private void Record(DbContext? db, bool succeeded)
    {
        if (db is not null && _saving.TryRemove(db, out var rows) && rows > 0)
            _saves.Enqueue(new Save(rows, succeeded));
    }
}
