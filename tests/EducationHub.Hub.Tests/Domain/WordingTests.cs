using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.ServiceDefaults.Auth;
using Xunit;

namespace EducationHub.Hub.Tests.Domain;

public sealed class WordingTests
{
    [Theory]
    [InlineData("low-standards", "low standards")]
    [InlineData("LowStandards", "low standards")]
    [InlineData("low_standards", "low standards")]
    [InlineData("ofsted-monitoring-visit", "Ofsted monitoring visit")]
    [InlineData("lado", "LADO")]
    [InlineData("referred-to-dfe", "referred to DfE")]
    [InlineData("OfstedMonitoringVisit", "Ofsted monitoring visit")]
    [InlineData("ks2-progress", "KS2 progress")]
    // Words that are also ordinary English stay as they are.
    [InlineData("send-reminder", "send reminder")]
    [InlineData("", "unspecified")]
    public void Machine_values_read_as_a_meeting_paper_writes_them(string value, string expected) =>
        Assert.Equal(expected, Wording.Humanise(value));

    [Fact]
    public void A_sentence_starting_with_a_proper_word_keeps_its_spelling() =>
        Assert.Equal("DfE referral", Wording.Sentence(Wording.Humanise("dfe-referral")));

    [Theory]
    [InlineData("LocalAuthority", "the local authority")]
    [InlineData("SecretaryOfState", "the Secretary of State")]
    [InlineData("council", "Birmingham City Council")]
    [InlineData("unnamed-body", "unnamed-body")]
    public void A_warning_notices_issuer_reads_as_words_or_as_the_organisations_name(string issuer, string expected) =>
        Assert.Equal(expected, Wording.NoticeIssuer(issuer, Council));

    [Fact]
    public void The_list_reason_and_the_timeline_name_the_issuer_in_words()
    {
        var urn = 100001;
        var issued = T.NoticeIssued(urn, T.Id(), T.Now.AddDays(-10)) with { Organisation = "LocalAuthority" };

        var reason = new PriorityCalculator(PriorityModel.Default, Council).Calculate(urn, [issued], T.Now).Reasons.Single(r => r.Code == "governance.notice.open");

        Assert.Contains(" by the local authority on grounds of low standards;", reason.Text, StringComparison.Ordinal);
        Assert.StartsWith("Warning notice (low standards) issued by the local authority,", TimelineWording.Summary(issued, Council), StringComparison.Ordinal);
    }

    private static readonly OrganisationNames Council = new(new Dictionary<string, string> { ["council"] = "Birmingham City Council" });
}
