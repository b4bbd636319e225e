using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Infrastructure.Migrations;

/// <summary>The outbox's pending index holds pending rows only (see <see cref="ServiceInfrastructureMigration.PartialOutboxPendingIndex"/>).</summary>
[DbContext(typeof(WhistleblowingDbContext))]
[Migration("2026112203_WhistleblowingOutboxPartialPendingIndex")]
public sealed class WhistleblowingOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
