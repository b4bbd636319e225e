using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>The audit log refuses UPDATE and DELETE in the database too (see <see cref="ServiceInfrastructureMigration.AuditLogAppendOnlyTriggers"/>).</summary>
[DbContext(typeof(PlatformTestDbContext))]
[Migration("2026112301_PlatformTestAuditLogAppendOnly")]
public sealed class PlatformTestAuditLogAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AuditLogAppendOnlyTriggers();
}
