using EducationHub.Governance.Domain;
using EducationHub.Governance.Infrastructure;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>
/// Every write leaves two traces, saved in the same transaction as the change: an audit entry
/// (who did what to which record) and a line on the school's governance timeline.
/// </summary>
internal static class ChangeRecorder
{
    public static void Record(
        this GovernanceDbContext db,
        Caller caller,
        string action,
        Guid entityId,
        int urn,
        LocalDate occurredOn,
        string summary,
        Instant now)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        db.Audit(caller.Organisation, caller.Subject, action, dot > 0 ? action[..dot] : action, entityId.ToString());
        db.Timeline.Add(new TimelineEntry
        {
            Id = SequentialIds.Next(),
            Urn = urn,
            RecordedAt = now,
            OccurredOn = occurredOn,
            Kind = action,
            Summary = summary,
            EntityId = entityId,
            Organisation = caller.Organisation,
        });
    }
}
