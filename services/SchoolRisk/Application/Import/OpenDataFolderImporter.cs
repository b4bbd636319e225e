namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Imports a whole folder of extracts in dependency order (register files, then links, then
/// indicators): what a first national load, the benchmark and demo hosts use.
/// </summary>
public sealed class OpenDataFolderImporter(ImportService imports)
{
    public async Task<IReadOnlyList<ImportReport>> ImportAsync(string folder, ImportScope scope, string organisation, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var reports = new List<ImportReport>();
        foreach (var kind in new[] { FileRole.Register, FileRole.Links, FileRole.Indicators })
        {
            foreach (var file in files.Where(f => RoleOf(f) == kind))
            {
                var (report, _) = await imports.ImportFileAsync(kind == FileRole.Indicators ? ImportKind.Indicators : ImportKind.Register,
                    file, scope, organisation, "open-data-folder-import", cancellationToken);
                reports.Add(report);
            }
        }
        return reports;
    }

    private enum FileRole
    {
        Unknown,
        Register,
        Links,
        Indicators,
    }

    private static FileRole RoleOf(string file)
    {
        using var table = CsvTable.Open(file);
        if (new GiasRegisterParser().Recognises(table) || new SpineRegisterParser().Recognises(table))
        {
            return FileRole.Register;
        }
        if (new GiasLinkParser().Recognises(table))
        {
            return FileRole.Links;
        }
        return new InspectionParser().Recognises(table) || new Ks2Parser().Recognises(table) || new Ks4Parser().Recognises(table)
            || new Ks4SchoolInformationParser().Recognises(table) || new Ks5Parser().Recognises(table) || new FinanceParser().Recognises(table)
            ? FileRole.Indicators
            : FileRole.Unknown;
    }
}
