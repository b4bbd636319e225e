using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EducationHub.Grpc.Client;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Hosting;
using EducationHub.Whistleblowing;
using EducationHub.Whistleblowing.Application;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// usage: WhistleblowingBench <clients> <seconds per scenario> <longest drain wait in seconds>
// The service runs with its production receipt settings (600,000 PBKDF2 iterations, background hashing on).
var clients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var drainLimit = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 900);
var invariant = CultureInfo.InvariantCulture;

await using var service = await TestServiceHost.StartAsync(
    configure: b => b.AddWhistleblowing(),
    map: app => app.MapWhistleblowing(),
    settings: new Dictionary<string, string?>
    {
        ["Whistleblowing:Encryption:MasterKeys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Whistleblowing:Receipt:Pepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Whistleblowing:RunMaintenanceInBackground"] = "false",
        // The output is the report: keep library warnings (MassTransit's usage telemetry has no network here) out of it.
        ["Logging:LogLevel:Default"] = "Error",
    },
    serviceName: "whistleblowing");
var receiptOptions = service.Services.GetRequiredService<WhistleblowingOptions>().Receipt;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
var token = TestTokens.Issue("whistleblowing-portal", "whistleblowing.intake");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Portal:WhistleblowingGrpcUrl"] = service.GrpcAddress.ToString(),
    ["Portal:ServiceToken"] = token,
    // One load generator = one address: lift the per-client limits for the measurement.
    ["Portal:RateLimits:SubmissionsPerClientPerHour"] = "1000000",
    ["Portal:RateLimits:SubmissionsPerMinuteGlobal"] = "1000000",
});
builder.AddWhistleblowingPortal();
await using var portal = builder.Build();
portal.MapWhistleblowingPortal();
await portal.StartAsync();
var baseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/report";

var channel = GrpcChannel.ForAddress(service.GrpcAddress);
var grpc = new GrpcClient(channel);
const string Submit = "/educationhub.whistleblowing.v1.WhistleblowingIntake/Submit";
SubmitReportRequest Report() => new() { Urn = "123456", Category = ConcernCategory.Governance, WhatHappened = "Benchmark report: governors are not told about exclusions.", WhenItHappened = "This term" };

int PendingReceipts()
{
    using var scope = service.Services.CreateScope();
    return scope.ServiceProvider.GetRequiredService<ReceiptHashingService>().CountPending();
}

var latencyRows = new List<string>();
var backlogRows = new List<string>();
var p99 = new Dictionary<string, double>();

async Task Run(string name, Func<HttpClient, Task<Func<Task>>> prepare)
{
    var samples = new List<double>[clients];
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() });
        var call = await prepare(http);
        await call(); // warm-up
        samples[i] = [];
        // Each client measures for the full period after its own warm-up.
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            samples[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }));
    var all = samples.SelectMany(s => s).Order().ToList();
    if (all.Count == 0)
    {
        throw new InvalidOperationException($"{name}: no request completed in {seconds} s");
    }

    double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
    p99[name] = P(0.99);
    latencyRows.Add(string.Create(invariant, $"| {name} | {clients} | {all.Count} | {all.Count / (double)seconds:0.0} | {P(0.5):0.0} | {P(0.99):0.0} | {all[^1]:0.0} |"));
}

// After a submission scenario: how many receipts still wait for their slow hashes, and how long the
// worker (one niced thread) takes to clear them with no requests running (or how far it got).
async Task Drain(string name, int carriedOver)
{
    var backlog = PendingReceipts();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    var remaining = backlog;
    while (remaining > 0 && Stopwatch.GetElapsedTime(started) < drainLimit)
    {
        await Task.Delay(200);
        remaining = PendingReceipts();
    }

    var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var rate = backlog > 0 && wall > 0 ? ((backlog - remaining) / wall).ToString("0.0", invariant) : "-";
    var cores = wall > 0 ? (cpu / wall).ToString("0.00", invariant) : "-";
    var drained = remaining == 0 ? wall.ToString("0.0", invariant) : string.Create(invariant, $"not drained: {remaining} left after {wall:0}");
    backlogRows.Add(string.Create(invariant, $"| {name} | {carriedOver} | {backlog} | {drained} | {rate} | {cores} |"));
}

