using System.Collections.Concurrent;
using System.Diagnostics;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>How the dispatcher's loop behaves when it cannot start anything: it waits, and only the broker backs it off.</summary>
public sealed class OutboxDispatcherLoopTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_row_that_cannot_be_published_fails_alone_without_backing_off_the_others(string provider)
    {
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        // Rows written while no dispatcher runs, then spoiled: one names a type this build does not
        // know (as an older instance sees a newer event in a rolling deploy), one has a payload that
        // does not read as its type.
        var spoiled = Events(2);
        using (var writer = await OutboxTestHost.StartAsync(database.ConnectionString, new RecordingPublisher(), new ConcurrentQueue<string>(), withDispatcher: false, pollInterval: TimeSpan.FromHours(1)))
        {
            await PlatformTestHost.ProduceAsync(writer.Services, spoiled, perTransaction: 2);
            await PlatformTestHost.QueryAsync(writer.Services, async db =>
            {
                var rows = await db.Set<OutboxMessage>().ToListAsync();
                rows.Single(r => r.Id == spoiled[0].EventId).Type = "EducationHub.Contracts.V9.NotYetInvented, EducationHub.Contracts";
                rows.Single(r => r.Id == spoiled[1].EventId).Payload = "{\"eventId\": ";
                return await db.SaveChangesAsync();
            });
        }

        // A round failure would back the dispatcher off for a minute.
        var publisher = new RecordingPublisher();
        // A long lease too: the test counts publishes exactly, and a lease running out before a mark (a stall on a
        // loaded machine) would let the 200 ms claim publish a row again.
        var backOffAMinute = new Dictionary<string, string> { ["InitialBackoff"] = "00:01:00", ["MaxBackoff"] = "00:01:00", ["LeaseDuration"] = "00:05:00" };
        using var host = await OutboxTestHost.StartAsync(database.ConnectionString, publisher, new ConcurrentQueue<string>(), withDispatcher: true,
            pollInterval: TimeSpan.FromMilliseconds(200), backOffAMinute);
        await PlatformTestHost.WaitUntilAsync(async () => (await OutboxTestHost.RowsAsync(host)).All(r => r.Attempts > 0), "the spoiled rows tried");

        var healthy = Events(5);
        await PlatformTestHost.ProduceAsync(host.Services, healthy, perTransaction: 1);
        await PlatformTestHost.WaitUntilAsync(async () => (await OutboxTestHost.RowsAsync(host)).Count(r => r.DeliveredAt is not null) == healthy.Count,
            "the rows written after the spoiled ones delivered", TimeSpan.FromSeconds(20));

        Assert.Equal(healthy.Select(e => e.EventId).Order(), publisher.Published.Select(p => p.Id).Order());
        var rows = (await OutboxTestHost.RowsAsync(host)).ToDictionary(r => r.Id);
        Assert.All(spoiled, e => Assert.Null(rows[e.EventId].DeliveredAt));
        Assert.Contains("Unknown event type", rows[spoiled[0].EventId].LastError, StringComparison.Ordinal);
        Assert.Contains("payload", rows[spoiled[1].EventId].LastError, StringComparison.Ordinal);
        // Each is retried later with its own backoff, in case a newer build knows it.
        Assert.All(spoiled, e => Assert.True(rows[e.EventId].LockedUntil > DateTime.UtcNow, "the spoiled row waits for its retry"));
    }

    internal static List<RoundTripHappened> Events(int count) =>
        Enumerable.Range(0, count).Select(i => TestEvent.New((id, at, c) => new RoundTripHappened(id, at, null, "dispatcher-loop-test", c, i))).ToList();
}

/// <summary>
/// Measures the test process's threads' CPU time, so it runs alone (after the parallel tests, with none beside it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCpuCollection
{
    public const string Name = "Process CPU";
}

[Collection(ProcessCpuCollection.Name)]
public sealed class OutboxDispatcherIdleTests
{
    /// <summary>
    /// A claim that fills the window leaves nothing to start until a confirm comes back (up to the
    /// publish timeout when the broker is in trouble); the dispatcher waited for nothing and went
    /// round again, a core's worth of CPU for as long as that lasted.
    /// </summary>
    [Fact]
    public async Task A_full_publish_window_waits_for_a_confirm_instead_of_spinning()
    {
        await using var database = await ProviderTestDatabase.CreateAsync("sqlite");
        using (var writer = await OutboxTestHost.StartAsync(database.ConnectionString, new RecordingPublisher(), new ConcurrentQueue<string>(), withDispatcher: false, pollInterval: TimeSpan.FromHours(1)))
            await PlatformTestHost.ProduceAsync(writer.Services, OutboxDispatcherLoopTests.Events(4), perTransaction: 4);

        var confirms = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publisher = new RecordingPublisher(_ => confirms.Task);
        var windowOfTwo = new Dictionary<string, string> { ["BatchSize"] = "2", ["PublishTimeout"] = "00:01:00" };
        using var host = await OutboxTestHost.StartAsync(database.ConnectionString, publisher, new ConcurrentQueue<string>(), withDispatcher: true,
            pollInterval: TimeSpan.FromHours(1), windowOfTwo);
        await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(publisher.Published.Count == 2), "the window filled");

        var before = ThreadPoolCpu.Snapshot();
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var busiest = ThreadPoolCpu.BusiestSince(before);
        // Waiting costs next to nothing. A spinning loop never yields its thread-pool thread, so one
        // thread has most of the wall time (1.95 s of these 2 s when it did);
        // the whole process's CPU would also count the JIT's background tiering of earlier tests.
        Assert.True(busiest < wall.Elapsed * 0.3, $"one thread-pool thread used {busiest.TotalMilliseconds:F0} ms of CPU in {wall.Elapsed.TotalMilliseconds:F0} ms while the dispatcher waited for confirms");

        confirms.SetResult();
        await PlatformTestHost.WaitUntilAsync(async () => (await OutboxTestHost.RowsAsync(host)).All(r => r.DeliveredAt is not null), "all four delivered once confirmed");
        Assert.Equal(4, publisher.Published.Count);
    }
}
