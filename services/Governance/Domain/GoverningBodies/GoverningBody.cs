using NodaTime;

namespace EducationHub.Governance.Domain.GoverningBodies;

/// <summary>A school's governing body (keyed by the school's URN).</summary>
public sealed class GoverningBody
{
    public int Urn { get; init; }
    public string Name { get; set; } = "";
    public GoverningBodyKind Kind { get; init; }
    public string ClerkName { get; set; } = "";
    public string ClerkEmail { get; set; } = "";
    public List<ConstitutionPlaces> Constitution { get; set; } = [];
    public List<string> SkillsGaps { get; set; } = [];
    public List<string> TrainingGaps { get; set; } = [];
    public string CreatedByOrganisation { get; init; } = "";
    public string UpdatedByOrganisation { get; set; } = "";
    public Instant CreatedAt { get; init; }
    public Instant UpdatedAt { get; set; }

    /// <summary>Places per category not filled by a governor current on <paramref name="today"/>.</summary>
    public IReadOnlyList<(GovernorCategory Category, int Vacant)> Vacancies(IEnumerable<Governor> governors, LocalDate today)
    {
        var current = governors.Where(g => g.IsCurrentOn(today)).GroupBy(g => g.Category).ToDictionary(g => g.Key, g => g.Count());
        return [.. Constitution
            .Select(c => (c.Category, Vacant: Math.Max(0, c.Places - current.GetValueOrDefault(c.Category))))
            .Where(v => v.Vacant > 0)];
    }
}
