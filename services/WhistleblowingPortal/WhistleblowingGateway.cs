using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.WhistleblowingPortal;

/// <summary>Supplies the portal's service token (a host with a token issuer can register its own).</summary>
public interface IPortalServiceToken
{
    string Get();
}

internal sealed class ConfiguredServiceToken(PortalOptions options) : IPortalServiceToken
{
    public string Get() => options.ServiceToken
        ?? throw new InvalidOperationException("Portal:ServiceToken is not configured (a token with scope whistleblowing.intake).");
}

/// <summary>The portal's only way to the data: gRPC calls to the Whistleblowing intake API.</summary>
public sealed class WhistleblowingGateway(GrpcClient client, IPortalServiceToken token)
{
    private const string Service = "/educationhub.whistleblowing.v1.WhistleblowingIntake/";

    public Task<SubmitReportResponse> SubmitAsync(SubmitReportRequest request, CancellationToken ct) =>
        Call<SubmitReportRequest, SubmitReportResponse>("Submit", request, ct);

    public Task<ReporterLoginResponse> LoginAsync(string code, string passphrase, CancellationToken ct) =>
        Call<ReporterLoginRequest, ReporterLoginResponse>("ReporterLogin", new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = code, Passphrase = passphrase } }, ct);

    public Task LogoutAsync(string session, CancellationToken ct) =>
        Call<ReporterLogoutRequest, ReporterLogoutResponse>("ReporterLogout", new ReporterLogoutRequest { SessionToken = session }, ct);

    public Task<ReporterConversation> ReadAsync(string session, CancellationToken ct) =>
        Call<ReadConversationRequest, ReporterConversation>("ReadConversation", new ReadConversationRequest { Auth = new ReporterAuth { SessionToken = session } }, ct);

    /// <param name="submissionToken">The form's <see cref="Security.SubmissionToken"/>, sent as the idempotency key: a repeat stores nothing new.</param>
    public Task<ReporterConversation> ReplyAsync(string session, string body, IEnumerable<AttachmentUpload> files, string submissionToken, CancellationToken ct) =>
        Call<ReplyAsReporterRequest, ReporterConversation>("ReplyAsReporter",
            new ReplyAsReporterRequest { Auth = new ReporterAuth { SessionToken = session }, Body = body, Attachments = { files }, IdempotencyKey = submissionToken }, ct);

    public Task<ReporterConversation> AddInformationAsync(string session, string body, IEnumerable<AttachmentUpload> files, string submissionToken, CancellationToken ct) =>
        Call<AddInformationRequest, ReporterConversation>("AddInformation",
            new AddInformationRequest { Auth = new ReporterAuth { SessionToken = session }, Body = body, Attachments = { files }, IdempotencyKey = submissionToken }, ct);

    /// <summary>True when the service refused the reporter's code, passphrase or session (not a fault).</summary>
    public static bool IsRejectedCredential(RpcException e) =>
        e.StatusCode == StatusCode.PermissionDenied && e.GetErrorInfo()?.Reason == "REPORTER_CREDENTIALS_REJECTED";

    /// <summary>
    /// True when the form's submission token was already used for a different report or message (a form page
    /// restored by the browser, edited and sent again): the service keeps the first and refuses this one.
    /// </summary>
    public static bool IsReusedSubmission(RpcException e) =>
        e.StatusCode == StatusCode.FailedPrecondition && e.GetErrorInfo()?.Reason == "IDEMPOTENCY_KEY_REUSED";

    private Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, CancellationToken ct)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        client.UnaryAsync<TRequest, TResponse>(Service + method, request, new CallOptions { BearerToken = token.Get(), Timeout = TimeSpan.FromSeconds(20), CancellationToken = ct });
}
