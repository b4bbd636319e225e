using EducationHub.Hub.Domain;

namespace EducationHub.Hub.Tests.Domain;

public class RiskMonthTests
{
    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-13", false)]
    [InlineData("26-11", false)]
    [InlineData("2026/11", false)]
    [InlineData("", false)]
    public void Parses_only_YYYY_MM(string text, bool ok) => Assert.Equal(ok, RiskMonth.TryParse(text, out _));

    [Fact]
    public void Month_boundaries_are_London_midnight()
    {
        var july = RiskMonth.Parse("2026-07"); // BST: London midnight is 23:00 UTC the day before
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), july.Start.ToUniversalTime());
        var december = RiskMonth.Parse("2026-12"); // GMT
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), december.Start.ToUniversalTime());
    }

    [Fact]
    public void An_instant_late_on_the_last_evening_of_a_summer_month_belongs_to_the_next_London_month()
    {
        var instant = new DateTimeOffset(2026, 7, 31, 23, 30, 0, TimeSpan.Zero); // 00:30 on 1 August in London
        Assert.Equal(RiskMonth.Parse("2026-08"), RiskMonth.Containing(instant));
    }

    [Fact]
    public void Previous_and_next_cross_the_year() =>
        Assert.Equal(("2025-12", "2026-02"), (RiskMonth.Parse("2026-01").Previous.ToString(), RiskMonth.Parse("2026-01").Next.ToString()));
}
