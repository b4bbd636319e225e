using EducationHub.Grpc;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Authenticates every gRPC call with its bearer token and authorises it by the scopes the method
/// declares (<see cref="RequiresScopeAttribute"/>):
/// missing or invalid token → UNAUTHENTICATED (message = the WWW-Authenticate challenge, also sent as the
/// <c>www-authenticate</c> trailer); a missing scope → PERMISSION_DENIED naming it; a token without a
/// non-empty <c>organisation</c> and <c>sub</c> (or <c>client_id</c>) → PERMISSION_DENIED, on reads as on
/// writes, so no call is audited as nobody. [AllowAnonymousCall] methods run without a token; a valid token
/// that names both still identifies the caller there, any other is ignored.
/// </summary>
public sealed class PartnerAuthInterceptor(PartnerTokenValidator validator, ILogger<PartnerAuthInterceptor> logger) : IGrpcInterceptor
{
    public async Task InvokeAsync(GrpcCall call, Func<Task> next)
    {
        var method = call.Method;
        var authorization = call.HttpContext.Request.Headers.Authorization.ToString();
        if (method.AllowAnonymous)
        {
            if (authorization.Length > 0)
            {
                var optional = await validator.ValidateAsync(authorization, call.Context.CancellationToken);
                // A token that names no organisation or subject leaves the call anonymous rather than half-identified.
                if (optional.Principal is { } principal && CallerIdentity.FromPrincipal(principal) is not null)
                {
                    call.HttpContext.User = principal;
                }
            }

            await next();
            return;
        }

        var check = await validator.ValidateAsync(authorization, call.Context.CancellationToken);
        if (check.Principal is null)
        {
            AuthLog.Rejected(logger, method.FullName, check.Challenge!);
            var trailers = new Metadata { { "www-authenticate", check.Challenge! } };
            var code = check.KeysUnavailable ? StatusCode.Unavailable : StatusCode.Unauthenticated;
            throw new RpcException(new Status(code, check.Challenge!), trailers);
        }

        // Read once per call: the identity carries the scopes; only a token that names nobody needs them read apart.
        var caller = CallerIdentity.FromPrincipal(check.Principal);
        var scopes = caller?.Scopes ?? PartnerClaims.ReadScopes(check.Principal);
        foreach (var scope in method.RequiredScopes)
        {
            if (!scopes.Contains(scope))
            {
                var reason = $"this call needs the scope '{scope}', which the token does not grant";
                AuthLog.Rejected(logger, method.FullName, reason);
                throw new RpcException(new Status(StatusCode.PermissionDenied, reason));
            }
        }

        // PERMISSION_DENIED, not UNAUTHENTICATED: the token is genuine, and fetching a new one from the same
        // identity provider registration would not add the claim (see docs/auth.md).
        if (caller is null)
        {
            var reason = CallerIdentity.MissingClaim(check.Principal) + ": every call that needs a scope must name the calling organisation and subject";
            AuthLog.Rejected(logger, method.FullName, reason);
            throw new RpcException(new Status(StatusCode.PermissionDenied, reason));
        }

        call.HttpContext.User = check.Principal;
        call.Context.UserState[typeof(CallerIdentity)] = caller;
        await next();
    }
}
