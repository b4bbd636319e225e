using EducationHub.Messaging;
using EducationHub.Messaging.DeadLetters;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The documented recovery: fix the consumer, then move its error queue back (real PostgreSQL + RabbitMQ).</summary>
[Collection(BrokerCollection.Name)]
public sealed class ErrorQueueReplayTests
{
    [Fact]
    public async Task Replaying_the_error_queue_after_the_fix_applies_each_dead_lettered_event_once()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var queue = $"{prefix}-repairable";
        var repair = new ConsumerRepair();
        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddSingleton(repair);
        builder.Services.AddEventConsumer<RepairableConsumer, QuickRetryDefinition<RepairableConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        try
        {
            var events = Enumerable.Range(0, 20)
                .Select(i => TestEvent.New((id, at, c) => new RepairableHappened(id, at, null, "tests", c, i, Broken: i % 5 == 0)))
                .ToList();
            var broken = events.Where(e => e.Broken).ToList();
            await PlatformTestHost.ProduceAsync(host.Services, events);

            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(RepairableHappened)) >= events.Count - broken.Count,
                "every good event consumed");
            await PlatformTestHost.WaitUntilAsync(async () => await MessageCountAsync(rabbit, queue + "_error") == broken.Count, "the broken events dead-lettered");

            repair.Deploy();
            var moved = await ErrorQueueReplay.ReplayAsync(new Uri(rabbit), queue);

            Assert.Equal(broken.Count, moved);
            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(RepairableHappened)) >= events.Count,
                "the replayed events consumed");
            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Select(e => e.EventId).Order(), received.Order());
            Assert.Equal(0u, await MessageCountAsync(rabbit, queue + "_error"));
            // Nothing left to move; naming the error queue itself is refused rather than guessed at.
            Assert.Equal(0, await ErrorQueueReplay.ReplayAsync(new Uri(rabbit), queue));
            await Assert.ThrowsAsync<ArgumentException>(() => ErrorQueueReplay.ReplayAsync(new Uri(rabbit), queue + "_error"));
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, queue, queue + "_error");
        }
    }

    private static async Task<uint> MessageCountAsync(string url, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet: MassTransit creates the error queue on the first fault
        }
    }
}
