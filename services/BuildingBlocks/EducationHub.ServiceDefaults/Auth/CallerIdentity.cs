using System.Security.Claims;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Who made a call: the partner organisation (the <c>organisation</c> claim), the subject (<c>sub</c>,
/// or <c>client_id</c> for client-credential tokens) and the granted scopes.
/// <see cref="Organisation"/> is never empty on a call that needed a write scope: the auth interceptor rejects
/// such calls first. It may be empty on read-only calls.
/// </summary>
public sealed record CallerIdentity(string Organisation, string Subject, IReadOnlySet<string> Scopes)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>Reads the identity the auth interceptor put on the call's user.</summary>
    public static CallerIdentity? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var organisation = principal.FindFirst(PartnerClaims.Organisation)?.Value ?? string.Empty;
        var subject = principal.FindFirst(PartnerClaims.Subject)?.Value
            ?? principal.FindFirst(PartnerClaims.ClientId)?.Value
            ?? string.Empty;
        return new CallerIdentity(organisation, subject, PartnerClaims.ReadScopes(principal));
    }
}
