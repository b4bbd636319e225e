using System.Security.Cryptography;
using EducationHub.Contracts.V1;
using EducationHub.Governance.Tests.Support;
using EducationHub.Grpc;
using Google.Protobuf;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

public abstract class NoticeEventsAndQueriesApiTests(HostFixture fixture)
{
    private readonly GovernanceHost _host = fixture.Host;
    private readonly Scenario _scenario = new(fixture.Host);

    [Fact]
    public async Task A_notice_issued_on_19_december_2025_is_due_on_14_january_2026_and_announced()
    {
        var urn = Scenario.NewUrn();
        var draft = Scenario.Draft(urn);
        draft.Type = Pb.NoticeType.SecretaryOfStateWarning;
        draft.Issuer = Pb.Issuer.SecretaryOfState;
        draft.IssuingOffice = "Regional Director, West Midlands";
        var notice = await _host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice", new Pb.IssueNoticeRequest { Draft = draft, IssuedOn = "2025-12-19" });

        Assert.Equal(Pb.NoticeStatus.Issued, notice.Status);
        Assert.Equal(15, notice.ComplianceWorkingDays);
        Assert.Equal("2026-01-14", notice.ComplianceDeadline);
        Assert.True(notice.DeadlinePassed); // today is 16 March 2026

        var issued = await _host.Events.WaitFor<WarningNoticeIssued>(e => e.NoticeId == Guid.Parse(notice.NoticeId));
        Assert.Equal(urn, issued.Urn);
        Assert.Equal("SecretaryOfStateWarning", issued.NoticeType);
        Assert.Equal(["LowStandards", "ManagementOrGovernanceBreakdown"], issued.Grounds);
        Assert.Equal("SecretaryOfState", issued.Issuer);
        Assert.Equal(new DateOnly(2025, 12, 19), issued.IssuedOn);
        Assert.Equal(new DateOnly(2026, 1, 14), issued.ComplianceDeadline);
        Assert.Equal("governance", issued.Producer);
    }

    [Fact]
    public async Task The_issuer_can_set_a_longer_compliance_period()
    {
        var notice = await _host.Call<Pb.IssueNoticeRequest, Pb.Notice>("IssueNotice",
            new Pb.IssueNoticeRequest { Draft = Scenario.Draft(Scenario.NewUrn()), IssuedOn = "2025-12-19", ComplianceWorkingDays = 20 });
        // 15 working days → 14 Jan; five more → 21 Jan.
        Assert.Equal("2026-01-21", notice.ComplianceDeadline);
        Assert.Equal(20, notice.ComplianceWorkingDays);
    }

