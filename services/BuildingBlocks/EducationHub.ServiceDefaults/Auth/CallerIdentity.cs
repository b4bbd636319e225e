using System.Security.Claims;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Who made a call: the partner organisation (the <c>organisation</c> claim), the subject (<c>sub</c>,
/// or <c>client_id</c> for client-credential tokens) and the granted scopes. Read from a token,
/// <see cref="Organisation"/> and <see cref="Subject"/> are never empty: a token lacking either does not
/// identify a caller (the auth interceptor refuses it on every call that needs a scope), because audit
/// entries and custody checks (who asked, who approved) record and compare them.
/// </summary>
public sealed record CallerIdentity(string Organisation, string Subject, IReadOnlySet<string> Scopes)
{
    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>
    /// Reads the identity on a validated principal; null when there is none or when the token does not
    /// name both its organisation and its subject (<see cref="MissingClaim"/> says which).
    /// </summary>
    public static CallerIdentity? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var organisation = NonBlank(principal, PartnerClaims.Organisation);
        var subject = NonBlank(principal, PartnerClaims.Subject) ?? NonBlank(principal, PartnerClaims.ClientId);
        return organisation is null || subject is null
            ? null
            : new CallerIdentity(organisation, subject, PartnerClaims.ReadScopes(principal));
    }

    /// <summary>
    /// Why <paramref name="principal"/> does not identify a caller, naming the missing (or blank) claim,
    /// e.g. <c>"the token has no 'organisation' claim"</c>; null when it has both.
    /// </summary>
    public static string? MissingClaim(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (NonBlank(principal, PartnerClaims.Subject) is null && NonBlank(principal, PartnerClaims.ClientId) is null)
        {
            return $"the token has no '{PartnerClaims.Subject}' (or '{PartnerClaims.ClientId}') claim";
        }

        return NonBlank(principal, PartnerClaims.Organisation) is null ? $"the token has no '{PartnerClaims.Organisation}' claim" : null;
    }

    private static string? NonBlank(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
