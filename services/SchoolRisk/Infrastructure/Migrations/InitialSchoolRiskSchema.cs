using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.SchoolRisk.Infrastructure.Migrations;

/// <summary>
/// Hand-written (no EF Design package here). Column types come from the CLR types, so the same
/// migration serves SQLite and PostgreSQL; names match the model in <see cref="SchoolRiskDbContext"/>.
/// </summary>
[DbContext(typeof(SchoolRiskDbContext))]
[Migration("2026112201_InitialSchoolRiskSchema")]
public sealed class InitialSchoolRiskSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();

        migrationBuilder.CreateTable("schools", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Name = t.Column<string>(nullable: false),
            LaCode = t.Column<string>(nullable: false),
            LaName = t.Column<string>(nullable: false),
            EstablishmentType = t.Column<string>(nullable: false),
            TypeGroup = t.Column<string>(nullable: false),
            Phase = t.Column<string>(nullable: false),
            Status = t.Column<int>(nullable: false),
            OpenedOn = t.Column<DateOnly>(nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            TrustName = t.Column<string>(nullable: true),
            FederationName = t.Column<string>(nullable: true),
            Town = t.Column<string>(nullable: true),
            Postcode = t.Column<string>(nullable: true),
            NumberOfPupils = t.Column<int>(nullable: true),
            RscRegion = t.Column<string>(nullable: true),
            Source = t.Column<string>(nullable: false),
            FirstRegisteredAt = t.Column<DateTimeOffset>(nullable: false),
            LastChangedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_schools", x => x.Urn));
        migrationBuilder.CreateIndex("ix_schools_la_code", "schools", "LaCode");

        migrationBuilder.CreateTable("school_links", t => new
        {
            Urn = t.Column<int>(nullable: false),
            LinkedUrn = t.Column<int>(nullable: false),
            LinkType = t.Column<string>(nullable: false),
            EstablishedOn = t.Column<DateOnly>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_school_links", x => new { x.Urn, x.LinkedUrn, x.LinkType }));
        migrationBuilder.CreateIndex("ix_school_links_linked_urn", "school_links", "LinkedUrn");

        migrationBuilder.CreateTable("register_changes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Urn = t.Column<int>(nullable: false),
            Field = t.Column<string>(nullable: false),
            OldValue = t.Column<string>(nullable: true),
            NewValue = t.Column<string>(nullable: true),
            ImportRunId = t.Column<Guid>(nullable: false),
            ChangedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_register_changes", x => x.Id));
        migrationBuilder.CreateIndex("ix_register_changes_urn", "register_changes", "Urn");

        migrationBuilder.CreateTable("inspections", t => new
        {
            Urn = t.Column<int>(nullable: false),
            InspectedOn = t.Column<DateOnly>(nullable: false),
            Grade = t.Column<int>(nullable: false),
            SafeguardingMet = t.Column<bool>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_inspections", x => new { x.Urn, x.InspectedOn }));

        migrationBuilder.CreateTable("ks2_results", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            PublishedOn = t.Column<DateOnly>(nullable: false),
            Pupils = t.Column<int>(nullable: true),
            ReadingProgress = t.Column<double>(nullable: true),
            WritingProgress = t.Column<double>(nullable: true),
            MathsProgress = t.Column<double>(nullable: true),
            MeetingExpectedPercent = t.Column<double>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ks2_results", x => new { x.Urn, x.Year }));

        migrationBuilder.CreateTable("ks4_results", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            PublishedOn = t.Column<DateOnly>(nullable: false),
            Pupils = t.Column<int>(nullable: true),
            Progress8 = t.Column<double>(nullable: true),
            Attainment8 = t.Column<double>(nullable: true),
            Progress8Band = t.Column<string>(nullable: true),
            DisadvantagedPercent = t.Column<double>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ks4_results", x => new { x.Urn, x.Year }));

        migrationBuilder.CreateTable("ks5_results", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            PublishedOn = t.Column<DateOnly>(nullable: false),
            Pupils = t.Column<int>(nullable: true),
            AverageALevelPoints = t.Column<double>(nullable: true),
            AverageALevelGrade = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ks5_results", x => new { x.Urn, x.Year }));

        migrationBuilder.CreateTable("finance_returns", t => new
        {
            Urn = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            PublishedOn = t.Column<DateOnly>(nullable: false),
            Income = t.Column<decimal>(nullable: false),
            Expenditure = t.Column<decimal>(nullable: false),
            Balance = t.Column<decimal>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_finance_returns", x => new { x.Urn, x.Year }));

        migrationBuilder.CreateTable("partner_signals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Urn = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            ConcernLevel = t.Column<int>(nullable: false),
            ObservedOn = t.Column<DateOnly>(nullable: false),
            Summary = t.Column<string>(nullable: false),
            Outcome = t.Column<string>(nullable: true),
            Organisation = t.Column<string>(nullable: false),
            Author = t.Column<string>(nullable: false),
            RecordedAt = t.Column<DateTimeOffset>(nullable: false),
            SupersedesId = t.Column<Guid>(nullable: true),
            SupersededById = t.Column<Guid>(nullable: true),
            CorrectionReason = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_partner_signals", x => x.Id));
        migrationBuilder.CreateIndex("ix_partner_signals_urn", "partner_signals", "Urn");

        migrationBuilder.CreateTable("assessments", t => new
        {
            Urn = t.Column<int>(nullable: false),
            AsOf = t.Column<DateOnly>(nullable: false),
            Score = t.Column<int>(nullable: false),
            Band = t.Column<int>(nullable: false),
            ModelVersion = t.Column<string>(nullable: false),
            ReasonsJson = t.Column<string>(nullable: false),
            AssessedAt = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_assessments", x => x.Urn));

        migrationBuilder.CreateTable("import_runs", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Dataset = t.Column<string>(nullable: false),
            FileName = t.Column<string>(nullable: false),
            Organisation = t.Column<string>(nullable: false),
            StartedAt = t.Column<DateTimeOffset>(nullable: false),
            FinishedAt = t.Column<DateTimeOffset>(nullable: false),
            RowsRead = t.Column<int>(nullable: false),
            Inserted = t.Column<int>(nullable: false),
            Updated = t.Column<int>(nullable: false),
            Unchanged = t.Column<int>(nullable: false),
            Rejected = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_import_runs", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "import_runs", "assessments", "partner_signals", "finance_returns", "ks5_results", "ks4_results", "ks2_results", "inspections", "register_changes", "school_links", "schools" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
