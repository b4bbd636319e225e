using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// Everything the model may look at, indexed by URN, held in memory for a whole-register run
/// (~26,000 schools with history is a few tens of MB). Built from the database for the service,
/// or straight from the open-data files for the backtest. <see cref="For"/> applies the as-of cut.
/// </summary>
public sealed class EvidenceSet
{
    private readonly Dictionary<int, List<int>> _predecessors = [];
    private readonly Dictionary<int, List<Inspection>> _inspections = [];
    private readonly Dictionary<int, List<Ks2Result>> _ks2 = [];
    private readonly Dictionary<int, List<Ks4Result>> _ks4 = [];
    private readonly Dictionary<int, List<FinanceReturn>> _finance = [];
    private readonly Dictionary<int, List<PartnerSignal>> _signals = [];

    public void AddLink(SchoolLink link)
    {
        if (link.LinkedIsPredecessor)
        {
            AddPredecessor(link.Urn, link.LinkedUrn);
        }
        else if (link.LinkedIsSuccessor)
        {
            AddPredecessor(link.LinkedUrn, link.Urn);
        }
    }

    public void Add(Inspection inspection) => Append(_inspections, inspection.Urn, inspection);
    public void Add(Ks2Result result) => Append(_ks2, result.Urn, result);
    public void Add(Ks4Result result) => Append(_ks4, result.Urn, result);
    public void Add(FinanceReturn result) => Append(_finance, result.Urn, result);
    public void Add(PartnerSignal signal) => Append(_signals, signal.Urn, signal);

    public IEnumerable<Inspection> InspectionsOf(int urn) => _inspections.TryGetValue(urn, out var list) ? list : [];

    /// <summary>The URN and every earlier URN it descends from (conversions, mergers), nearest first, cycle-safe.</summary>
    public IReadOnlyList<int> Lineage(int urn)
    {
        var order = new List<int> { urn };
        var seen = new HashSet<int> { urn };
        for (var i = 0; i < order.Count && order.Count < 50; i++)
        {
            if (_predecessors.TryGetValue(order[i], out var earlier))
            {
                foreach (var p in earlier.Where(seen.Add))
                {
                    order.Add(p);
                }
            }
        }
        return order;
    }

    /// <summary>The evidence about a school (and its predecessors) that was public on <paramref name="asOf"/>.</summary>
    public SchoolEvidence For(int urn, DateOnly asOf)
    {
        var lineage = Lineage(urn);
        var known = Gather(_signals, lineage, s => s.KnownOn(asOf)).ToList();
        var knownIds = known.Select(s => s.Id).ToHashSet();
        // A correction recorded after asOf did not yet exist: the original stands for that date.
        var current = known.Where(s => s.SupersededById is not { } next || !knownIds.Contains(next));
        return new SchoolEvidence(
            urn,
            asOf,
            lineage,
            [.. Gather(_inspections, lineage, i => i.PublishedOn <= asOf).OrderByDescending(i => i.InspectedOn).ThenBy(i => i.Urn)],
            [.. Gather(_ks2, lineage, r => r.PublishedOn <= asOf).OrderByDescending(r => r.Year).ThenBy(r => r.Urn)],
            [.. Gather(_ks4, lineage, r => r.PublishedOn <= asOf).OrderByDescending(r => r.Year).ThenBy(r => r.Urn)],
            [.. Gather(_finance, lineage, r => r.PublishedOn <= asOf).OrderByDescending(r => r.Year).ThenBy(r => r.Urn)],
            [.. current.OrderByDescending(s => s.ObservedOn).ThenBy(s => s.Id)]);
    }

    private void AddPredecessor(int urn, int predecessor)
    {
        if (!_predecessors.TryGetValue(urn, out var list))
        {
            _predecessors[urn] = list = [];
        }
        if (!list.Contains(predecessor))
        {
            list.Add(predecessor);
        }
    }

    private static void Append<T>(Dictionary<int, List<T>> index, int urn, T item)
    {
        if (!index.TryGetValue(urn, out var list))
        {
            index[urn] = list = [];
        }
        list.Add(item);
    }

    private static IEnumerable<T> Gather<T>(Dictionary<int, List<T>> index, IReadOnlyList<int> lineage, Func<T, bool> visible) =>
        lineage.SelectMany(u => index.TryGetValue(u, out var list) ? list : []).Where(visible);
}
