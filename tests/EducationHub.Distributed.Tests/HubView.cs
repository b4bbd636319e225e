using System.Globalization;
using EducationHub.Grpc;
using Hb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Distributed.Tests;

/// <summary>What the Hub reports for a school, read through its public gRPC API.</summary>
public static class HubView
{
    /// <summary>This month in London, as the Hub names it (YYYY-MM).</summary>
    public static string CurrentMonth =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static Task<Hb.SchoolProfile> ProfileAsync(DistributedSystem system, int urn) =>
        system.Call<Hb.GetSchoolProfileRequest, Hb.SchoolProfile>("hub", "/educationhub.hub.v1.HubService/GetSchoolProfile",
            new Hb.GetSchoolProfileRequest { Urn = urn, TimelineLimit = 1000 }, system.Token("council", "hub.risklist.read"));

    public static async Task<Hb.RiskListEntry?> DraftEntryAsync(DistributedSystem system, int urn)
    {
        var list = await system.Call<Hb.GetRiskListRequest, Hb.RiskList>("hub", "/educationhub.hub.v1.HubService/GetRiskList",
            new Hb.GetRiskListRequest { Month = CurrentMonth }, system.Token("council", "hub.risklist.read"));
        return list.Entries.SingleOrDefault(e => e.Urn == urn);
    }

    /// <summary>The complaints on the school's timeline (one item per ComplaintReceived event the Hub took in).</summary>
    public static IReadOnlyList<Hb.TimelineItem> ComplaintsReceived(Hb.SchoolProfile profile) =>
        profile.Timeline.Where(t => t.Kind == "ComplaintReceived").ToList();

    /// <summary>
    /// Polls the profile until <paramref name="done"/> holds or the time is up, and returns the last
    /// one either way: the caller's assertions then say what was missing.
    /// </summary>
    public static async Task<Hb.SchoolProfile> WaitForProfileAsync(DistributedSystem system, int urn, Func<Hb.SchoolProfile, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Hb.SchoolProfile? profile = null;
            try
            {
                profile = await ProfileAsync(system, urn);
                if (done(profile)) return profile;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                // The hub is restarting, or has not heard of the school yet.
            }

            if (DateTime.UtcNow > deadline) return profile ?? await ProfileAsync(system, urn);
            await Task.Delay(1000);
        }
    }
}
