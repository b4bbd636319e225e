using RabbitMQ.Client;

namespace EducationHub.Messaging.DeadLetters;

/// <summary>
/// Moves dead-lettered messages from <c>&lt;queue&gt;_error</c> back to <c>&lt;queue&gt;</c> (after the
/// consumer has been fixed). Each message is sent through the default exchange straight to its
/// own queue, never the type's exchange (that would hand a second copy to every other service),
/// with its body and properties (so its MessageId, which the inbox de-duplicates on) and without
/// MassTransit's fault headers. The original is acknowledged only after the broker confirmed the
/// copy: a crash in between leaves a duplicate, which the inbox skips, never a loss.
/// </summary>
public static class ErrorQueueReplay
{
    public const string ErrorSuffix = "_error";

    /// <summary>Replays up to <paramref name="limit"/> messages (those present when it starts); returns how many moved.</summary>
    public static async Task<int> ReplayAsync(Uri brokerUri, string queue, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (queue.EndsWith(ErrorSuffix, StringComparison.Ordinal))
            throw new ArgumentException($"Name the consumer's queue, not its error queue ({queue[..^ErrorSuffix.Length]}).", nameof(queue));

        var factory = new ConnectionFactory { Uri = brokerUri, ClientProvidedName = "ehub replay-errors" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);

        // Passive declares: fail with the broker's "not found" rather than create a queue by mistake.
        var errorQueue = queue + ErrorSuffix;
        var waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        await channel.QueueDeclarePassiveAsync(queue, cancellationToken);

        var moved = 0;
        var toMove = Math.Min((long)limit, waiting);
        while (moved < toMove && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is not null)
            {
                properties.Headers = properties.Headers
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value);
            }
            // With confirmation tracking on, this returns once the broker has the copy (it throws if nacked).
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }
}
