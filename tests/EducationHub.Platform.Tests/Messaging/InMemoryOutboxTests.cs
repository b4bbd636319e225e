using System.Diagnostics;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using EducationHub.Messaging;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The embedded default: SQLite file + in-memory transport.</summary>
public sealed class InMemoryOutboxTests
{
    [Fact]
    public async Task Events_written_through_the_outbox_are_consumed_once_each_and_marked_delivered()
    {
        using var sqlite = new SqliteTestDatabase();
        var builder = PlatformTestHost.CreateBuilder(sqlite.ConnectionString, rabbitMqUrl: null, "inmem-roundtrip");
        builder.Services.AddEventConsumer<RoundTripConsumer, QuickRetryDefinition<RoundTripConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);

        var events = Enumerable.Range(0, 300)
            .Select(i => TestEvent.New((id, at, c) => new RoundTripHappened(id, at, 100000 + i, "tests", c, i)))
            .ToList();
        await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 7);

        await PlatformTestHost.WaitUntilAsync(
            async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(RoundTripHappened)) >= events.Count,
            "all events consumed");
        await PlatformTestHost.WaitUntilAsync(
            () => PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AllAsync(m => m.DeliveredAt != null)),
            "all outbox rows marked delivered");

        var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
        Assert.Equal(events.Count, received.Count);
        Assert.Equal(events.Select(e => e.EventId).Order(), received.Order());
        await host.StopAsync();
    }

    [Fact]
    public async Task The_outbox_publish_continues_the_trace_of_the_write()
    {
        using var sqlite = new SqliteTestDatabase();
        var builder = PlatformTestHost.CreateBuilder(sqlite.ConnectionString, rabbitMqUrl: null, "inmem-trace");
        builder.Services.AddEventConsumer<RoundTripConsumer, QuickRetryDefinition<RoundTripConsumer>>();

        var publishes = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OutboxTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (publishes) publishes.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var host = await PlatformTestHost.StartAsync(builder);

        using var source = new ActivitySource("EducationHub.Platform.Tests");
        using var writeListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(writeListener);

        var evt = TestEvent.New((id, at, c) => new RoundTripHappened(id, at, null, "tests", c, 1));
        ActivityTraceId traceId;
        using (var write = source.StartActivity("grpc write"))
        {
            Assert.NotNull(write);
            traceId = write.TraceId;
            await PlatformTestHost.ProduceAsync(host.Services, [evt]);
        }

        await PlatformTestHost.WaitUntilAsync(
            async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(RoundTripHappened)) == 1, "event consumed");
        await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(Snapshot(publishes).Any(a => a.GetTagItem("messaging.message.id") as string == evt.EventId.ToString())), "publish activity");
        var publish = Snapshot(publishes).Single(a => a.GetTagItem("messaging.message.id") as string == evt.EventId.ToString());
        Assert.Equal(traceId, publish.TraceId);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        await host.StopAsync();
    }

    private static List<Activity> Snapshot(List<Activity> list)
    {
        lock (list)
            return [.. list];
    }
}
