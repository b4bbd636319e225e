using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>The audit log refuses UPDATE and DELETE in the database too (see <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>).</summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112301_HubAuditLogAppendOnly")]
public sealed class HubAuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AuditLogAppendOnlyTriggers();
}
