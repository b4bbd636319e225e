using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Upserts GIAS links keyed by URN + linked URN + link type; with an LA scope, keeps links where either
/// end is one of that LA's schools. A key repeated within one file is rejected with the line it repeats.
/// </summary>
public sealed class LinkImporter(SchoolRiskDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<ImportReport> ImportAsync(CsvTable table, GiasLinkParser parser, ImportScope scope, CancellationToken cancellationToken)
    {
        var report = new ImportReport(parser.Dataset, table.Name);
        var existing = await db.SchoolLinks.AsNoTracking()
            .ToDictionaryAsync(l => (l.Urn, l.LinkedUrn, l.LinkType), l => l.EstablishedOn, cancellationToken);
        var seenInFile = new Dictionary<(int, int, string), long>();
        var pending = 0;
        foreach (var (link, line) in table.RecordsWithLines(parser, report))
        {
            if (!scope.IncludesUrn(link.Urn) && !scope.IncludesUrn(link.LinkedUrn))
            {
                report.FilteredOut++;
                continue;
            }
            var key = (link.Urn, link.LinkedUrn, link.LinkType);
            if (seenInFile.TryGetValue(key, out var firstLine))
            {
                report.Reject(line, $"repeats line {firstLine} (URN {link.Urn}, LinkURN {link.LinkedUrn}, LinkType '{link.LinkType}')");
                continue;
            }
            seenInFile[key] = line;
            if (!existing.TryGetValue(key, out var established))
            {
                db.SchoolLinks.Add(link);
                report.Inserted++;
            }
            else if (established != link.EstablishedOn)
            {
                db.SchoolLinks.Update(link);
                report.Updated++;
            }
            else
            {
                report.Unchanged++;
                continue;
            }
            existing[key] = link.EstablishedOn;
            if (++pending >= BatchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return report;
    }
}
