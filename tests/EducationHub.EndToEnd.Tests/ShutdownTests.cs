using EducationHub.Testing.Grpc;
using Google.Protobuf;
using Cp = EducationHub.Protos.Complaints.V1;
using Hb = EducationHub.Protos.Hub.V1;
using Sr = EducationHub.Protos.SchoolRisk.V1;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// Stopping the one-command host (SIGTERM here; Ctrl+C's SIGINT takes the same path in the .NET
/// host) right after a burst of writes loses nothing: it exits cleanly, having waited for the hub
/// to consume what the outboxes had sent over the in-memory bus, and after a restart on the same
/// ./data the hub has every complaint exactly once.
/// </summary>
public class ShutdownTests
{
    private const int Urn = 100492;
    private const int Complaints = 40;

    [Fact]
    public async Task Stopping_right_after_a_burst_of_complaints_loses_none_of_them()
    {
        var first = await AllInOneProcess.StartAsync();
        var directory = first.WorkingDirectory;
        try
        {
            var shared = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA") is { Length: > 0 } d ? d : RepositoryPaths.Combine("..", "shared", "data");
            var gias = await File.ReadAllBytesAsync(Path.Combine(shared, "gias", "edubase_sample.csv"));
            await first.Call<Sr.ImportRequest, Sr.ImportResult>("/educationhub.schoolrisk.v1.SchoolRiskService/ImportRegister",
                new Sr.ImportRequest { Content = ByteString.CopyFrom(gias), FileName = "edubase_sample.csv", LaCodes = { "207" } }, first.Token("council", "risk.admin"));

            var writer = first.Token("council", "complaints.write");
            var incident = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await Task.WhenAll(Enumerable.Range(0, Complaints).Select(i => first.Call<Cp.CreateComplaintRequest, Cp.Complaint>(
                "/educationhub.complaints.v1.ComplaintsService/CreateComplaint", new Cp.CreateComplaintRequest
                {
                    Urn = Urn, Category = (i % 2 == 0) ? Cp.Category.Bullying : Cp.Category.SenDisability, ComplainantType = Cp.ComplainantType.Parent,
                    Channel = Cp.Channel.Email, Summary = $"Complaint number {i} about a different matter each time ({Guid.NewGuid():N})", IncidentOn = incident,
                    StartStage = Cp.Stage.Stage1, ComplainantName = "A Parent", ComplainantContact = "parent@example.org",
                }, writer)));

            // Stop at once: the complaints are committed, their events still on their way to the hub.
            var exitCode = await first.StopWithSignalAsync("TERM", TimeSpan.FromSeconds(60));
            Assert.Equal(0, exitCode);
            Assert.Contains("Stopping: the hub has consumed all", first.Output, StringComparison.Ordinal);
            await first.DisposeAsync();

            var second = await AllInOneProcess.StartAsync(directory);
            try
            {
                var reader = second.Token("council", "hub.risklist.read");
                var received = 0;
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline)
                {
                    var profile = await second.Call<Hb.GetSchoolProfileRequest, Hb.SchoolProfile>("/educationhub.hub.v1.HubService/GetSchoolProfile",
                        new Hb.GetSchoolProfileRequest { Urn = Urn, TimelineLimit = 1000 }, reader);
                    received = profile.Timeline.Count(t => t.Kind == "ComplaintReceived");
                    if (received >= Complaints) break;
                    await Task.Delay(250);
                }
                Assert.Equal(Complaints, received);
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            await first.DisposeAsync();
            AllInOneProcess.DeleteDirectory(directory);
        }
    }
}
