namespace EducationHub.ServiceDefaults;

/// <summary>The name given to AddServiceDefaults: telemetry's service.name and the process's name in logs.</summary>
public sealed record ServiceIdentity(string Name);
