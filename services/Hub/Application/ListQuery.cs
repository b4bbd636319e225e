using EducationHub.Hub.Domain.RiskList;

namespace EducationHub.Hub.Application;

public enum ListSort { Priority, Name, Urn, Movement }

/// <summary>Filters and sorts a month's entries for the API, the dashboard, the CLI and exports alike.</summary>
public sealed record ListQuery(string? LaCode = null, string? Band = null, Movement? Movement = null, ListSort Sort = ListSort.Priority)
{
    public IReadOnlyList<RiskListItem> Apply(IReadOnlyList<RiskListItem> entries)
    {
        IEnumerable<RiskListItem> q = entries;
        if (!string.IsNullOrWhiteSpace(LaCode)) q = q.Where(e => e.LaCode == LaCode);
        if (!string.IsNullOrWhiteSpace(Band)) q = q.Where(e => string.Equals(e.Band, Band, StringComparison.OrdinalIgnoreCase));
        if (Movement is { } m) q = q.Where(e => e.Movement == m);
        q = Sort switch
        {
            ListSort.Name => q.OrderBy(e => e.SchoolName, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Urn),
            ListSort.Urn => q.OrderBy(e => e.Urn),
            ListSort.Movement => q.OrderByDescending(e => e.Movement == Domain.RiskList.Movement.New ? int.MaxValue : e.Priority - e.PreviousPriority).ThenBy(e => e.Rank),
            _ => q.OrderBy(e => e.Rank),
        };
        return q.ToList();
    }
}
