using System.Text.Json;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Upserts keyed indicator rows (inspections by URN+date, results and finance by URN+year):
/// new keys are inserted, changed rows updated, identical rows left alone, so re-importing the
/// same file changes nothing. A key repeated within one file is rejected, not silently merged.
/// Where two layouts fill one table (KS4 results and KS4 school information share <c>ks4_results</c>),
/// the parser is an <see cref="IRowMerger{T}"/>: an existing row keeps the columns the file does not
/// own, so importing one file never erases what the other brought.
/// Saves in batches and clears the change tracker so memory stays flat on national files.
/// </summary>
public sealed class IndicatorImporter(SchoolRiskDbContext db)
{
    private const int BatchSize = 5000;

    public Task<ImportReport> ImportAsync(CsvTable table, ImportScope scope, CancellationToken cancellationToken)
    {
        FileLayouts.EnsureImportable(table, ImportKind.Indicators);
        return TryImport(table, new InspectionParser(), db.Inspections, i => (i.Urn, i.InspectedOn.DayNumber), scope, cancellationToken)
            ?? TryImport(table, new Ks2Parser(), db.Ks2Results, r => (r.Urn, r.Year), scope, cancellationToken)
            ?? TryImport(table, new Ks4Parser(), db.Ks4Results, r => (r.Urn, r.Year), scope, cancellationToken)
            ?? TryImport(table, new Ks4SchoolInformationParser(), db.Ks4Results, r => (r.Urn, r.Year), scope, cancellationToken)
            ?? TryImport(table, new Ks5Parser(), db.Ks5Results, r => (r.Urn, r.Year), scope, cancellationToken)
            ?? TryImport(table, new FinanceParser(), db.FinanceReturns, r => (r.Urn, r.Year), scope, cancellationToken)
            ?? throw FileLayouts.Unrecognised(table, ImportKind.Indicators);
    }

    private Task<ImportReport>? TryImport<T>(CsvTable table, IRowParser<T> parser, DbSet<T> set, Func<T, (int Urn, int Part)> key,
        ImportScope scope, CancellationToken cancellationToken)
        where T : class
        => parser.Recognises(table) ? Upsert(table, parser, set, key, scope, cancellationToken) : null;

    private async Task<ImportReport> Upsert<T>(CsvTable table, IRowParser<T> parser, DbSet<T> set, Func<T, (int Urn, int Part)> key,
        ImportScope scope, CancellationToken cancellationToken)
        where T : class
    {
        var report = new ImportReport(parser.Dataset, table.Name);
        var existing = new Dictionary<(int, int), string>();
        await foreach (var row in set.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing[key(row)] = JsonSerializer.Serialize(row);
        }
        var merger = parser as IRowMerger<T>;
        var seenInFile = new Dictionary<(int, int), long>();
        var pending = 0;
        foreach (var (record, line) in table.RecordsWithLines(parser, report))
        {
            var k = key(record);
            if (!scope.IncludesUrn(k.Urn))
            {
                report.FilteredOut++;
                continue;
            }
            if (seenInFile.TryGetValue(k, out var firstLine))
            {
                report.Reject(line, $"repeats the row for URN {k.Urn} on line {firstLine}");
                continue;
            }
            seenInFile[k] = line;
            var json = JsonSerializer.Serialize(record);
            if (!existing.TryGetValue(k, out var current))
            {
                set.Add(record);
                report.Inserted++;
            }
            else if (current != json && merger is not null)
            {
                var merged = merger.Merge(JsonSerializer.Deserialize<T>(current)!, record);
                json = JsonSerializer.Serialize(merged);
                if (current == json)
                {
                    report.Unchanged++;
                    continue;
                }
                set.Update(merged);
                report.Updated++;
            }
            else if (current != json)
            {
                set.Update(record);
                report.Updated++;
            }
            else
            {
                report.Unchanged++;
                continue;
            }
            existing[k] = json;
            if (++pending >= BatchSize)
            {
                await SaveBatch(cancellationToken);
                pending = 0;
            }
        }
        await SaveBatch(cancellationToken);
        return report;
    }

    private async Task SaveBatch(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
