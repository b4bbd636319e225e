using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Auth;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// Intake writes through the real gRPC API are audited under the portal's token (organisation and
/// subject), with a fixed verb and the case id, and nothing the reporter wrote or holds.
/// </summary>
public sealed class IntakeAuditTests
{
    // A subject other than TestTokens' default, so the test shows it comes from this token.
    private static readonly string Portal = TestTokens.Sign(TestTokens.Request("whistleblowing-portal", "whistleblowing.intake") with { Subject = "portal-service" });

    [Fact]
    public async Task A_submission_is_audited_once_under_the_portal_with_no_reporter_data()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport("Quokka");
        var receipt = await wb.Call<SubmitReportRequest, SubmitReportResponse>(WhistleblowingHost.Intake + "Submit", report, Portal);

        var caseId = await OnlyCaseIdAsync(wb);
        var entry = Assert.Single(await AuditAsync(wb));
        Assert.Equal(("whistleblowing-portal", "portal-service", "case.reported", "whistleblowing-case", caseId), entry);
        AssertNoReporterData(entry, receipt.ReceiptCode, report.Passphrase, "Quokka", "jo.bloggs");
    }

    [Fact]
    public async Task Replies_and_added_information_are_audited_under_the_portal_and_sign_in_sign_out_and_refused_calls_are_not()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport("Okapi");
        var receipt = await wb.Call<SubmitReportRequest, SubmitReportResponse>(WhistleblowingHost.Intake + "Submit", report, Portal);
        var byReceipt = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = report.Passphrase } };

        var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = byReceipt.Receipt }, Portal);
        var bySession = new ReporterAuth { SessionToken = login.SessionToken };
        await wb.Call<ReadConversationRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReadConversation", new ReadConversationRequest { Auth = bySession }, Portal);
        await wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter", new ReplyAsReporterRequest
        {
            Auth = bySession,
            Body = "Okapi-reply: it happened again.",
            Attachments = { new AttachmentUpload { FileName = "Okapi-note.txt", ContentType = "text/plain", Content = Google.Protobuf.ByteString.CopyFromUtf8("Okapi-file") } },
        }, Portal);
        await wb.Call<AddInformationRequest, ReporterConversation>(WhistleblowingHost.Intake + "AddInformation",
            new AddInformationRequest { Auth = byReceipt, Body = "Okapi-added: the head knows." }, Portal);
        await wb.Call<ReporterLogoutRequest, ReporterLogoutResponse>(WhistleblowingHost.Intake + "ReporterLogout", new ReporterLogoutRequest { SessionToken = login.SessionToken }, Portal);

        // Sessions are authentication state, not case changes: signing in and out leaves no entry
        // (audit entries outlive the purge). Refused or empty calls write nothing, so they add none.
        await wb.Call<ReporterLogoutRequest, ReporterLogoutResponse>(WhistleblowingHost.Intake + "ReporterLogout", new ReporterLogoutRequest { SessionToken = login.SessionToken }, Portal);
        var wrongCode = receipt.ReceiptCode[..15] + (receipt.ReceiptCode[15] == '0' ? '1' : '0');
        var refused = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
            new ReplyAsReporterRequest { Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = wrongCode, Passphrase = report.Passphrase } }, Body = "Okapi-refused" }, Portal));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var caseId = await OnlyCaseIdAsync(wb);
        var entries = await AuditAsync(wb);
        Assert.Equal(
            new[] { "case.reported", "case.reporter-replied", "case.information-added" },
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("whistleblowing-portal", "portal-service", "whistleblowing-case", caseId), (e.Organisation, e.Subject, e.EntityType, e.EntityId)));
        Assert.All(entries, e => AssertNoReporterData(e, receipt.ReceiptCode, report.Passphrase, login.SessionToken, "Okapi", "jo.bloggs"));
    }

    private static void AssertNoReporterData((string Organisation, string Subject, string Action, string EntityType, string EntityId) entry, params string[] secrets)
    {
        foreach (var column in new[] { entry.Organisation, entry.Subject, entry.Action, entry.EntityType, entry.EntityId })
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, column, StringComparison.OrdinalIgnoreCase));
        }
    }

    // Straight from the database: reading through the API (ListCases, GetAuditLog) would audit the read too.
    private static async Task<string> OnlyCaseIdAsync(WhistleblowingHost wb)
    {
        await using var scope = wb.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>();
        return (await db.Cases.AsNoTracking().SingleAsync()).Id.ToString();
    }

    private static async Task<List<(string Organisation, string Subject, string Action, string EntityType, string EntityId)>> AuditAsync(WhistleblowingHost wb)
    {
        await using var scope = wb.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>();
        var all = await db.AuditEntries.AsNoTracking().ToListAsync();
        return [.. all.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => (a.Organisation, a.Subject, a.Action, a.EntityType, a.EntityId))];
    }
}
