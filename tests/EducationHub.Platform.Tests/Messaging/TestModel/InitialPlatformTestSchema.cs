using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>Hand-written first migration, the way every service writes its own.</summary>
[DbContext(typeof(PlatformTestDbContext))]
[Migration("2026112201_Initial")]
public sealed class InitialPlatformTestSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();
        migrationBuilder.CreateTable(
            name: "received_events",
            columns: t => new
            {
                Id = t.Column<Guid>(name: "id", nullable: false),
                EventId = t.Column<Guid>(name: "event_id", nullable: false),
                Kind = t.Column<string>(name: "kind", nullable: false),
                ReceivedAt = t.Column<DateTime>(name: "received_at", nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_received_events", x => x.Id));
        migrationBuilder.CreateIndex(name: "ix_received_events_event_id", table: "received_events", column: "event_id");
    }
}
