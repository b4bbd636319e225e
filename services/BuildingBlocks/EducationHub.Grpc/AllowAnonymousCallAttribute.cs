namespace EducationHub.Grpc;

/// <summary>The method may be called without credentials (health, public intake, tests).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousCallAttribute : Attribute;
