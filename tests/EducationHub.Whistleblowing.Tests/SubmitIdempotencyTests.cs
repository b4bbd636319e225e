using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using static EducationHub.Whistleblowing.Tests.StoredRows;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// Submit with an idempotency key: a repeat (double click, browser retry, dropped connection) creates
/// no second case and gets the first receipt again, on both providers, also when the repeats race.
/// </summary>
public sealed class SubmitIdempotencyTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_same_key_twice_creates_one_case_and_returns_the_same_receipt_even_after_the_code_is_hashed(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var report = WhistleblowingHost.SampleReport("Heron");
        report.IdempotencyKey = NewIdempotencyKey();

        var first = await wb.SubmitAsync(report);
        Assert.True(wb.HashOldestPendingReceipt()); // the code now exists only as its slow hash, and sealed in the record
        wb.Clock.Advance(TimeSpan.FromHours(1));
        var again = await wb.SubmitAsync(report);

        Assert.Equal(first, again); // code, received_at and acknowledgement_due_by
        var @case = Assert.Single(await CasesAsync(wb));
        Assert.Single(await IdempotencyRecordsAsync(wb));
        Assert.Equal(CaseStatus.New, (await wb.ReadAsReporterAsync(again.ReceiptCode, report.Passphrase)).Status);

        // The repeat is in the audit log as its own action, under the portal, naming only the case.
        var audit = await AuditAsync(wb);
        Assert.Equal(["case.reported", "case.report-replayed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("whistleblowing-portal", "whistleblowing-case", @case.Id.ToString()), (a.Organisation, a.EntityType, a.EntityId)));
        Assert.All(audit, a => Assert.All(new[] { first.ReceiptCode, report.IdempotencyKey, report.Passphrase, "Heron" },
            secret => Assert.DoesNotContain(secret, string.Join('|', a.Organisation, a.Subject, a.Action, a.EntityId), StringComparison.Ordinal)));

        // Without a key, or with another, the same report is a new case as before.
        report.IdempotencyKey = "";
        Assert.NotEqual(first.ReceiptCode, (await wb.SubmitAsync(report)).ReceiptCode);
        report.IdempotencyKey = NewIdempotencyKey();
        Assert.NotEqual(first.ReceiptCode, (await wb.SubmitAsync(report)).ReceiptCode);
        Assert.Equal(3, (await CasesAsync(wb)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_submissions_with_one_key_create_exactly_one_case_and_all_get_its_receipt(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var report = WhistleblowingHost.SampleReport("Egret");
        for (var round = 0; round < 3; round++)
        {
            report.IdempotencyKey = NewIdempotencyKey();
            var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => wb.SubmitAsync(report))));
            Assert.Single(receipts.Distinct());
        }

        Assert.Equal(3, (await CasesAsync(wb)).Count);
        Assert.Equal(3, (await IdempotencyRecordsAsync(wb)).Count);
        var audit = (await AuditAsync(wb)).Select(a => a.Action).ToList();
        Assert.Equal(3, audit.Count(a => a == "case.reported"));
        Assert.Equal(21, audit.Count(a => a == "case.report-replayed"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_same_key_with_a_different_report_is_refused_as_FAILED_PRECONDITION_and_creates_nothing(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var report = WhistleblowingHost.SampleReport("Crane");
        report.IdempotencyKey = NewIdempotencyKey();
        var first = await wb.SubmitAsync(report);

        // Any difference counts, the passphrase and the files included.
        var changedText = report.Clone();
        changedText.WhatHappened += " And again on Friday.";
        var changedPassphrase = report.Clone();
        changedPassphrase.Passphrase = "another horse battery";
        var changedFile = report.Clone();
        changedFile.Attachments[0].Content = Google.Protobuf.ByteString.CopyFromUtf8("Crane-attachment: other minutes");
        foreach (var different in new[] { changedText, changedPassphrase, changedFile })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => wb.SubmitAsync(different));
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Equal("IDEMPOTENCY_KEY_REUSED", refused.GetErrorInfo()?.Reason);
            Assert.Equal("idempotency_key", Assert.Single(refused.GetPreconditionFailure()!.Violations).Subject);
            Assert.DoesNotContain(first.ReceiptCode, refused.Status.Detail, StringComparison.Ordinal);
        }

        // A key used for a report is not a key for a message either.
        var reply = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
            new ReplyAsReporterRequest
            {
                Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = first.ReceiptCode, Passphrase = report.Passphrase } },
                Body = "Crane-reply",
                IdempotencyKey = report.IdempotencyKey,
            }, WhistleblowingHost.PortalToken));
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reply.GetErrorInfo()?.Reason);

        Assert.Single(await CasesAsync(wb));
        Assert.Empty(await ReporterMessagesAsync(wb));
        Assert.Equal(["case.reported"], (await AuditAsync(wb)).Select(a => a.Action));
        Assert.Equal(first, await wb.SubmitAsync(report)); // the first request still gets its answer
    }

    [Theory]
    [InlineData("abc")]                                                                   // too short
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]                                                 // 21: one short
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]     // 65: one too many
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]                                              // padding is not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAA+/AA")]                                              // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAA AAA")]
    public async Task A_malformed_key_is_INVALID_ARGUMENT_naming_idempotency_key_on_every_write(string key)
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport();
        var receipt = await wb.SubmitAsync(report);
        report.IdempotencyKey = key;
        var auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = report.Passphrase } };

        var refusals = new[]
        {
            await Assert.ThrowsAsync<RpcException>(() => wb.SubmitAsync(report)),
            await Assert.ThrowsAsync<RpcException>(() => wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter",
                new ReplyAsReporterRequest { Auth = auth, Body = "a reply", IdempotencyKey = key }, WhistleblowingHost.PortalToken)),
            await Assert.ThrowsAsync<RpcException>(() => wb.Call<AddInformationRequest, ReporterConversation>(WhistleblowingHost.Intake + "AddInformation",
                new AddInformationRequest { Auth = auth, Body = "more", IdempotencyKey = key }, WhistleblowingHost.PortalToken)),
        };
        foreach (var refused in refusals)
        {
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            var violation = Assert.Single(refused.GetBadRequest()!.FieldViolations);
            Assert.Equal("idempotency_key", violation.Field);
            Assert.Contains("22 to 64 base64url characters", violation.Description, StringComparison.Ordinal);
        }

        Assert.Single(await CasesAsync(wb));
        Assert.Empty(await ReporterMessagesAsync(wb));
    }

    [Fact]
    public async Task The_longest_allowed_key_is_accepted()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport();
        report.IdempotencyKey = string.Concat(Enumerable.Repeat(NewIdempotencyKey(), 3))[..64];
        Assert.Equal(await wb.SubmitAsync(report), await wb.SubmitAsync(report));
        Assert.Single(await CasesAsync(wb));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_copy_of_the_database_holds_neither_the_receipt_code_nor_the_key_kept_for_repeats(string provider)
    {
        await using var store = await WhistleblowingStore.CreateAsync(provider);
        await using var wb = await store.StartHostAsync();
        var report = WhistleblowingHost.SampleReport("Ibex");
        report.IdempotencyKey = NewIdempotencyKey();
        var receipt = await wb.SubmitAsync(report);
        Assert.True(wb.HashOldestPendingReceipt());

        var record = Assert.Single(await IdempotencyRecordsAsync(wb));
        Assert.NotNull(record.ResponseCipher);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(report.IdempotencyKey)), record.KeyHash);
        Assert.False(await store.RawCopyContainsAsync(receipt.ReceiptCode), "the receipt code is readable in the database");
        Assert.False(await store.RawCopyContainsAsync(report.IdempotencyKey), "the idempotency key is readable in the database");
        Assert.False(await store.RawCopyContainsAsync("Ibex"), "report content is readable in the database");
    }
}
