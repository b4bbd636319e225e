namespace EducationHub.Governance.Application;

/// <summary>A referenced record does not exist (→ NOT_FOUND).</summary>
public sealed class NotFoundException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was not found.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}

/// <summary>The record already exists (→ ALREADY_EXISTS).</summary>
public sealed class AlreadyExistsException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' already exists.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}
