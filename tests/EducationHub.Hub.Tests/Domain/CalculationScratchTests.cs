using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Tests.Domain;

/// <summary>
/// A month's list scores school after school with one <see cref="CalculationScratch"/> per task and
/// keeps references as (kind, id) until read: neither may change what a school's priority says.
/// </summary>
public class CalculationScratchTests
{
    private readonly PriorityCalculator _calc = new(PriorityModel.Default);

    [Theory]
    [InlineData(PriorityDetail.Score)]
    [InlineData(PriorityDetail.Reasons)]
    [InlineData(PriorityDetail.ReasonsAndEventPoints)]
    public void Schools_scored_one_after_another_with_one_scratch_get_what_each_gets_alone(PriorityDetail detail)
    {
        var schools = Schools();
        var scratch = new CalculationScratch(_calc.Model);

        foreach (var (urn, timeline) in schools)
        {
            var reused = _calc.Calculate(urn, timeline, T.Now, detail, scratch);
            var alone = _calc.Calculate(urn, timeline, T.Now, detail);
            Assert.Equal(Described(alone), Described(reused));
        }
        // The schools differ, so a scratch that leaked one school's records into the next would show.
        Assert.True(schools.Select(s => _calc.Calculate(s.Urn, s.Timeline, T.Now).Priority).Distinct().Count() > 3);
    }

    [Fact]
    public void A_scratch_grown_by_a_school_with_thousands_of_records_still_scores_the_next_small_school_alone()
    {
        var scratch = new CalculationScratch(_calc.Model);
        var big = Enumerable.Range(0, 2_000).Select(i => T.Signal(1, T.Now.AddDays(-i % 300), "high")).OrderBy(e => e.OccurredAt).ToList();
        var small = new List<TimelineEntry> { T.Signal(2, T.Now.AddDays(-3), "low") };

        _calc.Calculate(1, big, T.Now, PriorityDetail.Reasons, scratch);
        var after = _calc.Calculate(2, small, T.Now, PriorityDetail.Reasons, scratch);

        Assert.Equal(Described(_calc.Calculate(2, small, T.Now, PriorityDetail.Reasons)), Described(after));
        Assert.Single(after.Reasons);
    }

    [Fact]
    public void Source_refs_read_exactly_as_the_written_references()
    {
        var notice = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var refs = new SourceRefs(1);
        refs.Add("notice", notice);
        refs.AddEvent(eventId);
        refs.AddOnce("notice", notice);
        refs.AddOnce("complaint", notice);

        string[] written = [$"notice/{notice:D}", $"event/{eventId:D}", $"complaint/{notice:D}"];
        Assert.Equal(written, refs);
        Assert.Equal(written, Enumerable.Range(0, refs.Count).Select(i => refs[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => refs[3]);
    }

    [Fact]
    public void Complaints_that_decayed_below_notice_do_not_lend_their_category_to_the_reason()
    {
        var timeline = new List<TimelineEntry>
        {
            T.Complaint(3, T.Now.AddDays(-700)) with { Category = "admissions" },
            T.Complaint(3, T.Now.AddDays(-10)),
        };

        var reason = Assert.Single(_calc.Calculate(3, timeline, T.Now, PriorityDetail.Reasons).Reasons, r => r.Code == "complaints");

        Assert.Equal("1 complaint received: bullying.", reason.Text);
    }

    private static List<(int Urn, List<TimelineEntry> Timeline)> Schools()
    {
        var schools = new List<(int, List<TimelineEntry>)>();
        for (var urn = 100; urn < 140; urn++)
        {
            var n = urn - 100;
            var notice = Guid.NewGuid();
            var campaign = Guid.NewGuid();
            var inCampaign = Guid.NewGuid();
            var timeline = new List<TimelineEntry> { T.Risk(urn, 20 + n, "High", T.Now.AddDays(-30 - n), new HardReason("a", "Attendance", 5), new HardReason("b", "Results", 5), new HardReason("c", "Finance", 7), new HardReason("d", "Staff", 1)) };
            if (n % 2 == 0) timeline.Add(T.NoticeIssued(urn, notice, T.Now.AddDays(-90 + n)));
            if (n % 4 == 0) timeline.Add(T.NoticeComplied(urn, notice, T.Now.AddDays(-20)));
            for (var i = 0; i < n % 5; i++) timeline.Add(T.Complaint(urn, T.Now.AddDays(-i * 40 - 1), safeguarding: i == 1));
            if (n % 3 == 0)
            {
                timeline.Add(T.Complaint(urn, T.Now.AddDays(-15), complaint: inCampaign));
                timeline.Add(T.Campaign(urn, T.Now.AddDays(-14), campaign, inCampaign, Guid.NewGuid()));
            }
            for (var i = 0; i < n % 3; i++) timeline.Add(T.Whistle(urn, T.Now.AddDays(-i * 25 - 2), i == 0 ? "high" : "medium"));
            var first = Guid.NewGuid();
            for (var i = 0; i < n % 7; i++) timeline.Add(T.Signal(urn, T.Now.AddDays(-i * 11 - 3), i % 2 == 0 ? "high" : "low", id: i == 0 ? first : null, supersedes: i == 3 ? first : null));
            schools.Add((urn, timeline.OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId).ToList()));
        }
        return schools;
    }

    private static string Described(SchoolPriority p) =>
        string.Join("\n", new[] { $"{p.Urn} {p.Priority} {p.Band} {p.HardScore} {p.HardBand} {p.HardModelVersion} {p.SoftPoints} {p.InterventionOrganisation}" }
            .Concat(p.Reasons.Select(r => $"{r.Code}|{r.Text}|{r.Points}|{string.Join(",", r.SourceRefs)}"))
            .Concat(p.CurrentSupport)
            .Concat(p.PointsByEvent.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")));
}
