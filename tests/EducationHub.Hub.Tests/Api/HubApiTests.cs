using EducationHub.Contracts.V1;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Hub.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

public class HubApiTests
{
    private const string Svc = "/educationhub.hub.v1.HubService/";

    private static Task<TResp> Call<TReq, TResp>(HubHost hub, string method, TReq request, string? token)
        where TReq : class, Google.Protobuf.IMessage<TReq>, new() where TResp : class, Google.Protobuf.IMessage<TResp>, new() =>
        hub.Host.Client.UnaryAsync<TReq, TResp>(Svc + method, request, new CallOptions { BearerToken = token });

    [Fact]
    public async Task The_month_list_shows_the_school_with_its_reasons_and_the_quiet_school_is_absent()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var list = await Call<Pb.GetRiskListRequest, Pb.RiskList>(hub, "GetRiskList", new() { Month = HubHost.ThisMonth }, hub.Token("hub.risklist.read"));

        var entry = Assert.Single(list.Entries);
        Assert.Equal(HubHost.Urn, entry.Urn);
        Assert.Equal("Park View Academy", entry.SchoolName);
        Assert.Equal(67, entry.Priority); // 70 x 0.6 + open warning notice 25
        Assert.Equal("High", entry.Band);
        Assert.Equal(Pb.Movement.New, entry.Movement);
        Assert.Contains(entry.Reasons, r => r.Code == "governance.notice.open" && r.SourceRefs.Any(s => s.StartsWith("notice/", StringComparison.Ordinal)));
        Assert.Contains(entry.CurrentSupport, s => s.Contains("Warning notice", StringComparison.Ordinal));
        Assert.Equal(Pb.ListStatus.Draft, list.Summary.Status);
        Assert.Equal("hub-priority-2026.11-v1", list.Summary.PriorityModelVersion);
    }

    [Fact]
    public async Task Configured_organisation_names_word_the_reasons()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string?> { ["Organisations:ofsted"] = "Ofsted" });
        await hub.SeedTwoSchoolsAsync();
        var observed = DateTimeOffset.UtcNow.AddDays(-1);
        await hub.IngestAsync(new PartnerSignalSubmitted(Guid.NewGuid(), observed, HubHost.Urn, "schoolrisk", Guid.NewGuid(), Guid.NewGuid(),
            "ofsted-monitoring-visit", "high", DateOnly.FromDateTime(observed.UtcDateTime), "ofsted", null));

        var list = await Call<Pb.GetRiskListRequest, Pb.RiskList>(hub, "GetRiskList", new() { Month = HubHost.ThisMonth }, hub.Token("hub.risklist.read"));

        var reasons = Assert.Single(list.Entries).Reasons.Select(r => r.Text).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Ofsted: Ofsted monitoring visit, high concern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_arrive_through_the_bus_once_even_when_delivered_twice()
    {
        await using var hub = await HubHost.StartAsync();
        var evt = new WhistleblowingConcernTriaged(Guid.NewGuid(), DateTimeOffset.UtcNow, HubHost.Urn, "whistleblowing", Guid.NewGuid(), Guid.NewGuid(), "safeguarding", "high");
        var bus = hub.Host.Services.GetRequiredService<IBus>();
        await bus.Publish(evt);
        await bus.Publish(evt);
        await bus.Publish(HubHost.School(HubHost.Urn, "Park View Academy"));

        using var scope = hub.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await db.Timeline.CountAsync() < 2 || !await db.Schools.AnyAsync()))
            await Task.Delay(100);
        await Task.Delay(300); // let the duplicate delivery finish if it was going to write
        Assert.Equal(1, await db.Timeline.CountAsync(t => t.EventId == evt.EventId));
        Assert.Equal("Park View Academy", (await db.Schools.SingleAsync()).Name);

        var profile = await Call<Pb.GetSchoolProfileRequest, Pb.SchoolProfile>(hub, "GetSchoolProfile", new() { Urn = HubHost.Urn }, hub.Token("hub.risklist.read"));
        var item = Assert.Single(profile.Timeline, t => t.Kind == "WhistleblowingConcernTriaged");
        Assert.Equal("Whistleblowing concern triaged: safeguarding, high severity.", item.Summary);
        Assert.Equal(12, profile.History.Count);
    }

    [Fact]
    public async Task Invalid_requests_get_field_violations()
    {
        await using var hub = await HubHost.StartAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(hub, "ListRiskList",
            new() { Month = "2026-13", PageSize = 9999, Filter = new Pb.ListFilter { LaCode = "33", Band = "Purple" } }, hub.Token("hub.risklist.read")));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetBadRequest()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["month", "filter.la_code", "filter.band", "page_size"], fields);

        var decision = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision",
            new() { Month = HubHost.ThisMonth, Urn = 12, DueOn = "tomorrow" }, hub.Token("hub.decisions.write")));
        Assert.Equal(["urn", "decision", "owner_organisation", "due_on"], decision.GetBadRequest()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_decision_due_more_than_five_years_after_its_month_is_refused_on_due_on()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        Pb.RecordDecisionRequest Request(string dueOn) => new()
        {
            Month = HubHost.ThisMonth, Urn = HubHost.Urn, Decision = Pb.DecisionKind.Monitor, OwnerOrganisation = "Council", DueOn = dueOn,
        };
        var firstDay = DateOnly.ParseExact(HubHost.ThisMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision",
            Request("9999-12-31"), hub.Token("hub.decisions.write")));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetBadRequest()!.FieldViolations);
        Assert.Equal("due_on", violation.Field);
        Assert.Contains("within 5 years", violation.Description);

        var lastDay = firstDay.AddYears(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var accepted = await Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision", Request(lastDay), hub.Token("hub.decisions.write"));
        Assert.Equal(lastDay, accepted.DueOn);
    }

    [Fact]
    public async Task A_hand_made_page_token_too_far_out_is_refused_instead_of_overflowing()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        static string Token(long offset) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{HubHost.ThisMonth}:{offset}"));

        // offset + page size used to wrap to a negative number and come back as a "next" token.
        var ex = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(hub, "ListRiskList",
            new() { Month = HubHost.ThisMonth, PageSize = 500, PageToken = Token(int.MaxValue - 10) }, hub.Token("hub.risklist.read")));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page_token", Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);

        // The largest offset accepted is an empty last page.
        var last = await Call<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(hub, "ListRiskList",
            new() { Month = HubHost.ThisMonth, PageSize = 500, PageToken = Token(int.MaxValue - 500) }, hub.Token("hub.risklist.read"));
        Assert.Empty(last.Entries);
        Assert.Equal("", last.NextPageToken);
    }

    [Fact]
    public async Task Scopes_are_enforced()
    {
        await using var hub = await HubHost.StartAsync();
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.GetRiskListRequest, Pb.RiskList>(hub, "GetRiskList", new() { Month = HubHost.ThisMonth }, null));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var readOnly = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.PublishMonthRequest, Pb.RiskListSummary>(hub, "PublishMonth", new() { Month = HubHost.ThisMonth }, hub.Token("hub.risklist.read")));
        Assert.Equal(StatusCode.PermissionDenied, readOnly.StatusCode);
    }

    [Fact]
    public async Task A_published_month_is_frozen_and_cannot_be_published_twice()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var summary = await Call<Pb.PublishMonthRequest, Pb.RiskListSummary>(hub, "PublishMonth", new() { Month = HubHost.ThisMonth }, hub.Token("hub.publish"));
        Assert.Equal(Pb.ListStatus.Published, summary.Status);
        Assert.Equal("council", summary.PublishedBy);
        Assert.Equal(1, summary.SchoolCount);

        // New intelligence after publication changes the timeline, not the published list.
        await hub.IngestAsync(new SchoolRiskAssessed(Guid.NewGuid(), DateTimeOffset.UtcNow, HubHost.QuietUrn, "schoolrisk", Guid.NewGuid(),
            DateOnly.FromDateTime(DateTime.UtcNow), 99, "High", "sr-test", []));
        var list = await Call<Pb.GetRiskListRequest, Pb.RiskList>(hub, "GetRiskList", new() { Month = HubHost.ThisMonth }, hub.Token("hub.risklist.read"));
        Assert.Equal([HubHost.Urn], list.Entries.Select(e => e.Urn));
        Assert.Equal(summary.SnapshotId, list.Summary.SnapshotId);

        var again = await Assert.ThrowsAsync<RpcException>(() => Call<Pb.PublishMonthRequest, Pb.RiskListSummary>(hub, "PublishMonth", new() { Month = HubHost.ThisMonth }, hub.Token("hub.publish")));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        using var scope = hub.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(1, await db.Set<EducationHub.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.Type.Contains("MonthlyRiskListPublished")));
    }

    [Fact]
    public async Task Last_months_decision_is_carried_into_this_months_list_and_pages_walk_the_list()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var decision = await Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision", new()
        {
            Month = HubHost.LastMonth, Urn = HubHost.Urn, Decision = Pb.DecisionKind.WarningNotice, OwnerOrganisation = "Council",
            DueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Action = "Issue a warning notice",
        }, hub.Token("hub.decisions.write"));
        Assert.Equal("council", decision.RecordedBy);

        var page = await Call<Pb.ListRiskListRequest, Pb.ListRiskListResponse>(hub, "ListRiskList", new() { Month = HubHost.ThisMonth, PageSize = 1 }, hub.Token("hub.risklist.read"));
        var entry = Assert.Single(page.Entries);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal("", page.NextPageToken);
        var action = Assert.Single(entry.LastMonthActions);
        Assert.Equal(Pb.DecisionKind.WarningNotice, action.Decision);
        Assert.True(action.Done); // the warning notice was issued after the start of last month
        Assert.Contains("Warning notice issued", action.DoneEvidence);
        Assert.Equal("Council", entry.OwnerOrganisation);
    }
}
