using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// Every service's audit log is append-only: a save that would change or delete an audit entry
/// fails (<see cref="ServiceDbContext"/>), and the stored entry stays as it was.
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
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = DateTime.UtcNow,
            Organisation = "ofsted",
            Subject = "inspector-7",
            Action = "case.read",
            EntityType = "case",
            EntityId = "42",
        };
        await PlatformTestHost.QueryAsync(host.Services, db =>
        {
            db.Add(entry);
            return db.SaveChangesAsync();
        });

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
}
