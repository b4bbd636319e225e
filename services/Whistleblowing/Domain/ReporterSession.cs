namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// A short-lived reporter session, so the portal need not keep the receipt code between pages.
/// Only the SHA-256 of the random token is stored. It ends after a period without use
/// (<see cref="ExpiresAt"/>, moved on by every use) and in any case at <see cref="EndsAt"/>.
/// </summary>
public sealed class ReporterSession
{
    private ReporterSession()
    {
    }

    public byte[] TokenHash { get; private set; } = [];
    public Guid CaseId { get; private set; }
    /// <summary>When the session ends unless used before then (never after <see cref="EndsAt"/>).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    /// <summary>The absolute end, however often the session is used.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public static ReporterSession Start(byte[] tokenHash, Guid caseId, DateTimeOffset now, TimeSpan idleTimeout, TimeSpan maximumLifetime)
    {
        var endsAt = now + maximumLifetime;
        return new() { TokenHash = tokenHash, CaseId = caseId, EndsAt = endsAt, ExpiresAt = Min(now + idleTimeout, endsAt) };
    }

    public bool IsActiveAt(DateTimeOffset now) => now < ExpiresAt && now < EndsAt;

    /// <summary>The idle expiry this session should have after a use at <paramref name="now"/>.</summary>
    public DateTimeOffset ExtendedExpiry(DateTimeOffset now, TimeSpan idleTimeout) => Min(now + idleTimeout, EndsAt);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
