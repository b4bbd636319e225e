namespace EducationHub.Messaging.Inbox;

/// <summary>Consumer-side settings, configuration section <c>Messaging:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Messaging:Inbox";

    /// <summary>
    /// Most messages one database transaction applies when deliveries arrive faster than they
    /// commit (group commit). 1 applies every message in its own transaction.
    /// </summary>
    public int MaxBatchSize { get; set; } = 128;
}
