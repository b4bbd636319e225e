using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using EducationHub.Testing.Grpc;
using EducationHub.WhistleblowingPortal.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EducationHub.WhistleblowingPortal.Tests;

/// <summary>
/// Two portal replicas behind an ingress without sticky sessions: a form fetched from one and posted to
/// the other, a session cookie from one read by the other; with and without the shared key ring.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: the key ring is a Kubernetes Secret mount
public sealed class SharedKeyRingTests
{
    private const string KeyRingSetting = "Portal:DataProtection:KeyRingDirectory";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_report_form_from_one_replica_is_accepted_by_another_only_with_a_shared_key_ring(bool shared)
    {
        using var keyRing = new TempDirectory();
        if (shared)
        {
            PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow, PortalKeyRing.DefaultLifetime);
            AsSecretVolume(keyRing.Path);
        }

        MakeReadOnly(keyRing.Path);
        var before = Snapshot(keyRing.Path);
        using var pods = new TempDirectory();
        var settings = shared ? Settings(keyRing.Path) : null;
        await using var stack = await PortalStack.StartAsync(settings, OwnPod(pods));
        var other = await stack.StartReplicaAsync(settings, configurePortal: OwnPod(pods));

        var response = await SubmitAsync(stack.Url("/new"), other.Url("/new"), "Year 6 girls were taken out of music lessons.");
        // The replicas only read the ring (a read-only Secret): no key of one replica's own that the other would lack.
        Assert.Equal(before, Snapshot(keyRing.Path));
        var html = await response.Content.ReadAsStringAsync();
        if (shared)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, html);
            Assert.Contains("Report sent", html, StringComparison.Ordinal);
            Assert.Single((await stack.Cases<Protos.Whistleblowing.V1.ListCasesRequest, Protos.Whistleblowing.V1.ListCasesResponse>("ListCases", new())).Cases);
        }
        else
        {
            // What reporters saw whenever the ingress sent their POST to another pod: the report is lost.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("The form has expired", html, StringComparison.Ordinal);
            Assert.Empty((await stack.Cases<Protos.Whistleblowing.V1.ListCasesRequest, Protos.Whistleblowing.V1.ListCasesResponse>("ListCases", new())).Cases);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reporter_session_from_one_replica_is_accepted_by_another_only_with_a_shared_key_ring(bool shared)
    {
        using var keyRing = new TempDirectory();
        if (shared)
        {
            PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow, PortalKeyRing.DefaultLifetime);
        }

        using var pods = new TempDirectory();
        var settings = shared ? Settings(keyRing.Path) : null;
        await using var stack = await PortalStack.StartAsync(settings, OwnPod(pods));
        var other = await stack.StartReplicaAsync(settings, configurePortal: OwnPod(pods));

        // Submitted and signed in on the first replica only.
        var sent = await SubmitAsync(stack.Url("/new"), stack.Url("/new"), "The head teacher changed the admissions list.");
        var code = Regex.Match(await sent.Content.ReadAsStringAsync(), "id=\"receipt-code\">([0-9 ]+)<").Groups[1].Value;
        Assert.Matches("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", code);
        var (token, formCookie) = await FetchFormAsync(stack.Url("/check"));
        using var login = await PostAsync(stack.Url("/check"), formCookie, new Dictionary<string, string> { ["__form"] = token, ["receipt-code"] = code });
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync());
        var session = Cookie(login, "wb-session");

        // The next page comes from the other replica.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, other.Url("/conversation"));
        request.Headers.Add("Cookie", session);
        using var conversation = await http.SendAsync(request);
        if (shared)
        {
            Assert.Equal(HttpStatusCode.OK, conversation.StatusCode);
            Assert.Contains("<h1 class=\"heading-l\">Your report</h1>", await conversation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, conversation.StatusCode);
            Assert.Equal("/report/check", conversation.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Data_Protection_uses_no_expired_key_when_it_may_not_generate_one_so_an_expired_ring_stops_the_portal()
    {
        // What Data Protection does when the shared ring's only key has expired and generation is disabled: checked,
        // not assumed. It does not fall back to the expired key: protecting anything fails. Hence the long key
        // lifetime, the warning ahead of expiry, and a portal that refuses to start on an expired ring.
        using var keyRing = new TempDirectory();
        PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow.AddDays(-400), TimeSpan.FromDays(365));
        MakeReadOnly(keyRing.Path);
        var before = Snapshot(keyRing.Path);

        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddLogging();
        services.AddPortalDataProtection(new PortalDataProtectionOptions { KeyRingDirectory = keyRing.Path });
        await using (var provider = services.BuildServiceProvider())
        {
            var protector = provider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test");
            var failure = Assert.ThrowsAny<Exception>(() => protector.Protect("a form token"));
            Assert.Contains("auto-generation of keys is disabled", (failure.InnerException ?? failure).Message, StringComparison.Ordinal);
        }

        await using var stack = await PortalStack.StartAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stack.StartReplicaAsync(Settings(keyRing.Path)));
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Contains("create-key-ring", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(keyRing.Path));
    }

    [Fact]
    public async Task A_key_ring_close_to_expiry_is_used_and_warned_about()
    {
        using var keyRing = new TempDirectory();
        PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow.AddDays(-355), TimeSpan.FromDays(365));
        var logs = new CapturedLogs();
        await using var stack = await PortalStack.StartAsync(Settings(keyRing.Path));
        var other = await stack.StartReplicaAsync(Settings(keyRing.Path), logs: logs);

        using var response = await SubmitAsync(stack.Url("/new"), other.Url("/new"), "Governors were not told about the exclusions.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(logs.Entries, e => e.EventId == 6203);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("create-key-ring", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_added_for_rotation_is_known_to_every_replica_before_it_is_used()
    {
        using var keyRing = new TempDirectory();
        PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow.AddDays(-1), PortalKeyRing.DefaultLifetime);
        using var pods = new TempDirectory();
        var settings = Settings(keyRing.Path);
        await using var stack = await PortalStack.StartAsync(settings, OwnPod(pods));
        var old = await FetchFormAsync(stack.Url("/new"));

        // The operator adds a key (activating later) and the Secret is updated; a new replica starts on the new ring.
        Assert.Equal(0, PortalKeyRing.Run([keyRing.Path], TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, Directory.GetFiles(keyRing.Path).Length);
        var other = await stack.StartReplicaAsync(settings, configurePortal: OwnPod(pods));

        // Forms from the old replica still post to the new one and the other way round: the new key is not yet used.
        using var there = await PostAsync(other.Url("/new"), old.Cookie, ReportFields(old.Token, "Posted across a rotation."));
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
        using var back = await SubmitAsync(other.Url("/new"), stack.Url("/new"), "And back again.");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Without_a_shared_key_ring_the_portal_warns_at_start_up_in_Production()
    {
        using var keyRing = new TempDirectory();
        PortalKeyRing.CreateKey(keyRing.Path, DateTimeOffset.UtcNow, PortalKeyRing.DefaultLifetime);
        await using var stack = await PortalStack.StartAsync();

        var unshared = new CapturedLogs();
        await stack.StartReplicaAsync(environment: "Production", logs: unshared);
        var warning = Assert.Single(unshared.Entries, e => e.EventId == 6202);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("The form has expired", warning.Message, StringComparison.Ordinal);

        var sharedRing = new CapturedLogs();
        await stack.StartReplicaAsync(Settings(keyRing.Path), environment: "Production", logs: sharedRing);
        Assert.DoesNotContain(sharedRing.Entries, e => e.EventId is 6202 or 6203);

        var testing = new CapturedLogs();
        await stack.StartReplicaAsync(logs: testing);
        Assert.DoesNotContain(testing.Entries, e => e.EventId == 6202);
    }

    [Fact]
    public async Task A_configured_key_ring_that_is_missing_or_a_placeholder_stops_the_portal_at_start_up()
    {
        using var keyRing = new TempDirectory();
        await using var stack = await PortalStack.StartAsync();

        var missing = Path.Combine(keyRing.Path, "not-mounted");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => stack.StartReplicaAsync(Settings(missing)));
        Assert.Contains("create-key-ring", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));

        // An empty mount, then the example Secret's placeholder.
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => stack.StartReplicaAsync(Settings(keyRing.Path)));
        Assert.Contains("create-key-ring", error.Message, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(keyRing.Path, "key-00000000-0000-0000-0000-000000000000.xml"), "CHANGE-ME: create with create-key-ring");
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => stack.StartReplicaAsync(Settings(keyRing.Path)));
        Assert.Contains("create-key-ring", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_key_ring_command_of_the_portal_executable_writes_a_ring_for_the_Secret()
    {
        using var work = new TempDirectory();
        var ring = Path.Combine(work.Path, "portal-key-ring");
        var portalDll = Path.Combine(AppContext.BaseDirectory, "EducationHub.WhistleblowingPortal.dll");

        var first = await PeerProcess.RunAsync("dotnet", [portalDll, "create-key-ring", ring], TimeSpan.FromSeconds(60));
        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Contains("kubectl -n educationhub create secret generic educationhub-portal-key-ring --from-file=" + ring, first.Stdout, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(ring));
        // Secret data keys must match [-._a-zA-Z0-9]+; the key material is readable by its owner only.
        Assert.Matches("^key-[0-9a-f-]{36}\\.xml$", Path.GetFileName(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var key = System.Xml.Linq.XElement.Load(file);
        var activation = DateTimeOffset.Parse(key.Element("activationDate")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var expiration = DateTimeOffset.Parse(key.Element("expirationDate")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(activation, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        Assert.Equal(PortalKeyRing.DefaultLifetime, expiration - activation);

        // Rotation: the second key waits until every replica has re-read the ring.
        var second = await PeerProcess.RunAsync("dotnet", [portalDll, "create-key-ring", ring, "--lifetime-days", "730"], TimeSpan.FromSeconds(60));
        Assert.True(second.ExitCode == 0, second.Describe());
        var added = System.Xml.Linq.XElement.Load(Assert.Single(Directory.GetFiles(ring), f => f != file));
        var addedActivation = DateTimeOffset.Parse(added.Element("activationDate")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(addedActivation - DateTimeOffset.UtcNow, PortalKeyRing.RotationDelay - TimeSpan.FromMinutes(5), PortalKeyRing.RotationDelay);
        Assert.Equal(TimeSpan.FromDays(730), DateTimeOffset.Parse(added.Element("expirationDate")!.Value, System.Globalization.CultureInfo.InvariantCulture) - addedActivation);

        // The ring the command wrote is what a portal replica starts from.
        using var pods = new TempDirectory();
        await using var stack = await PortalStack.StartAsync(Settings(ring), OwnPod(pods));
        var other = await stack.StartReplicaAsync(Settings(ring), configurePortal: OwnPod(pods));
        using var response = await SubmitAsync(stack.Url("/new"), other.Url("/new"), "Made with the command.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var usage = await PeerProcess.RunAsync("dotnet", [portalDll, "create-key-ring"], TimeSpan.FromSeconds(60));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage:", usage.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string keyRing) => new() { [KeyRingSetting] = keyRing };

    /// <summary>
    /// Each instance as a pod of its own: ASP.NET Core's default key store is per machine (in the container, with its
    /// read-only root filesystem, in memory), but in-process instances would all share this machine's ~/.aspnet
    /// store. This gives each its own, before the portal module, whose shared-ring setting must win over it.
    /// </summary>
    private static Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> OwnPod(TempDirectory pods) => builder =>
        builder.Services.AddDataProtection().PersistKeysToFileSystem(Directory.CreateDirectory(Path.Combine(pods.Path, Guid.NewGuid().ToString("N"))));

    /// <summary>GETs the form from <paramref name="formUrl"/> and posts it, with that response's cookie and token, to <paramref name="postUrl"/>.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(string formUrl, string postUrl, string whatHappened)
    {
        var (token, cookie) = await FetchFormAsync(formUrl);
        return await PostAsync(postUrl, cookie, ReportFields(token, whatHappened));
    }

    private static Dictionary<string, string> ReportFields(string token, string whatHappened) => new()
    {
        ["__form"] = token,
        ["school-name"] = "Park Road Primary",
        ["category"] = "governance",
        ["what-happened"] = whatHappened,
    };

    private static async Task<(string Token, string Cookie)> FetchFormAsync(string url)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var page = await http.GetAsync(url);
        page.EnsureSuccessStatusCode();
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return (token, Cookie(page, "wb-form"));
    }

    private static async Task<HttpResponseMessage> PostAsync(string url, string cookie, Dictionary<string, string> fields)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>"name=value" of the cookie a response sets.</summary>
    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>Lays the files out as the kubelet mounts a Secret: each key a symlink through ..data to a timestamped directory.</summary>
    private static void AsSecretVolume(string directory)
    {
        var files = Directory.GetFiles(directory);
        var version = Directory.CreateDirectory(Path.Combine(directory, "..2026_01_01_00_00_00.000000001"));
        File.CreateSymbolicLink(Path.Combine(directory, "..data"), version.Name);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            File.Move(file, Path.Combine(version.FullName, name));
            File.CreateSymbolicLink(file, Path.Combine("..data", name));
        }
    }

    private static void MakeReadOnly(string directory)
    {
        foreach (var file in Directory.GetFiles(directory))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }

    private static string Snapshot(string directory) => string.Join("\n",
        Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + ":" + (File.Exists(f) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) : "directory")));

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ehub-key-ring-").FullName;

        public void Dispose()
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(Path, recursive: true);
        }
    }

    private sealed record LogEntry(LogLevel Level, int EventId, string Message);

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(_entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
