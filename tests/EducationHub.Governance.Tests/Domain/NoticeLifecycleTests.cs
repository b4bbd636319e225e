using EducationHub.Calendar;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.Notices;
using NodaTime;

namespace EducationHub.Governance.Tests.Domain;

public sealed class NoticeLifecycleTests
{
    /// <summary>
    /// The process as the issue and docs/governance.md describe it, written out independently of the
    /// production table: a change to either must be a deliberate change to both.
    /// </summary>
    private static readonly string[] Expected =
    [
        "Drafted --Issue--> Issued",
        "Drafted --Withdraw--> Withdrawn",
        "Issued --ReceiveRepresentations--> RepresentationsReceived",
        "Issued --Confirm--> CompliancePeriodRunning",
        "Issued --RecordCompliance--> Complied",
        "Issued --Withdraw--> Withdrawn",
        "Issued --Supersede--> Superseded",
        "RepresentationsReceived --Confirm--> CompliancePeriodRunning",
        "RepresentationsReceived --RecordCompliance--> Complied",
        "RepresentationsReceived --Withdraw--> Withdrawn",
        "RepresentationsReceived --Supersede--> Superseded",
        "CompliancePeriodRunning --RecordCompliance--> Complied",
        "CompliancePeriodRunning --RecordNonCompliance--> NotComplied",
        "CompliancePeriodRunning --Withdraw--> Withdrawn",
        "CompliancePeriodRunning --Supersede--> Superseded",
        "NotComplied --RecordCompliance--> Complied",
        "NotComplied --Escalate--> EscalatedToIntervention",
        "NotComplied --Withdraw--> Withdrawn",
        "NotComplied --Supersede--> Superseded",
    ];

    [Fact]
    public void The_transition_table_is_exactly_the_documented_process()
    {
        var actual = NoticeLifecycle.Transitions.Select(t => $"{t.From} --{t.Trigger}--> {t.To}").Order().ToList();
        Assert.Equal(Expected.Order().ToList(), actual);
    }

    [Fact]
    public void Terminal_statuses_have_no_way_out_and_every_other_status_has_one()
    {
        foreach (var status in Enum.GetValues<NoticeStatus>().Where(s => s != NoticeStatus.Unspecified))
        {
            var isTerminal = NoticeLifecycle.Terminal.Contains(status);
            Assert.Equal(isTerminal, !NoticeLifecycle.From(status).Any());
        }
    }

