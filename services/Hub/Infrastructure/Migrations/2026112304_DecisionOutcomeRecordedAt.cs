using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// When an outcome was recorded, done or not done (<see cref="DecisionVersion.OutcomeRecordedAt"/>): DoneAt is only set
/// for "done", so a "not done" report had no date. On the decisions and on the versions kept in their history. Outcomes
/// already recorded get DoneAt where they were done (the same instant the hub would have written); for "not done" no time
/// was kept, so it stays null rather than a made-up one. Additive, a nullable column and an UPDATE with quoted names
/// both providers accept, so one migration for SQLite and PostgreSQL (docs/persistence.md).
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112304_HubDecisionOutcomeRecordedAt")]
public sealed class HubDecisionOutcomeRecordedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "hub_decisions", "hub_decision_history" })
        {
            migrationBuilder.AddColumn<DateTime>("OutcomeRecordedAt", table, nullable: true);
            migrationBuilder.Sql($"""
                UPDATE {table} SET "OutcomeRecordedAt" = "DoneAt"
                WHERE "DoneRecordedBy" IS NOT NULL AND "DoneAt" IS NOT NULL
                """);
        }
    }
}
