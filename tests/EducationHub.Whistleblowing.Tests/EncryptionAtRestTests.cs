using System.Text;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>The database (file or server) must never hold what the reporter or handlers wrote, nor the receipt secrets.</summary>
public sealed class EncryptionAtRestTests
{
    [Fact]
    public async Task The_raw_SQLite_file_contains_no_plaintext_content_identity_messages_attachments_or_receipt_secrets()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var secrets = await FillWithSecretsAsync(wb);

        var raw = await RawDatabase.ReadSqliteFilesAsync(wb.Host.DataDirectory);
        Assert.True(raw.Length > 10_000, "the database files should hold the data");
        foreach (var secret in secrets)
        {
            Assert.False(RawDatabase.Contains(raw, Encoding.UTF8.GetBytes(secret)), $"found plaintext '{secret}' in the raw SQLite files");
            Assert.False(RawDatabase.Contains(raw, Encoding.Unicode.GetBytes(secret)), $"found UTF-16 plaintext '{secret}' in the raw SQLite files");
        }

        // Control: the plaintext metadata the service needs is there, so the scan does read the data.
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(wb.Host.DataDirectory, "whistleblowing.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Category FROM wb_cases";
        Assert.Equal("Safeguarding", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_PostgreSQL_select_of_every_table_contains_no_plaintext()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync("ehub_wb");
        var settings = WhistleblowingHost.KeySettings();
        settings["ConnectionStrings:whistleblowing"] = pg.ConnectionString;
        await using var wb = await WhistleblowingHost.StartAsync(settings);
        var secrets = await FillWithSecretsAsync(wb);

        var text = await RawDatabase.DumpPostgresAsync(pg.ConnectionString);
        Assert.Contains("Safeguarding", text);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Submits a report with contact details, a file, messages both ways, a note, a referral and an identity request.</summary>
    private static async Task<List<string>> FillWithSecretsAsync(WhistleblowingHost wb)
    {
        var report = WhistleblowingHost.SampleReport("Quokka");
        report.SchoolName = "Quokka-school Academy";
        var receipt = await wb.SubmitAsync(report);
        var id = (await wb.OnlyCaseAsync()).CaseId;
        await wb.Act("AcknowledgeCase", new AcknowledgeCaseRequest { CaseId = id, Message = "Quokka-ack thank you" });
        await wb.Act("BeginTriage", new BeginTriageRequest { CaseId = id });
        await wb.Act("RecordTriage", new RecordTriageRequest { CaseId = id, Severity = Severity.High });
        await wb.Act("AddInternalNote", new AddInternalNoteRequest { CaseId = id, Body = "Quokka-note check the minutes" });
        await wb.Act("ReferCase", new ReferCaseRequest { CaseId = id, Agency = ReferralAgency.Police, Note = "Quokka-referral crime number 42" });
        await wb.Call<RequestIdentityRequest, IdentityRequest>(WhistleblowingHost.Cases + "RequestIdentity", new RequestIdentityRequest { CaseId = id, Reason = "Quokka-reason police need a statement" }, WhistleblowingHost.HandlerToken());
        await wb.Call<ReplyAsReporterRequest, ReporterConversation>(WhistleblowingHost.Intake + "ReplyAsReporter", new ReplyAsReporterRequest
        {
            Auth = new ReporterAuth { Receipt = new ReceiptCredentials { ReceiptCode = receipt.ReceiptCode, Passphrase = report.Passphrase } },
            Body = "Quokka-reply it happened again",
            Attachments = { new AttachmentUpload { FileName = "Quokka-photo.png", ContentType = "image/png", Content = Google.Protobuf.ByteString.CopyFrom([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes("Quokka-pixels")]) } },
        }, WhistleblowingHost.PortalToken);
        await wb.Act("CloseCase", new CloseCaseRequest { CaseId = id, Substantiation = Substantiation.Substantiated, OutcomeSummary = "Quokka-outcome upheld", MessageToReporter = "Quokka-closing thanks" });

        return ["Quokka", receipt.ReceiptCode, report.Passphrase, "jo.bloggs"];
    }
}
