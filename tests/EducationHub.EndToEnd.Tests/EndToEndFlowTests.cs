using EducationHub.Testing.Grpc;
using EducationHub.Testing.Web;
using Google.Protobuf;
using Cp = EducationHub.Protos.Complaints.V1;
using Gv = EducationHub.Protos.Governance.V1;
using Hb = EducationHub.Protos.Hub.V1;
using Sr = EducationHub.Protos.SchoolRisk.V1;
using Wb = EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// The real flow through public interfaces only, against the one-command host run as a user runs
/// it (a separate process; no access to its internals): the register is imported into SchoolRisk
/// over gRPC (real GIAS sample), a whistleblowing report is made through the portal's web form and
/// triaged by a case handler over gRPC, a complaint is made and a warning notice issued over gRPC,
/// a partner signal submitted; the school then appears on this month's EIG list, new this month,
/// with exactly those reasons and the notice as current support, and no report content.
/// </summary>
public class EndToEndFlowTests
{
    private const int Urn = 100492; // St Thomas' CofE Primary School, Kensington and Chelsea, in the GIAS sample

    [Fact]
    public async Task A_school_with_a_whistleblowing_report_a_complaint_a_warning_notice_and_a_partner_signal_appears_on_the_list()
    {
        var host = await AllInOneProcess.StartAsync();
        try
        {
            await RunFlowAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
            AllInOneProcess.DeleteDirectory(host.WorkingDirectory);
        }
    }

    private static async Task RunFlowAsync(AllInOneProcess host)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The register: the real GIAS sample, one authority.
        var shared = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA") is { Length: > 0 } d ? d : RepositoryPaths.Combine("..", "shared", "data");
        var gias = await File.ReadAllBytesAsync(Path.Combine(shared, "gias", "edubase_sample.csv"));
        await host.Call<Sr.ImportRequest, Sr.ImportResult>("/educationhub.schoolrisk.v1.SchoolRiskService/ImportRegister",
            new Sr.ImportRequest { Content = ByteString.CopyFrom(gias), FileName = "edubase_sample.csv", LaCodes = { "207" } }, host.Token("council", "risk.admin"));

        // A whistleblowing report through the portal's form, then triaged by a case handler.
        var confirmation = await PortalForm.ReportAsync(host.WebAddress, Urn, "safeguarding",
            "Visitors are not signed in and the safeguarding lead has left without a replacement.");
        Assert.Contains("id=\"receipt-code\"", confirmation, StringComparison.Ordinal);
        var handler = host.Token("council", "whistleblowing.cases.read", "whistleblowing.cases.write");
        const string Cases = "/educationhub.whistleblowing.v1.WhistleblowingCases/";
        var cases = await host.Call<Wb.ListCasesRequest, Wb.ListCasesResponse>(Cases + "ListCases", new Wb.ListCasesRequest(), handler);
        var caseId = cases.Cases.Single().CaseId;
        await host.Call<Wb.AcknowledgeCaseRequest, Wb.CaseDetail>(Cases + "AcknowledgeCase", new Wb.AcknowledgeCaseRequest { CaseId = caseId }, handler);
        await host.Call<Wb.BeginTriageRequest, Wb.CaseDetail>(Cases + "BeginTriage", new Wb.BeginTriageRequest { CaseId = caseId }, handler);
        await host.Call<Wb.RecordTriageRequest, Wb.CaseDetail>(Cases + "RecordTriage", new Wb.RecordTriageRequest { CaseId = caseId, Severity = Wb.Severity.High }, handler);

        // A complaint.
        await host.Call<Cp.CreateComplaintRequest, Cp.Complaint>("/educationhub.complaints.v1.ComplaintsService/CreateComplaint", new Cp.CreateComplaintRequest
        {
            Urn = Urn, Category = Cp.Category.Bullying, ComplainantType = Cp.ComplainantType.Parent, Channel = Cp.Channel.WebForm,
            Summary = "Repeated bullying not dealt with", IncidentOn = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            StartStage = Cp.Stage.Stage1, ComplainantName = "A Parent", ComplainantContact = "parent@example.org",
        }, host.Token("council", "complaints.write"));

        // A warning notice.
        await host.Call<Gv.IssueNoticeRequest, Gv.Notice>("/educationhub.governance.v1.GovernanceService/IssueNotice", new Gv.IssueNoticeRequest
        {
            Draft = new Gv.DraftNoticeRequest
            {
                Urn = Urn, Type = Gv.NoticeType.PerformanceStandardsAndSafety, Grounds = { Gv.NoticeGround.SafetyThreatened }, Issuer = Gv.Issuer.LocalAuthority,
                IssuingOffice = "Director of Children's Services", Summary = "Safeguarding arrangements are not effective", RequiredActions = { "Appoint a designated safeguarding lead" },
            },
        }, host.Token("council", "governance.write"));

        // A partner signal.
        await host.Call<Sr.SubmitSignalRequest, Sr.Signal>("/educationhub.schoolrisk.v1.SchoolRiskService/SubmitSignal", new Sr.SubmitSignalRequest
        {
            Urn = Urn, Kind = Sr.SignalKind.SchoolImprovementVisit, ConcernLevel = Sr.ConcernLevel.High, ObservedOn = today,
            Summary = "Leadership capacity very stretched after the head's departure.",
        }, host.Token("school-improvement-partner", "risk.signals.write"));

        // The hub sees all of it, through the events, and lists the school as new this month.
        var reader = host.Token("council", "hub.risklist.read");
        var month = Hub.Domain.RiskMonth.Containing(DateTimeOffset.UtcNow).ToString();
        string[] expected = ["governance.notice.open", "whistleblowing.concern", "complaints", "partner.signal"];
        Hb.RiskListEntry? entry = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var list = await host.Call<Hb.GetRiskListRequest, Hb.RiskList>("/educationhub.hub.v1.HubService/GetRiskList", new Hb.GetRiskListRequest { Month = month }, reader);
            entry = list.Entries.SingleOrDefault(e => e.Urn == Urn);
            if (entry is not null && expected.All(code => entry.Reasons.Any(r => r.Code == code))) break;
            await Task.Delay(250);
        }
        Assert.NotNull(entry);
        Assert.Equal("St Thomas' CofE Primary School", entry.SchoolName);
        Assert.Equal(Hb.Movement.New, entry.Movement);
        // Nothing else put the school there: the only other reason allowed is the model's note that soft points were capped.
        Assert.All(entry.Reasons, r => Assert.True(expected.Contains(r.Code) || r.Code == "soft.capped", $"unexpected reason {r.Code}: {r.Text}"));
        var whistle = entry.Reasons.Single(r => r.Code == "whistleblowing.concern");
        Assert.Contains("safeguarding, high severity", whistle.Text);
        Assert.DoesNotContain("Visitors", string.Join(" ", entry.Reasons.Select(r => r.Text))); // never report content
        Assert.Contains(entry.CurrentSupport, s => s.Contains("Warning notice", StringComparison.Ordinal));
    }
}
