using EducationHub.Messaging.Inbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Platform.Tests.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The consumers' group commit, driven directly so batches are exactly what the test says, on both providers.</summary>
public sealed class InboxGroupCommitTests
{
    private const string Consumer = "tests.group-commit";

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task A_batch_applies_and_commits_every_message(string provider, bool savesOncePerBatch)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var items = Enumerable.Range(0, 10).Select(i => Item(Guid.CreateVersion7(), i, savesOncePerBatch)).ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.Applied, item.Outcome.Result));
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.ReceivedAsync());
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.InboxAsync());
        // One transaction, rolled back whole if anything fails: no savepoint around its saves.
        Assert.Equal(0, database.Transactions.Savepoints);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task A_failure_in_the_middle_of_a_batch_commits_nothing_and_hands_every_message_back(string provider, bool savesOncePerBatch)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Message 4 fails after messages 0-3 were applied and saved (inside the batch's transaction).
        var items = Enumerable.Range(0, 10).Select(i => Item(Guid.CreateVersion7(), i, savesOncePerBatch, fails: i == 4)).ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.RunAlone, item.Outcome.Result));
        Assert.Empty(await database.ReceivedAsync());
        Assert.Empty(await database.InboxAsync());
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task Messages_already_in_the_inbox_or_twice_in_one_batch_are_applied_once(string provider, bool savesOncePerBatch)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var earlier = Guid.CreateVersion7();
        await database.Commit.CommitAsync([Item(earlier, 0, savesOncePerBatch), Item(Guid.CreateVersion7(), 1, savesOncePerBatch)]);
        var twice = Guid.CreateVersion7();
        var items = new[] { Item(earlier, 2, savesOncePerBatch), Item(twice, 3, savesOncePerBatch), Item(twice, 4, savesOncePerBatch) };

        await database.Commit.CommitAsync(items);

        Assert.Equal([InboxBatchOutcome.Duplicate, InboxBatchOutcome.Applied, InboxBatchOutcome.Duplicate], items.Select(i => i.Outcome.Result));
        var received = await database.ReceivedAsync();
        Assert.Single(received, earlier);
        Assert.Single(received, twice);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task A_lone_message_is_committed_as_a_batch_of_one(string provider, bool savesOncePerBatch)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var item = Item(Guid.CreateVersion7(), 0, savesOncePerBatch);

        await database.Commit.CommitAsync([item]);

        Assert.Equal(InboxBatchOutcome.Applied, await item.Outcome);
        Assert.Equal([item.MessageId], await database.ReceivedAsync());
        Assert.Equal([item.MessageId], await database.InboxAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_lone_message_that_fails_commits_nothing_and_is_handed_back(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var item = Item(Guid.CreateVersion7(), 0, savesOncePerBatch: false, fails: true);

        await database.Commit.CommitAsync([item]);

        Assert.Equal(InboxBatchOutcome.RunAlone, await item.Outcome);
        Assert.Empty(await database.ReceivedAsync());
        Assert.Empty(await database.InboxAsync());
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task A_batch_as_large_as_the_default_limit_applies_and_commits_every_message_in_one_save_or_one_per_message(string provider, bool savesOncePerBatch)
    {
        // The default is what every service runs with: a batch that large must fit each provider's
        // statements (PostgreSQL's claim arrays, SQLite's per-message claims) and flush as one.
        var size = new InboxOptions().MaxBatchSize;
        await using var database = await TestDatabase.CreateAsync(provider);
        var items = Enumerable.Range(0, size).Select(i => DeferringItem(Guid.CreateVersion7(), i, savesOncePerBatch)).ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.Applied, item.Outcome.Result));
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.ReceivedAsync());
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.InboxAsync());
        Assert.Equal(savesOncePerBatch ? [size] : Enumerable.Repeat(1, size), await database.FlushSizesAsync());
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSaveModes))]
    public async Task Deferred_writes_are_flushed_once_per_batch_or_once_per_message(string provider, bool savesOncePerBatch)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var items = Enumerable.Range(0, 10).Select(i => DeferringItem(Guid.CreateVersion7(), i, savesOncePerBatch)).ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.Applied, item.Outcome.Result));
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.ReceivedAsync());
        // Each flush records how many rows it wrote.
        var flushes = await database.FlushSizesAsync();
        Assert.Equal(savesOncePerBatch ? [10] : Enumerable.Repeat(1, 10), flushes);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_message_saved_per_message_sees_what_batch_saving_messages_before_it_wrote(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seenInDatabase = new int[5];
        var items = Enumerable.Range(0, 5)
            .Select(i => Item(Guid.CreateVersion7(), i, savesOncePerBatch: i < 4, before: async db =>
                seenInDatabase[i] = await db.Received.AsNoTracking().CountAsync(r => r.Kind == "group-commit")))
            .ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.Applied, item.Outcome.Result));
        // Batch-saving messages do not see each other's rows in the database (the documented
        // trade-off); the per-message one after them sees all four.
        Assert.Equal([0, 0, 0, 0, 4], seenInDatabase);
        Assert.Equal(items.Select(i => i.MessageId).Order(), await database.ReceivedAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_failure_when_the_batch_is_saved_commits_nothing_and_hands_every_message_back(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var items = Enumerable.Range(0, 10).Select(i => DeferringItem(Guid.CreateVersion7(), i, savesOncePerBatch: true, flushFails: i == 7)).ToList();

        await database.Commit.CommitAsync(items);

        Assert.All(items, item => Assert.Equal(InboxBatchOutcome.RunAlone, item.Outcome.Result));
        Assert.Empty(await database.ReceivedAsync());
        Assert.Empty(await database.InboxAsync());
    }

    public static TheoryData<string, bool> ProvidersAndSaveModes() => new()
    {
        { "sqlite", false }, { "sqlite", true }, { "postgres", false }, { "postgres", true },
    };

    private static InboxBatchItem<PlatformTestDbContext> Item(Guid messageId, int sequence, bool savesOncePerBatch, bool fails = false, Func<PlatformTestDbContext, Task>? before = null) =>
        new(messageId, Consumer, savesOncePerBatch, async (db, _) =>
        {
            if (before is not null)
                await before(db);
            db.Received.Add(Received(messageId, "group-commit", sequence));
            if (fails)
                throw new InvalidOperationException($"message {sequence} cannot be applied");
        });

    /// <summary>A message whose row is written by a deferred write; flushFails makes that flush throw.</summary>
    private static InboxBatchItem<PlatformTestDbContext> DeferringItem(Guid messageId, int sequence, bool savesOncePerBatch, bool flushFails = false) =>
        new(messageId, Consumer, savesOncePerBatch, (_, writes) =>
        {
            var rows = writes.Get<DeferredRows>();
            rows.Rows.Add(Received(messageId, "group-commit", sequence));
            rows.Fails |= flushFails;
            return Task.CompletedTask;
        });

    private static ReceivedEvent Received(Guid eventId, string kind, int sequence) =>
        new() { Id = Guid.NewGuid(), EventId = eventId, Kind = kind, Sequence = sequence, ReceivedAt = DateTime.UtcNow };

    /// <summary>Rows added at flush time, plus one "flush" row per flush recording how many rows it wrote.</summary>
    private sealed class DeferredRows : IInboxDeferredWrite<PlatformTestDbContext>
    {
        public List<ReceivedEvent> Rows { get; } = [];

        public bool Fails { get; set; }

        public Task FlushAsync(PlatformTestDbContext db, CancellationToken ct)
        {
            if (Fails)
                throw new InvalidOperationException("the deferred write cannot be flushed");
            db.Received.AddRange(Rows);
            db.Received.Add(Received(Guid.NewGuid(), "flush", Rows.Count));
            Rows.Clear();
            return Task.CompletedTask;
        }
    }

    /// <summary>A migrated PlatformTestDbContext database (SQLite file or PostgreSQL) and a group commit on it.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly IAsyncDisposable _database;

        private TestDatabase(IHost host, IAsyncDisposable database, SavepointCounter transactions)
        {
            _host = host;
            _database = database;
            Transactions = transactions;
            Commit = new InboxGroupCommit<PlatformTestDbContext>(host.Services.GetRequiredService<IServiceScopeFactory>(), 64, NullLogger.Instance);
        }

        public InboxGroupCommit<PlatformTestDbContext> Commit { get; }

        public SavepointCounter Transactions { get; }

        public static async Task<TestDatabase> CreateAsync(string provider)
        {
            var database = await ProviderTestDatabase.CreateAsync(provider);
            var transactions = new SavepointCounter();
            var host = await PlatformTestHost.StartAsync(PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "group-commit",
                configureDatabase: db => db.AddInterceptors(transactions)));
            return new TestDatabase(host, database, transactions);
        }

        // Sorted here, not in SQL: the providers order Guids differently from .NET.
        public async Task<List<Guid>> ReceivedAsync() =>
            (await PlatformTestHost.QueryAsync(_host.Services, db => db.Received.Where(r => r.Kind == "group-commit").Select(r => r.EventId).ToListAsync())).Order().ToList();

        public async Task<List<int>> FlushSizesAsync() =>
            await PlatformTestHost.QueryAsync(_host.Services, db => db.Received.Where(r => r.Kind == "flush").Select(r => r.Sequence).ToListAsync());

        public async Task<List<Guid>> InboxAsync() =>
            (await PlatformTestHost.QueryAsync(_host.Services, db => db.Set<InboxMessage>().Where(m => m.Consumer == Consumer).Select(m => m.MessageId).ToListAsync())).Order().ToList();

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            await _database.DisposeAsync();
        }
    }
}
