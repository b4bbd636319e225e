using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>
/// The whistleblowing schema. Hand-written and provider-neutral (types chosen by the provider:
/// Guid → TEXT/uuid, byte[] → BLOB/bytea, long → INTEGER/bigint). Dates are UTC ticks (long).
/// Every column that could hold what a reporter wrote ends in _cipher.
/// </summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112201_WhistleblowingInitial")]
public sealed class WhistleblowingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();

        migrationBuilder.CreateTable(
            name: "wb_cases",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Status = t.Column<string>(maxLength: 32, nullable: false),
                Category = t.Column<string>(maxLength: 48, nullable: false),
                Urn = t.Column<int>(nullable: true),
                Severity = t.Column<string>(maxLength: 16, nullable: true),
                AssignedTo = t.Column<string>(maxLength: 200, nullable: true),
                ReferredTo = t.Column<string>(maxLength: 16, nullable: true),
                Substantiation = t.Column<string>(maxLength: 32, nullable: true),
                ReceivedAt = t.Column<long>(nullable: false),
                AcknowledgementDueAt = t.Column<long>(nullable: false),
                AcknowledgedAt = t.Column<long>(nullable: true),
                FeedbackDueAt = t.Column<long>(nullable: true),
                FeedbackGivenAt = t.Column<long>(nullable: true),
                TriagedAt = t.Column<long>(nullable: true),
                ClosedAt = t.Column<long>(nullable: true),
                PurgedAt = t.Column<long>(nullable: true),
                AcknowledgementReminder = t.Column<string>(maxLength: 16, nullable: false),
                FeedbackReminder = t.Column<string>(maxLength: 16, nullable: false),
                MasterKeyId = t.Column<string>(maxLength: 100, nullable: true),
                WrappedDataKey = t.Column<byte[]>(nullable: true),
                ContentCipher = t.Column<byte[]>(nullable: true),
                IdentityCipher = t.Column<byte[]>(nullable: true),
                HasIdentity = t.Column<bool>(nullable: false),
                ReferralNoteCipher = t.Column<byte[]>(nullable: true),
                OutcomeSummaryCipher = t.Column<byte[]>(nullable: true),
                ReceiptIndex = t.Column<byte[]>(nullable: false),
                PassphraseSalt = t.Column<byte[]>(nullable: true),
                PassphraseHash = t.Column<byte[]>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_wb_cases", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_wb_cases_ReceiptIndex", table: "wb_cases", column: "ReceiptIndex", unique: true);
        migrationBuilder.CreateIndex(name: "IX_wb_cases_Status", table: "wb_cases", column: "Status");

        migrationBuilder.CreateTable(
            name: "wb_messages",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 32, nullable: false),
                Author = t.Column<string>(maxLength: 16, nullable: false),
                HandlerSubject = t.Column<string>(maxLength: 200, nullable: true),
                SentAt = t.Column<long>(nullable: false),
                BodyCipher = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_wb_messages", x => x.Id);
                t.ForeignKey("FK_wb_messages_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_wb_messages_CaseId_SentAt", table: "wb_messages", columns: ["CaseId", "SentAt"]);

        migrationBuilder.CreateTable(
            name: "wb_attachments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
                MessageId = t.Column<Guid>(nullable: true),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = t.Column<long>(nullable: false),
                ReceivedAt = t.Column<long>(nullable: false),
                FileNameCipher = t.Column<byte[]>(nullable: false),
                ContentCipher = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_wb_attachments", x => x.Id);
                t.ForeignKey("FK_wb_attachments_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_wb_attachments_CaseId", table: "wb_attachments", column: "CaseId");

        migrationBuilder.CreateTable(
            name: "wb_identity_requests",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
                RequestedBy = t.Column<string>(maxLength: 200, nullable: false),
                RequestedByOrganisation = t.Column<string>(maxLength: 200, nullable: false),
                ReasonCipher = t.Column<byte[]>(nullable: false),
                RequestedAt = t.Column<long>(nullable: false),
                State = t.Column<string>(maxLength: 16, nullable: false),
                DecidedBy = t.Column<string>(maxLength: 200, nullable: true),
                DecidedAt = t.Column<long>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_wb_identity_requests", x => x.Id);
                t.ForeignKey("FK_wb_identity_requests_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_wb_identity_requests_CaseId", table: "wb_identity_requests", column: "CaseId");
        migrationBuilder.CreateIndex(name: "IX_wb_identity_requests_State_RequestedAt", table: "wb_identity_requests", columns: ["State", "RequestedAt"]);

        migrationBuilder.CreateTable(
            name: "wb_reporter_sessions",
            columns: t => new
            {
                TokenHash = t.Column<byte[]>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
                ExpiresAt = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_wb_reporter_sessions", x => x.TokenHash);
                t.ForeignKey("FK_wb_reporter_sessions_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_wb_reporter_sessions_CaseId", table: "wb_reporter_sessions", column: "CaseId");
        migrationBuilder.CreateIndex(name: "IX_wb_reporter_sessions_ExpiresAt", table: "wb_reporter_sessions", column: "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("wb_reporter_sessions");
        migrationBuilder.DropTable("wb_identity_requests");
        migrationBuilder.DropTable("wb_attachments");
        migrationBuilder.DropTable("wb_messages");
        migrationBuilder.DropTable("wb_cases");
    }
}
