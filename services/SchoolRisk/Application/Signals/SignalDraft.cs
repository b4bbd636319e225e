using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Signals;

/// <summary>A validated signal as a partner submitted it (the gRPC layer has checked every field).</summary>
public sealed record SignalDraft(int Urn, SignalKind Kind, ConcernLevel ConcernLevel, DateOnly ObservedOn, string Summary, string? Outcome, string Author);

/// <summary>A validated correction of an existing signal.</summary>
public sealed record SignalCorrection(Guid SignalId, ConcernLevel ConcernLevel, DateOnly ObservedOn, string Summary, string? Outcome, string Author, string Reason);
