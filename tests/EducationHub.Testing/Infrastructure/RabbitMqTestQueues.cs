using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

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

    /// <summary>Whether <paramref name="queue"/> exists (a passive declaration: it creates nothing).</summary>
    public static async Task<bool> ExistsAsync(string url, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Declares <paramref name="queue"/> again with the given durability and <c>x-queue-type</c>; returns
    /// the broker's reply code: 200 when that matches the existing queue, 406 (PRECONDITION_FAILED) when
    /// it does not, which is how a client can tell a queue's type and durability without the management API.
    /// </summary>
    public static async Task<int> RedeclareAsync(string url, string queue, bool durable, string queueType)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = queueType });
            return 200;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason is { } reason)
        {
            return reason.ReplyCode;
        }
    }
}
