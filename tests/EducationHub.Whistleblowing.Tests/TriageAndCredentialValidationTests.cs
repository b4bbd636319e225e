using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Triage must place the concern on a school; sign-in passphrases have Submit's length limit.</summary>
public sealed class TriageAndCredentialValidationTests
{
    // A case whose reporter was not sure of the school used to be triaged without a URN: the triage event then
    // carried none, the Hub dropped it, and a (possibly critical) concern never reached the risk list.
    [Fact]
    public async Task Triage_of_a_report_without_a_URN_requires_the_urn_and_loses_nothing_when_refused()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport("Ibex");
        report.Urn = "";
        report.SchoolName = "Not sure: the secondary by the canal";
        await wb.SubmitAsync(report);
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        var before = await EventPayloadTests.OutboxAsync(wb);

        var refused = await Assert.ThrowsAsync<RpcException>(() => wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.Critical }));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetBadRequest()!.FieldViolations);
        Assert.Equal("urn", violation.Field);
        Assert.Contains("URN", violation.Description, StringComparison.Ordinal);

        // Nothing changed and nothing was published: the case is still in triage, ready to be triaged properly.
        var unchanged = await wb.Call<GetCaseRequest, CaseDetail>(WhistleblowingHost.Cases + "GetCase", new GetCaseRequest { CaseId = id }, WhistleblowingHost.HandlerToken());
        Assert.Equal(CaseStatus.InTriage, unchanged.Summary.Status);
        Assert.Equal(before.Count, (await EventPayloadTests.OutboxAsync(wb)).Count);

        var triaged = await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.Critical, Urn = "654321" });
        Assert.Equal(CaseStatus.Investigating, triaged.Summary.Status);
        Assert.Equal("654321", triaged.Summary.Urn);
        var published = Assert.Single((await EventPayloadTests.OutboxAsync(wb)).Skip(before.Count));
        Assert.Contains("654321", published.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_of_a_report_with_a_URN_may_leave_urn_empty()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        await wb.SubmitAsync(WhistleblowingHost.SampleReport("Lynx"));
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        var triaged = await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.High });
        Assert.Equal("123456", triaged.Summary.Urn);
    }

    // Submit caps a passphrase at 200 characters; signing in had no cap at all.
    [Fact]
    public async Task A_sign_in_passphrase_longer_than_Submit_allows_is_refused_naming_the_field()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Okapi"));
        var tooLong = new string('p', 201);

        var login = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = tooLong } }, WhistleblowingHost.PortalToken));
        Assert.Equal(StatusCode.InvalidArgument, login.StatusCode);
        Assert.Equal("credentials.passphrase", Assert.Single(login.GetBadRequest()!.FieldViolations).Field);

        var read = await Assert.ThrowsAsync<RpcException>(() => wb.ReadAsReporterAsync(receipt.ReceiptCode, tooLong));
        Assert.Equal(StatusCode.InvalidArgument, read.StatusCode);
        Assert.Equal("auth.receipt.passphrase", Assert.Single(read.GetBadRequest()!.FieldViolations).Field);

        var reply = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
            new ReplyAsReporterRequest { Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = tooLong } }, Body = "More detail" },
            WhistleblowingHost.PortalToken));
        Assert.Equal("auth.receipt.passphrase", Assert.Single(reply.GetBadRequest()!.FieldViolations).Field);

        // The right passphrase still works: the limit is the one every passphrase was set under.
        var conversation = await wb.ReadAsReporterAsync(receipt.ReceiptCode, "correct horse battery");
        Assert.Equal(CaseStatus.New, conversation.Status);
    }
}
