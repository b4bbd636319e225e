using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        await WithContextAsync(host, async db =>
        {
            db.Add(entry);
            await db.SaveChangesAsync();
        });

        // A property changed on a loaded entry: found by change detection inside the save.
        await WithContextAsync(host, async db =>
        {
            var loaded = await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id);
            loaded.Action = "case.never-read";
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        });

        // Deleted, and marked modified without a change, through the synchronous save as well.
        await WithContextAsync(host, async db =>
        {
            db.Remove(await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await WithContextAsync(host, async db =>
        {
            db.Entry(await db.Set<AuditEntry>().SingleAsync(a => a.Id == entry.Id)).State = EntityState.Modified;
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        });

        var stored = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<AuditEntry>().AsNoTracking().ToListAsync());
        Assert.Equal("case.read", Assert.Single(stored).Action);
    }

    private static async Task WithContextAsync(IHost host, Func<PlatformTestDbContext, Task> use)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>());
    }
}
