using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// One row a transaction inserted, remembered so that, when its COMMIT fails, a fresh context can
/// ask the database whether it committed after all (the connection can break after the server
/// committed and before the client heard).
/// </summary>
internal sealed class CommittedRowProbe
{
    private readonly Type _entityType;
    private readonly object?[] _key;

    private CommittedRowProbe(Type entityType, object?[] key)
    {
        _entityType = entityType;
        _key = key;
    }

    /// <summary>Takes the first row <paramref name="db"/> has just saved as Added (call before SaveChanges); null when there is none.</summary>
    public static EntityEntry? PickBeforeSave(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && !entry.Metadata.IsOwned() && entry.Metadata.FindPrimaryKey() is not null)
                return entry;
        }
        return null;
    }

    /// <summary>The picked row's key as saved (store-generated values included): call after SaveChanges, before the commit.</summary>
    public static CommittedRowProbe? Capture(EntityEntry? picked)
    {
        if (picked?.Metadata.FindPrimaryKey() is not { } key)
            return null;
        return new CommittedRowProbe(picked.Metadata.ClrType, [.. key.Properties.Select(p => picked.Property(p.Name).CurrentValue)]);
    }

    /// <summary>True or false when the database answered; null when it could not be asked either.</summary>
    public async Task<bool?> CommittedAsync<TContext>(IServiceScopeFactory scopes)
        where TContext : DbContext
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            return await db.FindAsync(_entityType, _key) is not null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
