using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using Xunit;

namespace EducationHub.Hub.Tests.Domain;

public sealed class ReasonNamesTests
{
    private static readonly DateTimeOffset Now = T.Now;

    [Fact]
    public void Every_kind_of_reason_the_calculator_gives_has_a_name()
    {
        var calculator = new PriorityCalculator(PriorityModel.Default);
        var codes = new[] { EverythingAtOnce(100001), NoticeAndInterventionOver(100002) }
            .SelectMany(timeline => calculator.Calculate(timeline[0].Urn, timeline, Now).Reasons)
            .Select(r => r.Code).Distinct().ToList();

        // The two timelines reach every rule of the model, so a new rule without a name shows up here.
        Assert.Equal(12, codes.Count);
        Assert.All(codes, code => Assert.True(ReasonNames.Knows(code), $"no name for reason code '{code}'"));
    }

    [Theory]
    [InlineData("governance.notice.open", "warning notice")]
    [InlineData("complaints.timescale-breached", "complaint timescales")]
    [InlineData("ofsted.new-kind", "Ofsted new kind")]
    public void A_reason_reads_as_words(string code, string expected) =>
        Assert.Equal(expected, ReasonNames.Short(code));

    private static TimelineEntry[] EverythingAtOnce(int urn)
    {
        var notice = T.Id();
        var complaint = T.Id();
        return
        [
            T.Risk(urn, 70, "High", Now.AddDays(-20)),
            T.NoticeIssued(urn, notice, Now.AddDays(-60)),
            new(T.Id(), urn, TimelineKind.WarningNoticeDeadlinePassed, Now.AddDays(-10), "governance", SourceId: notice, Category: "LowStandards"),
            new(T.Id(), urn, TimelineKind.InterventionStarted, Now.AddDays(-30), "governance", SourceId: T.Id(), Category: "AdditionalGovernors",
                Organisation: "LA", Date: DateOnly.FromDateTime(Now.AddDays(-30).UtcDateTime)),
            new(T.Id(), urn, TimelineKind.GovernanceConcernRaised, Now.AddDays(-15), "governance", SourceId: T.Id(), Category: "finance", Level: "high", Organisation: "LA"),
            T.Whistle(urn, Now.AddDays(-5), "critical"),
            T.Whistle(urn, Now.AddDays(-4), "critical"),
            T.Complaint(urn, Now.AddDays(-12), complaint, safeguarding: true),
            new(T.Id(), urn, TimelineKind.ComplaintTimescaleBreached, Now.AddDays(-2), "complaints", SourceId: complaint, Detail: "stage-1"),
            T.Signal(urn, Now.AddDays(-3), "critical"),
            T.Signal(urn, Now.AddDays(-3), "critical", org: "Ofsted"),
        ];
    }

    private static TimelineEntry[] NoticeAndInterventionOver(int urn)
    {
        var notice = T.Id();
        var intervention = T.Id();
        return
        [
            T.NoticeIssued(urn, notice, Now.AddDays(-40)),
            T.NoticeComplied(urn, notice, Now.AddDays(-10)),
            new(T.Id(), urn, TimelineKind.InterventionStarted, Now.AddDays(-90), "governance", SourceId: intervention, Category: "AdditionalGovernors",
                Organisation: "LA", Date: DateOnly.FromDateTime(Now.AddDays(-90).UtcDateTime)),
            new(T.Id(), urn, TimelineKind.InterventionEnded, Now.AddDays(-20), "governance", SourceId: intervention, Category: "AdditionalGovernors",
                Detail: "improved", Date: DateOnly.FromDateTime(Now.AddDays(-20).UtcDateTime)),
        ];
    }
}
