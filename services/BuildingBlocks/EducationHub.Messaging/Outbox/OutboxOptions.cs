namespace EducationHub.Messaging.Outbox;

/// <summary>Dispatcher settings, configuration section <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>Rows claimed and published per round trip.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often to look for rows when nothing nudged (rows written by other instances, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim is exclusive; a crashed dispatcher's rows are picked up again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on one publish (including waiting for the broker to confirm).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay after a failed round; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delivered rows older than this are deleted.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows older than this are deleted: keep it far beyond any broker redelivery window.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most rows one clean-up statement deletes; a clean-up repeats it until fewer are left.</summary>
    public int CleanupBatchSize { get; set; } = 5000;
}
