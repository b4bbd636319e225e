using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Governance.Application;

/// <summary>The calling organisation as the application layer sees it (from the token, via the gRPC layer).</summary>
public sealed record Caller(string Organisation, string Subject)
{
    public static Caller From(CallerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new Caller(identity.Organisation, identity.Subject);
    }
}
