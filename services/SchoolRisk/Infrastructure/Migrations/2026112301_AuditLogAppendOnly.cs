using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.SchoolRisk.Infrastructure.Migrations;

/// <summary>The audit log refuses UPDATE and DELETE in the database too (see <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>).</summary>
[DbContext(typeof(SchoolRiskDbContext))]
[Migration("2026112301_SchoolRiskAuditLogAppendOnly")]
public sealed class SchoolRiskAuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AuditLogAppendOnlyTriggers();
}
