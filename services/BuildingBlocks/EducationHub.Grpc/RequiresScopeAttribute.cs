namespace EducationHub.Grpc;

/// <summary>
/// The caller's token must carry this scope. Repeat the attribute to require several. On a class
/// it applies to every method without its own attribute. Enforced by the auth interceptor.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
