namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Partner token validation; bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Expected <c>iss</c>. Required unless development tokens supply a default.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c> (one of the token's audiences must match).</summary>
    public string? Audience { get; set; }

    /// <summary>Public key(s) as PEM text (RSA or EC, SubjectPublicKeyInfo); several PEM blocks allowed.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Path of a PEM file with the public key(s), for mounting a Kubernetes secret as a file.</summary>
    public string? SigningKeyPemFile { get; set; }

    /// <summary>JWKS document of the token issuer; fetched, cached, refreshed on an unknown kid. https unless loopback.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>How long a fetched JWKS is used before it is fetched again.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Minimum gap between fetches triggered by unknown kids, so bad tokens cannot hammer the issuer.</summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tolerance for clock differences on exp/nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Local development tokens: a signing key generated on first use and kept in
    /// <see cref="DevelopmentKeyPath"/>, trusted for validation and used by <c>ehub token</c>. Refused outside the Development environment and
    /// under any issuer but <see cref="DevelopmentIssuer"/>.
    /// </summary>
    public bool DevelopmentTokens { get; set; }

    /// <summary>Private key file for development tokens (PEM, created with mode 0600).</summary>
    public string DevelopmentKeyPath { get; set; } = Path.Combine("data", "dev-signing-key.pem");

    /// <summary>Issuer used when <see cref="DevelopmentTokens"/> is on and <see cref="Issuer"/> is not set.</summary>
    public const string DevelopmentIssuer = "educationhub-dev";

    /// <summary>Audience used when <see cref="Audience"/> is not set.</summary>
    public const string DefaultAudience = "educationhub";

    internal string EffectiveIssuer => Issuer is { Length: > 0 } issuer ? issuer : DevelopmentIssuer;

    internal string EffectiveAudience => Audience is { Length: > 0 } audience ? audience : DefaultAudience;
}
