using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Governance.Infrastructure.Migrations;

/// <summary>
/// Timeline lines written before summaries dropped free text still carried a concern's resolution
/// ("Governance concern closed: …") and a governor's reason for leaving ("… left (…)"), and the timeline
/// is read without an audit entry. They are rewritten to what is written now. Both are rebuilt from
/// data alone (a constant; the governor's name), and the text itself stays in governance_concerns and
/// governors, so nothing is lost and running it twice changes nothing. No schema change.
/// </summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration("2026112401_GovernanceTimelineWithoutFreeText")]
public sealed class GovernanceTimelineWithoutFreeText : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            UPDATE {GovernanceSchema.Timeline} SET "Summary" = 'Governance concern closed' WHERE "Kind" = 'concern.closed'
            """);
        migrationBuilder.Sql($"""
            UPDATE {GovernanceSchema.Timeline}
            SET "Summary" = (SELECT g."FullName" || ' left' FROM {GovernanceSchema.Governors} g WHERE g."Id" = {GovernanceSchema.Timeline}."EntityId")
            WHERE "Kind" = 'governor.left'
              AND EXISTS (SELECT 1 FROM {GovernanceSchema.Governors} g WHERE g."Id" = {GovernanceSchema.Timeline}."EntityId")
            """);
    }
}
