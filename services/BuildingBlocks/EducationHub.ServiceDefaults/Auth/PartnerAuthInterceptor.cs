using EducationHub.Grpc;
using Microsoft.Extensions.Logging;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// Authenticates every gRPC call with its bearer token and authorises it by the scopes the method
/// declares (<see cref="RequiresScopeAttribute"/>):
/// missing or invalid token → UNAUTHENTICATED (message = the WWW-Authenticate challenge, also sent as the
/// <c>www-authenticate</c> trailer); a missing scope → PERMISSION_DENIED naming it; a write (any scope that is
/// not "*.read") without an <c>organisation</c> claim → PERMISSION_DENIED. [AllowAnonymousCall] methods run
/// without a token; a valid token on them still identifies the caller.
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
                if (optional.Principal is { } principal)
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

        call.HttpContext.User = check.Principal;
        var caller = CallerIdentity.FromPrincipal(check.Principal)!;
        foreach (var scope in method.RequiredScopes)
        {
            if (!caller.HasScope(scope))
            {
                var reason = $"this call needs the scope '{scope}', which the token does not grant";
                AuthLog.Rejected(logger, method.FullName, reason);
                throw new RpcException(new Status(StatusCode.PermissionDenied, reason));
            }
        }

        if (caller.Organisation.Length == 0 && IsWrite(method))
        {
            const string reason = "the token has no 'organisation' claim: calls that change data must name the calling organisation";
            AuthLog.Rejected(logger, method.FullName, reason);
            throw new RpcException(new Status(StatusCode.PermissionDenied, reason));
        }

        call.Context.UserState[typeof(CallerIdentity)] = caller;
        await next();
    }

    /// <summary>Every scope except "*.read" ones grants a change (write, admin, intake, approve, publish).</summary>
    public static bool IsWrite(GrpcMethodInfo method) =>
        method.RequiredScopes.Any(scope => !scope.EndsWith(".read", StringComparison.Ordinal));
}
