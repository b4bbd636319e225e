using System.Globalization;
using Google.Protobuf;
using EducationHub.Testing.Grpc;
using EducationHub.Testing.Web;
using Cp = EducationHub.Protos.Complaints.V1;
using Gv = EducationHub.Protos.Governance.V1;
using Sr = EducationHub.Protos.SchoolRisk.V1;
using Wb = EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Distributed.Tests;

/// <summary>
/// What partners, the portal and case handlers send, through the services' public gRPC APIs
/// (the same requests as the all-in-one EndToEnd test, addressed to each service's own process).
/// </summary>
public static class Partners
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The real GIAS sample, the authorities whose open schools the tests use (207, 206).</summary>
    public static async Task ImportRegisterAsync(DistributedSystem system)
    {
        var shared = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA") is { Length: > 0 } d ? d : RepositoryPaths.Combine("..", "shared", "data");
        var gias = await File.ReadAllBytesAsync(Path.Combine(shared, "gias", "edubase_sample.csv"));
        await system.Call<Sr.ImportRequest, Sr.ImportResult>("schoolrisk", "/educationhub.schoolrisk.v1.SchoolRiskService/ImportRegister",
            new Sr.ImportRequest { Content = ByteString.CopyFrom(gias), FileName = "edubase_sample.csv", LaCodes = { "207", "206" } },
            system.Token("council", "risk.admin"));
    }

    /// <summary>A complaint made to the Complaints service; returns its id.</summary>
    public static async Task<string> ComplainAsync(DistributedSystem system, int urn, int number)
    {
        var complaint = await system.Call<Cp.CreateComplaintRequest, Cp.Complaint>("complaints", "/educationhub.complaints.v1.ComplaintsService/CreateComplaint", new Cp.CreateComplaintRequest
        {
            Urn = urn, Category = Cp.Category.Bullying, ComplainantType = Cp.ComplainantType.Parent, Channel = Cp.Channel.WebForm,
            Summary = $"Repeated bullying not dealt with (complaint {number})",
            IncidentOn = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartStage = Cp.Stage.Stage1, ComplainantName = $"Parent {number}", ComplainantContact = $"parent{number}@example.org",
        }, system.Token("council", "complaints.write"));
        return complaint.ComplaintId;
    }

    public static Task IssueWarningNoticeAsync(DistributedSystem system, int urn) =>
        system.Call<Gv.IssueNoticeRequest, Gv.Notice>("governance", "/educationhub.governance.v1.GovernanceService/IssueNotice", new Gv.IssueNoticeRequest
        {
            Draft = new Gv.DraftNoticeRequest
            {
                Urn = urn, Type = Gv.NoticeType.PerformanceStandardsAndSafety, Grounds = { Gv.NoticeGround.SafetyThreatened }, Issuer = Gv.Issuer.LocalAuthority,
                IssuingOffice = "Director of Children's Services", Summary = "Safeguarding arrangements are not effective", RequiredActions = { "Appoint a designated safeguarding lead" },
            },
        }, system.Token("council", "governance.write"));

    public static Task SubmitSignalAsync(DistributedSystem system, int urn) =>
        system.Call<Sr.SubmitSignalRequest, Sr.Signal>("schoolrisk", "/educationhub.schoolrisk.v1.SchoolRiskService/SubmitSignal", new Sr.SubmitSignalRequest
        {
            Urn = urn, Kind = Sr.SignalKind.SchoolImprovementVisit, ConcernLevel = Sr.ConcernLevel.High, ObservedOn = Today,
            Summary = "Leadership capacity very stretched after the head's departure.",
        }, system.Token("school-improvement-partner", "risk.signals.write"));

    /// <summary>A report through the portal's form (the portal calls the intake API), then acknowledged and triaged by a case handler.</summary>
    public static async Task ReportAndTriageAsync(DistributedSystem system, int urn)
    {
        var confirmation = await PortalForm.ReportAsync(system.Web("portal"), urn, "safeguarding",
            "Visitors are not signed in and the safeguarding lead has left without a replacement.");
        Assert.Contains("id=\"receipt-code\"", confirmation, StringComparison.Ordinal);
        var handler = system.Token("council", "whistleblowing.cases.read", "whistleblowing.cases.write");
        const string Cases = "/educationhub.whistleblowing.v1.WhistleblowingCases/";
        var cases = await system.Call<Wb.ListCasesRequest, Wb.ListCasesResponse>("whistleblowing", Cases + "ListCases", new Wb.ListCasesRequest(), handler);
        var caseId = cases.Cases.Single().CaseId;
        await system.Call<Wb.AcknowledgeCaseRequest, Wb.CaseDetail>("whistleblowing", Cases + "AcknowledgeCase", new Wb.AcknowledgeCaseRequest { CaseId = caseId }, handler);
        await system.Call<Wb.BeginTriageRequest, Wb.CaseDetail>("whistleblowing", Cases + "BeginTriage", new Wb.BeginTriageRequest { CaseId = caseId }, handler);
        await system.Call<Wb.RecordTriageRequest, Wb.CaseDetail>("whistleblowing", Cases + "RecordTriage",
            new Wb.RecordTriageRequest { CaseId = caseId, Severity = Wb.Severity.High }, handler);
    }
}
