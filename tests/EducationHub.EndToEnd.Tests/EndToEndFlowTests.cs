using EducationHub.Complaints;
using EducationHub.Governance;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Hub;
using EducationHub.Testing.Grpc;
using EducationHub.Testing.Hosting;
using EducationHub.Whistleblowing;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Cp = EducationHub.Protos.Complaints.V1;
using Gv = EducationHub.Protos.Governance.V1;
using Hb = EducationHub.Protos.Hub.V1;
using Sr = EducationHub.Protos.SchoolRisk.V1;
using Wb = EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// The real flow, through public gRPC interfaces only, in the one-process host: the register is
/// imported into SchoolRisk (real GIAS sample), a whistleblowing report is made and triaged, a
/// complaint is made, a warning notice issued, a partner signal submitted; the school then
/// appears on this month's EIG list with those reasons, as new.
/// </summary>
public class EndToEndFlowTests
{
    private const int Urn = 100492; // St Thomas' CofE Primary School, Kensington and Chelsea, in the GIAS sample

    private static Task<TResp> Call<TReq, TResp>(TestServiceHost host, string method, TReq request, string token)
        where TReq : class, IMessage<TReq>, new() where TResp : class, IMessage<TResp>, new() =>
        host.Client.UnaryAsync<TReq, TResp>(method, request, new CallOptions { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) });

    [Fact]
    public async Task A_school_with_a_whistleblowing_report_a_complaint_a_warning_notice_and_a_partner_signal_appears_on_the_list()
    {
        await using var host = await TestServiceHost.StartAsync(b =>
        {
            b.AddSchoolRisk();
            b.AddGovernance();
            b.AddWhistleblowing();
            b.AddComplaints();
            b.AddHub();
        }, a =>
        {
            a.MapSchoolRisk();
            a.MapGovernance();
            a.MapWhistleblowing();
            a.MapComplaints();
            a.MapHub();
        }, serviceName: "allinone");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The register: the real GIAS sample, one authority.
        var shared = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA") is { Length: > 0 } d ? d : RepositoryPaths.Combine("..", "shared", "data");
        var gias = await File.ReadAllBytesAsync(Path.Combine(shared, "gias", "edubase_sample.csv"));
        await Call<Sr.ImportRequest, Sr.ImportResult>(host, "/educationhub.schoolrisk.v1.SchoolRiskService/ImportRegister",
            new Sr.ImportRequest { Content = ByteString.CopyFrom(gias), FileName = "edubase_sample.csv", LaCodes = { "207" } }, host.IssueToken("council", "risk.admin"));

        // A whistleblowing report, as the portal sends it, then triaged by a case handler.
        await Call<Wb.SubmitReportRequest, Wb.SubmitReportResponse>(host, "/educationhub.whistleblowing.v1.WhistleblowingIntake/Submit", new Wb.SubmitReportRequest
        {
            Urn = Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), Category = Wb.ConcernCategory.Safeguarding,
            WhatHappened = "Visitors are not signed in and the safeguarding lead has left without a replacement.", WhenItHappened = "since September",
        }, host.IssueToken("whistleblowing-portal", "whistleblowing.intake"));
        var handler = host.IssueToken("council", "whistleblowing.cases.read", "whistleblowing.cases.write");
        var cases = await Call<Wb.ListCasesRequest, Wb.ListCasesResponse>(host, "/educationhub.whistleblowing.v1.WhistleblowingCases/ListCases", new Wb.ListCasesRequest(), handler);
        var caseId = cases.Cases.Single().CaseId;
        await Call<Wb.AcknowledgeCaseRequest, Wb.CaseDetail>(host, "/educationhub.whistleblowing.v1.WhistleblowingCases/AcknowledgeCase", new Wb.AcknowledgeCaseRequest { CaseId = caseId }, handler);
        await Call<Wb.BeginTriageRequest, Wb.CaseDetail>(host, "/educationhub.whistleblowing.v1.WhistleblowingCases/BeginTriage", new Wb.BeginTriageRequest { CaseId = caseId }, handler);
        await Call<Wb.RecordTriageRequest, Wb.CaseDetail>(host, "/educationhub.whistleblowing.v1.WhistleblowingCases/RecordTriage",
            new Wb.RecordTriageRequest { CaseId = caseId, Severity = Wb.Severity.High }, handler);

        // A complaint.
        await Call<Cp.CreateComplaintRequest, Cp.Complaint>(host, "/educationhub.complaints.v1.ComplaintsService/CreateComplaint", new Cp.CreateComplaintRequest
        {
            Urn = Urn, Category = Cp.Category.Bullying, ComplainantType = Cp.ComplainantType.Parent, Channel = Cp.Channel.WebForm,
            Summary = "Repeated bullying not dealt with", IncidentOn = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            StartStage = Cp.Stage.Stage1, ComplainantName = "A Parent", ComplainantContact = "parent@example.org",
        }, host.IssueToken("council", "complaints.write"));

        // A warning notice.
        await Call<Gv.IssueNoticeRequest, Gv.Notice>(host, "/educationhub.governance.v1.GovernanceService/IssueNotice", new Gv.IssueNoticeRequest
        {
            Draft = new Gv.DraftNoticeRequest
            {
                Urn = Urn, Type = Gv.NoticeType.PerformanceStandardsAndSafety, Grounds = { Gv.NoticeGround.SafetyThreatened }, Issuer = Gv.Issuer.LocalAuthority,
                IssuingOffice = "Director of Children's Services", Summary = "Safeguarding arrangements are not effective", RequiredActions = { "Appoint a designated safeguarding lead" },
            },
        }, host.IssueToken("council", "governance.write"));

        // A partner signal.
        await Call<Sr.SubmitSignalRequest, Sr.Signal>(host, "/educationhub.schoolrisk.v1.SchoolRiskService/SubmitSignal", new Sr.SubmitSignalRequest
        {
            Urn = Urn, Kind = Sr.SignalKind.SchoolImprovementVisit, ConcernLevel = Sr.ConcernLevel.High, ObservedOn = today,
            Summary = "Leadership capacity very stretched after the head's departure.",
        }, host.IssueToken("school-improvement-partner", "risk.signals.write"));

        // The hub sees all of it, through the events, and lists the school as new this month.
        var reader = host.IssueToken("council", "hub.risklist.read");
        var month = Hub.Domain.RiskMonth.Containing(DateTimeOffset.UtcNow).ToString();
        string[] expected = ["governance.notice.open", "whistleblowing.concern", "complaints", "partner.signal"];
        Hb.RiskListEntry? entry = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var list = await Call<Hb.GetRiskListRequest, Hb.RiskList>(host, "/educationhub.hub.v1.HubService/GetRiskList", new Hb.GetRiskListRequest { Month = month }, reader);
            entry = list.Entries.SingleOrDefault(e => e.Urn == Urn);
            if (entry is not null && expected.All(code => entry.Reasons.Any(r => r.Code == code))) break;
            await Task.Delay(250);
        }
        Assert.NotNull(entry);
        Assert.Equal("St Thomas' CofE Primary School", entry.SchoolName);
        Assert.Equal(Hb.Movement.New, entry.Movement);
        foreach (var code in expected) Assert.Contains(entry.Reasons, r => r.Code == code);
        var whistle = entry.Reasons.Single(r => r.Code == "whistleblowing.concern");
        Assert.Contains("safeguarding, high severity", whistle.Text);
        Assert.DoesNotContain("Visitors", string.Join(" ", entry.Reasons.Select(r => r.Text))); // never report content
        Assert.Contains(entry.CurrentSupport, s => s.Contains("Warning notice", StringComparison.Ordinal));
    }
}
