using EducationHub.Hub.Domain.Priority;
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
}
