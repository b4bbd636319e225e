using System.Text.Json;
using EducationHub.Messaging.Outbox;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Only URN, category, severity and outcome leave the service: never content or identity.</summary>
public sealed class EventPayloadTests
{
    private static readonly string[] EnvelopeFields = ["eventId", "occurredAt", "urn", "producer", "correlationId", "caseReference"];

    [Fact]
    public async Task Triage_and_closure_publish_URN_category_severity_and_outcome_only()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport("Okapi");
        report.Category = ConcernCategory.ExtremismRadicalisation;
        await wb.SubmitAsync(report);
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id, Message = "Okapi-ack" });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        Assert.Empty(await OutboxAsync(wb));

        await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.Critical, Urn = "654321" });
        await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.PartiallySubstantiated, OutcomeSummary = "Okapi-outcome", MessageToReporter = "Okapi-bye" });

        var events = await OutboxAsync(wb);
        Assert.Equal(2, events.Count);
        var triaged = events.Single(e => e.Type.Contains("WhistleblowingConcernTriaged", StringComparison.Ordinal));
        var concluded = events.Single(e => e.Type.Contains("WhistleblowingConcernConcluded", StringComparison.Ordinal));

        using var t = JsonDocument.Parse(triaged.Payload);
        string[] expected = [.. EnvelopeFields, "category", "severity"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), t.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(654321, t.RootElement.GetProperty("urn").GetInt32());
        Assert.Equal("extremism-radicalisation", t.RootElement.GetProperty("category").GetString());
        Assert.Equal("critical", t.RootElement.GetProperty("severity").GetString());
        Assert.Equal("whistleblowing", t.RootElement.GetProperty("producer").GetString());
        Assert.Equal(id, t.RootElement.GetProperty("caseReference").GetString());

        using var c = JsonDocument.Parse(concluded.Payload);
        Assert.Equal("partially-substantiated", c.RootElement.GetProperty("substantiation").GetString());
        Assert.Equal(9, c.RootElement.EnumerateObject().Count());

        foreach (var payload in events.Select(e => e.Payload))
        {
            Assert.DoesNotContain("Okapi", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("jo.bloggs", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("handler-alice", payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_case_closed_at_triage_without_a_severity_publishes_nothing()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.NoFinding });
        Assert.Empty(await OutboxAsync(wb));
    }

    internal static async Task<List<OutboxMessage>> OutboxAsync(WhistleblowingHost wb)
    {
        await using var scope = wb.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>();
        var all = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        return [.. all.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }
}
