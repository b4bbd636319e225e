using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;
using Xunit;

namespace EducationHub.Complaints.Tests.Domain;

public sealed class EventVocabularyTests
{
    [Theory]
    [InlineData(ComplaintStage.Stage1, "stage-1")]
    [InlineData(ComplaintStage.Escalation, "escalation")]
    [InlineData(StageOutcome.PartlyUpheld, "partly-upheld")]
    [InlineData(StageOutcome.NotUpheld, "not-upheld")]
    [InlineData(ComplaintCategory.SenDisability, "sen-disability")]
    [InlineData(IntakeChannel.WebForm, "web-form")]
    public void Enum_values_become_lower_case_hyphenated_words(Enum value, string expected) =>
        Assert.Equal(expected, EventVocabulary.Of(value.ToString()));
}
