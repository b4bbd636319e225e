using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>A second migration, so the tests also cover applying versioned migrations in order.</summary>
[DbContext(typeof(PlatformTestDbContext))]
[Migration("2026112202_AddSequenceToReceivedEvents")]
public sealed class AddSequenceToReceivedEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "sequence", table: "received_events", nullable: false, defaultValue: 0);
}
