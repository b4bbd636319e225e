using System.Security.Claims;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Dashboard;

/// <summary>Why a pasted token does not sign a member in, in words a member can act on.</summary>
internal enum SignInProblem
{
    Empty,
    NotAToken,
    Expired,
    NotYetValid,
    NotForThisService,
    NoPermission,
    NoIdentity,
    NotAccepted,
    CannotCheck,
}

/// <summary>
/// Classifies the outcome of the service's own token check (<see cref="PartnerTokenValidator"/>, the same one the
/// gRPC interceptor and <see cref="DashboardAuth"/> use) for the sign-in page, by the check the token failed
/// (<see cref="TokenCheck.Rejection"/>; DashboardSignInTokenTests pins each outcome).
/// </summary>
internal static class SignInProblems
{
    /// <summary>The problem with a checked token; null when it passed the check (scope and identity are separate).</summary>
    public static SignInProblem? FromCheck(TokenCheck? check) => check?.Rejection switch
    {
        null or TokenRejection.KeysUnavailable or TokenRejection.NoIssuerConfigured => SignInProblem.CannotCheck,
        TokenRejection.None => null,
        TokenRejection.Missing => SignInProblem.Empty,
        TokenRejection.Expired => SignInProblem.Expired,
        TokenRejection.NotYetValid => SignInProblem.NotYetValid,
        TokenRejection.Malformed => SignInProblem.NotAToken,
        TokenRejection.WrongAudience or TokenRejection.UntrustedIssuer or TokenRejection.BadSignature or TokenRejection.AlgorithmNotAccepted
            => SignInProblem.NotForThisService,
        _ => SignInProblem.NotAccepted,
    };

    /// <summary>The problem with a token that passed the check: it must name its organisation and subject and grant the read scope.</summary>
    public static SignInProblem? FromPrincipal(ClaimsPrincipal principal)
    {
        var viewer = CallerIdentity.FromPrincipal(principal);
        if (viewer is null) return SignInProblem.NoIdentity;
        return viewer.HasScope(DashboardAuth.Scope) ? null : SignInProblem.NoPermission;
    }

    /// <summary>The error message shown next to the token field (GOV.UK style: what is wrong and what to do).</summary>
    public static string Message(SignInProblem problem) => problem switch
    {
        SignInProblem.Empty => "Enter your token",
        SignInProblem.NotAToken => "What you entered is not a token. Paste the whole token, with nothing added",
        SignInProblem.Expired => "Your token has expired. Get a new token and sign in again",
        SignInProblem.NotYetValid => "Your token is not valid yet. Check the clock of the system that issued it, or get a new token",
        SignInProblem.NotForThisService => "This token is not for this service. Use a token issued for EducationHub",
        SignInProblem.NoPermission => $"This token does not give permission to read the risk list. Ask for a token with the {DashboardAuth.Scope} scope",
        SignInProblem.NoIdentity => "This token does not say who you are. Ask for a token that names your organisation and you",
        SignInProblem.CannotCheck => "Your token cannot be checked at the moment. Try again in a few minutes",
        _ => "This token cannot be used to sign in. Get a new token and sign in again",
    };

    /// <summary>The status of the re-shown form: 400 nothing usable entered, 401 the token is refused, 403 it is genuine but may not read the list, 503 it could not be checked.</summary>
    public static int Status(SignInProblem problem) => problem switch
    {
        SignInProblem.Empty or SignInProblem.NotAToken => StatusCodes.Status400BadRequest,
        SignInProblem.NoPermission or SignInProblem.NoIdentity => StatusCodes.Status403Forbidden,
        SignInProblem.CannotCheck => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status401Unauthorized,
    };
}
