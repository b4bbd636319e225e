using Microsoft.EntityFrameworkCore;

namespace EducationHub.ServiceDefaults.Persistence;

internal static class AuditModelBuilderExtensions
{
    public static ModelBuilder MapAuditLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(PersistenceSchema.Audit.Table);
            e.HasKey(a => a.Id).HasName("pk_" + PersistenceSchema.Audit.Table);
            e.Property(a => a.Id).HasColumnName(PersistenceSchema.Audit.Id).ValueGeneratedNever();
            e.Property(a => a.At).HasColumnName(PersistenceSchema.Audit.At);
            e.Property(a => a.Organisation).HasColumnName(PersistenceSchema.Audit.Organisation).IsRequired();
            e.Property(a => a.Subject).HasColumnName(PersistenceSchema.Audit.Subject).IsRequired();
            e.Property(a => a.Action).HasColumnName(PersistenceSchema.Audit.Action).IsRequired();
            e.Property(a => a.EntityType).HasColumnName(PersistenceSchema.Audit.EntityType).IsRequired();
            e.Property(a => a.EntityId).HasColumnName(PersistenceSchema.Audit.EntityId).IsRequired();
            e.HasIndex(a => new { a.EntityType, a.EntityId }).HasDatabaseName(PersistenceSchema.Audit.EntityIndex);
            e.HasIndex(a => a.At).HasDatabaseName(PersistenceSchema.Audit.AtIndex);
        });
        return modelBuilder;
    }
}
