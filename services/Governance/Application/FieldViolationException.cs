namespace EducationHub.Governance.Application;

/// <summary>An input is wrong in a way only the application can tell (e.g. a date in the future) → INVALID_ARGUMENT on that field.</summary>
public sealed class FieldViolationException(string field, string description) : Exception($"{field}: {description}")
{
    public string Field { get; } = field;
    public string Description { get; } = description;
}
