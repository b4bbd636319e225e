using NodaTime;

namespace EducationHub.Governance.Domain.Notices;

/// <summary>One step of a notice's lifecycle: what changed, when it happened, who recorded it.</summary>
public sealed class NoticeHistoryEntry
{
    public Guid Id { get; init; }
    public Guid NoticeId { get; init; }
    public NoticeStatus From { get; init; }
    public NoticeTrigger Trigger { get; init; }
    public NoticeStatus To { get; init; }
    public LocalDate OnDate { get; init; }
    public string Note { get; init; } = "";
    public string Organisation { get; init; } = "";
    public Instant RecordedAt { get; init; }
}
