using EducationHub.Whistleblowing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EducationHub.Whistleblowing.Infrastructure.Configuration;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("wb_idempotency_records");
        // The key hash is the primary key: its unique index is what lets exactly one of two concurrent first uses commit.
        e.HasKey(r => r.KeyHash);
        e.Property(r => r.Operation).HasConversion<string>().HasMaxLength(32);
        e.HasIndex(r => r.ExpiresAt);
        e.HasOne<WhistleblowingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
