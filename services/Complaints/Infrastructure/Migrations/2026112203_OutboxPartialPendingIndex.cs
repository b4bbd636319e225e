using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Complaints.Infrastructure.Migrations;

/// <summary>The outbox's pending index holds pending rows only (see <see cref="ServiceInfrastructureMigration.PartialOutboxPendingIndex"/>).</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("2026112203_ComplaintsOutboxPartialPendingIndex")]
public sealed class ComplaintsOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
