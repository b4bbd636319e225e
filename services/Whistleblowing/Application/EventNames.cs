using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

/// <summary>The stable strings that go into integration events (the hub keys on them).</summary>
public static class EventNames
{
    public const string Producer = "whistleblowing";

    public static string Of(ConcernCategory category) => category switch
    {
        ConcernCategory.Safeguarding => "safeguarding",
        ConcernCategory.ExtremismRadicalisation => "extremism-radicalisation",
        ConcernCategory.Governance => "governance",
        ConcernCategory.Finance => "finance",
        ConcernCategory.CurriculumNarrowing => "curriculum-narrowing",
        ConcernCategory.StaffBullyingHarassment => "staff-bullying-harassment",
        _ => "other",
    };

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(Substantiation substantiation) => substantiation switch
    {
        Substantiation.Substantiated => "substantiated",
        Substantiation.PartiallySubstantiated => "partially-substantiated",
        Substantiation.Unsubstantiated => "unsubstantiated",
        Substantiation.Unfounded => "unfounded",
        _ => "no-finding",
    };

    public static string Of(ClockKind clock) => clock == ClockKind.Acknowledgement ? "acknowledgement" : "feedback";
}
