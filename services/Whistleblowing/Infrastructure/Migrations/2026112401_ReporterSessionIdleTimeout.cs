using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>
/// Reporter sessions become an idle timeout with an absolute end (<c>EndsAt</c>). Sessions are
/// authentication state lasting minutes, so the table is rebuilt rather than given a column
/// default: reporters signed in during the upgrade sign in again (nothing about a case is lost).
/// </summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112401_WhistleblowingReporterSessionIdleTimeout")]
public sealed class WhistleblowingReporterSessionIdleTimeout : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("wb_reporter_sessions");
        Create(migrationBuilder, withEndsAt: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("wb_reporter_sessions");
        Create(migrationBuilder, withEndsAt: false);
    }

    private static void Create(MigrationBuilder migrationBuilder, bool withEndsAt)
    {
        if (withEndsAt)
        {
            migrationBuilder.CreateTable(
                name: "wb_reporter_sessions",
                columns: t => new
                {
                    TokenHash = t.Column<byte[]>(nullable: false),
                    CaseId = t.Column<Guid>(nullable: false),
                    ExpiresAt = t.Column<long>(nullable: false),
                    EndsAt = t.Column<long>(nullable: false),
                },
                constraints: t =>
                {
                    t.PrimaryKey("PK_wb_reporter_sessions", x => x.TokenHash);
                    t.ForeignKey("FK_wb_reporter_sessions_wb_cases_CaseId", x => x.CaseId, "wb_cases", "Id", onDelete: ReferentialAction.Cascade);
                });
        }
        else
        {
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
        }

        migrationBuilder.CreateIndex(name: "IX_wb_reporter_sessions_CaseId", table: "wb_reporter_sessions", column: "CaseId");
        migrationBuilder.CreateIndex(name: "IX_wb_reporter_sessions_ExpiresAt", table: "wb_reporter_sessions", column: "ExpiresAt");
    }
}
