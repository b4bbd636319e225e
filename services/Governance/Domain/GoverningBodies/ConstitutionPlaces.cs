namespace EducationHub.Governance.Domain.GoverningBodies;

/// <summary>How many places of a category the instrument of government provides.</summary>
public sealed record ConstitutionPlaces(GovernorCategory Category, int Places);
