using RabbitMQ.Client;

namespace EducationHub.Testing.Infrastructure;

/// <summary>Direct access to the test broker with RabbitMQ.Client: read an error queue, delete a test's queues.</summary>
public static class RabbitMqTestQueues
{
    /// <summary>Takes every message currently in <paramref name="queue"/> (acknowledged, so removed).</summary>
    public static async Task<IReadOnlyList<BasicGetResult>> DrainAsync(string url, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            messages.Add(message);
        return messages;
    }

    /// <summary>Deletes queues (missing ones are fine): tests clean up after themselves on the shared broker.</summary>
    public static async Task DeleteAsync(string url, params string[] queues)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }
    }
}
