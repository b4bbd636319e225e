using System.Globalization;
using System.Text;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// The hard data SchoolRisk would have imported for the demo authority, as the open-data files
/// its importers read (Ofsted inspections, KS2, KS4, finance), each row dated by when it became
/// public: results and finance for year Y on 15 December of Y (SchoolRisk's publication rule),
/// inspections on the inspection day. Mostly Good and recently inspected, as in England; the
/// troubled schools carry the weak results, deficits and poor or stale judgements that the risk
/// model picks up. Deterministic for a seed.
/// </summary>
internal sealed class DemoIndicators
{
    public sealed record Row(DateOnly PublishedOn, string File, string Line);

    public const string InspectionsFile = "ofsted-inspections.csv";
    public const string Ks2File = "ks2.csv";
    public const string Ks4File = "ks4.csv";
    public const string FinanceFile = "finance.csv";

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        [InspectionsFile] = "URN,Inspection Date,Rating,Safeguarding",
        [Ks2File] = "URN,Academic Year,KS2 Pupils,Reading Progress,Writing Progress,Maths Progress,Overall Meet Std",
        [Ks4File] = "URN,Academic Year,KS4 Pupils,Progress 8,Attainment 8,P8 Desc",
        [FinanceFile] = "URN,Academic Year,Income,Expenditure,Balance",
    };

    private readonly Random _rng;
    private readonly List<Row> _rows = [];

    public DemoIndicators(IEnumerable<DemoSchool> schools, DateOnly yearStart, DateOnly today, int seed = 1870)
    {
        _rng = new Random(seed);
        foreach (var school in schools)
        {
            Inspections(school, yearStart, today);
            Results(school, today);
            Finance(school, today);
        }
    }

    public IReadOnlyList<Row> Rows => _rows;

    /// <summary>The rows that became public in (after, upTo], grouped into files with their header.</summary>
    public IEnumerable<(string File, byte[] Content)> Published(DateOnly? after, DateOnly upTo)
    {
        foreach (var group in _rows.Where(r => (after is null || r.PublishedOn > after) && r.PublishedOn <= upTo).GroupBy(r => r.File))
        {
            var text = new StringBuilder(Headers[group.Key]).Append('\n');
            foreach (var row in group) text.Append(row.Line).Append('\n');
            yield return (group.Key, Encoding.UTF8.GetBytes(text.ToString()));
        }
    }

    private void Add(DateOnly publishedOn, string file, FormattableString line) =>
        _rows.Add(new Row(publishedOn, file, FormattableString.Invariant(line)));

    private void Inspections(DemoSchool s, DateOnly yearStart, DateOnly today)
    {
        // Grade mix and age of the last judgement by how the school is doing. A Good or Outstanding
        // judgement more than about four years old is what the model flags, so only a handful are.
        var roll = _rng.NextDouble();
        var (grade, ageYears) = s.Trouble switch
        {
            0 => roll < 0.17 ? ("Outstanding", _rng.NextDouble() < 0.12 ? 4.2 + _rng.NextDouble() * 2 : 0.5 + _rng.NextDouble() * 3)
                : roll < 0.93 ? ("Good", 0.3 + _rng.NextDouble() * 4.4)
                : ("Requires improvement", 0.3 + _rng.NextDouble() * 2),
            1 => roll < 0.45 ? ("Requires improvement", 0.5 + _rng.NextDouble() * 2) : ("Good", 2.5 + _rng.NextDouble() * 3),
            2 => roll < 0.5 ? ("Requires improvement", 0.5 + _rng.NextDouble() * 2.5) : roll < 0.8 ? ("Good", 4 + _rng.NextDouble() * 2) : ("Inadequate", 0.5 + _rng.NextDouble()),
            _ => roll < 0.4 ? ("Inadequate", 0.3 + _rng.NextDouble() * 1.5) : roll < 0.8 ? ("Requires improvement", 1 + _rng.NextDouble() * 2) : ("Good", 4 + _rng.NextDouble() * 2),
        };
        var last = today.AddDays(-(int)(ageYears * 365));
        var safeguarding = s.Trouble == 3 && grade == "Inadequate" && _rng.Next(3) == 0 ? "Not met" : "Met";
        // The judgement before the last one, so the history has depth.
        Add(last.AddYears(-4), InspectionsFile, $"{s.Urn},{last.AddYears(-4):dd-MM-yyyy},{(grade == "Outstanding" ? "Outstanding" : "Good")},Met");
        Add(last, InspectionsFile, $"{s.Urn},{last:dd-MM-yyyy},{grade},{safeguarding}");
        if (last < yearStart && s.Trouble == 0 && grade == "Good" && ageYears > 4.0 && _rng.Next(2) == 0)
        {
            // Re-inspected during the demo year: the stale flag clears, which shows as movement.
            var again = yearStart.AddDays(_rng.Next(30, Math.Max(31, today.DayNumber - yearStart.DayNumber - 10)));
            Add(again, InspectionsFile, $"{s.Urn},{again:dd-MM-yyyy},Good,Met");
        }
    }

    private void Results(DemoSchool s, DateOnly today)
    {
        var latestYear = today >= new DateOnly(today.Year, 12, 15) ? today.Year : today.Year - 1;
        var (mean, trend) = s.Trouble switch { 0 => (0.3, 0.0), 1 => (-0.8, -0.2), 2 => (-1.4, -0.5), _ => (-1.9, -0.7) };
        var baseline = mean + (_rng.NextDouble() - 0.5) * 1.6;
        for (var year = latestYear - 2; year <= latestYear; year++)
        {
            var published = new DateOnly(year, 12, 15);
            var progress = baseline + trend * (year - latestYear + 2) + (_rng.NextDouble() - 0.5) * 0.8;
            if (s.Phase == "Primary")
            {
                var pupils = _rng.Next(18, 60);
                double P() => Math.Round(progress + (_rng.NextDouble() - 0.5) * 0.6, 1);
                var meeting = Math.Clamp(Math.Round(60 + progress * 6 + (_rng.NextDouble() - 0.5) * 8), 15, 95);
                Add(published, Ks2File, $"{s.Urn},{year},{pupils},{P()},{P()},{P()},{meeting}%");
            }
            else if (s.Phase is "Secondary" or "All-through")
            {
                var p8 = Math.Round(progress / 4.0, 2);
                var a8 = Math.Round(46 + p8 * 10, 1);
                var band = p8 <= -0.5 ? "Well below average" : p8 < 0 ? "Below average" : p8 < 0.5 ? "Average" : "Above average";
                Add(published, Ks4File, $"{s.Urn},{year},{_rng.Next(120, 240)},{p8},{a8},{band}");
            }
        }
    }

    private void Finance(DemoSchool s, DateOnly today)
    {
        var latestYear = today >= new DateOnly(today.Year, 12, 15) ? today.Year : today.Year - 1;
        var income = s.Phase == "Secondary" ? 6_500_000m + _rng.Next(0, 3_000_000) : 1_600_000m + _rng.Next(0, 1_200_000);
        // How many of the three most recent years ended in deficit.
        var deficitYears = s.Trouble switch { 0 => _rng.Next(25) == 0 ? 1 : 0, 1 => _rng.Next(4) == 0 ? 1 : 0, 2 => _rng.Next(0, 3), _ => _rng.Next(0, 3) };
        for (var year = latestYear - 2; year <= latestYear; year++)
        {
            var inDeficit = latestYear - year < deficitYears;
            var balance = inDeficit ? -income * (decimal)(0.01 + _rng.NextDouble() * (s.Trouble >= 2 ? 0.06 : 0.03)) : income * (decimal)(0.02 + _rng.NextDouble() * 0.08);
            var expenditure = income - balance / 3;
            Add(new DateOnly(year, 12, 15), FinanceFile, $"{s.Urn},{year},{Math.Round(income)},{Math.Round(expenditure)},{Math.Round(balance)}");
        }
    }
}
