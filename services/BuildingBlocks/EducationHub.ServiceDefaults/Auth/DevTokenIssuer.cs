using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Issues development tokens signed with the local development key (<see cref="DevSigningKey"/>).
/// Registered in DI only when <c>Auth:DevelopmentTokens=true</c>; <c>ehub token</c> builds one with
/// <see cref="FromOptions"/> over the same configuration and key file.
/// </summary>
public sealed class DevTokenIssuer
{
    /// <summary>Longest lifetime a development token may have: they are for trying things out, not for running.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly SecurityKey _key;

    public DevTokenIssuer(SecurityKey signingKey, string issuer, string audience)
    {
        _key = signingKey;
        Issuer = issuer;
        Audience = audience;
    }

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The development key; the server trusts it for validation.</summary>
    public SecurityKey SigningKey => _key;

    public static DevTokenIssuer FromOptions(AuthOptions options) =>
        new(DevSigningKey.LoadOrCreate(options.DevelopmentKeyPath), options.EffectiveIssuer, options.EffectiveAudience);

    /// <summary>A token for <paramref name="organisation"/> with the given scopes, subject "dev-user", default lifetime.</summary>
    public string Issue(string organisation, params string[] scopes) => Issue(organisation, "dev-user", scopes, DefaultLifetime);

    public string Issue(string organisation, string subject, IEnumerable<string> scopes, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var span = lifetime ?? DefaultLifetime;
        if (span <= TimeSpan.Zero || span > MaximumLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), span, $"A development token lives between 1 second and {MaximumLifetime.TotalDays} days.");
        }

        return TokenFactory.Create(new TokenRequest(Issuer, Audience, organisation, subject, scopes.ToArray(), span), _key);
    }
}
