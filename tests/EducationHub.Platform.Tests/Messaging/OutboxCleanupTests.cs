using System.Collections.Concurrent;
using System.Data.Common;
using EducationHub.Messaging.Inbox;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>
/// The dispatcher's scheduled clean-up: delivered outbox rows and inbox entries older than their
/// retention are deleted; newer ones, and rows not yet delivered however old, stay.
/// </summary>
public sealed class OutboxCleanupTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Delivered_rows_and_inbox_entries_past_their_retention_are_deleted_on_the_dispatchers_schedule(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, $"cleanup-{provider}", new Dictionary<string, string?>
        {
            ["Messaging:Outbox:DeliveredRetention"] = "01:00:00",
            ["Messaging:Outbox:InboxRetention"] = "1.00:00:00",
            ["Messaging:Outbox:CleanupInterval"] = "00:00:00.200",
        });
        using var host = await PlatformTestHost.StartAsync(builder);

        // Two rounds of expired rows: the start-up clean-up may take the first, so only the second
        // shows that clean-up keeps running on its schedule.
        var now = DateTime.UtcNow;
        var deliveredRecently = Row(now.AddHours(-3), r => r.DeliveredAt = now.AddMinutes(-1));
        var pendingLongAgo = Row(now.AddDays(-3), _ => { });
        var processedRecently = new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "tests", ProcessedAt = now.AddHours(-1) };
        await AddAsync(host, deliveredRecently, pendingLongAgo, processedRecently);
        for (var round = 0; round < 2; round++)
        {
            var deliveredLongAgo = Row(now.AddHours(-3), r => r.DeliveredAt = now.AddHours(-2));
            var processedLongAgo = new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "tests", ProcessedAt = now.AddDays(-2) };
            await AddAsync(host, deliveredLongAgo, processedLongAgo);
            await PlatformTestHost.WaitUntilAsync(
                () => PlatformTestHost.QueryAsync(host.Services, async db =>
                    !await db.Set<OutboxMessage>().AnyAsync(m => m.Id == deliveredLongAgo.Id)
                    && !await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == processedLongAgo.MessageId)),
                $"the expired rows of round {round + 1} deleted",
                TimeSpan.FromSeconds(20));
        }

        var outbox = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync());
        var inbox = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<InboxMessage>().Select(m => m.MessageId).ToListAsync());
        Assert.Equal(new[] { deliveredRecently.Id, pendingLongAgo.Id }.Order(), outbox.Order());
        Assert.Equal([processedRecently.MessageId], inbox);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_backlog_of_expired_rows_is_deleted_a_chunk_per_statement(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var deletes = new DeleteRecorder();
        var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, $"cleanup-chunks-{provider}", new Dictionary<string, string?>
        {
            ["Messaging:Outbox:DeliveredRetention"] = "01:00:00",
            ["Messaging:Outbox:InboxRetention"] = "1.00:00:00",
            ["Messaging:Outbox:CleanupInterval"] = "00:00:00.200",
            ["Messaging:Outbox:CleanupBatchSize"] = "3",
        }, db => db.AddInterceptors(deletes));
        using var host = await PlatformTestHost.StartAsync(builder);

        var now = DateTime.UtcNow;
        var keep = Row(now.AddHours(-3), r => r.DeliveredAt = now.AddMinutes(-1));
        var expiredOutbox = Enumerable.Range(0, 7).Select(_ => Row(now.AddHours(-3), r => r.DeliveredAt = now.AddHours(-2))).ToList();
        var expiredInbox = Enumerable.Range(0, 7).Select(_ => new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "tests", ProcessedAt = now.AddDays(-2) }).ToList();
        await AddAsync(host, [keep, .. expiredOutbox, .. expiredInbox]);
        await PlatformTestHost.WaitUntilAsync(
            () => PlatformTestHost.QueryAsync(host.Services, async db =>
                !await db.Set<OutboxMessage>().AnyAsync(m => m.DeliveredAt < now.AddHours(-1)) && !await db.Set<InboxMessage>().AnyAsync()),
            "the backlog deleted", TimeSpan.FromSeconds(20));

        Assert.Equal([keep.Id], await PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync()));
        // Seven rows of each table, three per statement at most: 3 + 3 + 1.
        Assert.Equal([3, 3, 1], deletes.RowsDeleted("outbox_messages").Where(n => n > 0));
        Assert.Equal([3, 3, 1], deletes.RowsDeleted("inbox_messages").Where(n => n > 0));
        await host.StopAsync();
    }

    private static async Task AddAsync(IHost host, params object[] rows)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>How many rows each DELETE statement removed, per table, in order.</summary>
    private sealed class DeleteRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, int Rows)> _deletes = new();

        public IEnumerable<int> RowsDeleted(string table) =>
            _deletes.Where(d => d.Sql.Contains(table, StringComparison.Ordinal)).Select(d => d.Rows);

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("DELETE", StringComparison.Ordinal))
                _deletes.Enqueue((command.CommandText, result));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A row leased to a dispatcher elsewhere, so this host's dispatcher neither takes it over nor publishes it.</summary>
    private static OutboxMessage Row(DateTime createdAt, Action<OutboxMessage> adjust) =>
        OutboxRows.At(createdAt, r =>
        {
            (r.LockedBy, r.LockedUntil) = (Guid.NewGuid(), DateTime.UtcNow.AddHours(1));
            adjust(r);
        });
}
