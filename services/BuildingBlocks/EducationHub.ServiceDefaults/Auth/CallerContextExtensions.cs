using EducationHub.Grpc;

namespace EducationHub.ServiceDefaults.Auth;

public static class CallerContextExtensions
{
    /// <summary>
    /// The authenticated caller of this call. Throws UNAUTHENTICATED when there is none (an
    /// [AllowAnonymousCall] method called without a token): use <see cref="TryGetCaller"/> there.
    /// </summary>
    public static CallerIdentity GetCaller(this ServerCallContext context) =>
        context.TryGetCaller()
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "this call needs a bearer token identifying the caller"));

    /// <summary>The authenticated caller, or null for an anonymous call.</summary>
    public static CallerIdentity? TryGetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserState.TryGetValue(typeof(CallerIdentity), out var cached) && cached is CallerIdentity caller)
        {
            return caller;
        }

        var fromUser = CallerIdentity.FromPrincipal(context.User);
        if (fromUser is not null)
        {
            context.UserState[typeof(CallerIdentity)] = fromUser;
        }

        return fromUser;
    }
}
