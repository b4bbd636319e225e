using EducationHub.Whistleblowing.Application;
using NodaTime;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// Registers <see cref="DemoClock"/> as every clock the modules ask for: the shared
/// <see cref="TimeProvider"/> (SchoolRisk, Hub), NodaTime's <see cref="IClock"/> (Governance,
/// Complaints) and <see cref="WhistleblowingClock"/>. The modules register the system clocks only
/// when none is registered, so this must run before <c>AddSchoolRisk()</c> and the others.
/// </summary>
public static class DemoClockRegistration
{
    public static WebApplicationBuilder AddDemoClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoClock>();
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        builder.Services.AddSingleton<IClock>(sp => new NodaClock(sp.GetRequiredService<DemoClock>()));
        builder.Services.AddSingleton<WhistleblowingClock>(sp => new ReplayedWhistleblowingClock(sp.GetRequiredService<DemoClock>()));
        return builder;
    }

    private sealed class NodaClock(DemoClock clock) : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(clock.GetUtcNow());
    }

    private sealed class ReplayedWhistleblowingClock(DemoClock clock) : WhistleblowingClock
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    }
}
