using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>
/// Receipt hashing moves off the submission's request path: the sealed pending receipt and the
/// worker's queue column (indexed, so the worker finds pending rows without a scan). Only added
/// columns, which SQLite and PostgreSQL both alter in place.
/// </summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112202_WhistleblowingPendingReceipts")]
public sealed class WhistleblowingPendingReceipts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<byte[]>(name: "PendingReceiptCipher", table: "wb_cases", nullable: true);
        migrationBuilder.AddColumn<long>(name: "ReceiptPendingSince", table: "wb_cases", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_wb_cases_ReceiptPendingSince", table: "wb_cases", column: "ReceiptPendingSince");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_wb_cases_ReceiptPendingSince", table: "wb_cases");
        migrationBuilder.DropColumn(name: "ReceiptPendingSince", table: "wb_cases");
        migrationBuilder.DropColumn(name: "PendingReceiptCipher", table: "wb_cases");
    }
}
