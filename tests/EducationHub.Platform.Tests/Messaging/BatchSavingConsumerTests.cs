using System.Diagnostics.Metrics;
using EducationHub.Messaging;
using EducationHub.Messaging.DeadLetters;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>
/// A consumer that saves once per group-commit batch, through the real bus: SQLite with the
/// in-memory transport, PostgreSQL with RabbitMQ. A poison message among a burst still faults
/// alone and is dead-lettered after its retries; every other message is applied exactly once.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class BatchSavingConsumerTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_poison_message_faults_alone_and_the_rest_of_its_burst_is_applied_once(string provider)
    {
        var rabbit = provider == "postgres" ? TestInfrastructure.RabbitMqUrl : null;
        await using var database = await ProviderTestDatabase.CreateAsync(provider);
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var queue = $"{prefix}-batch-saving-poison";
        long deadLettered = 0;
        using var meter = DeadLetterCounter(queue, value => Interlocked.Add(ref deadLettered, value));

        var builder = PlatformTestHost.CreateBuilder(database.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<BatchSavingPoisonConsumer, QuickRetryDefinition<BatchSavingPoisonConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        try
        {
            var events = Enumerable.Range(0, 50)
                .Select(i => TestEvent.New((id, at, c) => new BatchSavedPoisonHappened(id, at, null, "tests", c, i, Poison: i == 10)))
                .ToList();
            // One transaction: the outbox publishes them as one burst, so deliveries overlap and batch.
            await PlatformTestHost.ProduceAsync(host.Services, events, perTransaction: events.Count);

            await PlatformTestHost.WaitUntilAsync(
                async () => await PlatformTestHost.ReceivedCountAsync(host.Services, nameof(BatchSavedPoisonHappened)) >= events.Count - 1,
                "every good event consumed");
            await PlatformTestHost.WaitUntilAsync(() => Task.FromResult(Interlocked.Read(ref deadLettered) >= 1), "dead-letter metric");
            if (rabbit is not null)
            {
                var errors = new List<RabbitMQ.Client.BasicGetResult>();
                await PlatformTestHost.WaitUntilAsync(async () =>
                {
                    errors.AddRange(await RabbitMqTestQueues.DrainAsync(rabbit, queue + "_error"));
                    return errors.Count > 0;
                }, "the poison message in the error queue");
                Assert.Equal(events[10].EventId.ToString(), Assert.Single(errors).BasicProperties.MessageId);
            }

            var received = await PlatformTestHost.QueryAsync(host.Services, db => db.Received.Select(r => r.EventId).ToListAsync());
            Assert.Equal(events.Where(e => !e.Poison).Select(e => e.EventId).Order(), received.Order());
            Assert.Equal(1, Interlocked.Read(ref deadLettered));
        }
        finally
        {
            await host.StopAsync();
            if (rabbit is not null)
                await RabbitMqTestQueues.DeleteAsync(rabbit, queue, queue + "_error");
        }
    }

    private static MeterListener DeadLetterCounter(string queue, Action<long> add)
    {
        var meter = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "educationhub.messaging.dead_lettered")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue" && Equals(tag.Value, queue))
                    add(value);
            }
        });
        meter.Start();
        return meter;
    }
}
