using System.Collections.Concurrent;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>
/// Rows a process commits go straight to its own dispatcher (<see cref="OutboxHandOff"/>), leased
/// to it from the INSERT; rows of a process that died keep their lease and are claimed after it.
/// </summary>
public sealed class OutboxHandOffTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_this_process_commits_are_published_once_and_marked_delivered_without_a_claim(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var publisher = new RecordingPublisher();
        var commands = new ConcurrentQueue<string>();
        // No poll within the test: after the start-up round, only a requested claim would run one.
        using var host = await StartAsync(database.ConnectionString, publisher, commands, withDispatcher: true, pollInterval: TimeSpan.FromHours(1), LongLease);
        await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(commands.Any(IsClaim)), "the dispatcher's start-up claim round");
        commands.Clear();

        var events = Events(25);
        await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 5);
        await PlatformTestHost.WaitUntilAsync(async () => (await RowsAsync(host)).All(r => r.DeliveredAt is not null), "every row marked delivered");

        Assert.Equal(events.Select(e => e.EventId).Order(), publisher.Published.Select(p => p.Id).Order());
        Assert.DoesNotContain(commands, IsClaim);
        var rows = await RowsAsync(host);
        Assert.Equal(events.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, (Guid?)null, (DateTime?)null), (r.Attempts, r.LockedBy, r.LockedUntil)));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_handed_off_to_a_dispatcher_that_died_are_claimed_by_another_once_their_lease_runs_out(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var lease = TimeSpan.FromSeconds(3);
        var events = Events(12);
        var deadToken = Guid.NewGuid();
        DateTime committedAt;
        Dictionary<Guid, DateTime> leasedUntil;
        // The writing process: its dispatcher takes hand-offs but never runs, as if the process
        // died between the commit and the publish.
        using (var writer = await StartAsync(database.ConnectionString, new RecordingPublisher(), new ConcurrentQueue<string>(), withDispatcher: false, pollInterval: TimeSpan.FromHours(1)))
        {
            var handOff = HandOffOf(writer);
            handOff.Attach(deadToken, lease, capacity: 100);
            await PlatformTestHost.ProduceAsync(writer.Services, events, perTransaction: 4);
            committedAt = DateTime.UtcNow;
            Assert.Equal(events.Count, handOff.Count);
            var written = await RowsAsync(writer);
            Assert.All(written, r => Assert.Equal(deadToken, r.LockedBy));
            Assert.All(written, r => Assert.InRange(r.LockedUntil!.Value, committedAt + 2 * lease - TimeSpan.FromMinutes(1), committedAt + 2 * lease));
            leasedUntil = written.ToDictionary(r => r.Id, r => r.LockedUntil!.Value);
        }

        var publisher = new RecordingPublisher();
        using var recovering = await StartAsync(database.ConnectionString, publisher, new ConcurrentQueue<string>(), withDispatcher: true, pollInterval: TimeSpan.FromMilliseconds(250));
        await PlatformTestHost.WaitUntilAsync(async () => (await RowsAsync(recovering)).All(r => r.DeliveredAt is not null), "every row recovered and marked delivered");

        Assert.Equal(events.Select(e => e.EventId).Order(), publisher.Published.Select(p => p.Id).Order());
        // Not one was taken from the dead dispatcher while its lease held.
        Assert.All(publisher.Published, p => Assert.True(p.At >= leasedUntil[p.Id], $"published at {p.At:O}, leased until {leasedUntil[p.Id]:O}"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_are_handed_off_at_their_commit_and_never_when_rolled_back(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        using var host = await StartAsync(database.ConnectionString, new RecordingPublisher(), new ConcurrentQueue<string>(), withDispatcher: false, pollInterval: TimeSpan.FromHours(1));
        var handOff = HandOffOf(host);
        handOff.Attach(Guid.NewGuid(), TimeSpan.FromMinutes(5), capacity: 100);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformTestDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.AddEvent(Events(1)[0]);
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            Assert.Equal(0, handOff.Count);

            // The same context's next transaction: only its own row is handed off, at its commit.
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var committed = db.AddEvent(Events(1)[0]);
                await db.SaveChangesAsync();
                Assert.Equal(0, handOff.Count);
                await tx.CommitAsync();
                Assert.Equal([committed.Id], handOff.Take(10, DateTime.UtcNow).Select(r => r.Id));
            }
        }
        Assert.False(handOff.TakeClaimRequest());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_row_beyond_the_queue_capacity_is_written_unleased_and_asks_for_a_claim(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        using var host = await StartAsync(database.ConnectionString, new RecordingPublisher(), new ConcurrentQueue<string>(), withDispatcher: false, pollInterval: TimeSpan.FromHours(1));
        var handOff = HandOffOf(host);
        var token = Guid.NewGuid();
        handOff.Attach(token, TimeSpan.FromMinutes(5), capacity: 1);
        var events = Events(2);

        await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 1);

        var rows = (await RowsAsync(host)).ToDictionary(r => r.Id);
        Assert.Equal(token, rows[events[0].EventId].LockedBy);
        Assert.Null(rows[events[1].EventId].LockedBy);
        Assert.Null(rows[events[1].EventId].LockedUntil);
        Assert.Equal(1, handOff.Count);
        Assert.True(handOff.TakeClaimRequest());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_publish_waiting_for_its_confirm_does_not_hold_back_the_rows_after_it(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var events = Events(10);
        var slow = events[0].EventId;
        var confirm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publisher = new RecordingPublisher(id => id == slow ? confirm.Task : Task.CompletedTask);
        using var host = await StartAsync(database.ConnectionString, publisher, new ConcurrentQueue<string>(), withDispatcher: true, pollInterval: TimeSpan.FromHours(1), LongLease);

        await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 10);
        // The other nine are published and marked delivered while the first still waits for its confirm.
        await PlatformTestHost.WaitUntilAsync(async () => (await RowsAsync(host)).Count(r => r.DeliveredAt is not null) == 9, "the nine rows after the slow one delivered");
        var rows = await RowsAsync(host);
        Assert.Null(rows.Single(r => r.Id == slow).DeliveredAt);
        Assert.Equal(events.Count, publisher.Published.Count);

        confirm.SetResult();
        await PlatformTestHost.WaitUntilAsync(async () => (await RowsAsync(host)).All(r => r.DeliveredAt is not null), "the slow row delivered once confirmed");
        Assert.Equal(events.Select(e => e.EventId).Order(), publisher.Published.Select(p => p.Id).Order());
    }

    private static bool IsClaim(string sql) => sql.Contains("SET locked_by =", StringComparison.Ordinal) && sql.Contains("SELECT id FROM outbox_messages", StringComparison.Ordinal);

    private static List<RoundTripHappened> Events(int count) =>
        Enumerable.Range(0, count).Select(i => TestEvent.New((id, at, c) => new RoundTripHappened(id, at, null, "hand-off-test", c, i))).ToList();

    private static OutboxHandOff HandOffOf(IHost host) =>
        host.Services.GetRequiredService<OutboxSignals>().For(typeof(PlatformTestDbContext)).HandOff;

    private static Task<List<OutboxMessage>> RowsAsync(IHost host) => OutboxTestHost.RowsAsync(host);

    /// <param name="lease">
    /// The outbox lease (the test host's 3 s unless given). Tests that count publishes exactly give a long one: a
    /// lease that runs out before its rows are marked (a stall of a few seconds on a loaded machine) lets a claim
    /// publish them again, which at-least-once delivery allows and the inbox absorbs, but such a test would count it.
    /// </param>
    private static Task<IHost> StartAsync(string connectionString, RecordingPublisher publisher, ConcurrentQueue<string> commands, bool withDispatcher, TimeSpan pollInterval,
        TimeSpan? lease = null) =>
        OutboxTestHost.StartAsync(connectionString, publisher, commands, withDispatcher, pollInterval,
            lease is { } l ? new Dictionary<string, string> { ["LeaseDuration"] = l.ToString() } : null);

    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(5);
}
