using Xunit;
using EducationHub.Complaints.Domain;
using static EducationHub.Complaints.Tests.Domain.ComplaintBuilder;

namespace EducationHub.Complaints.Tests.Domain;

public sealed class CampaignDetectorTests
{
    private static readonly CampaignRules Rules = new() { WindowDays = 14, MinimumComplaints = 5, MinimumSimilarity = 0.35 };
    private const string Petition = "The new relationships education curriculum is inappropriate and parents were not consulted";

    [Fact]
    public void Fifth_similar_complaint_in_the_window_starts_a_campaign_of_all_five()
    {
        var earlier = Enumerable.Range(0, 4).Select(i => Similar(i)).ToList();
        var incoming = Similar(5);

        var decision = CampaignDetector.Evaluate(incoming, earlier, Rules);

        Assert.NotNull(decision);
        Assert.True(decision.IsNewCampaign);
        Assert.Equal(5, decision.Members.Count);
        Assert.Contains(incoming, decision.Members);
    }

    [Fact]
    public void Four_similar_complaints_are_not_a_campaign()
    {
        Assert.Null(CampaignDetector.Evaluate(Similar(4), Enumerable.Range(0, 3).Select(i => Similar(i)).ToList(), Rules));
    }

    [Fact]
    public void Dissimilar_text_other_categories_other_schools_and_old_complaints_do_not_count()
    {
        var noise = new List<Complaint>
        {
            Receive(Intake(category: ComplaintCategory.Curriculum, summary: "Lunch queues are far too long and food runs out")),
            Receive(Intake(category: ComplaintCategory.Bullying, summary: Petition)),
            Receive(Intake(category: ComplaintCategory.Curriculum, summary: Petition, receivedOn: Received.AddDays(-30), incidentOn: Received.AddDays(-31))),
            Similar(1),
            Similar(2),
            Similar(3),
        };

        Assert.Null(CampaignDetector.Evaluate(Similar(5), noise, Rules));
    }

    [Fact]
    public void A_later_similar_complaint_joins_the_existing_campaign()
    {
        var members = Enumerable.Range(0, 5).Select(i => Similar(i)).ToList();
        var campaignId = Guid.NewGuid();
        foreach (var m in members) m.JoinCampaign(campaignId);

        var decision = CampaignDetector.Evaluate(Similar(6), members, Rules);

        Assert.NotNull(decision);
        Assert.False(decision.IsNewCampaign);
        Assert.Equal(campaignId, decision.CampaignId);
        Assert.Single(decision.Members);
    }

    [Fact]
    public void Similarity_ignores_case_punctuation_and_filler_words()
    {
        var a = SummaryWords.Of("The CURRICULUM is inappropriate!");
        var b = SummaryWords.Of("curriculum: inappropriate, and the school is wrong");
        Assert.Equal(2.0 / 3.0, SummaryWords.Similarity(a, b), 3);
        Assert.Equal(0, SummaryWords.Similarity(SummaryWords.Of("the and of"), b));
    }

    private static Complaint Similar(int day) => Receive(Intake(
        category: ComplaintCategory.Curriculum,
        receivedOn: Received.AddDays(day),
        incidentOn: Received.AddDays(-1),
        summary: day % 2 == 0 ? Petition : "Parents were not consulted about the inappropriate relationships education curriculum"));
}
