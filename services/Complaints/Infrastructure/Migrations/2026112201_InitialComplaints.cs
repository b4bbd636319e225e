using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Complaints.Infrastructure.Migrations;

/// <summary>
/// Hand-written (EF's design-time tools are not available here). Column types are left to the
/// provider so the one migration serves SQLite and PostgreSQL; identity annotations for both are
/// given and each provider ignores the other's.
/// </summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("2026112201_InitialComplaints")]
public sealed class InitialComplaints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();

        migrationBuilder.CreateTable(
            name: "complaints",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                SchoolIsAcademy = t.Column<bool>(nullable: false),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                ComplainantType = t.Column<string>(maxLength: 20, nullable: false),
                Channel = t.Column<string>(maxLength: 20, nullable: false),
                Summary = t.Column<string>(maxLength: 4000, nullable: false),
                IncidentOn = t.Column<DateOnly>(nullable: false),
                ReceivedOn = t.Column<DateOnly>(nullable: false),
                LateAcceptanceReason = t.Column<string>(maxLength: 1000, nullable: true),
                AcknowledgeBy = t.Column<DateOnly>(nullable: false),
                AcknowledgedOn = t.Column<DateOnly>(nullable: true),
                AcknowledgementBreachReported = t.Column<bool>(nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                SafeguardingFlag = t.Column<bool>(nullable: false),
                RoutedMatter = t.Column<string>(maxLength: 30, nullable: false),
                RoutedTo = t.Column<string>(maxLength: 200, nullable: true),
                CampaignId = t.Column<Guid>(nullable: true),
                ClosedOn = t.Column<DateOnly>(nullable: true),
                RecordedByOrganisation = t.Column<string>(maxLength: 200, nullable: false),
                complainant_name = t.Column<string>(maxLength: 200, nullable: true),
                complainant_contact = t.Column<string>(maxLength: 300, nullable: true),
                complainant_erased_at = t.Column<DateTimeOffset>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_complaints", x => x.Id));
        migrationBuilder.CreateIndex("IX_complaints_Urn_ReceivedOn", "complaints", ["Urn", "ReceivedOn"]);
        migrationBuilder.CreateIndex("IX_complaints_Status", "complaints", "Status");
        migrationBuilder.CreateIndex("IX_complaints_CampaignId", "complaints", "CampaignId");

        migrationBuilder.CreateTable(
            name: "complaint_stages",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ComplaintId = t.Column<Guid>(nullable: false),
                Stage = t.Column<string>(maxLength: 20, nullable: false),
                OpenedOn = t.Column<DateOnly>(nullable: false),
                DueOn = t.Column<DateOnly>(nullable: true),
                ExtensionReason = t.Column<string>(maxLength: 1000, nullable: true),
                RespondedOn = t.Column<DateOnly>(nullable: true),
                Outcome = t.Column<string>(maxLength: 30, nullable: true),
                EscalatedTo = t.Column<string>(maxLength: 40, nullable: true),
                BreachReported = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_complaint_stages", x => x.Id);
                t.ForeignKey("FK_complaint_stages_complaints_ComplaintId", x => x.ComplaintId, "complaints", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_complaint_stages_ComplaintId", "complaint_stages", "ComplaintId");

        migrationBuilder.CreateTable(
            name: "complaint_remedies",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                StageRecordId = t.Column<int>(nullable: false),
                Description = t.Column<string>(maxLength: 1000, nullable: false),
                CarriedOutOn = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_complaint_remedies", x => x.Id);
                t.ForeignKey("FK_complaint_remedies_complaint_stages_StageRecordId", x => x.StageRecordId, "complaint_stages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_complaint_remedies_StageRecordId", "complaint_remedies", "StageRecordId");

        migrationBuilder.CreateTable(
            name: "campaigns",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                DetectedOn = t.Column<DateOnly>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_campaigns", x => x.Id));
        migrationBuilder.CreateIndex("IX_campaigns_Urn", "campaigns", "Urn");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("complaint_remedies");
        migrationBuilder.DropTable("complaint_stages");
        migrationBuilder.DropTable("complaints");
        migrationBuilder.DropTable("campaigns");
    }
}
