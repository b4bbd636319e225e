using Hb = EducationHub.Protos.Hub.V1;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// The one-command run trusts development tokens because it runs as Development unless told otherwise
/// (README: `dotnet run --project services/AllInOne`); told to run as anything else, it refuses them.
/// </summary>
public class DevelopmentTokenModeTests
{
    [Fact]
    public async Task Without_an_environment_the_one_command_run_trusts_its_development_tokens()
    {
        var host = await AllInOneProcess.StartAsync(environment: null);
        try
        {
            var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var list = await host.Call<Hb.GetRiskListRequest, Hb.RiskList>("/educationhub.hub.v1.HubService/GetRiskList",
                new Hb.GetRiskListRequest { Month = month }, host.Token("council", "hub.risklist.read"));

            Assert.Equal(month, list.Summary.Month);
        }
        finally
        {
            await host.DisposeAsync();
            AllInOneProcess.DeleteDirectory(host.WorkingDirectory);
        }
    }

    [Fact]
    public async Task Run_as_Staging_the_one_command_run_refuses_to_start_with_development_tokens()
    {
        var directory = Directory.CreateTempSubdirectory("ehub-allinone-staging.").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                // Should it start after all, stop it, so the failing test leaves no process behind.
                await using var started = await AllInOneProcess.StartAsync(directory, environment: "Staging", timeout: TimeSpan.FromSeconds(120));
            });

            Assert.Contains("exited: True", error.Message, StringComparison.Ordinal);
            Assert.Contains("Auth:DevelopmentTokens=true is allowed only when ASPNETCORE_ENVIRONMENT=Development", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            AllInOneProcess.DeleteDirectory(directory);
        }
    }
}
