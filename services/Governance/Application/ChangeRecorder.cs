using System.Globalization;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Infrastructure;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>
/// Every write leaves two traces, saved in the same transaction as the change: an audit entry
/// (who did what to which record) and a line on the school's governance timeline. The timeline is read
/// without an audit entry, so its summaries carry no free text (resolutions, reasons): that stays in the
/// records behind the audited reads.
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
        Instant now) =>
        db.Record(caller, action, entityId.ToString(), entityId, urn, occurredOn, summary, now);

    /// <summary>
    /// A governing body has no id of its own: it is the school's, keyed by URN as everywhere else in this service,
    /// so its audit entries name the URN (the timeline is already the school's and names no entity).
    /// </summary>
    public static void RecordGoverningBody(this GovernanceDbContext db, Caller caller, string action, int urn, LocalDate occurredOn, string summary, Instant now) =>
        db.Record(caller, action, urn.ToString(CultureInfo.InvariantCulture), Guid.Empty, urn, occurredOn, summary, now);

    private static void Record(
        this GovernanceDbContext db,
        Caller caller,
        string action,
        string auditEntityId,
        Guid timelineEntityId,
        int urn,
        LocalDate occurredOn,
        string summary,
        Instant now)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        db.Audit(caller.Organisation, caller.Subject, action, dot > 0 ? action[..dot] : action, auditEntityId);
        db.Timeline.Add(new TimelineEntry
        {
            Id = SequentialIds.Next(),
            Urn = urn,
            RecordedAt = now,
            OccurredOn = occurredOn,
            Kind = action,
            Summary = summary,
            EntityId = timelineEntityId,
            Organisation = caller.Organisation,
        });
    }
}
