namespace EducationHub.Governance.Domain.Notices;

/// <summary>
/// Who may issue which notice, on which grounds (Education and Inspections Act 2006 ss60-60B;
/// academy notices under the Academies Act 2010 funding agreements). Sources: docs/governance.md.
/// </summary>
public static class NoticeRules
{
    public const int DefaultComplianceWorkingDays = 15;
    public const int MaxComplianceWorkingDays = 100;

    private static readonly NoticeGround[] Section60Grounds =
        [NoticeGround.LowStandards, NoticeGround.ManagementOrGovernanceBreakdown, NoticeGround.SafetyThreatened];

    public static Issuer RequiredIssuer(NoticeType type) => type switch
    {
        NoticeType.PerformanceStandardsAndSafety or NoticeType.TeachersPayAndConditions => Issuer.LocalAuthority,
        _ => Issuer.SecretaryOfState,
    };

    public static IReadOnlyList<NoticeGround> PermittedGrounds(NoticeType type) => type switch
    {
        NoticeType.TeachersPayAndConditions => [NoticeGround.TeachersPayAndConditions],
        _ => Section60Grounds,
    };

    public static bool IsAcademyNotice(NoticeType type) =>
        type is NoticeType.AcademyPreWarning or NoticeType.AcademyWarning or NoticeType.AcademyTerminationWarning;

    /// <summary>The statutory or contractual basis, for display and for the event payload.</summary>
    public static string LegalBasis(NoticeType type) => type switch
    {
        NoticeType.PerformanceStandardsAndSafety => "Education and Inspections Act 2006 s60",
        NoticeType.TeachersPayAndConditions => "Education and Inspections Act 2006 s60A",
        NoticeType.SecretaryOfStateWarning => "Education and Inspections Act 2006 s60B",
        NoticeType.AcademyPreWarning => "Academy funding agreement (pre-warning letter)",
        NoticeType.AcademyWarning => "Academy funding agreement (warning notice)",
        NoticeType.AcademyTerminationWarning => "Academies Act 2010 / funding agreement (termination warning notice)",
        _ => "unknown",
    };
}
