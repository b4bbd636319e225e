namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// A short-lived reporter session, so the portal need not keep the receipt code between pages.
/// Only the SHA-256 of the random token is stored.
/// </summary>
public sealed class ReporterSession
{
    private ReporterSession()
    {
    }

    public byte[] TokenHash { get; private set; } = [];
    public Guid CaseId { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static ReporterSession Start(byte[] tokenHash, Guid caseId, DateTimeOffset expiresAt) =>
        new() { TokenHash = tokenHash, CaseId = caseId, ExpiresAt = expiresAt };
}
