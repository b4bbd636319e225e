using EducationHub.Testing.Grpc;
using Google.Protobuf;
using Cp = EducationHub.Protos.Complaints.V1;
using Hb = EducationHub.Protos.Hub.V1;
using Sr = EducationHub.Protos.SchoolRisk.V1;

namespace EducationHub.EndToEnd.Tests;

/// <summary>
/// Stopping the one-command host (SIGTERM here; Ctrl+C's SIGINT takes the same path in the .NET
/// host) in the middle of a burst of complaints loses nothing: it exits cleanly, and after a
/// restart on the same ./data the hub has exactly the complaints the Complaints service committed
/// (at least every one whose call succeeded), each once.
/// </summary>
public class ShutdownTests
{
    private const int Urn = 100492;
    private const int Attempts = 200;
    private const int StopAfter = 40;

    [Fact]
    public async Task Stopping_in_the_middle_of_a_burst_of_complaints_loses_none_that_were_committed()
    {
        var first = await AllInOneProcess.StartAsync();
        var directory = first.WorkingDirectory;
        try
        {
            var shared = Environment.GetEnvironmentVariable("EHUB_SHARED_DATA") is { Length: > 0 } d ? d : RepositoryPaths.Combine("..", "shared", "data");
            var gias = await File.ReadAllBytesAsync(Path.Combine(shared, "gias", "edubase_sample.csv"));
            await first.Call<Sr.ImportRequest, Sr.ImportResult>("/educationhub.schoolrisk.v1.SchoolRiskService/ImportRegister",
                new Sr.ImportRequest { Content = ByteString.CopyFrom(gias), FileName = "edubase_sample.csv", LaCodes = { "207" } }, first.Token("council", "risk.admin"));

            // Eight writers; the stop signal goes out once StopAfter calls have succeeded, while the rest are still coming.
            var writer = first.Token("council", "complaints.write");
            var incident = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var succeeded = 0;
            var stopSent = new TaskCompletionSource();
            var next = -1;
            async Task WriteAsync()
            {
                while (Interlocked.Increment(ref next) is var i && i < Attempts && !first.HasExited)
                {
                    try
                    {
                        await first.Call<Cp.CreateComplaintRequest, Cp.Complaint>("/educationhub.complaints.v1.ComplaintsService/CreateComplaint", new Cp.CreateComplaintRequest
                        {
                            Urn = Urn, Category = (i % 2 == 0) ? Cp.Category.Bullying : Cp.Category.SenDisability, ComplainantType = Cp.ComplainantType.Parent,
                            Channel = Cp.Channel.Email, Summary = $"Complaint {i}: {Guid.NewGuid():N}", IncidentOn = incident,
                            StartStage = Cp.Stage.Stage1, ComplainantName = "A Parent", ComplainantContact = "parent@example.org",
                        }, writer);
                        if (Interlocked.Increment(ref succeeded) == StopAfter) stopSent.TrySetResult();
                    }
                    catch (Exception) when (stopSent.Task.IsCompleted)
                    {
                        return; // the host is going away: calls now fail, which is expected
                    }
                }
            }
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(WriteAsync)).ToList();
            await stopSent.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var exitCode = await first.StopWithSignalAsync("TERM", TimeSpan.FromSeconds(60));
            await Task.WhenAll(writers);
            Assert.Equal(0, exitCode);
            Assert.Contains("Application is shutting down", first.Output, StringComparison.Ordinal);
            await first.DisposeAsync();

            var second = await AllInOneProcess.StartAsync(directory);
            try
            {
                var committed = await CountCommittedAsync(second);
                Assert.InRange(committed, succeeded, Attempts);
                var reader = second.Token("council", "hub.risklist.read");
                var received = 0;
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline)
                {
                    var profile = await second.Call<Hb.GetSchoolProfileRequest, Hb.SchoolProfile>("/educationhub.hub.v1.HubService/GetSchoolProfile",
                        new Hb.GetSchoolProfileRequest { Urn = Urn, TimelineLimit = 1000 }, reader);
                    received = profile.Timeline.Count(t => t.Kind == "ComplaintReceived");
                    if (received >= committed) break;
                    await Task.Delay(250);
                }
                Assert.Equal(committed, received);
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

    /// <summary>What the Complaints service holds for the school, through its own API.</summary>
    private static async Task<int> CountCommittedAsync(AllInOneProcess host)
    {
        var reader = host.Token("council", "complaints.read");
        var count = 0;
        var token = "";
        do
        {
            var page = await host.Call<Cp.ListComplaintsRequest, Cp.ListComplaintsResponse>("/educationhub.complaints.v1.ComplaintsService/ListComplaints",
                new Cp.ListComplaintsRequest { Urn = Urn, PageSize = 100, PageToken = token }, reader);
            count += page.Complaints.Count;
            token = page.NextPageToken;
        } while (token.Length > 0);
        return count;
    }
}
