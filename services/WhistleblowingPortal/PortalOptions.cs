namespace EducationHub.WhistleblowingPortal;

/// <summary>Configuration section "Portal" (environment: Portal__WhistleblowingGrpcUrl=...).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where the pages live; keeps the portal apart from other modules in a shared host.</summary>
    public string PathBase { get; set; } = "/report";

    /// <summary>The Whistleblowing service's gRPC endpoint.</summary>
    public string WhistleblowingGrpcUrl { get; set; } = "http://127.0.0.1:5101";

    /// <summary>The portal's bearer token (scope whistleblowing.intake). A host may instead register an IPortalServiceToken.</summary>
    public string? ServiceToken { get; set; }

    /// <summary>Shown in the header and page titles.</summary>
    public string ServiceName { get; set; } = "Report a concern about a school";

    public string CouncilName { get; set; } = "Your local council";

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Where the keys protecting the form (wb-form) and session (wb-session) cookies come from.</summary>
    public PortalDataProtectionOptions DataProtection { get; set; } = new();
}

/// <summary>
/// Section "Portal:DataProtection". Unset: each process has its own keys (in memory in a container),
/// so a form or session from one replica fails on another. Set: every replica reads the same key ring.
/// </summary>
public sealed class PortalDataProtectionOptions
{
    /// <summary>
    /// A directory holding a key ring made by <c>create-key-ring</c> (in Kubernetes: the read-only mounted
    /// Secret educationhub-portal-key-ring). The portal only reads it: it never generates or writes keys.
    /// </summary>
    public string? KeyRingDirectory { get; set; }
}

/// <summary>
/// Per-client limits are keyed by a keyed hash of the connection address held only in memory
/// (see Security/ClientKey.cs); the global limits cap the whole portal whatever the address.
/// </summary>
public sealed class RateLimitOptions
{
    public int SubmissionsPerClientPerHour { get; set; } = 6;
    public int SubmissionsPerMinuteGlobal { get; set; } = 60;
    public int LoginsPerClientPerHour { get; set; } = 20;
    public int LoginsPerMinuteGlobal { get; set; } = 120;
    /// <summary>Added to every failed receipt-code login before the answer (slow-down).</summary>
    public TimeSpan FailedLoginDelay { get; set; } = TimeSpan.FromSeconds(1);
}
