using EducationHub.Contracts.V1;
using MassTransit;

namespace EducationHub.Messaging.Outbox;

/// <summary>Publishes on the service's bus with MessageId = EventId (consumers de-duplicate on it).</summary>
internal sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken) =>
        bus.Publish(message, messageType, context =>
        {
            context.MessageId = messageId;
            if (message is IIntegrationEvent e)
                context.CorrelationId = e.CorrelationId;
        }, cancellationToken);
}
