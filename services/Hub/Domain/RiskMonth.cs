using System.Globalization;
using NodaTime;

namespace EducationHub.Hub.Domain;

/// <summary>
/// A calendar month of the Education Improvement Group, in Europe/London: the group meets
/// monthly and its members think in local months, so "November" must not shift by an hour at
/// the clock change.
/// </summary>
public readonly record struct RiskMonth(int Year, int Month) : IComparable<RiskMonth>
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static bool TryParse(string? text, out RiskMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 2000 || y > 2100 || m < 1 || m > 12) return false;
        month = new RiskMonth(y, m);
        return true;
    }

    public static RiskMonth Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month (YYYY-MM).");

    /// <summary>The London month containing an instant.</summary>
    public static RiskMonth Containing(DateTimeOffset instant)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(London).Date;
        return new RiskMonth(local.Year, local.Month);
    }

    public RiskMonth Previous => Month == 1 ? new RiskMonth(Year - 1, 12) : new RiskMonth(Year, Month - 1);
    public RiskMonth Next => Month == 12 ? new RiskMonth(Year + 1, 1) : new RiskMonth(Year, Month + 1);

    /// <summary>Midnight London time on the first day of the month.</summary>
    public DateTimeOffset Start => StartOf(Year, Month);

    /// <summary>Midnight London time on the first day of the next month (exclusive end).</summary>
    public DateTimeOffset End => Next.Start;

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>
    /// The instant a month's list is evaluated at: the end of the month, or now while the month
    /// is still running (a draft of the current month shows today's picture).
    /// </summary>
    public DateTimeOffset EvaluationInstant(DateTimeOffset now) => End <= now ? End.AddTicks(-1) : now;

    public int CompareTo(RiskMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(RiskMonth a, RiskMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(RiskMonth a, RiskMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(RiskMonth a, RiskMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(RiskMonth a, RiskMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>"November 2026", for people.</summary>
    public string DisplayName => FirstDay.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static DateTimeOffset StartOf(int year, int month) =>
        new LocalDate(year, month, 1).AtStartOfDayInZone(London).ToDateTimeOffset();
}
