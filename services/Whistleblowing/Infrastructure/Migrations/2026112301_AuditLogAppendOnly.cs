using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>The audit log refuses UPDATE and DELETE in the database too (see <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>).</summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112301_WhistleblowingAuditLogAppendOnly")]
public sealed class WhistleblowingAuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AuditLogAppendOnlyTriggers();
}
