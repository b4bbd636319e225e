using System.Security.Claims;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Which check a refused bearer token failed, for callers that word the refusal themselves (the dashboard's sign-in).</summary>
public enum TokenRejection
{
    None,
    Missing,
    NoIssuerConfigured,
    Malformed,
    Expired,
    NotYetValid,
    NoExpiry,
    WrongAudience,
    UntrustedIssuer,
    AlgorithmNotAccepted,
    BadSignature,
    KeysUnavailable,
    Other,
}

/// <summary>The outcome of validating a bearer token.</summary>
public sealed record TokenCheck
{
    private TokenCheck(ClaimsPrincipal? principal, string? challenge, TokenRejection rejection)
    {
        Principal = principal;
        Challenge = challenge;
        Rejection = rejection;
    }

    /// <summary>The authenticated user; null when the token was missing or rejected.</summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>
    /// Why the token was refused, in the form of an RFC 6750 <c>WWW-Authenticate</c> value
    /// (<c>Bearer error="invalid_token", error_description="the token expired"</c>). Never echoes the token.
    /// </summary>
    public string? Challenge { get; }

    /// <summary>The check the token failed; <see cref="TokenRejection.None"/> when it passed.</summary>
    public TokenRejection Rejection { get; }

    /// <summary>The token could not be checked because the issuer's keys cannot be fetched (a server-side problem).</summary>
    public bool KeysUnavailable => Rejection == TokenRejection.KeysUnavailable;

    public bool Succeeded => Principal is not null;

    public static TokenCheck Success(ClaimsPrincipal principal) => new(principal, null, TokenRejection.None);

    public static TokenCheck Missing() => new(null, "Bearer realm=\"educationhub\", error_description=\"missing bearer token: send 'authorization: Bearer <token>'\"", TokenRejection.Missing);

    public static TokenCheck Invalid(TokenRejection rejection, string description) =>
        new(null, $"Bearer realm=\"educationhub\", error=\"invalid_token\", error_description=\"{description}\"", rejection);

    public static TokenCheck Unavailable() =>
        new(null, "Bearer realm=\"educationhub\", error_description=\"token signing keys are unavailable right now\"", TokenRejection.KeysUnavailable);
}
