namespace EducationHub.Hub.Application;

/// <summary>Application-level refusals, mapped to gRPC statuses (and HTTP codes on the dashboard) by the callers.</summary>
public sealed class HubNotFoundException(string resource, string message) : Exception(message)
{
    public string Resource { get; } = resource;
}

public sealed class HubConflictException(string message, IReadOnlyList<string>? allowed = null) : Exception(message)
{
    public IReadOnlyList<string> Allowed { get; } = allowed ?? [];
}
