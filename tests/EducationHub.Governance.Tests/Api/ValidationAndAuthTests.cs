using EducationHub.Governance.Infrastructure;
using EducationHub.Governance.Tests.Support;
using EducationHub.Grpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

public sealed class ValidationAndAuthTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private readonly GovernanceHost _host = fixture.Host;

    [Fact]
    public async Task A_bad_draft_is_refused_field_by_field()
    {
        var ex = await _host.Fails<Pb.DraftNoticeRequest, Pb.Notice>("DraftNotice", new Pb.DraftNoticeRequest
        {
            Urn = 12,
            Type = Pb.NoticeType.TeachersPayAndConditions,
            Grounds = { Pb.NoticeGround.LowStandards },
            Issuer = Pb.Issuer.SecretaryOfState,
            ComplianceWorkingDays = 500,
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetBadRequest()!.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "urn", "issuing_office", "summary", "required_actions", "compliance_working_days", "grounds[0]", "issuer" }, fields);
    }

    [Fact]
    public async Task The_act_decides_who_may_issue_a_notice()
    {
        var draft = Scenario.Draft(Scenario.NewUrn());
        draft.Issuer = Pb.Issuer.SecretaryOfState; // s60 notices are the local authority's
        var ex = await _host.Fails<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { Draft = draft });
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("draft.issuer", violation.Field);
        Assert.Contains("s60", violation.Description);
    }

    [Theory]
    [InlineData("2026-03-17", "issued_on")]   // tomorrow
    [InlineData("2026-02-30", "issued_on")]   // not a date
    [InlineData("2030-12-20", "issued_on")]   // future (and beyond the calendar data)
    public async Task Issue_dates_must_be_real_and_not_in_the_future(string issuedOn, string field)
    {
        var ex = await _host.Fails<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice",
            new Pb.IssueNoticeRequest { Draft = Scenario.Draft(Scenario.NewUrn()), IssuedOn = issuedOn });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task An_appointment_near_year_9999_is_refused_not_an_internal_error()
    {
        // The four-year term check once added four years to 9997-01-01, past NodaTime's year 9999: INTERNAL.
        var ex = await _host.Fails<Pb.AppointGovernorRequest, Pb.Governor>("AppointGovernor", new Pb.AppointGovernorRequest
        {
            Urn = Scenario.NewUrn(), FullName = "Far Future", Category = Pb.GovernorCategory.Parent, AppointedBy = "parents",
            AppointedOn = "9997-01-01", TermEndsOn = "9999-12-31",
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["appointed_on", "term_ends_on"], ex.GetBadRequest()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Dates_outside_their_range_are_refused_naming_the_field()
    {
        // Today is 2026-03-16: past dates run from 2000-01-01 to today, forward-looking ones to ten years ahead.
        var urn = Scenario.NewUrn();
        await Refused<Pb.RecordGovernanceReviewRequest, Pb.GovernanceReview>("RecordGovernanceReview", new Pb.RecordGovernanceReviewRequest
        {
            Urn = urn, Kind = Pb.ReviewKind.SelfEvaluation, ReviewedOn = "1999-12-31", Reviewer = "Chair", Outcome = Pb.ReviewOutcome.Effective, Summary = "Self-evaluation",
        }, "reviewed_on");
        await Refused<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern", new Pb.RaiseGovernanceConcernRequest
        {
            Urn = urn, Severity = Pb.ConcernSeverity.Low, Source = Pb.ConcernSource.Officer, Summary = "Minutes not published", RaisedOn = "0001-01-01",
        }, "raised_on");
        await Refused<Pb.ProposeInterventionRequest, Pb.Intervention>("ProposeIntervention", new Pb.ProposeInterventionRequest
        {
            Urn = urn, Kind = Pb.InterventionKind.AdditionalGovernors, Rationale = "Weak governance", ResponsibleOfficer = "A. Officer", NextReviewOn = "2036-03-17",
        }, "next_review_on");
        var proposed = await _host.Call<Pb.ProposeInterventionRequest, Pb.Intervention>("ProposeIntervention", new Pb.ProposeInterventionRequest
        {
            Urn = urn, Kind = Pb.InterventionKind.AdditionalGovernors, Rationale = "Weak governance", ResponsibleOfficer = "A. Officer", NextReviewOn = "2036-03-16",
        });
        Assert.Equal("2036-03-16", proposed.NextReviewOn);

        await _host.Call<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody",
            new Pb.CreateGoverningBodyRequest { Urn = urn, Name = "Governing Board", Kind = Pb.GoverningBodyKind.Maintained });
        var governor = await _host.Call<Pb.AppointGovernorRequest, Pb.Governor>("AppointGovernor", new Pb.AppointGovernorRequest
        {
            Urn = urn, FullName = "Pat Parent", Category = Pb.GovernorCategory.Parent, AppointedBy = "parents", AppointedOn = "2026-01-01", TermEndsOn = "2029-12-31",
        });
        await Refused<Pb.RemoveGovernorRequest, Pb.Governor>("RemoveGovernor",
            new Pb.RemoveGovernorRequest { GovernorId = governor.GovernorId, LeftOn = "2026-03-17", Reason = "Moving away" }, "left_on");
    }

    [Fact]
    public async Task A_clerk_email_longer_than_smtp_allows_is_refused()
    {
        // 254 characters is the longest address SMTP can carry; before, any length that parsed was stored.
        var urn = Scenario.NewUrn();
        var tooLong = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".schools"; // 255 characters
        var atLimit = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".school"; // 254 characters
        Assert.Equal((255, 254), (tooLong.Length, atLimit.Length));

        var create = await _host.Fails<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody", new Pb.CreateGoverningBodyRequest
        {
            Urn = urn, Name = "Governing Board", Kind = Pb.GoverningBodyKind.Maintained, Clerk = new Pb.Clerk { Name = "C. Clerk", Email = tooLong },
        });
        Assert.Equal(StatusCode.InvalidArgument, create.StatusCode);
        var violation = Assert.Single(create.GetBadRequest()!.FieldViolations);
        Assert.Equal(("clerk.email", "must be at most 254 characters"), (violation.Field, violation.Description));

        var body = await _host.Call<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody", new Pb.CreateGoverningBodyRequest
        {
            Urn = urn, Name = "Governing Board", Kind = Pb.GoverningBodyKind.Maintained, Clerk = new Pb.Clerk { Name = "C. Clerk", Email = atLimit },
        });
        Assert.Equal(atLimit, body.Clerk.Email);

        await Refused<Pb.UpdateGoverningBodyRequest, Pb.GoverningBody>("UpdateGoverningBody", new Pb.UpdateGoverningBodyRequest
        {
            Urn = urn, Name = "Governing Board", Clerk = new Pb.Clerk { Name = "C. Clerk", Email = tooLong },
        }, "clerk.email");
    }

    private async Task Refused<TRequest, TResponse>(string method, TRequest request, string field)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new()
    {
        var ex = await _host.Fails<TRequest, TResponse>(method, request);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Ids_must_be_uuids_and_exist()
    {
        var bad = await _host.Fails<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = "notice-1" });
        Assert.Equal("notice_id", Assert.Single(bad.GetBadRequest()!.FieldViolations).Field);
        var missing = await _host.Fails<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = Guid.NewGuid().ToString() });
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var noOneof = await _host.Fails<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest());
        Assert.Equal(StatusCode.InvalidArgument, noOneof.StatusCode);
    }

    [Fact]
    public async Task Calls_need_a_token_and_writes_need_the_write_scope()
    {
        var none = await Assert.ThrowsAsync<RpcException>(() => _host.Client.UnaryAsync<Pb.GetNoticeLifecycleRequest, Pb.Lifecycle>(
            GovernanceHost.Service + "GetNoticeLifecycle", new Pb.GetNoticeLifecycleRequest()));
        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);

        var readOnly = await _host.Fails<Pb.DraftNoticeRequest, Pb.Notice>("DraftNotice", Scenario.Draft(Scenario.NewUrn()), _host.ReadToken);
        Assert.Equal(StatusCode.PermissionDenied, readOnly.StatusCode);

        var lifecycle = await _host.Call<Pb.GetNoticeLifecycleRequest, Pb.Lifecycle>("GetNoticeLifecycle", new Pb.GetNoticeLifecycleRequest(), _host.ReadToken);
        Assert.Equal(Governance.Domain.Notices.NoticeLifecycle.Transitions.Count, lifecycle.Transitions.Count);
        Assert.Contains(lifecycle.Transitions, t => t.From == "NOTICE_STATUS_COMPLIANCE_PERIOD_RUNNING"
            && t.Trigger == "NOTICE_TRIGGER_RECORD_NON_COMPLIANCE" && t.Guard.Contains("deadline"));
    }

    [Fact]
    public async Task Writes_are_attributed_to_the_calling_organisation()
    {
        var token = _host.Host.IssueToken("Regional Director West Midlands", "governance.write", "governance.read");
        var draft = Scenario.Draft(Scenario.NewUrn());
        draft.Type = Pb.NoticeType.AcademyTerminationWarning;
        draft.Issuer = Pb.Issuer.SecretaryOfState;
        var notice = await _host.Call<Pb.DraftNoticeRequest, Pb.Notice>("DraftNotice", draft, token);
        Assert.Equal("Regional Director West Midlands", notice.DraftedByOrganisation);
        var timeline = await _host.Call<Pb.GetSchoolTimelineRequest, Pb.SchoolTimeline>("GetSchoolTimeline", new Pb.GetSchoolTimelineRequest { Urn = draft.Urn }, token);
        Assert.Equal("Regional Director West Midlands", Assert.Single(timeline.Entries).Organisation);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var audit = await db.AuditEntries.Where(a => a.EntityId == notice.NoticeId).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("notice.drafted", entry.Action);
        Assert.Equal("notice", entry.EntityType);
        Assert.Equal("Regional Director West Midlands", entry.Organisation);
    }

    [Fact]
    public async Task Document_reads_and_concern_lists_are_audited_with_the_readers_organisation()
    {
        var notice = await new Scenario(_host).NoticeIn(Pb.NoticeStatus.Issued);
        var document = await _host.Call<Pb.AttachNoticeDocumentRequest, Pb.NoticeDocument>("AttachNoticeDocument", new Pb.AttachNoticeDocumentRequest
        {
            NoticeId = notice.NoticeId,
            FileName = "letter.pdf",
            ContentType = "application/pdf",
            Content = Google.Protobuf.ByteString.CopyFrom("%PDF-1.7\nLetter to the chair of governors\n%%EOF"u8.ToArray()),
        });
        var urn = Scenario.NewUrn();
        await _host.Call<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern", new Pb.RaiseGovernanceConcernRequest
        {
            Urn = urn, Severity = Pb.ConcernSeverity.High, Source = Pb.ConcernSource.Officer, Summary = "Chair acting alone",
        });

        await _host.Call<Pb.GetNoticeDocumentRequest, Pb.NoticeDocumentContent>("GetNoticeDocument", new Pb.GetNoticeDocumentRequest { DocumentId = document.DocumentId }, _host.ReadToken);
        await _host.Call<Pb.ListGovernanceConcernsRequest, Pb.ListGovernanceConcernsResponse>("ListGovernanceConcerns", new Pb.ListGovernanceConcernsRequest { Urn = urn }, _host.ReadToken);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var urnText = urn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reads = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Action == "document.read" && a.EntityId == document.DocumentId) || (a.Action == "concerns.listed" && a.EntityId == urnText))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.Action, a.EntityType, a.Organisation })
            .ToListAsync();
        Assert.Equal(
            [("document.read", "document", "Ofsted"), ("concerns.listed", "concern", "Ofsted")],
            reads.Select(r => (r.Action, r.EntityType, r.Organisation)));
    }
}
