using EducationHub.ServiceDefaults.Auth;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace EducationHub.Platform.Tests.Auth;

public sealed class OrganisationNamesTests
{
    private static readonly OrganisationNames Names = new(new Dictionary<string, string>
    {
        ["ofsted"] = "Ofsted",
        ["school-improvement-partner"] = " School improvement partner ",
        ["blank"] = " ",
    });

    [Theory]
    [InlineData("ofsted", "Ofsted")]
    [InlineData("OFSTED", "Ofsted")]
    [InlineData("school-improvement-partner", "School improvement partner")]
    // Without a display name the claim is shown as it is, never hidden.
    [InlineData("west-midlands-police", "west-midlands-police")]
    [InlineData("blank", "blank")]
    [InlineData(null, "")]
    public void A_claim_is_shown_by_its_display_name_or_as_itself(string? claim, string expected) =>
        Assert.Equal(expected, Names.Display(claim));

    [Fact]
    public void Names_are_read_from_the_shared_organisations_section_as_environment_variables_set_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // What Organisations__rsc=... becomes; another section's keys are not names.
                ["Organisations:rsc"] = "Regional Schools Commissioner",
                ["Organisations:ofsted"] = "Ofsted",
                ["Hub:Organisations:council"] = "Council",
            })
            .Build();

        var names = OrganisationNames.From(configuration);

        Assert.Equal("Regional Schools Commissioner", names.Display("RSC"));
        Assert.Equal("Ofsted", names.Display("ofsted"));
        Assert.Equal("council", names.Display("council"));
    }
}
