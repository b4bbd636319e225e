using Hb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Distributed.Tests;

/// <summary>
/// The all-in-one end-to-end flow (EducationHub.EndToEnd.Tests), across processes: every service
/// in its own process with its own PostgreSQL database, events over RabbitMQ.
/// </summary>
[Collection(DistributedCollection.Name)]
public class DistributedFlowTests(DistributedSystem system)
{
    private const int Urn = 100492; // St Thomas' CofE Primary School, Kensington and Chelsea, in the GIAS sample

    [Fact]
    public async Task A_school_with_a_report_a_complaint_a_warning_notice_and_a_signal_appears_on_the_draft_list_across_processes()
    {
        await system.RegisterImported;

        await Partners.ReportAndTriageAsync(system, Urn);
        await Partners.ComplainAsync(system, Urn, 1);
        await Partners.IssueWarningNoticeAsync(system, Urn);
        await Partners.SubmitSignalAsync(system, Urn);

        string[] expected = ["governance.notice.open", "whistleblowing.concern", "complaints", "partner.signal"];
        Hb.RiskListEntry? entry = null;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            entry = await HubView.DraftEntryAsync(system, Urn);
            if (entry is not null && expected.All(code => entry.Reasons.Any(r => r.Code == code))) break;
            await Task.Delay(500);
        }

        Assert.NotNull(entry);
        Assert.Equal("St Thomas' CofE Primary School", entry.SchoolName);
        Assert.Equal(Hb.Movement.New, entry.Movement);
        foreach (var code in expected) Assert.Contains(entry.Reasons, r => r.Code == code);
        Assert.Contains("safeguarding, high severity", entry.Reasons.Single(r => r.Code == "whistleblowing.concern").Text);
        Assert.StartsWith("1 complaint received", entry.Reasons.Single(r => r.Code == "complaints").Text, StringComparison.Ordinal);
        // The claim is school-improvement-partner; its name comes from deploy/k8s/base/organisations.yaml, as in Kubernetes.
        Assert.StartsWith("School improvement partner: ", entry.Reasons.Single(r => r.Code == "partner.signal").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Visitors", string.Join(" ", entry.Reasons.Select(r => r.Text))); // never report content
        Assert.Contains(entry.CurrentSupport, s => s.Contains("Warning notice", StringComparison.Ordinal));
    }
}
