namespace EducationHub.Messaging.Outbox;

/// <summary>Publishes one stored event; the dispatcher's only view of the bus (a seam for tests).</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken);
}
