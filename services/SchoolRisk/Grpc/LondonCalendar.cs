namespace EducationHub.SchoolRisk.Grpc;

/// <summary>"Today" for as-of defaults is the date in England, not UTC (they differ for an hour each summer night).</summary>
public sealed class LondonCalendar(TimeProvider clock)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);
}
