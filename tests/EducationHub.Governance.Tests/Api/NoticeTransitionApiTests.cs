using EducationHub.Governance.Domain.Notices;
using EducationHub.Governance.Tests.Support;
using EducationHub.Grpc;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

/// <summary>Every legal and every illegal notice transition, through the real gRPC API, on both providers.</summary>
public abstract class NoticeTransitionApiTests(HostFixture fixture)
{
    private readonly GovernanceHost _host = fixture.Host;
    private readonly Scenario _scenario = new(fixture.Host);

    private static readonly NoticeStatus[] Statuses = [.. Enum.GetValues<NoticeStatus>().Where(s => s != NoticeStatus.Unspecified)];
    private static readonly NoticeTrigger[] Triggers = [.. Enum.GetValues<NoticeTrigger>().Where(t => t != NoticeTrigger.Unspecified)];

    public static TheoryData<NoticeStatus, NoticeTrigger, NoticeStatus> Legal()
    {
        var data = new TheoryData<NoticeStatus, NoticeTrigger, NoticeStatus>();
        foreach (var t in NoticeLifecycle.Transitions)
        {
            data.Add(t.From, t.Trigger, t.To);
        }

        return data;
    }

    public static TheoryData<NoticeStatus, NoticeTrigger> Illegal()
    {
        var data = new TheoryData<NoticeStatus, NoticeTrigger>();
        foreach (var status in Statuses)
        {
            foreach (var trigger in Triggers.Where(t => NoticeLifecycle.Find(status, t) is null))
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public async Task Legal_transition_moves_the_notice_and_records_history(NoticeStatus from, NoticeTrigger trigger, NoticeStatus to)
    {
        var notice = await _scenario.NoticeIn((Pb.NoticeStatus)from);
        Assert.Equal((Pb.NoticeStatus)from, notice.Status);
        Assert.Contains((Pb.NoticeTrigger)trigger, notice.AllowedTriggers);

        var (supersededBy, interventionId) = await GuardFacts(notice, trigger);
        var after = trigger == NoticeTrigger.Issue
            ? await _host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { NoticeId = notice.NoticeId, IssuedOn = "2026-01-05" })
            : await _scenario.Transition(notice.NoticeId, (Pb.NoticeTrigger)trigger, "Recorded by the test", supersededBy, interventionId);

        Assert.Equal((Pb.NoticeStatus)to, after.Status);
        var last = after.History[^1];
        Assert.Equal((Pb.NoticeStatus)from, last.From);
        Assert.Equal((Pb.NoticeTrigger)trigger, last.Trigger);
        Assert.Equal((Pb.NoticeStatus)to, last.To);
        Assert.Equal("Test Borough Council", last.Organisation);

        // Persisted, not just returned.
        var read = await _host.Call<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = notice.NoticeId }, _host.ReadToken);
        Assert.Equal((Pb.NoticeStatus)to, read.Status);
        Assert.Equal(after.History.Count, read.History.Count);
        Assert.Equal(NoticeLifecycle.From(to).Select(t => (Pb.NoticeTrigger)t.Trigger).Distinct().Order(), read.AllowedTriggers.Order());
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public async Task Illegal_transition_is_refused_with_the_allowed_ones_listed(NoticeStatus from, NoticeTrigger trigger)
    {
        var notice = await _scenario.NoticeIn((Pb.NoticeStatus)from);
        var (supersededBy, interventionId) = await GuardFacts(notice, trigger);

        var ex = trigger == NoticeTrigger.Issue
            ? await _host.Fails<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { NoticeId = notice.NoticeId })
            : await _host.Fails<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice", new Pb.TransitionNoticeRequest
            {
                NoticeId = notice.NoticeId,
                Trigger = (Pb.NoticeTrigger)trigger,
                Note = "attempt",
                SupersededByNoticeId = supersededBy,
                InterventionId = interventionId,
            });

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var failure = ex.GetPreconditionFailure();
        Assert.NotNull(failure);
        var allowed = failure.Violations.Where(v => v.Type == "ALLOWED_TRANSITION").Select(v => v.Description.Split(' ')[0]).ToList();
        var expected = NoticeLifecycle.From(from).Select(t => Governance.Domain.ProtoNames.Of(t.Trigger)).ToList();
        Assert.Equal(expected.Order(), allowed.Order());

        var read = await _host.Call<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = notice.NoticeId });
        Assert.Equal((Pb.NoticeStatus)from, read.Status);
        Assert.Equal(notice.History.Count, read.History.Count);
    }

    [Fact]
    public async Task Non_compliance_before_the_deadline_is_refused()
    {
        // Issued today (16 March 2026): the deadline is 6 April... plus Easter; certainly not passed.
        var notice = await _host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { Draft = Scenario.Draft(Scenario.NewUrn()) });
        Assert.Equal("2026-03-16", notice.IssuedOn);
        Assert.Equal("2026-04-08", notice.ComplianceDeadline); // 15 working days, skipping Good Friday 3 and Easter Monday 6 April
        Assert.Equal(16, notice.WorkingDaysRemaining);        // today counts: 16 March is a working day
        notice = await _scenario.Transition(notice.NoticeId, Pb.NoticeTrigger.Confirm);

        var ex = await _host.Fails<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice",
            new Pb.TransitionNoticeRequest { NoticeId = notice.NoticeId, Trigger = Pb.NoticeTrigger.RecordNonCompliance });
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("2026-04-08", ex.Status.Detail);
    }

    [Theory]
    [InlineData(Pb.NoticeTrigger.Withdraw, "note")]
    [InlineData(Pb.NoticeTrigger.Supersede, "superseded_by_notice_id")]
    public async Task Guarded_transitions_without_their_facts_are_refused(Pb.NoticeTrigger trigger, string missing)
    {
        var notice = await _scenario.NoticeIn(Pb.NoticeStatus.Issued);
        var ex = await _host.Fails<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice",
            new Pb.TransitionNoticeRequest { NoticeId = notice.NoticeId, Trigger = trigger });
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains(missing, ex.Status.Detail);
    }

    [Fact]
    public async Task Escalation_needs_an_intervention_for_the_same_school()
    {
        var notice = await _scenario.NoticeIn(Pb.NoticeStatus.NotComplied);
        var elsewhere = await _scenario.Propose(Scenario.NewUrn());
        var ex = await _host.Fails<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice", new Pb.TransitionNoticeRequest
        {
            NoticeId = notice.NoticeId,
            Trigger = Pb.NoticeTrigger.Escalate,
            InterventionId = elsewhere.InterventionId,
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("intervention_id", Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);

        var missing = await _host.Fails<Pb.TransitionNoticeRequest, Pb.Notice>("TransitionNotice", new Pb.TransitionNoticeRequest
        {
            NoticeId = notice.NoticeId,
            Trigger = Pb.NoticeTrigger.Escalate,
            InterventionId = Guid.NewGuid().ToString(),
        });
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The extra facts a guarded trigger needs: a newer notice for the same school, an intervention for it.</summary>
    private async Task<(string SupersededBy, string InterventionId)> GuardFacts(Pb.Notice notice, NoticeTrigger trigger) => trigger switch
    {
        NoticeTrigger.Supersede => ((await _scenario.IssueNotice(notice.Urn)).NoticeId, ""),
        NoticeTrigger.Escalate => ("", (await _scenario.Propose(notice.Urn, noticeId: notice.NoticeId)).InterventionId),
        _ => ("", ""),
    };
}

public sealed class SqliteNoticeTransitionApiTests(SqliteHostFixture fixture) : NoticeTransitionApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresNoticeTransitionApiTests(PostgresHostFixture fixture) : NoticeTransitionApiTests(fixture), IClassFixture<PostgresHostFixture>;
