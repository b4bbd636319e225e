using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>Which family of files an import call accepts.</summary>
public enum ImportKind
{
    Register,
    Indicators,
}

/// <summary>
/// Runs one import of one file, from a path under the configured import root or from uploaded
/// bytes, and records it, attributed to the calling organisation: an audit entry when it starts, then an
/// import run and a second audit entry when it completes.
/// </summary>
public sealed class ImportService(
    SchoolRiskDbContext db,
    SchoolRegisterImporter register,
    IndicatorImporter indicators,
    IOptions<SchoolRiskOptions> options,
    TimeProvider clock)
{
    /// <summary>Resolves <paramref name="relativePath"/> inside the import root; anything escaping it is refused.</summary>
    public string ResolveServerPath(string relativePath)
    {
        var root = Path.GetFullPath(options.Value.ImportRoot);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException("the path must stay inside the server's import folder");
        }
        return full;
    }

    public async Task<(ImportReport Report, Guid RunId)> ImportFileAsync(ImportKind kind, string fullPath, ImportScope scope,
        string organisation, string subject, CancellationToken cancellationToken)
    {
        using var table = CsvTable.Open(fullPath);
        return await RunAsync(kind, table, scope, organisation, subject, cancellationToken);
    }

    public async Task<(ImportReport Report, Guid RunId)> ImportBytesAsync(ImportKind kind, ReadOnlyMemory<byte> content, string fileName,
        ImportScope scope, string organisation, string subject, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        using var table = CsvTable.Open(stream, fileName);
        return await RunAsync(kind, table, scope, organisation, subject, cancellationToken);
    }

    private async Task<(ImportReport, Guid)> RunAsync(ImportKind kind, CsvTable table, ImportScope scope,
        string organisation, string subject, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7();
        var started = clock.GetUtcNow();
        // Batches commit as they go and the audit log is append-only: record who started the run, on its
        // own, before the first batch, so rows a cancelled or failed run committed are still attributable.
        db.Audit(organisation, subject, "import.started", "import", runId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        if (!scope.IsEverything)
        {
            var codes = scope.LaCodes!.ToList();
            scope = scope.WithUrns(await db.Schools.AsNoTracking().Where(s => codes.Contains(s.LaCode)).Select(s => s.Urn).ToListAsync(cancellationToken));
        }
        var report = kind == ImportKind.Register
            ? await register.ImportAsync(table, scope, runId, cancellationToken)
            : await indicators.ImportAsync(table, scope, cancellationToken);

        db.ImportRuns.Add(new ImportRun
        {
            Id = runId,
            Dataset = report.Dataset,
            FileName = report.FileName,
            Organisation = organisation,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow(),
            RowsRead = report.RowsRead,
            Inserted = report.Inserted,
            Updated = report.Updated,
            Unchanged = report.Unchanged,
            Rejected = report.Rejected,
        });
        db.Audit(organisation, subject, "import.completed", "import", runId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (report, runId);
    }
}
