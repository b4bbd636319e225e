using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>A second migration, so the tests also cover applying versioned migrations in order.</summary>
[DbContext(typeof(PlatformTestDbContext))]
[Migration("2026112202_AddSequenceToReceivedEvents")]
public sealed class AddSequenceToReceivedEvents : Migration
{
    // Existing rows need a value, so the column gets a database default, and the model declares
    // the same default (HasDefaultValue(0)): schema = model. Without a model snapshot SQLite
    // cannot rebuild tables, so migrations stay additive (see docs/persistence.md).
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "sequence", table: "received_events", nullable: false, defaultValue: 0);
}
