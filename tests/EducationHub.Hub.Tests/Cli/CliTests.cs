extern alias cli;

using System.IO.Compression;
using cli::EducationHub.Cli;
using EducationHub.Hub.Tests.Api;

namespace EducationHub.Hub.Tests.Cli;

/// <summary>`ehub` against a real hub host, in process (same parser, same handlers as the executable).</summary>
public class CliTests
{
    /// <summary>Runs `ehub` with <paramref name="args"/>, capturing its exit code and output.</summary>
    internal static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Risk_list_prints_a_table_csv_and_json_and_writes_xlsx()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var server = hub.Host.GrpcAddress.ToString();
        var token = hub.Token("hub.risklist.read");

        var table = await Run("risk-list", "--month", HubHost.ThisMonth, "--server", server, "--token", token);
        Assert.Equal(0, table.Code);
        Assert.Contains("Park View Academy", table.Out);
        Assert.DoesNotContain("Quiet Lane", table.Out);

        var csv = await Run("risk-list", "--month", HubHost.ThisMonth, "--format", "csv", "--la", "330", "--server", server, "--token", token);
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,URN,School", lines[0]);
        Assert.StartsWith($"1,{HubHost.Urn},Park View Academy", lines[1]);

        var json = await Run("risk-list", "--month", HubHost.ThisMonth, "--format", "json", "--server", server, "--token", token);
        Assert.Equal(0, json.Code);
        Assert.Contains("\"schoolName\": \"Park View Academy\"", json.Out);

        var file = Path.Combine(hub.Host.DataDirectory, "list.xlsx");
        var xlsx = await Run("risk-list", "--month", HubHost.ThisMonth, "--format", "xlsx", "--output", file, "--server", server, "--token", token);
        Assert.Equal(0, xlsx.Code);
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains("Park View Academy", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Decide_and_school_round_trip_and_errors_map_to_exit_codes()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var server = hub.Host.GrpcAddress.ToString();
        var token = hub.Token("hub.risklist.read", "hub.decisions.write");

        var due = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ok = await Run("decide", "--month", HubHost.ThisMonth, "--urn", $"{HubHost.Urn}", "--decision", "support-package", "--owner", "School improvement partner",
            "--due", due, "--action", "Leadership support", "--server", server, "--token", token);
        Assert.Equal(0, ok.Code);
        Assert.Contains("Support package", ok.Out);

        var school = await Run("school", $"{HubHost.Urn}", "--server", server, "--token", token);
        Assert.Equal(0, school.Code);
        Assert.Contains("Park View Academy", school.Out);
        Assert.Contains("Warning notice", school.Out);
        // No outcome recorded, no intervention on the timeline yet, not due: the profile's decision_progress says so.
        Assert.Matches(@"Leadership support\s.*\sNot yet", school.Out);

        var refused = await Run("decide", "--month", HubHost.ThisMonth, "--urn", $"{HubHost.Urn}", "--decision", "monitor", "--owner", "Council",
            "--due", "2001-01-01", "--server", server, "--token", token);
        Assert.Equal(2, refused.Code);
        Assert.Contains("due_on", refused.Err);

        var usage = await Run("risk-list", "--month", "November", "--server", server, "--token", token);
        Assert.Equal(1, usage.Code);
        var unknownOption = await Run("risk-list", "--colour", "red");
        Assert.Equal(1, unknownOption.Code);

        var unreachable = await Run("risk-list", "--server", "http://127.0.0.1:1", "--token", token);
        Assert.Equal(2, unreachable.Code);
        Assert.Contains("Could not reach", unreachable.Err);
    }

    [Fact]
    public async Task Outcome_records_whether_the_action_was_done_and_school_shows_the_decisions_with_the_outcome_it_replaced()
    {
        await using var hub = await HubHost.StartAsync();
        await hub.SeedTwoSchoolsAsync();
        var server = hub.Host.GrpcAddress.ToString();
        var token = hub.Token("hub.risklist.read", "hub.decisions.write");
        var due = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await Run("decide", "--month", HubHost.ThisMonth, "--urn", $"{HubHost.Urn}", "--decision", "monitor", "--owner", "Council",
            "--due", due, "--action", "Termly visit", "--server", server, "--token", token)).Code);

        var done = await Run("outcome", "--month", HubHost.ThisMonth, "--urn", $"{HubHost.Urn}", "--status", "done", "--note", "Visited in week 2", "--server", server, "--token", token);
        Assert.Equal(0, done.Code);
        Assert.Contains("Monitor done: Visited in week 2", done.Out);
        var notDone = await Run("outcome", "--month", HubHost.ThisMonth, "--urn", $"{HubHost.Urn}", "--status", "not-done", "--note", "Visit cancelled", "--server", server, "--token", token);
        Assert.Equal(0, notDone.Code);
        Assert.Contains("Monitor not done: Visit cancelled", notDone.Out);

        var school = await Run("school", $"{HubHost.Urn}", "--server", server, "--token", token);
        Assert.Equal(0, school.Code);
        var current = school.Out[school.Out.IndexOf("Group decisions", StringComparison.Ordinal)..school.Out.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal)];
        Assert.Contains("Monitor: Termly visit", current);
        // Who recorded each outcome and on which day, "not done" included (the profile gives the time the CLI prints).
        var reported = (await DecisionCalls.ProfileAsync(hub)).Decisions.Single().OutcomeRecordedAt.ToDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"No: Visit cancelled (recorded by council, {reported})", current);
        Assert.DoesNotContain("Visited in week 2", current);
        var earlier = school.Out[school.Out.IndexOf("Earlier versions of these decisions", StringComparison.Ordinal)..];
        Assert.Contains("Yes: Visited in week 2 (recorded by council, ", earlier);
        Assert.Contains("Outcome replaced", earlier);

        var unknown = await Run("outcome", "--month", HubHost.ThisMonth, "--urn", "999999", "--status", "done", "--server", server, "--token", token);
        Assert.Equal(2, unknown.Code);
        var badStatus = await Run("outcome", "--urn", $"{HubHost.Urn}", "--status", "maybe", "--server", server, "--token", token);
        Assert.Equal(1, badStatus.Code);
    }

    [Fact]
    public async Task Token_prints_a_development_token_only_when_the_key_exists()
    {
        var dir = Directory.CreateTempSubdirectory("ehub-cli-").FullName;
        var key = Path.Combine(dir, "dev-signing-key.pem");
        var missing = await Run("token", "--key-file", key);
        Assert.Equal(1, missing.Code);
        Assert.False(File.Exists(key)); // the CLI never invents a key the server does not know

        global::EducationHub.ServiceDefaults.Auth.DevSigningKey.LoadOrCreate(key);
        var made = await Run("token", "--key-file", key, "--org", "ofsted");
        Assert.Equal(0, made.Code);
        Assert.Equal(3, made.Out.Trim().Split('.').Length);
    }
}
