using System.Security.Claims;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Claim names in partner tokens (JWT names, not mapped to the long .NET ClaimTypes URIs).</summary>
public static class PartnerClaims
{
    public const string Organisation = "organisation";
    public const string Subject = "sub";
    public const string ClientId = "client_id";

    /// <summary>OAuth 2.0 scope claim: one space-separated string (RFC 8693 / RFC 9068).</summary>
    public const string Scope = "scope";

    /// <summary>Azure AD style scope claim, a string or an array.</summary>
    public const string Scp = "scp";

    /// <summary>Every scope from <c>scope</c> and <c>scp</c>, whether sent as a string or as a JSON array.</summary>
    public static IReadOnlySet<string> ReadScopes(ClaimsPrincipal principal)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.Claims)
        {
            if (claim.Type is Scope or Scp)
            {
                foreach (var scope in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    scopes.Add(scope);
                }
            }
        }

        return scopes;
    }
}
