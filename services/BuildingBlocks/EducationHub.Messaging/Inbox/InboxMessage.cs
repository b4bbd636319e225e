namespace EducationHub.Messaging.Inbox;

/// <summary>
/// A message a consumer has already applied. The key is (message id, consumer), so two
/// consumers of the same event in one database keep their own records.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTime ProcessedAt { get; set; }
}
