using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Validates partner bearer tokens: signature (configured PEM keys, the issuer's JWKS, and the development
/// key when enabled), issuer, audience, lifetime with a small clock skew, asymmetric algorithms only.
/// </summary>
public sealed class PartnerTokenValidator : IDisposable
{
    // Asymmetric only: a shared-secret (HS*) token could be forged by anyone holding the verification key.
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly AuthOptions _options;
    private readonly IReadOnlyList<SecurityKey> _staticKeys;
    private readonly JwksKeySource? _jwks;
    private readonly HttpMessageHandler? _ownedHandler;

    public PartnerTokenValidator(IOptions<AuthOptions> options, ILogger<PartnerTokenValidator> logger, DevTokenIssuer? developmentIssuer = null, HttpMessageHandler? jwksHandler = null, TimeProvider? time = null)
    {
        _options = options.Value;
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrWhiteSpace(_options.SigningKeyPem))
        {
            keys.AddRange(SigningKeyPem.ReadPublicKeys(_options.SigningKeyPem, "Auth:SigningKeyPem"));
        }

        if (!string.IsNullOrWhiteSpace(_options.SigningKeyPemFile))
        {
            keys.AddRange(SigningKeyPem.ReadPublicKeys(File.ReadAllText(_options.SigningKeyPemFile), "Auth:SigningKeyPemFile"));
        }

        if (developmentIssuer is not null)
        {
            keys.Add(developmentIssuer.SigningKey);
        }

        _staticKeys = keys;
        if (!string.IsNullOrWhiteSpace(_options.JwksUrl))
        {
            _ownedHandler = jwksHandler is null ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } : null;
            _jwks = new JwksKeySource(_options, jwksHandler ?? _ownedHandler!, time ?? TimeProvider.System, logger);
        }

        IsConfigured = (_staticKeys.Count > 0 || _jwks is not null)
            && (developmentIssuer is not null || !string.IsNullOrWhiteSpace(_options.Issuer));
    }

    /// <summary>False when there is nothing to validate against: every token is then refused.</summary>
    public bool IsConfigured { get; }

    public string Issuer => _options.EffectiveIssuer;

    public string Audience => _options.EffectiveAudience;

    public int StaticKeyCount => _staticKeys.Count;

    public bool UsesJwks => _jwks is not null;

    /// <summary>Validates the value of an <c>authorization</c> header (<c>Bearer &lt;jwt&gt;</c>).</summary>
    public async Task<TokenCheck> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!TryReadBearer(authorization, out var token))
        {
            return TokenCheck.Missing();
        }

        if (!IsConfigured)
        {
            return TokenCheck.Invalid(TokenRejection.NoIssuerConfigured, "this server has no token issuer configured");
        }

        string? kid;
        try
        {
            kid = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return TokenCheck.Invalid(TokenRejection.Malformed, "the token is not a well-formed JWT");
        }

        var keys = new List<SecurityKey>(_staticKeys);
        if (_jwks is not null)
        {
            keys.AddRange(await _jwks.GetKeysAsync(kid, cancellationToken));
            if (keys.Count == 0)
            {
                return TokenCheck.Unavailable();
            }
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(keys));
        if (result.IsValid)
        {
            return TokenCheck.Success(new ClaimsPrincipal(result.ClaimsIdentity));
        }

        var (rejection, description) = Describe(result.Exception);
        return TokenCheck.Invalid(rejection, description);
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = _options.EffectiveIssuer,
        ValidAudience = _options.EffectiveAudience,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ClockSkew = _options.ClockSkew,
        NameClaimType = PartnerClaims.Subject,
        AuthenticationType = "Bearer",
    };

    private static bool TryReadBearer(string? authorization, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = authorization["Bearer ".Length..].Trim();
        return token.Length > 0;
    }

    // Descriptions name the failed check only: never the token, its claims or the expected key material.
    private (TokenRejection, string) Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => (TokenRejection.Expired, "the token expired"),
        SecurityTokenNotYetValidException => (TokenRejection.NotYetValid, "the token is not valid yet"),
        SecurityTokenNoExpirationException => (TokenRejection.NoExpiry, "the token has no expiry"),
        SecurityTokenInvalidAudienceException => (TokenRejection.WrongAudience, $"the token audience is not '{_options.EffectiveAudience}'"),
        SecurityTokenInvalidIssuerException => (TokenRejection.UntrustedIssuer, "the token issuer is not trusted"),
        SecurityTokenInvalidAlgorithmException => (TokenRejection.AlgorithmNotAccepted, "the token signing algorithm is not accepted"),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => (TokenRejection.BadSignature, "the token signature is not valid"),
        SecurityTokenMalformedException or ArgumentException => (TokenRejection.Malformed, "the token is not a well-formed JWT"),
        _ => (TokenRejection.Other, "the token is not valid"),
    };

    public void Dispose()
    {
        _jwks?.Dispose();
        _ownedHandler?.Dispose();
    }
}
