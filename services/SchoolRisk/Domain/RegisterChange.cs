namespace EducationHub.SchoolRisk.Domain;

/// <summary>An audit row: what a register import changed about a school, and when.</summary>
public sealed class RegisterChange
{
    public Guid Id { get; set; }
    public int Urn { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public Guid ImportRunId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
