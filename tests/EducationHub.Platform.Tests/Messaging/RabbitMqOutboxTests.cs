using System.Diagnostics.Metrics;
using System.Text;
using EducationHub.Messaging;
using EducationHub.Messaging.DeadLetters;
using Microsoft.Extensions.Logging;
using EducationHub.Platform.Tests.Persistence;
using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The distributed setup: real PostgreSQL + real RabbitMQ.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RabbitMqOutboxTests
{
    [Fact]
    public async Task Events_go_from_the_outbox_through_RabbitMQ_to_an_idempotent_consumer_exactly_once()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<RoundTripConsumer, QuickRetryDefinition<RoundTripConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        try
        {
            var events = Enumerable.Range(0, 500)
                .Select(i => TestEvent.New((id, at, c) => new RoundTripHappened(id, at, 100000 + i, "tests", c, i)))
                .ToList();
            await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: 5);

            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(RoundTripHappened)) >= events.Count,
                "all events consumed");
            await PlatformTestHost.WaitUntilAsync(
                () => PlatformTestHost.QueryAsync(host.Services, db => db.Set<OutboxMessage>().AllAsync(m => m.DeliveredAt != null)),
                "all outbox rows delivered");
            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Select(e => e.EventId).Order(), received.Order());
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, $"{prefix}-round-trip", $"{prefix}-round-trip_error");
        }
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_state_once()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<DuplicateConsumer, QuickRetryDefinition<DuplicateConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        var consumed = new ConsumeCounter<DuplicateHappened>();
        var bus = host.Services.GetRequiredService<IBus>();
        using var _ = bus.ConnectConsumeObserver(consumed);
        try
        {
            var events = Enumerable.Range(0, 20)
                .Select(i => TestEvent.New((id, at, c) => new DuplicateHappened(id, at, null, "tests", c, i)))
                .ToList();
            // Each event three times with the same MessageId, two of them at once, so deliveries
            // overlap in the consumer (it lingers 50 ms) and race on the inbox's unique key.
            foreach (var e in events)
            {
                await Task.WhenAll(PublishAsync(bus, e), PublishAsync(bus, e));
                await PublishAsync(bus, e);
            }

            await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(consumed.Count >= events.Count * 3), "every delivery consumed");
            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Select(e => e.EventId).Order(), received.Order());
            Assert.Equal(0, consumed.Faults);
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, $"{prefix}-duplicate", $"{prefix}-duplicate_error");
        }
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_and_the_rest_are_processed()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var queue = $"{prefix}-poison";
        long deadLettered = 0;
        var deadLetteredTypes = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "educationhub.messaging.dead_lettered")
                l.EnableMeasurementEvents(instrument);
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var ours = false;
            string? type = null;
            foreach (var tag in tags)
            {
                ours |= tag.Key == "queue" && Equals(tag.Value, queue);
                if (tag.Key == "message_type")
                    type = tag.Value as string;
            }
            if (ours)
            {
                deadLetteredTypes.Enqueue(type);
                Interlocked.Add(ref deadLettered, value);
            }
        });
        meter.Start();

        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<PoisonConsumer, QuickRetryDefinition<PoisonConsumer>>();
        var errorLog = new ErrorLogRecorder();
        builder.Logging.AddProvider(errorLog);
        using var host = await PlatformTestHost.StartAsync(builder);
        try
        {
            var events = Enumerable.Range(0, 50)
                .Select(i => TestEvent.New((id, at, c) => new PoisonHappened(id, at, null, "tests", c, i, Poison: i == 10)))
                .ToList();
            var poison = events[10];
            await PlatformTestHost.ProduceAsync(host.Services, events);

            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(PoisonHappened)) >= events.Count - 1,
                "every good event consumed");
            await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(Interlocked.Read(ref deadLettered) >= 1), "dead-letter metric");

            // The metric is counted just before the move to the error queue: wait for the move.
            var errors = new List<RabbitMQ.Client.BasicGetResult>();
            await PlatformTestHost.WaitUntilAsync(async () =>
            {
                errors.AddRange(await RabbitMqTestQueues.DrainAsync(rabbit, queue + "_error"));
                return errors.Count > 0;
            }, "the poison message in the error queue");
            var dead = Assert.Single(errors);
            Assert.Equal(poison.EventId.ToString(), dead.BasicProperties.MessageId);
            var reason = Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["MT-Fault-Message"]!);
            Assert.Contains("cannot be applied", reason);

            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Where(e => !e.Poison).Select(e => e.EventId).Order(), received.Order());
            Assert.Equal(1, Interlocked.Read(ref deadLettered));
            // And one log line for it (event 3300), naming the message and the queue.
            var line = Assert.Single(errorLog.Errors, e => e.Contains("[3300]", StringComparison.Ordinal));
            Assert.Contains(poison.EventId.ToString(), line, StringComparison.Ordinal);
            Assert.Contains(queue, line, StringComparison.Ordinal);
            // Both name the message's contract, not the envelope's content type.
            var contract = typeof(PoisonHappened).FullName!;
            Assert.Contains(contract, line, StringComparison.Ordinal);
            Assert.Equal(contract, Assert.Single(deadLetteredTypes));
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, queue, queue + "_error");
        }
    }

    private static Task PublishAsync<T>(IBus bus, T message) where T : class, EducationHub.Contracts.V1.IIntegrationEvent =>
        bus.Publish(message, ctx => ctx.MessageId = message.EventId);
}
