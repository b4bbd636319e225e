using EducationHub.Complaints.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EducationHub.Complaints.Infrastructure;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.ComplainantType).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RoutedMatter).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Summary).HasMaxLength(ComplaintLimits.SummaryMaxLength);
        builder.Property(c => c.LateAcceptanceReason).HasMaxLength(ComplaintLimits.ReasonMaxLength);
        builder.Property(c => c.RoutedTo).HasMaxLength(200);
        builder.Property(c => c.RecordedByOrganisation).HasMaxLength(200);
        builder.Ignore(c => c.CurrentStage);
        builder.Ignore(c => c.Stage);
        builder.Ignore(c => c.FinalOutcome);
        builder.HasIndex(c => new { c.Urn, c.ReceivedOn });
        builder.HasIndex(c => c.Status);
        builder.HasIndex(c => c.CampaignId);

        builder.OwnsOne(c => c.Complainant, complainant =>
        {
            complainant.Property(p => p.Name).HasColumnName("complainant_name").HasMaxLength(ComplaintLimits.NameMaxLength);
            complainant.Property(p => p.Contact).HasColumnName("complainant_contact").HasMaxLength(ComplaintLimits.ContactMaxLength);
            complainant.Property(p => p.ErasedAt).HasColumnName("complainant_erased_at");
        });
        builder.Navigation(c => c.Complainant).IsRequired();

        builder.OwnsMany(c => c.Stages, stage =>
        {
            stage.ToTable("complaint_stages");
            stage.WithOwner().HasForeignKey("ComplaintId");
            stage.HasKey(s => s.Id);
            stage.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
            stage.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(30);
            stage.Property(s => s.EscalatedTo).HasConversion<string>().HasMaxLength(40);
            stage.Property(s => s.ExtensionReason).HasMaxLength(ComplaintLimits.ReasonMaxLength);
            stage.Ignore(s => s.IsExtended);
            stage.OwnsMany(s => s.Remedies, remedy =>
            {
                remedy.ToTable("complaint_remedies");
                remedy.WithOwner().HasForeignKey("StageRecordId");
                remedy.HasKey(r => r.Id);
                remedy.Property(r => r.Description).HasMaxLength(ComplaintLimits.RemedyMaxLength);
            });
        });
    }
}
