namespace EducationHub.Complaints.Domain;

/// <summary>Where an out-of-scope matter is sent instead of the complaints procedure.</summary>
public static class RoutingDestination
{
    public static string For(OutOfScopeMatter matter) => matter switch
    {
        OutOfScopeMatter.Admissions => "Admissions appeal panel (School Admission Appeals Code)",
        OutOfScopeMatter.ExclusionDecision => "Governing board exclusion review, then independent review panel",
        OutOfScopeMatter.SenAssessment => "Local authority SEND team (EHC needs assessment), then SEND Tribunal",
        OutOfScopeMatter.ChildProtection => "Children's social care and the Local Authority Designated Officer (LADO)",
        _ => throw new ArgumentOutOfRangeException(nameof(matter), matter, "Not an out-of-scope matter."),
    };
}