var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
await Run("portal GET stylesheet (reference)", http => Task.FromResult<Func<Task>>(async () => (await http.GetAsync(baseUrl + "/assets/portal.css")).EnsureSuccessStatusCode()));
var carried = PendingReceipts();
await Run("gRPC Submit direct (reference)", _ => Task.FromResult<Func<Task>>(() => grpc.UnaryAsync<SubmitReportRequest, SubmitReportResponse>(Submit, Report(), new CallOptions { BearerToken = token })));
await Drain("gRPC Submit direct (reference)", carried);
carried = PendingReceipts();
await Run("portal POST /report/new (submission)", async http =>
{
    var form = await http.GetStringAsync(baseUrl + "/new");
    var antiforgery = Regex.Match(form, "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value;
    // The page's submission token is not sent, so the portal makes a new one for every POST as for a new form: each
    // POST is a new report, written with its idempotency record. Sending the page's token would make every POST
    // after the first a repeat answered from that record.
    return async () =>
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__form" },
            { new StringContent("123456"), "urn" },
            { new StringContent("governance"), "category" },
            { new StringContent("Benchmark report: governors are not told about exclusions."), "what-happened" },
            { new StringContent("This term"), "when" },
        };
        using var response = await http.PostAsync(baseUrl + "/new", content);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !html.Contains("receipt-code", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"submission failed: {(int)response.StatusCode}");
        }
    };
});
await Drain("portal POST /report/new (submission)", carried);

// The slow work a submission used to do inline, measured now on this machine: one PBKDF2 with the
// production setting, on one otherwise idle thread.
var pbkdf2 = Stopwatch.StartNew();
const int Pbkdf2Samples = 5;
for (var i = 0; i < Pbkdf2Samples; i++)
{
    Rfc2898DeriveBytes.Pbkdf2("1234567812345678"u8, RandomNumberGenerator.GetBytes(32), receiptOptions.Iterations, HashAlgorithmName.SHA256, 32);
}

var pbkdf2Ms = pbkdf2.Elapsed.TotalMilliseconds / Pbkdf2Samples;
var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

Console.WriteLine(string.Create(invariant, $"PBKDF2-HMAC-SHA256 iterations: {receiptOptions.Iterations:N0} (hashed in the background: {receiptOptions.HashInBackground}, worker nice {receiptOptions.HashingNice}); clients: {clients}; {seconds} s per scenario"));
Console.WriteLine($"Load average: before {string.Join(' ', loadBefore)}, after {string.Join(' ', loadAfter)}");
Console.WriteLine();
Console.WriteLine("| scenario | clients | requests | req/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
latencyRows.ForEach(Console.WriteLine);
Console.WriteLine();
var submission = p99["portal POST /report/new (submission)"];
Console.WriteLine(string.Create(invariant, $"Portal submission p99 = {submission / p99["gRPC Submit direct (reference)"]:0.00}× the raw gRPC Submit p99 and {submission / p99["portal GET stylesheet (reference)"]:0.0}× the static GET p99 (same run). Target p99 < 300 ms: **{(submission < 300 ? "met" : "not met")}** ({submission:0.0} ms)."));
Console.WriteLine();
Console.WriteLine("Receipt hashing backlog left by each submission scenario and its drain afterwards (no requests running):");
Console.WriteLine();
Console.WriteLine("| after | pending before the scenario | pending after it | drain s | receipts/s | process CPU while draining (cores) |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
backlogRows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"One PBKDF2 at {receiptOptions.Iterations:N0} iterations, single thread, after the run: {pbkdf2Ms:0.0} ms (mean of {Pbkdf2Samples}); the old inline design paid this on every submission's request path."));

channel.Dispose();
await portal.StopAsync();
