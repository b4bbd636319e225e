using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// Re-recording a decision keeps the version it replaces (<see cref="DecisionHistoryRow"/>). Additive, provider-neutral
/// column types: one migration for SQLite and PostgreSQL (docs/persistence.md).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112302_HubDecisionHistory")]
public sealed class HubDecisionHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("hub_decision_history", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DecisionId = t.Column<Guid>(nullable: false),
            Month = t.Column<string>(nullable: false),
            Urn = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            OwnerOrganisation = t.Column<string>(nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            Action = t.Column<string>(nullable: false),
            RecordedBy = t.Column<string>(nullable: false),
            RecordedBySubject = t.Column<string>(nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            Done = t.Column<bool>(nullable: false),
            DoneNote = t.Column<string>(nullable: true),
            DoneAt = t.Column<DateTime>(nullable: true),
            DoneRecordedBy = t.Column<string>(nullable: true),
            ReplacedAt = t.Column<DateTime>(nullable: false),
            ReplacedBy = t.Column<string>(nullable: false),
            ReplacedBySubject = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_hub_decision_history", x => x.Id));
        migrationBuilder.CreateIndex("IX_hub_decision_history_Urn", "hub_decision_history", "Urn");
    }
}
