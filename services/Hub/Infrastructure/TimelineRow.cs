namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A timeline entry as stored. Instants are Unix milliseconds (UTC) so both SQLite and
/// PostgreSQL can compare and order them in SQL.
/// </summary>
public sealed class TimelineRow
{
    public Guid EventId { get; set; }
    public int Urn { get; set; }
    public int Kind { get; set; }
    public long OccurredAtMs { get; set; }
    /// <summary>When the hub received the event: a published list's inputs cut-off is in this clock.</summary>
    public long ReceivedAtMs { get; set; }
    public string Producer { get; set; } = "";
    public Guid? SourceId { get; set; }
    public Guid? RelatedId { get; set; }
    public string? Category { get; set; }
    public string? Level { get; set; }
    public string? Detail { get; set; }
    public string? Organisation { get; set; }
    public int? Score { get; set; }
    public DateOnly? Date { get; set; }
    public string? ModelVersion { get; set; }
    public string? ReasonsJson { get; set; }
    public string? RelatedIdsJson { get; set; }
    public bool Flag { get; set; }
}
