namespace EducationHub.Complaints.Domain;

/// <summary>
/// When many similar complaints about one school arrive in a short time they are probably one
/// campaign (a petition, a social-media call to complain); they are marked so that risk counts
/// the campaign once rather than as many independent concerns. Configurable per council.
/// </summary>
public sealed class CampaignRules
{
    public int WindowDays { get; set; } = 14;
    public int MinimumComplaints { get; set; } = 5;
    /// <summary>Word-set (Jaccard) similarity of summaries above which two complaints count as "similar".</summary>
    public double MinimumSimilarity { get; set; } = 0.35;
}
