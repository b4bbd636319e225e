namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>A clock that never moves, so the list under test and its reference are evaluated at the same instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
