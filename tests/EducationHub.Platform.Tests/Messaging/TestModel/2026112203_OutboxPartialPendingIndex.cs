using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>The outbox's pending index holds pending rows only (see <see cref="ServiceInfrastructureMigration.PartialOutboxPendingIndex"/>).</summary>
[DbContext(typeof(PlatformTestDbContext))]
[Migration("2026112203_PlatformTestOutboxPartialPendingIndex")]
public sealed class PlatformTestOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
