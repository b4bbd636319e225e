using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Governance.Infrastructure.Migrations;

/// <summary>The outbox's pending index holds pending rows only (see <see cref="ServiceInfrastructureMigration.PartialOutboxPendingIndex"/>).</summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration("2026112203_GovernanceOutboxPartialPendingIndex")]
public sealed class GovernanceOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
