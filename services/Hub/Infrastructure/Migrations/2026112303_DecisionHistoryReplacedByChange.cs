using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// A kept version now says what replaced it (<see cref="DecisionHistoryRow.ReplacedByChange"/>): the decision recorded
/// again, or a new outcome for its action. Until now only re-recorded decisions were kept, so the versions already there
/// get "decision" through the column's default. Additive, a NOT NULL column with a default (the model has the same
/// default), so one migration for SQLite and PostgreSQL (docs/persistence.md).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112303_HubDecisionHistoryReplacedByChange")]
public sealed class HubDecisionHistoryReplacedByChange : Migration
{
    // A literal, not DecisionHistoryRow.ByDecision: what this migration did must not change if the constant ever does.
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("ReplacedByChange", "hub_decision_history", nullable: false, defaultValue: "decision");
}
