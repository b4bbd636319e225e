namespace EducationHub.Hub.Domain;

/// <summary>
/// Groups timeline entries by school and follows schools across URNs: when a school's register
/// record lists predecessor URNs (academy conversion, merger), the predecessors' history is read
/// as part of the successor's, so a converted school does not start with a clean slate.
/// </summary>
public static class TimelineIndex
{
    public static Dictionary<int, List<TimelineEntry>> Build(IEnumerable<TimelineEntry> entries, IReadOnlyDictionary<int, SchoolInfo> schools)
    {
        var byUrn = new Dictionary<int, List<TimelineEntry>>();
        foreach (var e in entries)
        {
            if (!byUrn.TryGetValue(e.Urn, out var list)) byUrn[e.Urn] = list = [];
            list.Add(e);
        }
        foreach (var school in schools.Values)
        {
            if (school.PredecessorUrns.Count == 0 || school.IsClosed) continue;
            foreach (var predecessor in school.PredecessorUrns)
            {
                if (predecessor == school.Urn || !byUrn.Remove(predecessor, out var history)) continue;
                if (!byUrn.TryGetValue(school.Urn, out var list)) byUrn[school.Urn] = list = [];
                list.AddRange(history);
            }
        }
        foreach (var list in byUrn.Values)
            list.Sort(Chronological);
        return byUrn;
    }

    /// <summary>The order of a school's timeline: when it happened, then the event id so that ties are stable.</summary>
    public static int Chronological(TimelineEntry a, TimelineEntry b) =>
        a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : a.EventId.CompareTo(b.EventId);

    /// <summary>
    /// Every URN whose timeline <see cref="Build"/> may merge with another's: open schools with
    /// predecessors and those predecessors. Any other URN's timeline is exactly its own entries.
    /// </summary>
    public static HashSet<int> MergedUrns(IReadOnlyDictionary<int, SchoolInfo> schools)
    {
        var urns = new HashSet<int>();
        foreach (var school in schools.Values)
        {
            if (school.PredecessorUrns.Count == 0 || school.IsClosed) continue;
            urns.Add(school.Urn);
            urns.UnionWith(school.PredecessorUrns);
        }
        return urns;
    }

    /// <summary>The successor URN that absorbed a predecessor's history, if any.</summary>
    public static int? SuccessorOf(int urn, IReadOnlyDictionary<int, SchoolInfo> schools) =>
        schools.Values.FirstOrDefault(s => !s.IsClosed && s.Urn != urn && s.PredecessorUrns.Contains(urn))?.Urn;
}
