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
