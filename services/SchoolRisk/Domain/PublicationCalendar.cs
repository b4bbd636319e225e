namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// When a figure became public, which decides what an "as of" assessment may use. DfE publishes
/// key stage results and finance for year Y in December of Y; we fix the day at 15 December so
/// every assessment is reproducible (an as-of date of 1-14 December Y does not yet see year Y).
/// </summary>
public static class PublicationCalendar
{
    public const int Month = 12;
    public const int Day = 15;

    public static DateOnly AnnualReleaseFor(int year) => new(year, Month, Day);
}
