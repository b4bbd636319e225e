using System.Data.Common;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// Every service's audit log is append-only: a save that would change or delete an audit entry
/// fails (<see cref="ServiceDbContext"/>), so do statements that bypass the context (the database's
/// triggers, <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>), and the stored
/// entry stays as it was.
/// </summary>
public sealed class AuditLogAppendOnlyTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Audit_entries_are_added_but_never_changed_or_deleted(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        using var host = await PlatformTestHost.StartAsync(PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "audit"));
        var entry = NewEntry();
        await AddAsync(host, entry);

        // A property changed on a loaded entry: found by change detection inside the save.
        var error = await PlatformTestHost.QueryAsync(host.Services, async db =>
        {
            var loaded = await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id);
            loaded.Action = "case.never-read";
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);

        // Deleted, and marked modified without a change, through the synchronous save as well.
        await PlatformTestHost.QueryAsync(host.Services, async db =>
        {
            db.Remove(await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id));
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await PlatformTestHost.QueryAsync(host.Services, async db =>
        {
            db.Entry(await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id)).State = EntityState.Modified;
            return Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        });

        var stored = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<AuditEntry>().AsNoTracking().ToListAsync());
        Assert.Equal("case.read", Assert.Single(stored).Action);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Statements_that_bypass_the_context_cannot_change_or_delete_audit_entries_either(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        using var host = await PlatformTestHost.StartAsync(PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "audit"));
        var entry = NewEntry();
        await AddAsync(host, entry);

        List<Func<PlatformTestDbContext, Task>> attempts =
        [
            db => db.Set<AuditEntry>().ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "case.never-read")),
            db => db.Set<AuditEntry>().Where(a => a.Id == entry.Id).ExecuteDeleteAsync(),
            db => db.Database.ExecuteSqlRawAsync($"UPDATE {PersistenceSchema.Audit.Table} SET {PersistenceSchema.Audit.Subject} = 'someone-else'"),
            db => db.Database.ExecuteSqlRawAsync($"DELETE FROM {PersistenceSchema.Audit.Table}"),
        ];
        if (provider == "postgres")
            attempts.Add(db => db.Database.ExecuteSqlRawAsync($"TRUNCATE {PersistenceSchema.Audit.Table}"));
        foreach (var attempt in attempts)
        {
            var error = await PlatformTestHost.QueryAsync(host.Services, db => Assert.ThrowsAnyAsync<DbException>(() => attempt(db)));
            Assert.Contains(PersistenceSchema.Audit.AppendOnlyMessage, error.Message, StringComparison.Ordinal);
        }

        // Adding is still allowed, and the first entry is exactly as written.
        await AddAsync(host, NewEntry());
        var stored = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(("case.read", "inspector-7"), (stored[0].Action, stored[0].Subject));
    }

    private static Task<int> AddAsync(IHost host, AuditEntry entry) =>
        PlatformTestHost.QueryAsync(host.Services, db =>
        {
            db.Add(entry);
            return db.SaveChangesAsync();
        });

    private static AuditEntry NewEntry() => new()
    {
        Id = Guid.CreateVersion7(),
        At = DateTime.UtcNow,
        Organisation = "ofsted",
        Subject = "inspector-7",
        Action = "case.read",
        EntityType = "case",
        EntityId = "42",
    };
}
