using EducationHub.Whistleblowing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EducationHub.Whistleblowing.Infrastructure.Configuration;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<WhistleblowingCase>
{
    public void Configure(EntityTypeBuilder<WhistleblowingCase> e)
    {
        e.ToTable("wb_cases");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.Category).HasConversion<string>().HasMaxLength(48);
        e.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.ReferredTo).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Substantiation).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.AcknowledgementReminder).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.FeedbackReminder).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.AssignedTo).HasMaxLength(200);
        e.Property(c => c.MasterKeyId).HasMaxLength(100);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasIndex(c => c.ReceiptIndex).IsUnique();
        e.HasIndex(c => c.Status);
        e.HasIndex(c => c.ReceiptPendingSince);
        e.Ignore(c => c.Reference);
        e.Ignore(c => c.IsReceiptHashPending);
        e.Ignore(c => c.IsPurged);
        e.Ignore(c => c.DataKey);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> e)
    {
        e.ToTable("wb_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.Author).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.HandlerSubject).HasMaxLength(200);
        e.HasIndex(m => new { m.CaseId, m.SentAt });
        e.HasOne<WhistleblowingCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> e)
    {
        e.ToTable("wb_attachments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.HasIndex(a => a.CaseId);
        e.HasOne<WhistleblowingCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityRequestConfiguration : IEntityTypeConfiguration<IdentityDisclosureRequest>
{
    public void Configure(EntityTypeBuilder<IdentityDisclosureRequest> e)
    {
        e.ToTable("wb_identity_requests");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.RequestedBy).HasMaxLength(200);
        e.Property(r => r.RequestedByOrganisation).HasMaxLength(200);
        e.Property(r => r.DecidedBy).HasMaxLength(200);
        e.HasIndex(r => new { r.State, r.RequestedAt });
        e.HasOne<WhistleblowingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReporterSessionConfiguration : IEntityTypeConfiguration<ReporterSession>
{
    public void Configure(EntityTypeBuilder<ReporterSession> e)
    {
        e.ToTable("wb_reporter_sessions");
        e.HasKey(s => s.TokenHash);
        e.HasIndex(s => s.ExpiresAt);
        e.HasOne<WhistleblowingCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
