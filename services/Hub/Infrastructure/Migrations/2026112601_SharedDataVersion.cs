using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>
/// The sequence hub replicas advance after their commits so that each other's cached drafts go stale
/// (<see cref="HubDataVersion"/>). PostgreSQL only: a SQLite database belongs to one process, whose own
/// counter is enough. A sequence is not part of the EF model, so the schema comparison does not see it;
/// <c>SharedDataVersionTests</c> does.
/// </summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112601_HubSharedDataVersion")]
public sealed class HubSharedDataVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql($"CREATE SEQUENCE {HubDataVersion.Sequence};");
    }
}
