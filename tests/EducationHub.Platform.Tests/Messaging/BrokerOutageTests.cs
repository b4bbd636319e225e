using System.Diagnostics;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>Fault test (a): the broker goes down while events are produced; nothing is lost or applied twice.</summary>
[Collection(BrokerCollection.Name)]
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task Stopping_RabbitMQ_while_1000_events_are_produced_loses_none_and_applies_none_twice()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        var control = TestInfrastructure.RabbitMqControl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<OutageConsumer, QuickRetryDefinition<OutageConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        var brokerDown = false;
        try
        {
            var events = Enumerable.Range(0, 1000)
                .Select(i => TestEvent.New((id, at, c) => new OutageHappened(id, at, null, "tests", c, i)))
                .ToList();

            // Produce a third, stop the broker, produce the rest with the broker down (the
            // producing service keeps accepting writes: they wait in its outbox), then restart.
            var firstPart = events.Take(300).ToList();
            var producing = PlatformTestHost.ProduceAsync(host.Services, firstPart);
            await Task.Delay(200);
            await RunControlAsync(control, "stop");
            brokerDown = true;
            await producing;
            await PlatformTestHost.ProduceAsync(host.Services, events.Skip(300).ToList(), perTransaction: 2);
            var pendingDuringOutage = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().CountAsync(m => m.DeliveredAt == null));
            Assert.True(pendingDuringOutage > 0, "events should wait in the outbox while the broker is down");
            // Keep the broker down until the dispatcher has felt it: a publish timed out or failed and
            // its row was given back with the error, to be retried after a back-off. A restart within
            // the publish timeout would otherwise let every publish simply wait, and the test would not
            // show the retry path at all.
            await PlatformTestHost.WaitUntilAsync(
                () => PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AnyAsync(m => m.LastError != null && m.DeliveredAt == null)),
                "a publish failed and its row was given back while the broker was down", TimeSpan.FromSeconds(60));

            await RunControlAsync(control, "start");
            brokerDown = false;

            await PlatformTestHost.WaitUntilAsync(
                () => PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AllAsync(m => m.DeliveredAt != null)),
                "every outbox row delivered after the broker came back", TimeSpan.FromSeconds(150));
            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(OutageHappened)) >= events.Count,
                "every event applied", TimeSpan.FromSeconds(150));

            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Count, received.Count);
            Assert.Equal(events.Select(e => e.EventId).Order(), received.Order());
            // The rows that failed were published again later, each still applied once (above).
            var retried = await PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().CountAsync(m => m.LastError != null && m.Attempts >= 2));
            Assert.True(retried > 0, "rows that failed during the outage were delivered on a later attempt");
        }
        finally
        {
            if (brokerDown)
                await RunControlAsync(control, "start");
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, $"{prefix}-outage", $"{prefix}-outage_error");
        }
    }

    private static async Task RunControlAsync(string script, string action)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} {action} failed ({process.ExitCode}): {await output}{await error}");
    }
}
