using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Content is destroyed a configured time after closure; metadata, the audit trail and the reporter's login remain.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Content_of_a_closed_case_is_purged_after_the_retention_period_and_the_purge_is_audited_under_whoever_ran_the_sweep()
    {
        var settings = WhistleblowingHost.KeySettings();
        settings["Whistleblowing:Retention:PurgeAfterDays"] = "30";
        await using var wb = await WhistleblowingHost.StartAsync(settings);
        var report = WhistleblowingHost.SampleReport("Tapir");
        var receipt = await wb.SubmitAsync(report);
        var stillOpen = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Lemur"));
        var id = (await wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest(), WhistleblowingHost.HandlerToken()))
            .Cases.Single(c => c.ReceivedAt.Equals(receipt.ReceivedAt)).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.Medium });
        await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.Unsubstantiated, OutcomeSummary = "Tapir-outcome", MessageToReporter = "Tapir-closing" });

        wb.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await ClockTests.MaintainAsync(wb)).CasesPurged);
        Assert.Contains("Tapir-what", (await wb.Act("GetCase", new GetCaseRequest { CaseId = id })).WhatHappened);

        wb.Clock.Advance(TimeSpan.FromDays(2));
        var bob = WhistleblowingHost.HandlerToken("handler-bob");
        Assert.Equal(1, (await wb.Call<RunMaintenanceRequest, RunMaintenanceResponse>(WhistleblowingHost.Cases + "RunMaintenance", new RunMaintenanceRequest(), bob)).CasesPurged);
        Assert.Equal(0, (await ClockTests.MaintainAsync(wb)).CasesPurged);

        var purged = await wb.Act("GetCase", new GetCaseRequest { CaseId = id });
        Assert.True(purged.Summary.ContentPurged);
        Assert.Equal("", purged.WhatHappened);
        Assert.Empty(purged.Messages);
        Assert.Empty(purged.Attachments);
        Assert.Equal(Substantiation.Unsubstantiated, purged.Summary.Substantiation);
        Assert.Equal(Severity.Medium, purged.Summary.Severity);

        var reporterView = await wb.ReadAsReporterAsync(receipt.ReceiptCode, report.Passphrase);
        Assert.Equal(CaseStatus.Closed, reporterView.Status);
        Assert.Empty(reporterView.Messages);
        Assert.False(reporterView.CanReply);

        // A partner's RunMaintenance destroys content irreversibly: the log names who asked, for the
        // run itself and for the purge it caused (the timed sweep would be "system").
        var audit = await wb.Call<GetAuditLogRequest, GetAuditLogResponse>(WhistleblowingHost.Cases + "GetAuditLog", new GetAuditLogRequest { CaseId = id }, WhistleblowingHost.HandlerToken());
        var purge = Assert.Single(audit.Entries, e => e.Action == "case.content-purged");
        Assert.Equal(("handler-bob", "council-whistleblowing-team"), (purge.Actor, purge.Organisation));
        await using (var scope = wb.Host.Services.CreateAsyncScope())
        {
            var runs = await scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.Action == "maintenance.run").ToListAsync();
            Assert.Equal(3, runs.Count);
            Assert.Equal(2, runs.Count(a => a.Subject == "handler-alice"));
            Assert.Single(runs, a => (a.Subject, a.Organisation) == ("handler-bob", "council-whistleblowing-team"));
        }

        // Cases not yet due are untouched.
        Assert.Equal(CaseStatus.New, (await wb.ReadAsReporterAsync(stillOpen.ReceiptCode, "correct horse battery")).Status);
    }
}
