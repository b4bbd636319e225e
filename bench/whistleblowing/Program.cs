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
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// usage: WhistleblowingBench <iterations> <clients> <seconds>
var iterations = args.Length > 0 ? args[0] : "600000";
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

await using var service = await TestServiceHost.StartAsync(
    configure: b => b.AddWhistleblowing(),
    map: app => app.MapWhistleblowing(),
    settings: new Dictionary<string, string?>
    {
        ["Whistleblowing:Encryption:MasterKeys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Whistleblowing:Receipt:Pepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Whistleblowing:Receipt:Iterations"] = iterations,
        ["Whistleblowing:RunMaintenanceInBackground"] = "false",
    },
    serviceName: "whistleblowing");

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
SubmitReportRequest Report() => new() { Urn = "123456", Category = ConcernCategory.Governance, WhatHappened = "Benchmark report: governors are not told about exclusions.", WhenItHappened = "This term" };

async Task<List<double>> Run(string name, Func<HttpClient, Task<Func<Task>>> prepare)
{
    var samples = new List<double>[clients];
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() });
        var call = await prepare(http);
        await call(); // warm-up
        samples[i] = [];
        // Each client measures for the full period after its own warm-up (slow hashing can make warm-ups long).
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
        Console.WriteLine($"| {name} | {clients} | 0 | - | - | - | - |");
        return all;
    }

    double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {clients} | {all.Count} | {all.Count / (double)seconds:0.0} | {P(0.5):0.0} | {P(0.99):0.0} | {all[^1]:0.0} |"));
    return all;
}

Console.WriteLine($"PBKDF2 iterations: {iterations}; clients: {clients}; {seconds} s per scenario");
Console.WriteLine("| scenario | clients | requests | req/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
await Run("portal GET stylesheet (reference)", http => Task.FromResult<Func<Task>>(async () => (await http.GetAsync(baseUrl + "/assets/portal.css")).EnsureSuccessStatusCode()));
await Run("gRPC Submit direct (reference)", _ => Task.FromResult<Func<Task>>(() => grpc.UnaryAsync<SubmitReportRequest, SubmitReportResponse>(
    "/educationhub.whistleblowing.v1.WhistleblowingIntake/Submit", Report(), new CallOptions { BearerToken = token })));
await Run("portal POST /report/new (submission)", async http =>
{
    var form = await http.GetStringAsync(baseUrl + "/new");
    var antiforgery = Regex.Match(form, "name=\"__form\" value=\"([^\"]+)\"").Groups[1].Value;
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
channel.Dispose();
await portal.StopAsync();
