namespace EducationHub.SchoolRisk.Domain;

/// <summary>One field of a school that a newer extract changed.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
