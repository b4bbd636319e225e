using System.Text.Json;
using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.SchoolRisk.Tests.Api;

[Collection(SchoolRiskHostCollection.Name)]
public sealed class SignalAndEventTests(SchoolRiskHostFixture fixture)
{
    private async Task<int> AnyBirminghamUrn()
    {
        var list = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = "330", Status = "open", PageSize = 1 }, fixture.ReaderToken);
        return list.Schools[0].Urn;
    }

    [Fact]
    public async Task A_correction_supersedes_the_signal_and_both_are_kept_with_provenance()
    {
        var urn = await AnyBirminghamUrn();
        var submitted = await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = urn,
            Kind = SignalKind.SafeguardingAudit,
            ConcernLevel = ConcernLevel.High,
            ObservedOn = "2024-03-01",
            Summary = "s175 audit: single central record incomplete",
            Outcome = "not met",
            Author = "J. Adviser",
        }, fixture.PartnerToken);
        Assert.Equal("birmingham-sip", submitted.Organisation);
        Assert.Equal("J. Adviser", submitted.Author);

        var corrected = await fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = submitted.SignalId,
            ConcernLevel = ConcernLevel.Medium,
            ObservedOn = "2024-03-01",
            Summary = "s175 audit: record incomplete for two volunteers only",
            Outcome = "not met",
            Reason = "first entry overstated the gap",
        }, fixture.PartnerToken);
        Assert.Equal(submitted.SignalId, corrected.SupersedesSignalId);
        Assert.Equal("test-user", corrected.Author);

        var current = await fixture.Call<ListSignalsRequest, ListSignalsResponse>("ListSignals", new ListSignalsRequest { Urn = urn }, fixture.ReaderToken);
        var all = await fixture.Call<ListSignalsRequest, ListSignalsResponse>("ListSignals", new ListSignalsRequest { Urn = urn, IncludeSuperseded = true }, fixture.ReaderToken);
        Assert.Contains(current.Signals, s => s.SignalId == corrected.SignalId);
        Assert.DoesNotContain(current.Signals, s => s.SignalId == submitted.SignalId);
        var original = Assert.Single(all.Signals, s => s.SignalId == submitted.SignalId);
        Assert.Equal(corrected.SignalId, original.SupersededBySignalId);
        Assert.Equal(ConcernLevel.High, original.ConcernLevel);

        var again = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = submitted.SignalId, ConcernLevel = ConcernLevel.Low, ObservedOn = "2024-03-01", Summary = "x", Reason = "y",
        }, fixture.PartnerToken));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityId == submitted.SignalId || a.EntityId == corrected.SignalId).ToListAsync();
        Assert.Contains(audit, a => a.Action == "signal.submitted" && a.Organisation == "birmingham-sip");
        Assert.Contains(audit, a => a.Action == "signal.corrected" && a.Organisation == "birmingham-sip");
        // Listing signals is a sensitive read (partners' observations, named authors): both lists above were audited.
        var urnText = urn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var listed = await db.Set<AuditEntry>().CountAsync(a => a.Action == "signals.listed" && a.EntityType == "school" && a.EntityId == urnText && a.Organisation == "ofsted");
        Assert.True(listed >= 2, $"expected both ListSignals calls audited, found {listed}");
        await WaitForDelivery(db, "PartnerSignalSubmitted", corrected.SignalId);
    }

    [Fact]
    public async Task Only_the_organisation_that_recorded_a_signal_may_correct_it()
    {
        var urn = await AnyBirminghamUrn();
        var submitted = await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = urn, Kind = SignalKind.FinanceConcern, ConcernLevel = ConcernLevel.High, ObservedOn = "2024-04-01", Summary = "deficit recovery plan not agreed",
        }, fixture.PartnerToken);
        var otherPartner = fixture.Host.IssueToken("another-partner", "risk.signals.write", "risk.read");

        // A correction cancels the original, so another partner must not be able to turn "high" into "none".
        var denied = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = submitted.SignalId, ConcernLevel = ConcernLevel.None, ObservedOn = "2024-04-01", Summary = "no concern", Reason = "we disagree",
        }, otherPartner));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("only the organisation that recorded a signal may correct it", denied.Status.Detail, StringComparison.Ordinal);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var id = Guid.Parse(submitted.SignalId);
        Assert.Null((await db.PartnerSignals.AsNoTracking().SingleAsync(s => s.Id == id)).SupersededById);
        Assert.False(await db.PartnerSignals.AnyAsync(s => s.SupersedesId == id));
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.Organisation == "another-partner"));
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Payload.Contains(submitted.SignalId)));

        var corrected = await fixture.Call<CorrectSignalRequest, Signal>("CorrectSignal", new CorrectSignalRequest
        {
            SignalId = submitted.SignalId, ConcernLevel = ConcernLevel.Medium, ObservedOn = "2024-04-01", Summary = "plan agreed in principle", Reason = "update",
        }, fixture.PartnerToken);
        Assert.Equal(submitted.SignalId, corrected.SupersedesSignalId);
    }

    [Fact]
    public async Task An_assessment_names_the_reporting_partner_by_its_configured_display_name()
    {
        // A school the other tests leave alone, so no earlier signal has used up the partner points' cap.
        var page = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = SchoolRiskHostFixture.Birmingham, Status = "open", PageSize = 40 }, fixture.ReaderToken);
        var urn = page.Schools[^1].Urn;
        var observed = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = urn, Kind = SignalKind.SafeguardingAudit, ConcernLevel = ConcernLevel.High, ObservedOn = observed, Summary = "s175 audit: DSL training lapsed",
        }, fixture.PartnerToken);

        var assessment = await fixture.Call<GetAssessmentRequest, Assessment>("GetAssessment", new GetAssessmentRequest { Urn = urn }, fixture.ReaderToken);

        var reason = Assert.Single(assessment.Reasons, r => r.Code == "PARTNER_SAFEGUARDING_S175_AUDIT");
        Assert.Contains($" reported by {SchoolRiskHostFixture.PartnerDisplayName}: high concern", reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainAssessment_audits_the_partner_signals_it_returns()
    {
        var urn = await AnyBirminghamUrn();
        await fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = urn, Kind = SignalKind.HrConcern, ConcernLevel = ConcernLevel.Low, ObservedOn = "2024-02-01", Summary = "grievance raised by staff", Author = "A. Named",
        }, fixture.PartnerToken);
        var reader = fixture.Host.IssueToken("explaining-reader", "risk.read");

        var withSignals = await fixture.Call<GetAssessmentRequest, Explanation>("ExplainAssessment", new GetAssessmentRequest { Urn = urn }, reader);
        Assert.Contains(withSignals.SignalsConsidered, s => s.Author == "A. Named");
        // As of 2016 none of the signals was known: nothing sensitive returned, nothing to audit.
        var withoutSignals = await fixture.Call<GetAssessmentRequest, Explanation>("ExplainAssessment", new GetAssessmentRequest { Urn = urn, AsOf = "2016-12-31" }, reader);
        Assert.Empty(withoutSignals.SignalsConsidered);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var audited = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Organisation == "explaining-reader").ToListAsync();
        var entry = Assert.Single(audited);
        Assert.Equal(("signals.listed", "school", urn.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityId));
    }

    [Fact]
    public async Task Concurrent_submissions_each_record_their_own_signal_audit_entry_and_event()
    {
        // Submissions share transactions (group commit): every caller must still get its own signal,
        // and each signal its own audit entry and event, exactly once.
        var urn = await AnyBirminghamUrn();
        var summaries = Enumerable.Range(0, 20).Select(i => $"concurrent submission {i} {Guid.NewGuid():N}").ToList();
        var replies = await Task.WhenAll(summaries.Select(summary => fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = urn,
            Kind = SignalKind.OfstedMonitoringVisit,
            ConcernLevel = ConcernLevel.Medium,
            ObservedOn = "2024-05-01",
            Summary = summary,
        }, fixture.PartnerToken)));

        Assert.Equal(summaries, replies.Select(r => r.Summary));
        var ids = replies.Select(r => r.SignalId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var stored = await db.PartnerSignals.AsNoTracking().Where(s => s.Urn == urn && summaries.Contains(s.Summary)).ToListAsync();
        Assert.Equal(ids.Order(), stored.Select(s => s.Id.ToString()).Order());
        Assert.All(replies, r => Assert.Equal(r.Summary, Assert.Single(stored, s => s.Id.ToString() == r.SignalId).Summary));
        var audited = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "signal.submitted" && ids.Contains(a.EntityId)).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(ids.Order(), audited.Order());
        var events = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.Contains("PartnerSignalSubmitted")).Select(m => m.Payload).ToListAsync();
        var eventSignalIds = events.Select(SignalIdOf).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), eventSignalIds.Order());
    }

    [Fact]
    public async Task Signal_validation_reports_every_bad_field()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal", new SubmitSignalRequest
        {
            Urn = 42,
            ObservedOn = "2099-01-01",
            Summary = "",
        }, fixture.PartnerToken));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetBadRequest()!.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "urn", "kind", "concern_level", "observed_on", "summary" }, fields);
        Assert.Equal(5, fields.Count);

        var readOnly = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<SubmitSignalRequest, Signal>("SubmitSignal",
            new SubmitSignalRequest { Urn = 103500 }, fixture.ReaderToken));
        Assert.Equal(StatusCode.PermissionDenied, readOnly.StatusCode);
    }

    [Fact]
    public async Task AssessAll_publishes_only_material_changes_through_the_outbox()
    {
        var first = await fixture.Call<AssessAllRequest, AssessAllResponse>("AssessAll", new AssessAllRequest { LaCode = "330", AsOf = "2016-12-31" }, fixture.AdminToken);
        Assert.True(first.Assessed > 400);
        Assert.Equal(first.Assessed, first.Published);

        var repeat = await fixture.Call<AssessAllRequest, AssessAllResponse>("AssessAll", new AssessAllRequest { LaCode = "330", AsOf = "2016-12-31" }, fixture.AdminToken);
        Assert.Equal(0, repeat.Published);

        // A year later the 2017 results and inspections are public: some schools move materially, most don't.
        var later = await fixture.Call<AssessAllRequest, AssessAllResponse>("AssessAll", new AssessAllRequest { LaCode = "330", AsOf = "2017-12-31" }, fixture.AdminToken);
        Assert.InRange(later.Published, 1, later.Assessed - 1);

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var events = await db.Set<OutboxMessage>().Where(m => m.Type.Contains("SchoolRiskAssessed")).ToListAsync();
        Assert.Equal(first.Published + later.Published, events.Count);
        using var payload = JsonDocument.Parse(events[0].Payload);
        Assert.Equal("2026.1", payload.RootElement.GetProperty("modelVersion").GetString());
        await WaitForDelivery(db, "SchoolRiskAssessed", null);
    }

    private static string SignalIdOf(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("signalId").GetString() ?? "";
    }

    private static async Task WaitForDelivery(SchoolRiskDbContext db, string type, string? containing)
    {
        // The dispatcher publishes shortly after commit; wait (bounded) until it marks the row delivered.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            db.ChangeTracker.Clear();
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.Contains(type)).ToListAsync();
            var row = rows.FirstOrDefault(m => containing is null || m.Payload.Contains(containing, StringComparison.Ordinal));
            if (row?.DeliveredAt is not null)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"no delivered {type} outbox message");
    }
}
