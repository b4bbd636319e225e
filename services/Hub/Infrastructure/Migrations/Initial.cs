using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Hub.Infrastructure.Migrations;

/// <summary>The hub's tables. Provider-neutral column types: one migration for SQLite and PostgreSQL.</summary>
[DbContext(typeof(HubDbContext))]
[Migration("2026112201_HubInitial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();

        migrationBuilder.CreateTable("hub_timeline", t => new
        {
            EventId = t.Column<Guid>(nullable: false),
            Urn = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            OccurredAtMs = t.Column<long>(nullable: false),
            ReceivedAtMs = t.Column<long>(nullable: false),
            Producer = t.Column<string>(nullable: false),
            SourceId = t.Column<Guid>(nullable: true),
            RelatedId = t.Column<Guid>(nullable: true),
            Category = t.Column<string>(nullable: true),
            Level = t.Column<string>(nullable: true),
            Detail = t.Column<string>(nullable: true),
            Organisation = t.Column<string>(nullable: true),
            Score = t.Column<int>(nullable: true),
            Date = t.Column<DateOnly>(nullable: true),
            ModelVersion = t.Column<string>(nullable: true),
            ReasonsJson = t.Column<string>(nullable: true),
            RelatedIdsJson = t.Column<string>(nullable: true),
            Flag = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_hub_timeline", x => x.EventId));
        migrationBuilder.CreateIndex("IX_hub_timeline_Urn_OccurredAtMs", "hub_timeline", ["Urn", "OccurredAtMs"]);
        migrationBuilder.CreateIndex("IX_hub_timeline_ReceivedAtMs", "hub_timeline", "ReceivedAtMs");

        migrationBuilder.CreateTable("hub_schools", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Name = t.Column<string>(nullable: false),
            LaCode = t.Column<string>(nullable: false),
            LaName = t.Column<string>(nullable: false),
            EstablishmentType = t.Column<string>(nullable: false),
            Phase = t.Column<string>(nullable: false),
            Status = t.Column<string>(nullable: false),
            TrustName = t.Column<string>(nullable: true),
            PredecessorUrns = t.Column<string>(nullable: false),
            RegisteredAtMs = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_hub_schools", x => x.Urn));

        migrationBuilder.CreateTable("hub_decisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
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
        }, constraints: t => t.PrimaryKey("PK_hub_decisions", x => x.Id));
        migrationBuilder.CreateIndex("IX_hub_decisions_Month_Urn", "hub_decisions", ["Month", "Urn"], unique: true);

        migrationBuilder.CreateTable("hub_snapshots", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Month = t.Column<string>(nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: false),
            PublishedBy = t.Column<string>(nullable: false),
            PublishedBySubject = t.Column<string>(nullable: false),
            PriorityModelVersion = t.Column<string>(nullable: false),
            InputsCutOff = t.Column<DateTime>(nullable: false),
            SchoolCount = t.Column<int>(nullable: false),
            ListJson = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_hub_snapshots", x => x.Id));
        migrationBuilder.CreateIndex("IX_hub_snapshots_Month", "hub_snapshots", "Month", unique: true);
    }
}
