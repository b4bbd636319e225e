using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>A reporter's session is an idle timeout (every use extends it) with an absolute end.</summary>
public sealed class ReporterSessionTests
{
    [Fact]
    public async Task A_session_in_use_stays_open_past_the_idle_timeout_and_ends_after_it_goes_unused()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var auth = await SignInAsync(wb);

        // Used every 25 minutes: still open 75 minutes after sign-in (defaults: 30 min idle, 4 h maximum).
        for (var i = 0; i < 3; i++)
        {
            wb.Clock.Advance(TimeSpan.FromMinutes(25));
            await ReadAsync(wb, auth);
        }

        // A reply after 29 idle minutes is accepted, and extends the session too.
        wb.Clock.Advance(TimeSpan.FromMinutes(29));
        await wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
            new ReplyAsReporterRequest { Auth = auth, Body = "Still here." }, WhistleblowingHost.PortalToken);

        wb.Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertRejectedAsync(wb, auth);
    }

    [Fact]
    public async Task A_session_ends_at_its_maximum_lifetime_however_often_it_is_used()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var auth = await SignInAsync(wb);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(4) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            wb.Clock.Advance(TimeSpan.FromMinutes(20));
            await ReadAsync(wb, auth);
        }

        wb.Clock.Advance(TimeSpan.FromMinutes(20));
        await AssertRejectedAsync(wb, auth);
    }

    private static async Task<ReporterAuth> SignInAsync(WhistleblowingHost wb)
    {
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = "correct horse battery" } }, WhistleblowingHost.PortalToken);
        return new ReporterAuth { SessionToken = login.SessionToken };
    }

    private static Task<ReporterConversation> ReadAsync(WhistleblowingHost wb, ReporterAuth auth) =>
        wb.Call<ReadConversationRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReadConversation", new ReadConversationRequest { Auth = auth }, WhistleblowingHost.PortalToken);

    private static async Task AssertRejectedAsync(WhistleblowingHost wb, ReporterAuth auth)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(wb, auth));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal("REPORTER_CREDENTIALS_REJECTED", e.GetErrorInfo()?.Reason);
    }
}
