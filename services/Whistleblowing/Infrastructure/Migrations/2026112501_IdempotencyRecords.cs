using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>
/// Idempotency records (a retried Submit, reply or added information creates nothing twice). A new
/// table only, so existing cases are untouched; the same statements on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112501_WhistleblowingIdempotencyRecords")]
public sealed class WhistleblowingIdempotencyRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "wb_idempotency_records",
            columns: t => new
            {
                KeyHash = t.Column<byte[]>(nullable: false),
                Operation = t.Column<string>(maxLength: 32, nullable: false),
                RequestFingerprint = t.Column<byte[]>(nullable: false),
                CaseId = t.Column<Guid>(nullable: false),
                ResponseCipher = t.Column<byte[]>(nullable: true),
                CreatedAt = t.Column<long>(nullable: false),
                ExpiresAt = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_wb_idempotency_records", x => x.KeyHash);
                t.ForeignKey("FK_wb_idempotency_records_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_wb_idempotency_records_CaseId", table: "wb_idempotency_records", column: "CaseId");
        // The sweep deletes expired records by this column.
        migrationBuilder.CreateIndex(name: "IX_wb_idempotency_records_ExpiresAt", table: "wb_idempotency_records", column: "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("wb_idempotency_records");
}
