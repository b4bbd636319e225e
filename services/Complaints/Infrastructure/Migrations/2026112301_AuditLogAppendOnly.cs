using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Complaints.Infrastructure.Migrations;

/// <summary>The audit log refuses UPDATE and DELETE in the database too (see <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>).</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("2026112301_ComplaintsAuditLogAppendOnly")]
public sealed class ComplaintsAuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AuditLogAppendOnlyTriggers();
}
