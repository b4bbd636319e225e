using EducationHub.Contracts.V1;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using EducationHub.Messaging;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>
/// Builds the integration events. Enum values travel as their domain names
/// ("PerformanceStandardsAndSafety", "LowStandards", "LocalAuthority", "InterimExecutiveBoard").
/// The correlation id is the notice / intervention / concern id, so everything about one record correlates.
/// Each event carries the instant of the change it reports, read from the service's own clock, so
/// the event and the stored record agree on when it happened.
/// </summary>
internal static class GovernanceEvents
{
    public const string Producer = "governance";

    public static WarningNoticeIssued Issued(WarningNotice n, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, n.Id);
        return new WarningNoticeIssued(id, at.ToDateTimeOffset(), n.Urn, producer, correlation, n.Id, n.Type.ToString(),
            [.. n.Grounds.Select(g => g.ToString())], n.Issuer.ToString(), n.IssuedOn!.Value.ToDateOnly(), n.ComplianceDeadline!.Value.ToDateOnly());
    }

    public static WarningNoticeComplied Complied(WarningNotice n, LocalDate on, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, n.Id);
        return new WarningNoticeComplied(id, at.ToDateTimeOffset(), n.Urn, producer, correlation, n.Id, n.Type.ToString(), on.ToDateOnly());
    }

    public static WarningNoticeDeadlinePassed DeadlinePassed(Guid noticeId, int urn, NoticeType type, LocalDate deadline, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, noticeId);
        return new WarningNoticeDeadlinePassed(id, at.ToDateTimeOffset(), urn, producer, correlation, noticeId, type.ToString(), deadline.ToDateOnly());
    }

    public static InterventionStarted Started(Intervention i, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, i.Id);
        return new InterventionStarted(id, at.ToDateTimeOffset(), i.Urn, producer, correlation, i.Id, i.Kind.ToString(), i.StartedOn!.Value.ToDateOnly(), i.ResponsibleOrganisation);
    }

    public static InterventionEnded Ended(Intervention i, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, i.Id);
        return new InterventionEnded(id, at.ToDateTimeOffset(), i.Urn, producer, correlation, i.Id, i.Kind.ToString(), i.EndedOn!.Value.ToDateOnly(), i.Outcome);
    }

    public static GovernanceConcernRaised ConcernRaised(GovernanceConcern c, Instant at)
    {
        var (id, _, producer, correlation) = EventEnvelope.New(Producer, c.Id);
        return new GovernanceConcernRaised(id, at.ToDateTimeOffset(), c.Urn, producer, correlation, c.Id, c.Severity.ToString(), c.RaisedByOrganisation);
    }
}
