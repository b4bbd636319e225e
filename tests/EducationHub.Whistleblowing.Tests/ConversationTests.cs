using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;

namespace EducationHub.Whistleblowing.Tests;

public sealed class ConversationTests
{
    [Fact]
    public async Task Reporter_submits_handler_replies_and_reporter_reads_the_reply_with_a_session()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        Assert.Matches("^[0-9]{16}$", receipt.ReceiptCode);
        Assert.Equal(receipt.ReceivedAt.ToDateTimeOffset().AddDays(7), receipt.AcknowledgementDueBy.ToDateTimeOffset());

        var summary = await wb.OnlyCaseAsync();
        var detail = await wb.Act("GetCase", new GetCaseRequest { CaseId = summary.CaseId });
        Assert.Contains("Zebra-what", detail.WhatHappened);
        Assert.Equal("123456", detail.Summary.Urn);
        Assert.True(detail.Summary.HasIdentity);
        Assert.Single(detail.Attachments);

        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = summary.CaseId, Message = "Thank you, we are looking into this." });
        await wb.Act("AddInternalNote", new AddInternalNoteRequest { CaseId = summary.CaseId, Body = "Internal: speak to the DSL first." });

        var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = FormatWithSpaces(receipt.ReceiptCode), Passphrase = "correct horse battery" } },
            WhistleblowingHost.PortalToken);
        var sessionAuth = new ReporterAuth { SessionToken = login.SessionToken };
        var conversation = await wb.Call<ReadConversationRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReadConversation", new ReadConversationRequest { Auth = sessionAuth }, WhistleblowingHost.PortalToken);

        Assert.Equal(CaseStatus.Acknowledged, conversation.Status);
        var reply = Assert.Single(conversation.Messages);
        Assert.Equal(MessageAuthor.Handler, reply.Author);
        Assert.Equal("Thank you, we are looking into this.", reply.Body);
        Assert.DoesNotContain(conversation.Messages, m => m.Body.Contains("Internal", StringComparison.Ordinal));

        var after = await wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
            new ReplyAsReporterRequest { Auth = sessionAuth, Body = "It happened again today." }, WhistleblowingHost.PortalToken);
        Assert.Equal(2, after.Messages.Count);
        Assert.Equal(MessageAuthor.Reporter, after.Messages[1].Author);

        var added = await wb.Call<AddInformationRequest, ReporterConversation>(WhistleblowingHost.Intake + "AddInformation",
            new AddInformationRequest { Auth = sessionAuth, Body = "The head also knows." }, WhistleblowingHost.PortalToken);
        Assert.True(added.Messages[2].AdditionalInformation);

        await wb.Call<ReporterLogoutRequest, ReporterLogoutResponse>(WhistleblowingHost.Intake + "ReporterLogout", new ReporterLogoutRequest { SessionToken = login.SessionToken }, WhistleblowingHost.PortalToken);
        var ended = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReadConversationRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReadConversation", new ReadConversationRequest { Auth = sessionAuth }, WhistleblowingHost.PortalToken));
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
    }

    [Fact]
    public async Task Wrong_passphrase_or_code_is_refused_the_same_way_and_the_passphrase_is_required()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var wrongCode = receipt.ReceiptCode[..15] + (receipt.ReceiptCode[15] == '0' ? '1' : '0');

        var byCode = await Assert.ThrowsAsync<RpcException>(() => wb.ReadAsReporterAsync(wrongCode, "correct horse battery"));
        var byPassphrase = await Assert.ThrowsAsync<RpcException>(() => wb.ReadAsReporterAsync(receipt.ReceiptCode, "wrong horse battery"));
        var noPassphrase = await Assert.ThrowsAsync<RpcException>(() => wb.ReadAsReporterAsync(receipt.ReceiptCode));

        foreach (var e in new[] { byCode, byPassphrase, noPassphrase })
        {
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal("REPORTER_CREDENTIALS_REJECTED", e.GetErrorInfo()?.Reason);
        }

        Assert.Equal(byCode.Status.Detail, byPassphrase.Status.Detail);
        var ok = await wb.ReadAsReporterAsync(receipt.ReceiptCode, "correct horse battery");
        Assert.Equal(CaseStatus.New, ok.Status);
    }

    [Fact]
    public async Task The_portal_token_cannot_read_cases_and_a_handler_cannot_approve_identity()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var portal = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest(), WhistleblowingHost.PortalToken));
        Assert.Equal(StatusCode.PermissionDenied, portal.StatusCode);

        var handler = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ListIdentityRequestsRequest, ListIdentityRequestsResponse>(WhistleblowingHost.Cases + "ListIdentityRequests", new ListIdentityRequestsRequest(), WhistleblowingHost.HandlerToken()));
        Assert.Equal(StatusCode.PermissionDenied, handler.StatusCode);
    }

    [Fact]
    public async Task Status_changes_follow_the_workflow_and_refusals_name_the_allowed_statuses()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        await wb.SubmitAsync(WhistleblowingHost.SampleReport());
        var id = (await wb.OnlyCaseAsync()).CaseId;

        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.Substantiated }));
        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains("InTriage", tooEarly.GetPreconditionFailure()!.Violations[0].Description);

        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        var triaged = await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.High });
        Assert.Equal(CaseStatus.Investigating, triaged.Summary.Status);
        var referred = await wb.Act("ReferCase", new ReferCaseRequest { CaseId = id, Agency = ReferralAgency.Lado, Note = "Referred to the LADO on the phone." });
        Assert.Equal(ReferralAgency.Lado, referred.Summary.ReferredTo);
        Assert.Equal("Referred to the LADO on the phone.", referred.ReferralNote);
        var assigned = await wb.Act("AssignCase", new AssignCaseRequest { CaseId = id, Handler = "handler-bob" });
        Assert.Equal("handler-bob", assigned.Summary.AssignedTo);
        var closed = await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.Substantiated, OutcomeSummary = "Upheld.", MessageToReporter = "Your concern was upheld. Thank you." });
        Assert.Equal(CaseStatus.Closed, closed.Summary.Status);
        Assert.NotNull(closed.Summary.FeedbackGivenAt);

        var reporterCannotWrite = await wb.ReadAsReporterAsync((await wb.SubmitAsync(WhistleblowingHost.SampleReport())).ReceiptCode, "correct horse battery");
        Assert.True(reporterCannotWrite.CanReply);
    }

    private static string FormatWithSpaces(string code) => string.Join(' ', code.Chunk(4).Select(c => new string(c)));
}
