using EducationHub.Complaints.Domain;

namespace EducationHub.Complaints.Application;

/// <summary>Configuration section "Complaints": timescales, campaign rules and retention, per council.</summary>
public sealed class ComplaintsOptions
{
    public const string SectionName = "Complaints";

    public ComplaintTimescales Timescales { get; set; } = new();
    public CampaignRules Campaigns { get; set; } = new();
    /// <summary>Complainants' names and contact details are erased this many months after closure.</summary>
    public int PersonalDataRetentionMonths { get; set; } = 12;
    /// <summary>How often the timescale and retention sweeps run.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);
}
