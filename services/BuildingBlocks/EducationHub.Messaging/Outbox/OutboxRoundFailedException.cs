namespace EducationHub.Messaging.Outbox;

/// <summary>A dispatch round where some publishes failed; the dispatcher backs off before the next.</summary>
public sealed class OutboxRoundFailedException(string message) : Exception(message);
