using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>Fills an <see cref="EvidenceSet"/> from the database: everything (whole-register runs) or one school's lineage.</summary>
public sealed class EvidenceLoader(SchoolRiskDbContext db)
{
    public async Task<EvidenceSet> LoadAllAsync(CancellationToken cancellationToken)
    {
        var set = new EvidenceSet();
        await foreach (var l in db.SchoolLinks.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.AddLink(l);
        await foreach (var i in db.Inspections.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.Add(i);
        await foreach (var r in db.Ks2Results.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.Add(r);
        await foreach (var r in db.Ks4Results.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.Add(r);
        await foreach (var r in db.FinanceReturns.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.Add(r);
        await foreach (var s in db.PartnerSignals.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken)) set.Add(s);
        return set;
    }

    /// <summary>Only the rows about <paramref name="urn"/> and the URNs it descends from (a handful of small queries).</summary>
    public async Task<EvidenceSet> LoadLineageAsync(int urn, CancellationToken cancellationToken)
    {
        var set = new EvidenceSet();
        var frontier = new List<int> { urn };
        var seen = new HashSet<int> { urn };
        for (var depth = 0; depth < 10 && frontier.Count > 0; depth++)
        {
            var current = frontier;
            var links = await db.SchoolLinks.AsNoTracking()
                .Where(l => current.Contains(l.Urn) || current.Contains(l.LinkedUrn)).ToListAsync(cancellationToken);
            frontier = [];
            foreach (var link in links)
            {
                set.AddLink(link);
                foreach (var other in new[] { link.Urn, link.LinkedUrn }.Where(seen.Add))
                {
                    frontier.Add(other);
                }
            }
        }
        var urns = set.Lineage(urn).ToList();
        foreach (var i in await db.Inspections.AsNoTracking().Where(x => urns.Contains(x.Urn)).ToListAsync(cancellationToken)) set.Add(i);
        foreach (var r in await db.Ks2Results.AsNoTracking().Where(x => urns.Contains(x.Urn)).ToListAsync(cancellationToken)) set.Add(r);
        foreach (var r in await db.Ks4Results.AsNoTracking().Where(x => urns.Contains(x.Urn)).ToListAsync(cancellationToken)) set.Add(r);
        foreach (var r in await db.FinanceReturns.AsNoTracking().Where(x => urns.Contains(x.Urn)).ToListAsync(cancellationToken)) set.Add(r);
        foreach (var s in await db.PartnerSignals.AsNoTracking().Where(x => urns.Contains(x.Urn)).ToListAsync(cancellationToken)) set.Add(s);
        return set;
    }
}
