namespace EducationHub.Whistleblowing.Application;

/// <summary>A case handler or custodian as known from their token (subject and organisation).</summary>
public sealed record Actor(string Subject, string Organisation);
