using System.Diagnostics;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Persistence;

/// <summary>
/// <see cref="WriteGroupCommit{TContext}"/> as services use it (registered by AddServiceDatabase), on both
/// providers. A <see cref="HeldWrite"/> keeps the first batch open while the test submits the rest, so
/// which writes share a transaction is decided by the test, and <see cref="SaveCounter"/> shows it.
/// </summary>
public sealed class WriteGroupCommitTests
{
    private const string Kind = "grouped-write";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_writes_all_commit_in_one_transaction_and_each_caller_gets_its_own_result(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;

        var writes = Enumerable.Range(0, 50).Select(i => database.SaveAsync(db => AddRow(db, i))).ToList();
        held.Release();
        await first;
        var results = await Task.WhenAll(writes);

        var rows = await database.RowsAsync();
        Assert.Equal(Enumerable.Range(-1, 51), rows.Select(r => r.Sequence).Order());
        // Caller i got the id of the row its own write added, as committed.
        var idOf = rows.ToDictionary(r => r.Sequence, r => r.Id);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => idOf[i]), results);
        // The held write alone, then all fifty together.
        Assert.Equal([1, 50], database.Saves.Committed);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_commits_in_one_transaction_without_a_savepoint(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;
        var commitsBefore = database.Transactions.Commits;

        var writes = Enumerable.Range(0, 20).Select(i => database.SaveAsync(db => AddRow(db, i))).ToList();
        held.Release();
        await first;
        await Task.WhenAll(writes);

        Assert.Equal([1, 20], database.Saves.Committed);
        // The held batch's commit and the twenty's; a failed batch is rolled back whole, so a
        // savepoint around its SaveChanges would only cost round trips.
        Assert.Equal(2, database.Transactions.Commits - commitsBefore);
        Assert.Equal(0, database.Transactions.Savepoints);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_duplicate_key_in_the_middle_of_a_batch_fails_only_its_caller_and_the_others_commit_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var existing = await database.SaveAsync(db => AddRow(db, 1000));
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;

        await using var badScope = database.Services.CreateAsyncScope();
        var badCallersDb = badScope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        var writes = Enumerable.Range(0, 10)
            .Select(i => i == 4 ? database.SaveAsync(badCallersDb, db => AddRow(db, i, id: existing)) : database.SaveAsync(db => AddRow(db, i)))
            .ToList();
        held.Release();
        await first;

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => writes[4]);
        var failed = Assert.Single(error.Entries);
        Assert.Equal((existing, 4), (((ReceivedEvent)failed.Entity).Id, ((ReceivedEvent)failed.Entity).Sequence));
        foreach (var write in writes.Where((_, i) => i != 4))
            await write;

        var rows = await database.RowsAsync();
        Assert.Equal([-1, 0, 1, 2, 3, 5, 6, 7, 8, 9, 1000], rows.Select(r => r.Sequence).Order());
        Assert.Equal(1000, Assert.Single(rows, r => r.Id == existing).Sequence);
        // The bad write really was in a batch with the nine others, which failed as a whole first.
        Assert.Contains(new SaveCounter.Save(10, Succeeded: false), database.Saves.Saves);

        // What failed to save does not ride on the bad caller's next save.
        await database.SaveAsync(badCallersDb, db => AddRow(db, 104));
        Assert.Contains(104, (await database.RowsAsync()).Select(r => r.Sequence));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_write_that_throws_fails_only_its_caller(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;

        var writes = Enumerable.Range(0, 10).Select(i => database.SaveAsync(db =>
        {
            var id = AddRow(db, i);
            return i == 4 ? throw new InvalidOperationException("write 4 cannot be applied") : id;
        })).ToList();
        held.Release();
        await first;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[4]);
        Assert.Equal("write 4 cannot be applied", error.Message);
        foreach (var write in writes.Where((_, i) => i != 4))
            await write;
        Assert.Equal([-1, 0, 1, 2, 3, 5, 6, 7, 8, 9], (await database.RowsAsync()).Select(r => r.Sequence).Order());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_caller_cancelled_while_queued_gets_OperationCanceledException_and_its_rows_are_not_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;

        using var cancellation = new CancellationTokenSource();
        var applied = false;
        var before = database.SaveAsync(db => AddRow(db, 0));
        var cancelled = database.SaveAsync(db =>
        {
            applied = true;
            return AddRow(db, 1);
        }, cancellation.Token);
        var after = database.SaveAsync(db => AddRow(db, 2));
        await cancellation.CancelAsync();
        held.Release();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await before;
        await after;
        Assert.False(applied);
        Assert.Equal([-1, 0, 2], (await database.RowsAsync()).Select(r => r.Sequence).Order());
        Assert.Equal([1, 2], database.Saves.Committed);
    }

    [Fact]
    public async Task A_context_with_unsaved_changes_is_refused_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
        AddRow(db, 0);
        var applied = false;

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.SaveAsync(db, batch =>
        {
            applied = true;
            return AddRow(batch, 1);
        }));

        Assert.False(applied);
        Assert.True(db.ChangeTracker.HasChanges()); // the caller's own change is left to it
        Assert.Empty(await database.RowsAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task With_a_batch_limit_of_one_every_write_is_saved_alone_and_correctly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Persistence:WriteGroupCommitMaxBatch"] = "1" });
        using var held = new HeldWrite();
        // Saved alone, a write runs on its caller's thread: each caller gets its own here.
        var first = Task.Run(() => database.SaveAsync(db => Hold(held, db)));
        await held.Started;

        var writes = Enumerable.Range(0, 10).Select(i => Task.Run(() => database.SaveAsync(db => AddRow(db, i)))).ToList();
        // They commit while the first is still held: nothing waits for another write's transaction.
        // (The bound only turns a wait behind the held write into a failure; it measures nothing.)
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();
        await first;

        var rows = await database.RowsAsync();
        Assert.Equal(Enumerable.Range(-1, 11), rows.Select(r => r.Sequence).Order());
        var idOf = rows.ToDictionary(r => r.Sequence, r => r.Id);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => idOf[i]), results);
        Assert.Equal(Enumerable.Repeat(1, 11), database.Saves.Committed);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_event_added_by_a_write_carries_its_callers_trace_and_is_dispatched(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, consumeEvents: true);
        using var source = new ActivitySource("EducationHub.Platform.Tests.WriteGroupCommit");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        // Each call in its own trace, running until its write has committed (as a request's does). The
        // held one starts the drain, which therefore runs in that call's context.
        async Task<(string? TraceParent, Guid EventId)> CallAsync(string name, Func<PlatformTestDbContext, Guid> write)
        {
            using var call = source.StartActivity(name);
            return (call?.Id, await database.SaveAsync(write));
        }
        using var held = new HeldWrite();
        var first = CallAsync("held call", db => Hold(held, db, withEvent: true));
        await held.Started;
        var calls = Enumerable.Range(0, 10).Select(i => CallAsync($"call {i}", db => AddRow(db, i, withEvent: true))).ToList();
        held.Release();
        var results = await Task.WhenAll([first, .. calls]);

        Assert.Equal([1, 10], database.Saves.Committed);
        var traceParents = await database.QueryAsync(db => db.Set<OutboxMessage>().ToDictionaryAsync(m => m.Id, m => m.TraceParent));
        Assert.All(results, r => Assert.NotNull(r.TraceParent));
        Assert.Equal(results.Length, results.Select(r => r.TraceParent).Distinct().Count());
        Assert.Equal(results.Select(r => r.TraceParent), results.Select(r => traceParents[r.EventId]));
        var eventIds = results.Select(r => r.EventId).ToList();

        await PlatformTestHost.WaitUntilAsync(
            async () => await PlatformTestHost.ReceivedCountAsync(database.Services, nameof(RoundTripHappened)) == eventIds.Count, "every event consumed");
        await PlatformTestHost.WaitUntilAsync(
            () => database.QueryAsync(db => db.Set<OutboxMessage>().AllAsync(m => m.DeliveredAt != null)), "every outbox row marked delivered");
        var consumed = await database.QueryAsync(db => db.Received.Where(r => r.Kind == nameof(RoundTripHappened)).Select(r => r.EventId).ToListAsync());
        Assert.Equal(eventIds.Order(), consumed.Order());
    }

    /// <summary>
    /// A batch's COMMIT breaks, before the database committed or after it did (the connection drops
    /// before the reply): either way every write ends up committed exactly once, events included.
    /// </summary>
    [Theory]
    [InlineData("sqlite", false)]
    [InlineData("sqlite", true)]
    [InlineData("postgres", false)]
    [InlineData("postgres", true)]
    public async Task A_batch_whose_commit_breaks_is_committed_exactly_once(string provider, bool afterTheDatabaseCommitted)
    {
        var faults = new CommitFaults();
        await using var database = await TestDatabase.CreateAsync(provider, faults: faults);
        using var held = new HeldWrite();
        var first = database.SaveAsync(db => Hold(held, db));
        await held.Started;
        // The five share the batch behind the held one; its commit is the one that breaks.
        var writes = Enumerable.Range(0, 5).Select(i => database.SaveAsync(db =>
        {
            faults.BreakNextCommit(afterTheDatabaseCommitted);
            return AddRow(db, i, withEvent: true);
        })).ToList();
        held.Release();
        await first;
        var eventIds = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(-1, 6), (await database.RowsAsync()).Select(r => r.Sequence).Order());
        var outbox = await database.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync());
        Assert.Equal(eventIds.Order(), outbox.Order());
        // Saved again one by one only when the database had not committed them: the held write's save, and five more.
        Assert.Equal(afterTheDatabaseCommitted ? 1 : 6, database.Saves.Saves.Count(s => s is { Rows: 1, Succeeded: true }));
    }

    [Fact]
    public async Task When_the_database_cannot_say_whether_a_broken_commit_took_effect_every_caller_gets_the_error_and_nothing_is_written_again()
    {
        var faults = new CommitFaults();
        await using var database = await TestDatabase.CreateAsync("sqlite", faults: faults);
        // The database goes away right after committing: the question after the broken commit cannot be asked.
        var write = database.SaveAsync(db =>
        {
            faults.BreakNextCommit(afterTheDatabaseCommitted: true, thenUnreachable: true);
            return AddRow(db, 7, withEvent: true);
        });

        var error = await Assert.ThrowsAsync<CommitFaultException>(() => write);
        Assert.Contains("after", error.Message, StringComparison.Ordinal);
        faults.Unreachable = false;
        Assert.Equal([7], (await database.RowsAsync()).Select(r => r.Sequence));
    }

    private static Guid Hold(HeldWrite held, PlatformTestDbContext db, bool withEvent = false)
    {
        held.Hold();
        return AddRow(db, -1, withEvent: withEvent);
    }

    /// <summary>
    /// Adds a row (and with <paramref name="withEvent"/> an event, whose id is returned instead) and
    /// returns its id; creates what it adds, as a write must, since it may run twice.
    /// </summary>
    private static Guid AddRow(PlatformTestDbContext db, int sequence, Guid? id = null, bool withEvent = false)
    {
        var row = new ReceivedEvent { Id = id ?? Guid.NewGuid(), EventId = Guid.NewGuid(), Kind = Kind, Sequence = sequence, ReceivedAt = DateTime.UtcNow };
        db.Received.Add(row);
        if (!withEvent)
            return row.Id;
        var evt = TestEvent.New((eventId, at, correlation) => new RoundTripHappened(eventId, at, null, "tests", correlation, sequence));
        db.AddEvent(evt);
        return evt.EventId;
    }

    /// <summary>A migrated PlatformTestDbContext database (SQLite file or PostgreSQL) in a host, with its write group commit and a save counter.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly IAsyncDisposable _database;

        private TestDatabase(IHost host, IAsyncDisposable database, SaveCounter saves, SavepointCounter transactions)
        {
            _host = host;
            _database = database;
            Saves = saves;
            Transactions = transactions;
            Writes = host.Services.GetRequiredService<WriteGroupCommit<PlatformTestDbContext>>();
        }

        public IServiceProvider Services => _host.Services;

        public WriteGroupCommit<PlatformTestDbContext> Writes { get; }

        public SaveCounter Saves { get; }

        public SavepointCounter Transactions { get; }

        public static async Task<TestDatabase> CreateAsync(string provider, IDictionary<string, string?>? settings = null, bool consumeEvents = false,
            CommitFaults? faults = null)
        {
            var database = await ProviderTestDatabase.CreateAsync(provider);
            var saves = new SaveCounter(Kind);
            var transactions = new SavepointCounter();
            var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbitMqUrl: null, "write-group-commit", settings,
                db => db.AddInterceptors(faults is null ? [saves, transactions] : [saves, transactions, faults]));
            if (consumeEvents)
                builder.Services.AddEventConsumer<RoundTripConsumer, QuickRetryDefinition<RoundTripConsumer>>();
            var host = await PlatformTestHost.StartAsync(builder);
            return new TestDatabase(host, database, saves, transactions);
        }

        /// <summary>A caller with a context of its own (a request's scope). The call returns once the write is queued (or, saved alone, done); its task completes once the write has committed.</summary>
        public async Task<T> SaveAsync<T>(Func<PlatformTestDbContext, T> write, CancellationToken cancellationToken = default)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            return await SaveAsync(scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>(), write, cancellationToken);
        }

        public Task<T> SaveAsync<T>(PlatformTestDbContext db, Func<PlatformTestDbContext, T> write, CancellationToken cancellationToken = default) =>
            Writes.SaveAsync(db, write, cancellationToken);

        public Task<T> QueryAsync<T>(Func<PlatformTestDbContext, Task<T>> query) => PlatformTestHost.QueryAsync(_host.Services, query);

        public Task<List<ReceivedEvent>> RowsAsync() =>
            QueryAsync(db => db.Received.AsNoTracking().Where(r => r.Kind == Kind).ToListAsync());

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            await _database.DisposeAsync();
        }
    }
}
