namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// A published month, frozen: the full list as JSON, exactly as computed at publication. Never
/// updated and never recomputed; one per month.
/// </summary>
public sealed class SnapshotRow
{
    public Guid Id { get; set; }
    public string Month { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public string PublishedBySubject { get; set; } = "";
    public string PriorityModelVersion { get; set; } = "";
    public DateTime InputsCutOff { get; set; }
    public int SchoolCount { get; set; }
    public string ListJson { get; set; } = "";
}
