using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using static EducationHub.Whistleblowing.Tests.StoredRows;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// ReplyAsReporter and AddInformation with an idempotency key: a repeat stores no second message and
/// answers with the conversation holding the first; a repeat still needs the reporter's credentials.
/// </summary>
public sealed class MessageIdempotencyTests
{
    private const string Passphrase = "correct horse battery";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_repeated_reply_or_added_information_is_stored_once_even_when_the_repeats_race(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Marten"));
        var login = await wb.Call<ReporterLoginRequest, ReporterLoginResponse>(WhistleblowingHost.Intake + "ReporterLogin",
            new ReporterLoginRequest { Credentials = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = Passphrase } }, WhistleblowingHost.PortalToken);
        var session = new ReporterAuth { SessionToken = login.SessionToken };
        var reply = new ReplyAsReporterRequest
        {
            Auth = session,
            Body = "Marten-reply: it happened again.",
            Attachments = { new AttachmentUpload { FileName = "Marten-note.txt", ContentType = "text/plain", Content = Google.Protobuf.ByteString.CopyFromUtf8("Marten-file") } },
            IdempotencyKey = NewIdempotencyKey(),
        };

        var first = await Reply(wb, reply);
        var again = await Reply(wb, reply);
        Assert.Equal(first, again);
        Assert.Single(first.Messages, m => m.Body == reply.Body);

        // Racing repeats (a double click reaching two replicas at once): still one message.
        var information = new AddInformationRequest { Auth = session, Body = "Marten-added: the head knows.", IdempotencyKey = NewIdempotencyKey() };
        var raced = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            wb.Call<AddInformationRequest, ReporterConversation>(WhistleblowingHost.Intake + "AddInformation", information, WhistleblowingHost.PortalToken))));
        Assert.All(raced, conversation => Assert.Single(conversation.Messages, m => m.AdditionalInformation));

        // A repeat may authenticate another way (here the receipt code instead of the session): same reporter, same request.
        reply.Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = Passphrase } };
        await Reply(wb, reply);

        var messages = await ReporterMessagesAsync(wb);
        Assert.Equal(2, messages.Count);
        var detail = await wb.Act("GetCase", new GetCaseRequest { CaseId = (await wb.OnlyCaseAsync()).CaseId });
        Assert.Equal(2, detail.Messages.Count);
        Assert.Single(detail.Attachments, a => a.FileName == "Marten-note.txt");
        var actions = (await AuditAsync(wb)).Select(a => a.Action).ToList();
        Assert.Equal(1, actions.Count(a => a == "case.reporter-replied"));
        Assert.Equal(1, actions.Count(a => a == "case.information-added"));
        Assert.Equal(2 + 5, actions.Count(a => a == "case.message-replayed"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_message_key_sent_with_another_text_or_for_another_report_is_refused_and_stores_nothing(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var mine = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Stoat"));
        var someoneElses = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Weasel"));
        var key = NewIdempotencyKey();
        await Reply(wb, new ReplyAsReporterRequest { Auth = Receipt(mine.ReceiptCode), Body = "Stoat-reply", IdempotencyKey = key });

        var attempts = new Func<Task>[]
        {
            () => Reply(wb, new ReplyAsReporterRequest { Auth = Receipt(mine.ReceiptCode), Body = "Stoat-reply, edited", IdempotencyKey = key }),
            () => wb.Call<AddInformationRequest, ReporterConversation>(WhistleblowingHost.Intake + "AddInformation",
                new AddInformationRequest { Auth = Receipt(mine.ReceiptCode), Body = "Stoat-reply", IdempotencyKey = key }, WhistleblowingHost.PortalToken),
            // The same text with the same key on another report: never an answer from someone else's conversation.
            () => Reply(wb, new ReplyAsReporterRequest { Auth = Receipt(someoneElses.ReceiptCode), Body = "Stoat-reply", IdempotencyKey = key }),
        };
        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Equal("IDEMPOTENCY_KEY_REUSED", refused.GetErrorInfo()?.Reason);
        }

        // Without the reporter's credentials a key is worth nothing.
        var wrongCode = mine.ReceiptCode[..15] + (mine.ReceiptCode[15] == '0' ? '1' : '0');
        var denied = await Assert.ThrowsAsync<RpcException>(() => Reply(wb, new ReplyAsReporterRequest { Auth = Receipt(wrongCode), Body = "Stoat-reply", IdempotencyKey = key }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        Assert.Single(await ReporterMessagesAsync(wb));
        Assert.Equal("Stoat-reply", Assert.Single((await wb.ReadAsReporterAsync(mine.ReceiptCode, Passphrase)).Messages).Body);
        Assert.Empty((await wb.ReadAsReporterAsync(someoneElses.ReceiptCode, Passphrase)).Messages);
    }

    [Fact]
    public async Task A_repeat_after_the_case_closed_gets_the_conversation_and_a_new_message_is_still_refused()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var receipt = await wb.SubmitAsync(WhistleblowingHost.SampleReport("Vole"));
        var reply = new ReplyAsReporterRequest { Auth = Receipt(receipt.ReceiptCode), Body = "Vole-reply", IdempotencyKey = NewIdempotencyKey() };
        await Reply(wb, reply);
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.NoFinding });

        // The reply was accepted before the case closed: its repeat is answered, not refused.
        var repeated = await Reply(wb, reply);
        Assert.False(repeated.CanReply);
        Assert.Single(repeated.Messages, m => m.Body == "Vole-reply");

        reply.IdempotencyKey = NewIdempotencyKey();
        var closed = await Assert.ThrowsAsync<RpcException>(() => Reply(wb, reply));
        Assert.Equal(StatusCode.FailedPrecondition, closed.StatusCode);
        Assert.Null(closed.GetErrorInfo());
        Assert.Single(await ReporterMessagesAsync(wb));
    }

    private static ReporterAuth Receipt(string code) => new() { Receipt = new ReceiptCredentials { ReceiptCode = code, Passphrase = Passphrase } };

    private static Task<ReporterConversation> Reply(WhistleblowingHost wb, ReplyAsReporterRequest request) =>
        wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter", request, WhistleblowingHost.PortalToken);
}
