using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.WhistleblowingPortal.Pages;

internal static class Categories
{
    public static readonly IReadOnlyList<(string Value, string Label, ConcernCategory Proto)> All =
    [
        ("safeguarding", "Safeguarding: a child may be at risk of harm", ConcernCategory.Safeguarding),
        ("extremism", "Extremism or radicalisation", ConcernCategory.ExtremismRadicalisation),
        ("governance", "How the school is governed or led", ConcernCategory.Governance),
        ("finance", "Money: finances, contracts or fraud", ConcernCategory.Finance),
        ("curriculum", "Narrowing of the curriculum (subjects dropped or restricted)", ConcernCategory.CurriculumNarrowing),
        ("staff-bullying", "Bullying or harassment of staff", ConcernCategory.StaffBullyingHarassment),
        ("other", "Something else", ConcernCategory.Other),
    ];

    public static string Label(ConcernCategory category) => All.FirstOrDefault(c => c.Proto == category).Label ?? "Something else";

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.New => "Received",
        CaseStatus.Acknowledged => "Acknowledged",
        CaseStatus.InTriage => "Being assessed",
        CaseStatus.Investigating => "Being looked into",
        CaseStatus.Referred => "Passed to another organisation",
        CaseStatus.Closed => "Closed",
        _ => "Received",
    };
}