    [Fact]
    public async Task Compliance_and_concerns_are_published_with_their_details()
    {
        var notice = await _scenario.NoticeIn(Pb.NoticeStatus.CompliancePeriodRunning);
        await _scenario.Transition(notice.NoticeId, Pb.NoticeTrigger.RecordCompliance, "Review commissioned; plan approved");
        var complied = await _host.Events.WaitFor<WarningNoticeComplied>(e => e.NoticeId == Guid.Parse(notice.NoticeId));
        Assert.Equal(new DateOnly(2026, 3, 16), complied.CompliedOn);
        Assert.Equal("PerformanceStandardsAndSafety", complied.NoticeType);
        Assert.Equal(notice.Urn, complied.Urn);

        var concern = await _host.Call<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern", new Pb.RaiseGovernanceConcernRequest
        {
            Urn = notice.Urn,
            Severity = Pb.ConcernSeverity.High,
            Source = Pb.ConcernSource.Partner,
            Summary = "Chair appointing relatives to the board; minutes not published",
        }, _host.Host.IssueToken("Diocese of Test", "governance.write"));
        Assert.Equal("Diocese of Test", concern.RaisedByOrganisation);
        var raised = await _host.Events.WaitFor<GovernanceConcernRaised>(e => e.ConcernId == Guid.Parse(concern.ConcernId));
        Assert.Equal("High", raised.Severity);
        Assert.Equal("Diocese of Test", raised.Organisation);
    }

    [Fact]
    public async Task Notices_can_be_listed_by_school_status_and_due_date()
    {
        var urn = Scenario.NewUrn();
        var overdue = await _scenario.IssueNotice(urn, "2026-01-05");                    // due 26 Jan: overdue
        var dueSoon = await _scenario.IssueNotice(urn, "2026-02-27");                    // due 20 Mar
        var later = await _scenario.IssueNotice(urn, "2026-03-16");                      // due 8 Apr
        var complied = await _scenario.IssueNotice(urn, "2026-03-02");
        await _scenario.Transition(complied.NoticeId, Pb.NoticeTrigger.RecordCompliance);
        Assert.Equal("2026-03-20", dueSoon.ComplianceDeadline);

        var due = await _host.Call<Pb.ListNoticesRequest, Pb.ListNoticesResponse>("ListNotices",
            new Pb.ListNoticesRequest { Urn = urn, DueWithinDays = 7 }, _host.ReadToken);
        Assert.Equal([overdue.NoticeId, dueSoon.NoticeId], due.Notices.Select(n => n.NoticeId));

        var byStatus = await _host.Call<Pb.ListNoticesRequest, Pb.ListNoticesResponse>("ListNotices",
            new Pb.ListNoticesRequest { Urn = urn, Statuses = { Pb.NoticeStatus.Complied } }, _host.ReadToken);
        Assert.Equal(complied.NoticeId, Assert.Single(byStatus.Notices).NoticeId);

        var page1 = await _host.Call<Pb.ListNoticesRequest, Pb.ListNoticesResponse>("ListNotices", new Pb.ListNoticesRequest { Urn = urn, PageSize = 3 });
        Assert.Equal(3, page1.Notices.Count);
        var page2 = await _host.Call<Pb.ListNoticesRequest, Pb.ListNoticesResponse>("ListNotices", new Pb.ListNoticesRequest { Urn = urn, PageSize = 3, PageToken = page1.NextPageToken });
        Assert.Single(page2.Notices);
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(4, page1.Notices.Concat(page2.Notices).Select(n => n.NoticeId).Distinct().Count());
        Assert.Contains(later.NoticeId, page1.Notices.Concat(page2.Notices).Select(n => n.NoticeId));
    }

    [Fact]
    public async Task Attachments_are_stored_with_their_hash_and_checked()
    {
        var notice = await _scenario.NoticeIn(Pb.NoticeStatus.Issued);
        var pdf = "%PDF-1.7\nWarning notice under section 60 of the Education and Inspections Act 2006\n%%EOF"u8.ToArray();
        var document = await _host.Call<Pb.AttachNoticeDocumentRequest, Pb.NoticeDocument>("AttachNoticeDocument", new Pb.AttachNoticeDocumentRequest
        {
            NoticeId = notice.NoticeId,
            FileName = "warning-notice.pdf",
            ContentType = "application/pdf",
            Content = ByteString.CopyFrom(pdf),
        });
        Assert.Equal(Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(), document.Sha256);
        Assert.Equal(pdf.Length, document.SizeBytes);

        var back = await _host.Call<Pb.GetNoticeDocumentRequest, Pb.NoticeDocumentContent>("GetNoticeDocument",
            new Pb.GetNoticeDocumentRequest { DocumentId = document.DocumentId }, _host.ReadToken);
        Assert.Equal(pdf, back.Content.ToByteArray());
        var read = await _host.Call<Pb.GetNoticeRequest, Pb.Notice>("GetNotice", new Pb.GetNoticeRequest { NoticeId = notice.NoticeId });
        Assert.Equal(document.DocumentId, Assert.Single(read.Documents).DocumentId);

        var disguised = await _host.Fails<Pb.AttachNoticeDocumentRequest, Pb.NoticeDocument>("AttachNoticeDocument", new Pb.AttachNoticeDocumentRequest
        {
            NoticeId = notice.NoticeId,
            FileName = "notice.pdf",
            ContentType = "application/pdf",
            Content = ByteString.CopyFrom("MZ\u0090\u0000 not a pdf"u8),
        });
        Assert.Equal("content", Assert.Single(disguised.GetBadRequest()!.FieldViolations).Field);

        var tooBig = await _host.Fails<Pb.AttachNoticeDocumentRequest, Pb.NoticeDocument>("AttachNoticeDocument", new Pb.AttachNoticeDocumentRequest
        {
            NoticeId = notice.NoticeId,
            FileName = "big.txt",
            ContentType = "text/plain",
            Content = ByteString.CopyFrom(new byte[(2 * 1024 * 1024) + 1].Select(_ => (byte)'a').ToArray()),
        });
        Assert.Equal(StatusCode.InvalidArgument, tooBig.StatusCode);
        Assert.Contains("limit", tooBig.GetBadRequest()!.FieldViolations[0].Description);
    }

    [Fact]
    public async Task The_timeline_tells_the_story_of_a_school_in_order()
    {
        var notice = await _scenario.NoticeIn(Pb.NoticeStatus.EscalatedToIntervention);
        var timeline = await _host.Call<Pb.GetSchoolTimelineRequest, Pb.SchoolTimeline>("GetSchoolTimeline",
            new Pb.GetSchoolTimelineRequest { Urn = notice.Urn }, _host.ReadToken);
        var kinds = timeline.Entries.Select(e => e.Kind).ToList();
        Assert.Equal(
            ["notice.drafted", "notice.issued", "notice.compliance_period_running", "notice.not_complied", "intervention.proposed", "notice.escalated_to_intervention"],
            kinds.Where(k => k != "notice.deadline_passed"));
        Assert.All(timeline.Entries.Where(e => e.Kind != "notice.deadline_passed"), e => Assert.Equal("Test Borough Council", e.Organisation));
    }
}

public sealed class SqliteNoticeEventsAndQueriesApiTests(SqliteHostFixture fixture) : NoticeEventsAndQueriesApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresNoticeEventsAndQueriesApiTests(PostgresHostFixture fixture) : NoticeEventsAndQueriesApiTests(fixture), IClassFixture<PostgresHostFixture>;
