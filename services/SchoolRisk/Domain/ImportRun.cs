namespace EducationHub.SchoolRisk.Domain;

/// <summary>One import of one file: who asked, what it was, what happened (kept for audit and troubleshooting).</summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }
    public string Dataset { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Organisation { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int RowsRead { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
}
