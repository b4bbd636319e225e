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
/// </summary>
internal static class GovernanceEvents
{
    public const string Producer = "governance";

    public static WarningNoticeIssued Issued(WarningNotice n)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, n.Id);
        return new WarningNoticeIssued(id, at, n.Urn, producer, correlation, n.Id, n.Type.ToString(),
            [.. n.Grounds.Select(g => g.ToString())], n.Issuer.ToString(), n.IssuedOn!.Value.ToDateOnly(), n.ComplianceDeadline!.Value.ToDateOnly());
    }

    public static WarningNoticeComplied Complied(WarningNotice n, LocalDate on)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, n.Id);
        return new WarningNoticeComplied(id, at, n.Urn, producer, correlation, n.Id, n.Type.ToString(), on.ToDateOnly());
    }

    public static WarningNoticeDeadlinePassed DeadlinePassed(Guid noticeId, int urn, NoticeType type, LocalDate deadline)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, noticeId);
        return new WarningNoticeDeadlinePassed(id, at, urn, producer, correlation, noticeId, type.ToString(), deadline.ToDateOnly());
    }

    public static InterventionStarted Started(Intervention i)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, i.Id);
        return new InterventionStarted(id, at, i.Urn, producer, correlation, i.Id, i.Kind.ToString(), i.StartedOn!.Value.ToDateOnly(), i.ResponsibleOrganisation);
    }

    public static InterventionEnded Ended(Intervention i)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, i.Id);
        return new InterventionEnded(id, at, i.Urn, producer, correlation, i.Id, i.Kind.ToString(), i.EndedOn!.Value.ToDateOnly(), i.Outcome);
    }

    public static GovernanceConcernRaised ConcernRaised(GovernanceConcern c)
    {
        var (id, at, producer, correlation) = EventEnvelope.New(Producer, c.Id);
        return new GovernanceConcernRaised(id, at, c.Urn, producer, correlation, c.Id, c.Severity.ToString(), c.RaisedByOrganisation);
    }
}
