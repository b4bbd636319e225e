using System.Globalization;
using EducationHub.Grpc.Client;
using EducationHub.Hub.Infrastructure;
using EducationHub.Testing.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Hub.Tests.Api;

/// <summary>
/// What the decision-history tests do to <see cref="HubHost.Urn"/>: record decisions and outcomes over gRPC as a
/// partner organisation would (its own token), read the profile back, and look at the kept versions in the database.
/// </summary>
internal static class DecisionCalls
{
    private const string Svc = "/educationhub.hub.v1.HubService/";

    /// <summary>A due date every month these tests use (this one and last) accepts.</summary>
    public static string Due => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<Pb.Decision> RecordAsync(HubHost hub, Pb.DecisionKind kind, string action, string organisation, string? month = null, string? dueOn = null) =>
        Call<Pb.RecordDecisionRequest, Pb.Decision>(hub, "RecordDecision",
            new() { Month = month ?? HubHost.ThisMonth, Urn = HubHost.Urn, Decision = kind, OwnerOrganisation = "Council", DueOn = dueOn ?? Due, Action = action },
            TestTokens.Issue(organisation, "hub.decisions.write"));

    public static Task<Pb.Decision> OutcomeAsync(HubHost hub, bool done, string note, string organisation, string? month = null) =>
        Call<Pb.RecordActionOutcomeRequest, Pb.Decision>(hub, "RecordActionOutcome",
            new() { Month = month ?? HubHost.ThisMonth, Urn = HubHost.Urn, Done = done, Note = note },
            TestTokens.Issue(organisation, "hub.decisions.write"));

    public static Task<Pb.SchoolProfile> ProfileAsync(HubHost hub) =>
        Call<Pb.GetSchoolProfileRequest, Pb.SchoolProfile>(hub, "GetSchoolProfile", new() { Urn = HubHost.Urn }, hub.Token("hub.risklist.read"));

    /// <summary>The kept versions as stored, oldest first.</summary>
    public static async Task<List<DecisionHistoryRow>> HistoryAsync(HubHost hub)
    {
        using var scope = hub.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return (await db.DecisionHistory.AsNoTracking().ToListAsync()).OrderBy(r => r.ReplacedAt).ToList();
    }

    /// <summary>The school page's "Earlier versions" section (up to the timeline), or "" if the page has none.</summary>
    public static string EarlierVersions(string page)
    {
        var start = page.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("<h2>Timeline</h2>", StringComparison.Ordinal)];
    }

    private static Task<TResp> Call<TReq, TResp>(HubHost hub, string method, TReq request, string token)
        where TReq : class, Google.Protobuf.IMessage<TReq>, new() where TResp : class, Google.Protobuf.IMessage<TResp>, new() =>
        hub.Host.Client.UnaryAsync<TReq, TResp>(Svc + method, request, new CallOptions { BearerToken = token });
}
