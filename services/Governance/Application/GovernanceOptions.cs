namespace EducationHub.Governance.Application;

/// <summary>Configuration section <c>Governance</c> (e.g. <c>Governance__ComplianceDays=15</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>The compliance period, in working days, when the issuer does not set one.</summary>
    public int ComplianceDays { get; set; } = Domain.Notices.NoticeRules.DefaultComplianceWorkingDays;

    /// <summary>Largest notice attachment accepted (2 MiB; the gRPC message limit is 4 MiB).</summary>
    public int MaxDocumentBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How often the deadline scheduler looks for passed compliance deadlines.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Turns the deadline scheduler off (e.g. on a read-only replica); the scan can still be run explicitly.</summary>
    public bool DeadlineSchedulerEnabled { get; set; } = true;
}
