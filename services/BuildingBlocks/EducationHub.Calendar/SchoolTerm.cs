using NodaTime;

namespace EducationHub.Calendar;

/// <summary>A school term (or half term), first and last day inclusive.</summary>
public sealed record SchoolTerm(string Name, LocalDate Start, LocalDate End)
{
    public bool Contains(LocalDate date) => date >= Start && date <= End;
}
