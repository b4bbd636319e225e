using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.ServiceDefaults.Auth;
using Xunit;

namespace EducationHub.Hub.Tests.Domain;

/// <summary>The hub's wording with organisation display names; the names themselves: Platform.Tests' OrganisationNamesTests.</summary>
public sealed class OrganisationWordingTests
{
    private static readonly OrganisationNames Names = new(new Dictionary<string, string>
    {
        ["ofsted"] = "Ofsted",
        ["school-improvement-partner"] = " School improvement partner ",
        ["blank"] = " ",
    });

    [Fact]
    public void Reasons_and_the_timeline_name_organisations_by_their_display_names()
    {
        var now = T.Now;
        var observed = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-3));
        var signal = new TimelineEntry(T.Id(), 990101, TimelineKind.PartnerSignalSubmitted, now.AddDays(-3), "schoolrisk",
            SourceId: T.Id(), Category: "ofsted-monitoring-visit", Level: "high", Organisation: "ofsted", Date: observed);
        var concern = new TimelineEntry(T.Id(), 990101, TimelineKind.GovernanceConcernRaised, now.AddDays(-2), "governance",
            SourceId: T.Id(), Level: "high", Organisation: "school-improvement-partner");

        var named = new PriorityCalculator(PriorityModel.Default, Names).Calculate(990101, [signal, concern], now);
        var unnamed = new PriorityCalculator(PriorityModel.Default).Calculate(990101, [signal, concern], now);

        var reasons = string.Join("\n", named.Reasons.Select(r => r.Text));
        Assert.Contains("Ofsted: Ofsted monitoring visit, high concern", reasons, StringComparison.Ordinal);
        Assert.Contains("(School improvement partner, ", reasons, StringComparison.Ordinal);
        Assert.Contains("ofsted: Ofsted monitoring visit", string.Join("\n", unnamed.Reasons.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Equal(unnamed.Priority, named.Priority);
        Assert.StartsWith("Ofsted: ", TimelineWording.Summary(signal, Names), StringComparison.Ordinal);
        Assert.StartsWith("ofsted: ", TimelineWording.Summary(signal, OrganisationNames.None), StringComparison.Ordinal);
    }
}
