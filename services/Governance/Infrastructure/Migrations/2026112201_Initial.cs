using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Governance.Infrastructure.Migrations;

/// <summary>
/// The Governance schema. Column types are left to the provider (the CLR types are what the model's
/// converters produce: LocalDate → DateOnly, Instant → DateTime UTC, lists → JSON text, enums → int).
/// </summary>
[DbContext(typeof(GovernanceDbContext))]
[Migration("2026112201_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Notices,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                Type = t.Column<int>(nullable: false),
                Grounds = t.Column<string>(nullable: false),
                Issuer = t.Column<int>(nullable: false),
                IssuingOffice = t.Column<string>(nullable: false),
                Status = t.Column<int>(nullable: false),
                Summary = t.Column<string>(nullable: false),
                RequiredActions = t.Column<string>(nullable: false),
                ComplianceWorkingDays = t.Column<int>(nullable: false),
                IssuedOn = t.Column<DateOnly>(nullable: true),
                ComplianceDeadline = t.Column<DateOnly>(nullable: true),
                DeadlinePassedNotifiedAt = t.Column<DateTime>(nullable: true),
                SupersededByNoticeId = t.Column<Guid>(nullable: true),
                InterventionId = t.Column<Guid>(nullable: true),
                DraftedByOrganisation = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_notices", x => x.Id));
        migrationBuilder.CreateIndex("ix_notices_urn", GovernanceSchema.Notices, "Urn");
        migrationBuilder.CreateIndex("ix_notices_status_deadline", GovernanceSchema.Notices, ["Status", "ComplianceDeadline"]);

        migrationBuilder.CreateTable(
            name: GovernanceSchema.NoticeHistory,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoticeId = t.Column<Guid>(nullable: false),
                From = t.Column<int>(nullable: false),
                Trigger = t.Column<int>(nullable: false),
                To = t.Column<int>(nullable: false),
                OnDate = t.Column<DateOnly>(nullable: false),
                Note = t.Column<string>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_notice_history", x => x.Id);
                t.ForeignKey("FK_notice_history_notices_NoticeId", x => x.NoticeId, GovernanceSchema.Notices, "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_notice_history_NoticeId", GovernanceSchema.NoticeHistory, "NoticeId");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.NoticeDocuments,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                NoticeId = t.Column<Guid>(nullable: false),
                FileName = t.Column<string>(nullable: false),
                ContentType = t.Column<string>(nullable: false),
                SizeBytes = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(nullable: false),
                UploadedByOrganisation = t.Column<string>(nullable: false),
                UploadedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_notice_documents", x => x.Id);
                t.ForeignKey("FK_notice_documents_notices_NoticeId", x => x.NoticeId, GovernanceSchema.Notices, "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_notice_documents_NoticeId", GovernanceSchema.NoticeDocuments, "NoticeId");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.NoticeDocumentContents,
            columns: t => new
            {
                DocumentId = t.Column<Guid>(nullable: false),
                Content = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_notice_document_contents", x => x.DocumentId);
                t.ForeignKey("FK_notice_document_contents_notice_documents_DocumentId", x => x.DocumentId, GovernanceSchema.NoticeDocuments, "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Interventions,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Status = t.Column<int>(nullable: false),
                Rationale = t.Column<string>(nullable: false),
                ResponsibleOfficer = t.Column<string>(nullable: false),
                ResponsibleOrganisation = t.Column<string>(nullable: false),
                NoticeId = t.Column<Guid>(nullable: true),
                ApprovedOn = t.Column<DateOnly>(nullable: true),
                StartedOn = t.Column<DateOnly>(nullable: true),
                EndedOn = t.Column<DateOnly>(nullable: true),
                Outcome = t.Column<string>(nullable: false),
                NextReviewOn = t.Column<DateOnly>(nullable: true),
                ProposedByOrganisation = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_interventions", x => x.Id));
        migrationBuilder.CreateIndex("ix_interventions_urn", GovernanceSchema.Interventions, "Urn");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.InterventionHistory,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                InterventionId = t.Column<Guid>(nullable: false),
                From = t.Column<int>(nullable: false),
                Trigger = t.Column<int>(nullable: false),
                To = t.Column<int>(nullable: false),
                OnDate = t.Column<DateOnly>(nullable: false),
                Note = t.Column<string>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_intervention_history", x => x.Id);
                t.ForeignKey("FK_intervention_history_interventions_InterventionId", x => x.InterventionId, GovernanceSchema.Interventions, "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_intervention_history_InterventionId", GovernanceSchema.InterventionHistory, "InterventionId");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.InterventionReviews,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                InterventionId = t.Column<Guid>(nullable: false),
                ReviewedOn = t.Column<DateOnly>(nullable: false),
                Note = t.Column<string>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_intervention_reviews", x => x.Id);
                t.ForeignKey("FK_intervention_reviews_interventions_InterventionId", x => x.InterventionId, GovernanceSchema.Interventions, "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_intervention_reviews_InterventionId", GovernanceSchema.InterventionReviews, "InterventionId");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.GoverningBodies,
            columns: t => new
            {
                Urn = t.Column<int>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                ClerkName = t.Column<string>(nullable: false),
                ClerkEmail = t.Column<string>(nullable: false),
                Constitution = t.Column<string>(nullable: false),
                SkillsGaps = t.Column<string>(nullable: false),
                TrainingGaps = t.Column<string>(nullable: false),
                CreatedByOrganisation = t.Column<string>(nullable: false),
                UpdatedByOrganisation = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_governing_bodies", x => x.Urn));

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Governors,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                FullName = t.Column<string>(nullable: false),
                Category = t.Column<int>(nullable: false),
                Role = t.Column<int>(nullable: false),
                AppointedBy = t.Column<string>(nullable: false),
                AppointedOn = t.Column<DateOnly>(nullable: false),
                TermEndsOn = t.Column<DateOnly>(nullable: false),
                LeftOn = t.Column<DateOnly>(nullable: true),
                LeftReason = t.Column<string>(nullable: false),
                RecordedByOrganisation = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_governors", x => x.Id));
        migrationBuilder.CreateIndex("ix_governors_urn", GovernanceSchema.Governors, "Urn");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Reviews,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                ReviewedOn = t.Column<DateOnly>(nullable: false),
                Reviewer = t.Column<string>(nullable: false),
                Outcome = t.Column<int>(nullable: false),
                Summary = t.Column<string>(nullable: false),
                Recommendations = t.Column<string>(nullable: false),
                RecordedByOrganisation = t.Column<string>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_governance_reviews", x => x.Id));
        migrationBuilder.CreateIndex("ix_governance_reviews_urn", GovernanceSchema.Reviews, "Urn");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Concerns,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                Severity = t.Column<int>(nullable: false),
                Source = t.Column<int>(nullable: false),
                Summary = t.Column<string>(nullable: false),
                RaisedOn = t.Column<DateOnly>(nullable: false),
                RaisedByOrganisation = t.Column<string>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
                ClosedOn = t.Column<DateOnly>(nullable: true),
                Resolution = t.Column<string>(nullable: false),
                ClosedByOrganisation = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_governance_concerns", x => x.Id));
        migrationBuilder.CreateIndex("ix_governance_concerns_urn", GovernanceSchema.Concerns, "Urn");

        migrationBuilder.CreateTable(
            name: GovernanceSchema.Timeline,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Urn = t.Column<int>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
                OccurredOn = t.Column<DateOnly>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                Summary = t.Column<string>(nullable: false),
                EntityId = t.Column<Guid>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_timeline_entries", x => x.Id));
        migrationBuilder.CreateIndex("ix_timeline_entries_urn", GovernanceSchema.Timeline, "Urn");
    }
}
