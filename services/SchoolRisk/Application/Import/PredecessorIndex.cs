using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>Direct predecessors of each URN, from the stored GIAS links (both directions of a link pair agree).</summary>
internal sealed class PredecessorIndex
{
    private readonly Dictionary<int, SortedSet<int>> _predecessors = [];

    public static async Task<PredecessorIndex> LoadAsync(SchoolRiskDbContext db, CancellationToken cancellationToken)
    {
        var index = new PredecessorIndex();
        await foreach (var link in db.SchoolLinks.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (link.LinkedIsPredecessor)
            {
                index.Add(link.Urn, link.LinkedUrn);
            }
            else if (link.LinkedIsSuccessor)
            {
                index.Add(link.LinkedUrn, link.Urn);
            }
        }
        return index;
    }

    public IReadOnlyList<int> Of(int urn) => _predecessors.TryGetValue(urn, out var set) ? [.. set] : [];

    private void Add(int urn, int predecessor)
    {
        if (!_predecessors.TryGetValue(urn, out var set))
        {
            _predecessors[urn] = set = [];
        }
        set.Add(predecessor);
    }
}
