using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Signs partner-shaped access tokens (used by the development issuer and by tests).</summary>
public static class TokenFactory
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Create(TokenRequest request, SecurityKey signingKey)
    {
        var algorithm = signingKey switch
        {
            ECDsaSecurityKey => SecurityAlgorithms.EcdsaSha256,
            JsonWebKey { Kty: "EC" } => SecurityAlgorithms.EcdsaSha256,
            _ => SecurityAlgorithms.RsaSha256,
        };
        var claims = new Dictionary<string, object>
        {
            [PartnerClaims.Subject] = request.Subject,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (!string.IsNullOrEmpty(request.Organisation))
        {
            claims[PartnerClaims.Organisation] = request.Organisation;
        }

        if (request.Scopes.Count > 0)
        {
            claims[PartnerClaims.Scope] = string.Join(' ', request.Scopes);
        }

        var issuedAt = request.IssuedAt ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = request.Issuer,
            Audience = request.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + request.Lifetime,
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
        });
    }
}

/// <summary>What goes into a token made by <see cref="TokenFactory"/>.</summary>
public sealed record TokenRequest(string Issuer, string Audience, string? Organisation, string Subject, IReadOnlyList<string> Scopes, TimeSpan Lifetime)
{
    /// <summary>Defaults to now; set in the past to make an expired token.</summary>
    public DateTime? IssuedAt { get; init; }
}
