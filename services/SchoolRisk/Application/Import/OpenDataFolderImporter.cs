namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Imports a whole folder of extracts in dependency order (register files, then links, then
/// indicators): what a first national load, the benchmark and demo hosts use. Every <c>*.csv</c>
/// file gets a report: one this service cannot import (empty, a header row matching no layout, no
/// data rows, unreadable) gets an <see cref="ImportReport.NotImported"/> report saying why, after
/// the imported ones, and the rest of the folder is still imported. Other files (README, notes) and
/// hidden or editor-lock files (<c>.*</c>, <c>~$*</c>, e.g. macOS <c>._name.csv</c>) are not data and are skipped.
/// </summary>
public sealed class OpenDataFolderImporter(ImportService imports)
{
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(string folder, ImportScope scope, string organisation, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => !IsHiddenOrLockFile(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var roles = new Dictionary<string, FileRole>();
        var notImported = new List<ImportReport>();
        foreach (var file in files)
        {
            try
            {
                roles[file] = RoleOf(file);
            }
            catch (Exception ex) when (ex is UnrecognisedFileException or IOException or UnauthorizedAccessException)
            {
                notImported.Add(ImportReport.NotImported(Path.GetFileName(file), ex is UnrecognisedFileException ? ex.Message : $"could not be read: {ex.Message}"));
            }
        }
        var reports = new List<ImportReport>();
        foreach (var kind in new[] { FileRole.Register, FileRole.Links, FileRole.Indicators })
        {
            foreach (var file in files.Where(f => roles.TryGetValue(f, out var role) && role == kind))
            {
                try
                {
                    var (report, _) = await imports.ImportFileAsync(kind == FileRole.Indicators ? ImportKind.Indicators : ImportKind.Register,
                        file, scope, organisation, "open-data-folder-import", cancellationToken);
                    reports.Add(report);
                }
                catch (UnrecognisedFileException ex)
                {
                    notImported.Add(ImportReport.NotImported(Path.GetFileName(file), ex.Message));
                }
            }
        }
        reports.AddRange(notImported);
        return reports;
    }

    private enum FileRole
    {
        Register,
        Links,
        Indicators,
    }

    private static bool IsHiddenOrLockFile(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal);
    }

    /// <summary>The file's role, or <see cref="UnrecognisedFileException"/> saying why it cannot be imported.</summary>
    private static FileRole RoleOf(string file)
    {
        using var table = CsvTable.Open(file);
        return FileLayouts.EnsureImportable(table, kind: null) switch
        {
            GiasLinkParser => FileRole.Links,
            var layout when FileLayouts.Register.Contains(layout) => FileRole.Register,
            _ => FileRole.Indicators,
        };
    }
}
