using System.Text;
using EducationHub.Testing.Infrastructure;
using RabbitMQ.Client;

namespace EducationHub.Hub.Tests.Cli;

/// <summary>`ehub replay-errors`, the documented way to replay an error queue, against the real test broker.</summary>
public class ReplayErrorsCliTests
{
    [Fact]
    public async Task It_moves_the_error_queue_back_without_fault_headers_and_says_how_many()
    {
        var rabbit = TestInfrastructure.RabbitMqUrl;
        var queue = "cli-replay-" + Guid.NewGuid().ToString("N")[..8];
        var factory = new ConnectionFactory { Uri = new Uri(rabbit) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            foreach (var name in new[] { queue, queue + "_error" })
                await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
            for (var i = 0; i < 3; i++)
            {
                var properties = new BasicProperties
                {
                    MessageId = $"m{i}",
                    Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = "boom", ["MT-Reason"] = "fault", ["kept"] = "yes" },
                };
                await channel.BasicPublishAsync("", queue + "_error", mandatory: true, properties, Encoding.UTF8.GetBytes($"event {i}"));
            }

            var (code, stdout, _) = await CliTests.Run("replay-errors", "--queue", queue, "--rabbitmq", rabbit, "--limit", "2");
            Assert.Equal(0, code);
            Assert.Contains($"Moved 2 message(s) from {queue}_error back to {queue}.", stdout, StringComparison.Ordinal);

            var first = await channel.BasicGetAsync(queue, autoAck: true);
            Assert.NotNull(first);
            Assert.Equal("m0", first.BasicProperties.MessageId);
            Assert.Equal("event 0", Encoding.UTF8.GetString(first.Body.Span));
            var headers = first.BasicProperties.Headers!;
            Assert.True(headers.ContainsKey("kept"));
            Assert.False(headers.ContainsKey("MT-Fault-Message") || headers.ContainsKey("MT-Reason"));
            Assert.Equal(1u, await channel.MessageCountAsync(queue));
            Assert.Equal(1u, await channel.MessageCountAsync(queue + "_error"));
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
            await channel.QueueDeleteAsync(queue + "_error");
        }
    }

    [Fact]
    public async Task With_no_usable_broker_address_it_explains_and_exits_with_the_usage_code()
    {
        var (code, _, stderr) = await CliTests.Run("replay-errors", "--queue", "hub-anything", "--rabbitmq", "not a uri");
        Assert.NotEqual(0, code);
        Assert.Contains("--rabbitmq amqp://", stderr, StringComparison.Ordinal);
    }
}
