using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>
/// Reads the DfE/Ofsted open-data folder (school_details, links, inspections, ks2/ks4, finance)
/// straight into an <see cref="EvidenceSet"/>, without a database: the backtest's input.
/// </summary>
public sealed class OpenDataSet
{
    private OpenDataSet(EvidenceSet evidence, IReadOnlyList<int> registerUrns, IReadOnlyList<ImportReport> reports)
    {
        Evidence = evidence;
        RegisterUrns = registerUrns;
        Reports = reports;
    }

    public EvidenceSet Evidence { get; }
    public IReadOnlyList<int> RegisterUrns { get; }
    public IReadOnlyList<ImportReport> Reports { get; }

    /// <summary>Accepts the folder itself or its parent (<c>shared/data</c>).</summary>
    public static string ResolveFolder(string path)
    {
        var nested = Path.Combine(path, "open-schools-data");
        var folder = Directory.Exists(nested) ? nested : path;
        return File.Exists(Path.Combine(folder, "school_details_2018.csv")) || Directory.EnumerateFiles(folder, "*.csv").Any()
            ? folder
            : throw new DirectoryNotFoundException($"No open-data CSV files in {path}.");
    }

    public static OpenDataSet Load(string path)
    {
        var folder = ResolveFolder(path);
        var evidence = new EvidenceSet();
        var reports = new List<ImportReport>();
        var urns = new List<int>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            using var table = CsvTable.Open(file);
            var report = Read(table, evidence, urns);
            if (report is not null)
            {
                reports.Add(report);
            }
        }
        return new OpenDataSet(evidence, urns, reports);
    }

    private static ImportReport? Read(CsvTable table, EvidenceSet evidence, List<int> urns)
    {
        return Feed(table, new SpineRegisterParser(), r => urns.Add(r.Urn))
            ?? Feed(table, new GiasRegisterParser(), r => urns.Add(r.Urn))
            ?? Feed(table, new GiasLinkParser(), evidence.AddLink)
            ?? Feed(table, new InspectionParser(), evidence.Add)
            ?? Feed(table, new Ks2Parser(), evidence.Add)
            ?? Feed(table, new Ks4Parser(), evidence.Add)
            ?? Feed(table, new Ks4SchoolInformationParser(), evidence.Add)
            ?? Feed(table, new FinanceParser(), evidence.Add);
    }

    private static ImportReport? Feed<T>(CsvTable table, IRowParser<T> parser, Action<T> sink)
    {
        if (!parser.Recognises(table))
        {
            return null;
        }
        var report = new ImportReport(parser.Dataset, table.Name);
        foreach (var record in table.Records(parser, report))
        {
            sink(record);
        }
        return report;
    }
}
