namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// Triage recorded without a URN for a case that has none (the reporter was not sure of the school).
/// The triage event would carry no school, and the Hub places nothing without one on the risk list, so the
/// concern would never reach the Education Improvement Group. The gRPC layer turns it into INVALID_ARGUMENT on <c>urn</c>.
/// </summary>
public sealed class TriageNeedsSchoolException()
    : Exception("is required: the reporter did not give the school's URN, so triage must confirm it (a concern that is not about one school is closed or referred from triage instead)");
