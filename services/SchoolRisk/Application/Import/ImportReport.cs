namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>What one file's import did, including every rejected line and why.</summary>
public sealed class ImportReport(string dataset, string fileName)
{
    /// <summary>At most this many problems are kept in detail; the count stays exact.</summary>
    public const int MaxIssuesKept = 500;
    private readonly List<ImportIssue> _issues = [];

    public string Dataset { get; } = dataset;
    public string FileName { get; } = fileName;
    public string Encoding { get; set; } = "";
    public int RowsRead { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Rows skipped because they belong to local authorities outside the import's scope.</summary>
    public int FilteredOut { get; set; }
    public int Rejected { get; private set; }
    public IReadOnlyList<ImportIssue> Issues => _issues;

    /// <summary>Why the whole file was not imported (empty, unrecognised header, no data rows, unreadable); null when it was.</summary>
    public string? Error { get; private init; }

    /// <summary>
    /// The report of a file a folder import could not import at all: <see cref="Error"/> says why, and is
    /// also its one issue, on line 1 (the header row).
    /// </summary>
    public static ImportReport NotImported(string fileName, string error)
    {
        var report = new ImportReport("not-imported", fileName) { Error = error };
        report._issues.Add(new ImportIssue(1, error));
        return report;
    }

    public void Reject(long lineNumber, string message)
    {
        Rejected++;
        if (_issues.Count < MaxIssuesKept)
        {
            _issues.Add(new ImportIssue(lineNumber, message));
        }
    }

    public override string ToString() => Error is not null
        ? $"{FileName}: NOT IMPORTED: {Error}"
        : $"{Dataset} {FileName}: {RowsRead} rows, {Inserted} new, {Updated} changed, {Unchanged} unchanged, {Rejected} rejected";
}

public sealed record ImportIssue(long LineNumber, string Message);
