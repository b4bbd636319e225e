namespace EducationHub.Complaints.Domain;

/// <summary>
/// Counts complaints per category over rolling windows ending on a date. A campaign counts once,
/// however many complaints it holds; routed matters are not complaints and are not counted.
/// </summary>
public static class ThemeCounter
{
    public sealed record ThemeCount(ComplaintCategory Category, int WindowDays, int Complaints, int CountedForRisk);

    public static IReadOnlyList<ThemeCount> Count(IEnumerable<Complaint> complaints, DateOnly endingOn, IReadOnlyList<int> windowsDays)
    {
        var relevant = complaints.Where(c => c.Status != ComplaintStatus.Routed && c.ReceivedOn <= endingOn).ToList();
        var result = new List<ThemeCount>();
        foreach (var window in windowsDays)
        {
            var from = endingOn.AddDays(-window + 1);
            foreach (var group in relevant.Where(c => c.ReceivedOn >= from).GroupBy(c => c.Category).OrderBy(g => g.Key))
            {
                var counted = group.Count(c => c.CampaignId is null) + group.Where(c => c.CampaignId is not null).Select(c => c.CampaignId).Distinct().Count();
                result.Add(new ThemeCount(group.Key, window, group.Count(), counted));
            }
        }
        return result;
    }
}
