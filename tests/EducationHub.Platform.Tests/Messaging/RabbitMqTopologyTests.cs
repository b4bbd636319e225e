using EducationHub.Messaging;
using EducationHub.Platform.Tests.Messaging.TestModel;
using EducationHub.Platform.Tests.Persistence;
using EducationHub.Testing.Infrastructure;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>The queues a service's consumers get on RabbitMQ: kebab-case names, durable quorum queues.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RabbitMqTopologyTests
{
    [Fact]
    public async Task A_consumer_queue_is_a_durable_quorum_queue_with_a_kebab_case_name()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var prefix = PlatformTestHost.NewEndpointPrefix();
        var builder = PlatformTestHost.CreateBuilder(pg.ConnectionString, rabbit, prefix);
        builder.Services.AddEventConsumer<RoundTripConsumer, QuickRetryDefinition<RoundTripConsumer>>();
        using var host = await PlatformTestHost.StartAsync(builder);
        var queue = $"{prefix}-round-trip"; // RoundTripConsumer, kebab-cased behind the prefix
        try
        {
            Assert.True(await RabbitMqTestQueues.ExistsAsync(rabbit, queue), $"no queue named {queue}");
            // The same declaration is accepted: the queue exists under that name, durable and quorum.
            Assert.Equal(200, await RabbitMqTestQueues.RedeclareAsync(rabbit, queue, durable: true, queueType: "quorum"));
            // Any other type or durability is refused as inequivalent.
            Assert.Equal(406, await RabbitMqTestQueues.RedeclareAsync(rabbit, queue, durable: true, queueType: "classic"));
            Assert.Equal(406, await RabbitMqTestQueues.RedeclareAsync(rabbit, queue, durable: false, queueType: "quorum"));
        }
        finally
        {
            await host.StopAsync();
            await RabbitMqTestQueues.DeleteAsync(rabbit, queue, $"{queue}_error");
        }
    }
}
