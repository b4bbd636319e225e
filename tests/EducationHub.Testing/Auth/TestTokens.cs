using System.Security.Cryptography;
using System.Text.Json;
using EducationHub.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.Testing.Auth;

/// <summary>
/// Tokens for tests, signed by a key made once per test process. <see cref="Hosting.TestServiceHost"/>
/// configures every host to trust it (<see cref="Issuer"/>, <see cref="Audience"/>, <see cref="PublicKeyPem"/>),
/// so <c>TestTokens.Issue("ofsted", "governance.read")</c> works against any test host.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.test.educationhub.invalid";
    public const string Audience = "educationhub";

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly Lazy<ECDsaSecurityKey> SigningKeyLazy = new(() =>
        new ECDsaSecurityKey(Key) { KeyId = SigningKeyPem.KeyIdFor(Key.ExportSubjectPublicKeyInfo()) });

    /// <summary>The test signing key (private); tokens from any other key fail signature checks.</summary>
    public static ECDsaSecurityKey SigningKey => SigningKeyLazy.Value;

    /// <summary>The public half, as a host's <c>Auth:SigningKeyPem</c>.</summary>
    public static string PublicKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A valid token for <paramref name="organisation"/> with <paramref name="scopes"/>, one hour long.</summary>
    public static string Issue(string organisation, params string[] scopes) => Sign(Request(organisation, scopes));

    /// <summary>The request behind <see cref="Issue"/>, to vary with <c>with { ... }</c> (expired, other audience...).</summary>
    public static TokenRequest Request(string? organisation, params string[] scopes) =>
        new(Issuer, Audience, organisation, "test-user", scopes, TimeSpan.FromHours(1));

    /// <summary>Signs <paramref name="request"/> with the test key, or with <paramref name="key"/> (e.g. <see cref="NewKey"/>).</summary>
    public static string Sign(TokenRequest request, SecurityKey? key = null) => TokenFactory.Create(request, key ?? SigningKey);

    /// <summary>A token that expired an hour ago (well beyond any clock skew).</summary>
    public static string Expired(string organisation, params string[] scopes) =>
        Sign(Request(organisation, scopes) with { IssuedAt = DateTime.UtcNow.AddHours(-2) });

    /// <summary>A fresh EC P-256 key, for "signed by someone else" and key-rotation tests.</summary>
    public static ECDsaSecurityKey NewKey(string? keyId = null)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new ECDsaSecurityKey(ec) { KeyId = keyId ?? SigningKeyPem.KeyIdFor(ec.ExportSubjectPublicKeyInfo()) };
    }

    /// <summary>A JWKS document (RFC 7517) publishing the public halves of <paramref name="keys"/>.</summary>
    public static string Jwks(params ECDsaSecurityKey[] keys)
    {
        var entries = keys.Select(key =>
        {
            var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["use"] = "sig",
                ["alg"] = "ES256",
                ["kid"] = key.KeyId,
                ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
                ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
            };
        });
        return JsonSerializer.Serialize(new { keys = entries });
    }

    /// <summary>The settings that make a host trust these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeyPem"] = PublicKeyPem,
    };
}
