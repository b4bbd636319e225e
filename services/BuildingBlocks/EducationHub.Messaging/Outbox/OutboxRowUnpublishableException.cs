namespace EducationHub.Messaging.Outbox;

/// <summary>
/// A row no publish can succeed for as it stands (its event type is unknown to this build, or its
/// payload does not read as that type). It is retried with its own backoff, since a newer build may
/// know the type, but it does not back the dispatcher off: the broker is not the problem.
/// </summary>
public sealed class OutboxRowUnpublishableException : Exception
{
    public OutboxRowUnpublishableException(string message)
        : base(message)
    {
    }

    public OutboxRowUnpublishableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
