namespace EducationHub.SchoolRisk.Domain;

/// <summary>What a partner is telling us about. Stable names are used on the wire and in events.</summary>
public enum SignalKind
{
    Unspecified = 0,
    SchoolImprovementVisit = 1,
    OfstedMonitoringVisit = 2,
    SafeguardingAudit = 3,
    HeadteacherChange = 4,
    FinanceConcern = 5,
    HrConcern = 6,
    RscNote = 7,
}

public static class SignalKinds
{
    public static string Code(this SignalKind kind) => kind switch
    {
        SignalKind.SchoolImprovementVisit => "school-improvement-visit",
        SignalKind.OfstedMonitoringVisit => "ofsted-monitoring-visit",
        SignalKind.SafeguardingAudit => "safeguarding-s175-audit",
        SignalKind.HeadteacherChange => "headteacher-change",
        SignalKind.FinanceConcern => "finance-concern",
        SignalKind.HrConcern => "hr-concern",
        SignalKind.RscNote => "rsc-note",
        _ => "unspecified",
    };

    public static string Describe(this SignalKind kind) => kind switch
    {
        SignalKind.SchoolImprovementVisit => "school improvement visit",
        SignalKind.OfstedMonitoringVisit => "Ofsted monitoring visit",
        SignalKind.SafeguardingAudit => "safeguarding (s175) audit",
        SignalKind.HeadteacherChange => "headteacher change",
        SignalKind.FinanceConcern => "finance concern",
        SignalKind.HrConcern => "HR concern",
        SignalKind.RscNote => "Regional Schools Commissioner note",
        _ => "signal",
    };
}
