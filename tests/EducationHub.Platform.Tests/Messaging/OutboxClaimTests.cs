using System.Collections.Concurrent;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The dispatcher's claim (<see cref="OutboxStore.ClaimAsync"/>) on both providers, with no dispatcher running.</summary>
public sealed class OutboxClaimTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_claim_takes_the_oldest_claimable_rows_up_to_the_batch_size_in_one_statement_and_returns_them_whole(string provider)
    {
        await using var database = await ClaimDatabase.CreateAsync(provider);
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var delivered = OutboxRows.At(t0, r => r.DeliveredAt = t0.AddSeconds(1));
        var leasedElsewhere = OutboxRows.At(t0.AddSeconds(1), r => (r.LockedBy, r.LockedUntil) = (Guid.NewGuid(), DateTime.UtcNow.AddMinutes(1)));
        var leaseExpired = OutboxRows.At(t0.AddSeconds(2), r => (r.LockedBy, r.LockedUntil, r.Attempts) = (Guid.NewGuid(), DateTime.UtcNow.AddSeconds(-1), 2));
        var pending = Enumerable.Range(3, 5).Select(i => OutboxRows.At(t0.AddSeconds(i))).ToList();
        // Inserted newest first, so a claim that returned rows in insertion order would fail.
        await database.InsertAsync([.. pending.AsEnumerable().Reverse(), leaseExpired, leasedElsewhere, delivered]);
        var token = Guid.NewGuid();

        database.Commands.Clear();
        var batch = await database.ClaimAsync(token, batchSize: 4);

        var command = Assert.Single(database.Commands);
        Assert.StartsWith("UPDATE", command.TrimStart(), StringComparison.Ordinal);
        Assert.Equal([leaseExpired.Id, pending[0].Id, pending[1].Id, pending[2].Id], batch.Select(m => m.Id));
        var first = batch[0];
        Assert.Equal((leaseExpired.Type, leaseExpired.Payload, leaseExpired.TraceParent, leaseExpired.TraceState, 2), (first.Type, first.Payload, first.TraceParent, first.TraceState, first.Attempts));
        Assert.All(batch, m => Assert.Equal(token, m.LockedBy));
        Assert.All(batch, m => Assert.InRange(m.LockedUntil!.Value, DateTime.UtcNow + Lease - TimeSpan.FromMinutes(1), DateTime.UtcNow + Lease));

        var stored = await database.RowsAsync();
        Assert.Equal(batch.Select(m => m.Id).Order(), stored.Where(m => m.LockedBy == token).Select(m => m.Id).Order());
        Assert.Equal(leasedElsewhere.LockedBy, stored.Single(m => m.Id == leasedElsewhere.Id).LockedBy);
        Assert.Null(stored.Single(m => m.Id == delivered.Id).LockedBy);
        Assert.Null(stored.Single(m => m.Id == pending[3].Id).LockedBy);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Dispatchers_claiming_at_the_same_time_take_every_row_exactly_once(string provider)
    {
        await using var database = await ClaimDatabase.CreateAsync(provider);
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var rows = Enumerable.Range(0, 120).Select(i => OutboxRows.At(t0.AddMilliseconds(i))).ToList();
        await database.InsertAsync(rows);

        var claimed = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            // Each claimant claims until it finds nothing left; leases outlast the test, so a row
            // claimed twice can only come from two claims overlapping.
            List<OutboxMessage> batch;
            while ((batch = await database.ClaimAsync(Guid.NewGuid(), batchSize: 7)).Count > 0)
            {
                foreach (var m in batch)
                    claimed.Add(m.Id);
            }
        })));

        Assert.Equal(rows.Select(r => r.Id).Order(), claimed.Order());
    }

    [Fact]
    public async Task On_PostgreSQL_a_claim_skips_a_row_another_transaction_holds_instead_of_waiting_for_it()
    {
        await using var database = await ClaimDatabase.CreateAsync("postgres");
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var rows = Enumerable.Range(0, 3).Select(i => OutboxRows.At(t0.AddSeconds(i))).ToList();
        await database.InsertAsync(rows);

        // Another dispatcher's claim in progress holds the oldest row; without SKIP LOCKED this claim
        // would wait for that transaction and then take the same row.
        await using (await database.LockRowAsync(rows[0].Id))
        {
            var batch = await database.ClaimAsync(Guid.NewGuid(), batchSize: 10).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal([rows[1].Id, rows[2].Id], batch.Select(m => m.Id));
        }
    }

    /// <summary>A migrated PlatformTestDbContext database with no dispatcher, recording the SQL of every command.</summary>
    private sealed class ClaimDatabase : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly IAsyncDisposable _database;

        private ClaimDatabase(IHost host, IAsyncDisposable database, ConcurrentQueue<string> commands)
        {
            _host = host;
            _database = database;
            Commands = commands;
        }

        public ConcurrentQueue<string> Commands { get; }

        public static async Task<ClaimDatabase> CreateAsync(string provider)
        {
            var database = await ProviderTestDatabase.CreateAsync(provider);
            var connectionString = database.ConnectionString;
            var commands = new ConcurrentQueue<string>();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{PlatformTestHost.DatabaseName}"] = connectionString });
            builder.AddServiceDatabase<PlatformTestDbContext>(PlatformTestHost.DatabaseName, o => o.AddInterceptors(new CommandRecorder(commands)));
            var host = builder.Build();
            await host.StartAsync();
            return new ClaimDatabase(host, database, commands);
        }

        public async Task InsertAsync(IEnumerable<OutboxMessage> rows)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            // One at a time, in the given order.
            foreach (var row in rows)
            {
                db.Add(row);
                await db.SaveChangesAsync();
            }
        }

        public async Task<List<OutboxMessage>> ClaimAsync(Guid token, int batchSize)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            return await OutboxStore.ClaimAsync(db, token, batchSize, Lease, CancellationToken.None);
        }

        /// <summary>Holds a row lock on <paramref name="id"/> in an open transaction until disposed (then rolls back).</summary>
        public async Task<IAsyncDisposable> LockRowAsync(Guid id)
        {
            var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT id FROM outbox_messages WHERE id = {id} FOR UPDATE");
            return new RowLock(scope, transaction);
        }

        public async Task<List<OutboxMessage>> RowsAsync()
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        }

        private sealed class RowLock(AsyncServiceScope scope, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
        {
            public async ValueTask DisposeAsync()
            {
                await transaction.RollbackAsync();
                await transaction.DisposeAsync();
                await scope.DisposeAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            await _database.DisposeAsync();
        }
    }
}
