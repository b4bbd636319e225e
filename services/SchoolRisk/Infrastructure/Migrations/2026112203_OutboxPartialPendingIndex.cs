using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.SchoolRisk.Infrastructure.Migrations;

/// <summary>The outbox's pending index holds pending rows only (see <see cref="ServiceInfrastructureMigration.PartialOutboxPendingIndex"/>).</summary>
[DbContext(typeof(SchoolRiskDbContext))]
[Migration("2026112203_SchoolRiskOutboxPartialPendingIndex")]
public sealed class SchoolRiskOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
