using RabbitMQ.Client;

namespace EducationHub.Bench.Messaging;

/// <summary>
/// Removes a phase's receive endpoint from the broker once the phase is over. MassTransit leaves a
/// stopped consumer's durable queue bound to the event's exchange, so without this every event the
/// next phase publishes is also enqueued, unconsumed, on the previous phase's queue: the broker
/// did twice the work per event in the end-to-end phase and the raw queue grew by every round.
/// </summary>
internal static class BrokerEndpoints
{
    /// <summary>Deletes the queue <paramref name="name"/> and the exchange of the same name that MassTransit binds to it.</summary>
    public static async Task DeleteAsync(string url, string name)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(name);
        await channel.ExchangeDeleteAsync(name);
    }
}
