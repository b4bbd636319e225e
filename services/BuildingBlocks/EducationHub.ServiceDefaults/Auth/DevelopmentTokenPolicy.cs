using Microsoft.Extensions.Hosting;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// When a host may trust (and issue) development tokens: only on a developer's machine, i.e. in the
/// Development environment (the one-command AllInOne run defaults to it), and only under the development
/// issuer. Anyone who can read the local key could otherwise act as any partner organisation, and under a
/// real issuer's name their tokens would look like the identity provider's.
/// </summary>
internal static class DevelopmentTokenPolicy
{
    /// <summary>Why this configuration must not start, or null when it may.</summary>
    public static string? Refusal(AuthOptions options, IHostEnvironment environment)
    {
        if (!options.DevelopmentTokens)
        {
            return null;
        }

        if (!environment.IsDevelopment())
        {
            return $"Auth:DevelopmentTokens=true is allowed only when ASPNETCORE_ENVIRONMENT=Development, and this host runs as '{environment.EnvironmentName}': "
                + "anyone who can read the local development key could act as any partner organisation. "
                + "Configure Auth:Issuer with Auth:JwksUrl or Auth:SigningKeyPem instead.";
        }

        if (options.Issuer is { Length: > 0 } issuer && !string.Equals(issuer, AuthOptions.DevelopmentIssuer, StringComparison.Ordinal))
        {
            return $"Auth:DevelopmentTokens=true cannot be combined with Auth:Issuer='{issuer}': development tokens would be issued in that issuer's name "
                + $"and the local key trusted for it. Remove Auth:Issuer (development tokens use '{AuthOptions.DevelopmentIssuer}') or turn development tokens off.";
        }

        return null;
    }
}
