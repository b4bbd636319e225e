using System.Security.Claims;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>The outcome of validating a bearer token.</summary>
public sealed record TokenCheck
{
    private TokenCheck(ClaimsPrincipal? principal, string? challenge, bool keysUnavailable)
    {
        Principal = principal;
        Challenge = challenge;
        KeysUnavailable = keysUnavailable;
    }

    /// <summary>The authenticated user; null when the token was missing or rejected.</summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>
    /// Why the token was refused, in the form of an RFC 6750 <c>WWW-Authenticate</c> value
    /// (<c>Bearer error="invalid_token", error_description="the token expired"</c>). Never echoes the token.
    /// </summary>
    public string? Challenge { get; }

    /// <summary>The token could not be checked because the issuer's keys cannot be fetched (a server-side problem).</summary>
    public bool KeysUnavailable { get; }

    public bool Succeeded => Principal is not null;

    public static TokenCheck Success(ClaimsPrincipal principal) => new(principal, null, false);

    public static TokenCheck Missing() => new(null, "Bearer realm=\"educationhub\", error_description=\"missing bearer token: send 'authorization: Bearer <token>'\"", false);

    public static TokenCheck Invalid(string description) =>
        new(null, $"Bearer realm=\"educationhub\", error=\"invalid_token\", error_description=\"{description}\"", false);

    public static TokenCheck Unavailable() =>
        new(null, "Bearer realm=\"educationhub\", error_description=\"token signing keys are unavailable right now\"", true);
}
