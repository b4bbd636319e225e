namespace EducationHub.AllInOne.Demo;

/// <summary>
/// One thing that happened in the demo year, replayed at <see cref="At"/> through a module's own
/// application services (resolved from a fresh scope, as a gRPC call would get them).
/// </summary>
internal sealed record DemoStep(DateTimeOffset At, string What, Func<IServiceProvider, CancellationToken, Task> Run);

/// <summary>An id that a later step needs from an earlier one (a complaint, a notice, a case).</summary>
internal sealed class DemoRef
{
    public Guid Id { get; set; }
}
