using System.Security.Cryptography;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Auth;
using EducationHub.Testing.Hosting;
using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Crypto;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// A real Whistleblowing service (AddServiceDefaults + module) on free ports, called through our
/// .NET gRPC client with real tokens. The clock is the test's; maintenance runs on demand only.
/// </summary>
public sealed class WhistleblowingHost : IAsyncDisposable
{
    public const string Intake = "/educationhub.whistleblowing.v1.WhistleblowingIntake/";
    public const string Cases = "/educationhub.whistleblowing.v1.WhistleblowingCases/";

    private WhistleblowingHost(TestServiceHost host, TestClock clock)
    {
        Host = host;
        Clock = clock;
        Channel = GrpcChannel.ForAddress(host.GrpcAddress);
        Client = new GrpcClient(Channel);
    }

    public TestServiceHost Host { get; }
    public TestClock Clock { get; }
    public GrpcChannel Channel { get; }
    public GrpcClient Client { get; }

    public static string PortalToken { get; } = TestTokens.Issue("whistleblowing-portal", "whistleblowing.intake");

    public static string HandlerToken(string subject = "handler-alice") =>
        TestTokens.Sign(TestTokens.Request("council-whistleblowing-team", "whistleblowing.cases.read", "whistleblowing.cases.write") with { Subject = subject });

    public static string CustodianToken(string subject = "custodian-carol") =>
        TestTokens.Sign(TestTokens.Request("council-whistleblowing-team", "whistleblowing.identity.approve") with { Subject = subject });

    /// <summary>Fresh random secrets per host unless given (key rotation tests pass their own).</summary>
    public static Dictionary<string, string?> KeySettings(string activeKeyId = "k1", params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Whistleblowing:Encryption:ActiveKeyId"] = activeKeyId,
            ["Whistleblowing:Receipt:Pepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (id, key) in keys.Length > 0 ? keys : [(activeKeyId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))])
        {
            settings[$"Whistleblowing:Encryption:MasterKeys:{id}"] = key;
        }

        return settings;
    }

    public static async Task<WhistleblowingHost> StartAsync(IDictionary<string, string?>? settings = null, TestClock? clock = null, Action<IServiceCollection>? services = null)
    {
        clock ??= new TestClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?>(settings ?? KeySettings())
        {
            // Low iteration count keeps the suite fast; the production default (600,000) is asserted in CryptoUnitTests.
            ["Whistleblowing:Receipt:Iterations"] = "1000",
            ["Whistleblowing:RunMaintenanceInBackground"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var host = await TestServiceHost.StartAsync(
            configure: b =>
            {
                b.AddWhistleblowing();
                b.Services.AddSingleton<WhistleblowingClock>(clock);
                services?.Invoke(b.Services);
            },
            map: app => app.MapWhistleblowing(),
            settings: all,
            serviceName: "whistleblowing");
        return new WhistleblowingHost(host, clock);
    }

    /// <summary>The service's slow hasher (its derivation count shows how much slow work a call did).</summary>
    public ReceiptHasher Receipts => Host.Services.GetRequiredService<CaseCrypto>().Receipts;

    /// <summary>One step of the receipt hashing worker, for tests that run with it off.</summary>
    public bool HashOldestPendingReceipt(ISet<Guid>? skip = null)
    {
        using var scope = Host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ReceiptHashingService>().HashOldest(skip ?? new HashSet<Guid>());
    }

    public int CountPendingReceipts()
    {
        using var scope = Host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ReceiptHashingService>().CountPending();
    }

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, string token)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Client.UnaryAsync<TRequest, TResponse>(method, request, new CallOptions { BearerToken = token, Timeout = TimeSpan.FromSeconds(30) });

    public Task<SubmitReportResponse> SubmitAsync(SubmitReportRequest request) =>
        Call<SubmitReportRequest, SubmitReportResponse>(Intake + "Submit", request, PortalToken);

    public Task<ReporterConversation> ReadAsReporterAsync(string code, string passphrase = "") =>
        Call<ReadConversationRequest, ReporterConversation>(Intake + "ReadConversation",
            new ReadConversationRequest { Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = code, Passphrase = passphrase } } }, PortalToken);

    public async Task<CaseSummary> OnlyCaseAsync()
    {
        var list = await Call<ListCasesRequest, ListCasesResponse>(Cases + "ListCases", new ListCasesRequest(), HandlerToken());
        return Assert.Single(list.Cases);
    }

    public Task<CaseDetail> Act<TRequest>(string method, TRequest request, string? token = null)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new() =>
        Call<TRequest, CaseDetail>(Cases + method, request, token ?? HandlerToken());

    public static SubmitReportRequest SampleReport(string marker = "Zebra") => new()
    {
        Urn = "123456",
        Category = ConcernCategory.Safeguarding,
        WhatHappened = $"{marker}-what: the deputy head told staff not to record disclosures.",
        WhenItHappened = $"{marker}-when: since the start of term",
        WhoElseKnows = $"{marker}-who: two teaching assistants",
        ContactDetails = $"{marker}-contact: jo.bloggs@example.org",
        Passphrase = "correct horse battery",
        Attachments =
        {
            new AttachmentUpload { FileName = $"{marker}-minutes.txt", ContentType = "text/plain", Content = Google.Protobuf.ByteString.CopyFromUtf8($"{marker}-attachment: minutes of the meeting") },
        },
    };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
    }
}
