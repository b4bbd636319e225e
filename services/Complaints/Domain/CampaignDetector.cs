namespace EducationHub.Complaints.Domain;

/// <summary>
/// Decides whether a new complaint belongs to a campaign: enough complaints about the same school,
/// in the same category, within the window, whose summaries are similar to the new one.
/// </summary>
public static class CampaignDetector
{
    public sealed record Decision(Guid CampaignId, bool IsNewCampaign, IReadOnlyList<Complaint> Members);

    public static Decision? Evaluate(Complaint incoming, IEnumerable<Complaint> sameSchoolRecent, CampaignRules rules)
    {
        var words = SummaryWords.Of(incoming.Summary);
        var similar = sameSchoolRecent
            .Where(c => c.Id != incoming.Id
                && c.Category == incoming.Category
                && c.Status != ComplaintStatus.Routed
                && Math.Abs(c.ReceivedOn.DayNumber - incoming.ReceivedOn.DayNumber) <= rules.WindowDays
                && SummaryWords.Similarity(words, SummaryWords.Of(c.Summary)) >= rules.MinimumSimilarity)
            .ToList();

        var existing = similar.Select(c => c.CampaignId).FirstOrDefault(id => id is not null);
        if (existing is { } campaignId)
            return new Decision(campaignId, IsNewCampaign: false, [.. similar.Where(c => c.CampaignId is null), incoming]);

        if (similar.Count + 1 < rules.MinimumComplaints) return null;
        return new Decision(Guid.NewGuid(), IsNewCampaign: true, [.. similar, incoming]);
    }
}