    [Fact]
    public void Every_status_is_reachable_from_drafted()
    {
        var reached = new HashSet<NoticeStatus> { NoticeStatus.Drafted };
        var frontier = new Queue<NoticeStatus>(reached);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var t in NoticeLifecycle.From(status).Where(t => reached.Add(t.To)))
            {
                frontier.Enqueue(t.To);
            }
        }

        Assert.Equal(Enum.GetValues<NoticeStatus>().Where(s => s != NoticeStatus.Unspecified).Order(), reached.Order());
    }

    [Fact]
    public void Domain_enums_mirror_the_proto_enums()
    {
        AssertMirrors<NoticeStatus, Protos.Governance.V1.NoticeStatus>();
        AssertMirrors<NoticeTrigger, Protos.Governance.V1.NoticeTrigger>();
        AssertMirrors<NoticeType, Protos.Governance.V1.NoticeType>();
        AssertMirrors<NoticeGround, Protos.Governance.V1.NoticeGround>();
        AssertMirrors<Issuer, Protos.Governance.V1.Issuer>();
        AssertMirrors<Governance.Domain.Interventions.InterventionKind, Protos.Governance.V1.InterventionKind>();
        AssertMirrors<Governance.Domain.Interventions.InterventionStatus, Protos.Governance.V1.InterventionStatus>();
        AssertMirrors<Governance.Domain.Interventions.InterventionTrigger, Protos.Governance.V1.InterventionTrigger>();
        AssertMirrors<Governance.Domain.GoverningBodies.GovernorCategory, Protos.Governance.V1.GovernorCategory>();
        AssertMirrors<Governance.Domain.GoverningBodies.GoverningRole, Protos.Governance.V1.GoverningRole>();
        AssertMirrors<Governance.Domain.GoverningBodies.GoverningBodyKind, Protos.Governance.V1.GoverningBodyKind>();
        AssertMirrors<Governance.Domain.GoverningBodies.ReviewKind, Protos.Governance.V1.ReviewKind>();
        AssertMirrors<Governance.Domain.GoverningBodies.ReviewOutcome, Protos.Governance.V1.ReviewOutcome>();
        AssertMirrors<Governance.Domain.GoverningBodies.ConcernSeverity, Protos.Governance.V1.ConcernSeverity>();
        AssertMirrors<Governance.Domain.GoverningBodies.ConcernSource, Protos.Governance.V1.ConcernSource>();
    }

    [Fact]
    public void Proto_names_are_the_wire_enum_names()
    {
        Assert.Equal("NOTICE_STATUS_COMPLIANCE_PERIOD_RUNNING", ProtoNames.Of(NoticeStatus.CompliancePeriodRunning));
        Assert.Equal("NOTICE_TRIGGER_RECORD_NON_COMPLIANCE", ProtoNames.Of(NoticeTrigger.RecordNonCompliance));
    }

    [Fact]
    public void Issuing_on_19_december_2025_gives_a_deadline_of_14_january_2026()
    {
        var notice = Draft();
        notice.Issue(Facts(new LocalDate(2025, 12, 19), new LocalDate(2025, 12, 19)), null, WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(new LocalDate(2026, 1, 14), notice.ComplianceDeadline);
        Assert.False(notice.DeadlinePassedOn(new LocalDate(2026, 1, 14)));
        Assert.True(notice.DeadlinePassedOn(new LocalDate(2026, 1, 15)));
    }

    [Fact]
    public void Non_compliance_before_the_deadline_is_refused_with_the_allowed_transitions()
    {
        var notice = Draft();
        notice.Issue(Facts(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2)), 15, WorkingDayCalendar.EnglandAndWales);
        notice.Apply(NoticeTrigger.Confirm, Facts(new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 3)));

        var refused = Assert.Throws<TransitionRefusedException>(() =>
            notice.Apply(NoticeTrigger.RecordNonCompliance, Facts(new LocalDate(2026, 3, 23), new LocalDate(2026, 3, 23))));
        Assert.Contains("2026-03-23", refused.Message); // the deadline: 15 working days after 2 March
        Assert.Contains(refused.Allowed, a => a.StartsWith("NOTICE_TRIGGER_RECORD_COMPLIANCE", StringComparison.Ordinal));
        Assert.Equal(NoticeStatus.CompliancePeriodRunning, notice.Status);

        notice.Apply(NoticeTrigger.RecordNonCompliance, Facts(new LocalDate(2026, 3, 24), new LocalDate(2026, 3, 24)));
        Assert.Equal(NoticeStatus.NotComplied, notice.Status);
    }

    [Theory]
    [InlineData(NoticeTrigger.Withdraw)]
    [InlineData(NoticeTrigger.Supersede)]
    public void Guards_need_their_facts(NoticeTrigger trigger)
    {
        var notice = Draft();
        notice.Issue(Facts(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 2)), 15, WorkingDayCalendar.EnglandAndWales);
        Assert.Throws<TransitionRefusedException>(() => notice.Apply(trigger, Facts(new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 3))));
        Assert.Equal(NoticeStatus.Issued, notice.Status);
        Assert.Single(notice.History);
    }

    [Fact]
    public void Issuer_and_grounds_follow_the_act()
    {
        Assert.Equal(Issuer.LocalAuthority, NoticeRules.RequiredIssuer(NoticeType.PerformanceStandardsAndSafety));
        Assert.Equal(Issuer.LocalAuthority, NoticeRules.RequiredIssuer(NoticeType.TeachersPayAndConditions));
        Assert.Equal(Issuer.SecretaryOfState, NoticeRules.RequiredIssuer(NoticeType.SecretaryOfStateWarning));
        Assert.Equal(Issuer.SecretaryOfState, NoticeRules.RequiredIssuer(NoticeType.AcademyTerminationWarning));
        Assert.Equal([NoticeGround.TeachersPayAndConditions], NoticeRules.PermittedGrounds(NoticeType.TeachersPayAndConditions));
        Assert.DoesNotContain(NoticeGround.TeachersPayAndConditions, NoticeRules.PermittedGrounds(NoticeType.PerformanceStandardsAndSafety));
    }

    private static WarningNotice Draft() => WarningNotice.Draft(
        123456, NoticeType.PerformanceStandardsAndSafety, [NoticeGround.LowStandards], Issuer.LocalAuthority,
        "Council", "Summary", ["Act"], 15, "Council", Instant.FromUtc(2025, 12, 1, 9, 0));

    private static NoticeTransitionFacts Facts(LocalDate on, LocalDate today) =>
        new(on, today, "Council", Instant.FromUtc(2026, 1, 1, 0, 0), Note: "");

    private static void AssertMirrors<TDomain, TProto>()
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        var domain = Enum.GetValues<TDomain>().Select(v => (Convert.ToInt32(v, null), v.ToString())).ToList();
        var proto = Enum.GetValues<TProto>().Select(v => (Convert.ToInt32(v, null), v.ToString())).ToList();
        Assert.Equal(proto, domain);
    }
}
