using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace EducationHub.Governance.Infrastructure;

public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : ServiceDbContext(options)
{
    public DbSet<WarningNotice> Notices => Set<WarningNotice>();
    public DbSet<NoticeHistoryEntry> NoticeHistory => Set<NoticeHistoryEntry>();
    public DbSet<NoticeDocument> NoticeDocuments => Set<NoticeDocument>();
    public DbSet<NoticeDocumentContent> NoticeDocumentContents => Set<NoticeDocumentContent>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<GoverningBody> GoverningBodies => Set<GoverningBody>();
    public DbSet<Governor> Governors => Set<Governor>();
    public DbSet<GovernanceReview> Reviews => Set<GovernanceReview>();
    public DbSet<GovernanceConcern> Concerns => Set<GovernanceConcern>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<WarningNotice>(e =>
        {
            e.ToTable(GovernanceSchema.Notices);
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            JsonList(e.Property(n => n.Grounds));
            JsonList(e.Property(n => n.RequiredActions));
            e.HasMany(n => n.History).WithOne().HasForeignKey(h => h.NoticeId);
            e.HasMany(n => n.Documents).WithOne().HasForeignKey(d => d.NoticeId);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasIndex(n => n.Urn).HasDatabaseName("ix_notices_urn");
            e.HasIndex(n => new { n.Status, n.ComplianceDeadline }).HasDatabaseName("ix_notices_status_deadline");
        });
        modelBuilder.Entity<NoticeHistoryEntry>(e =>
        {
            e.ToTable(GovernanceSchema.NoticeHistory);
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<NoticeDocument>(e =>
        {
            e.ToTable(GovernanceSchema.NoticeDocuments);
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<NoticeDocumentContent>(e =>
        {
            e.ToTable(GovernanceSchema.NoticeDocumentContents);
            e.HasKey(d => d.DocumentId);
            e.Property(d => d.DocumentId).ValueGeneratedNever();
            e.HasOne<NoticeDocument>().WithOne().HasForeignKey<NoticeDocumentContent>(c => c.DocumentId);
        });

        modelBuilder.Entity<Intervention>(e =>
        {
            e.ToTable(GovernanceSchema.Interventions);
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InterventionId);
            e.HasMany(i => i.Reviews).WithOne().HasForeignKey(r => r.InterventionId);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => i.Urn).HasDatabaseName("ix_interventions_urn");
        });
        modelBuilder.Entity<InterventionHistoryEntry>(e =>
        {
            e.ToTable(GovernanceSchema.InterventionHistory);
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<InterventionReview>(e =>
        {
            e.ToTable(GovernanceSchema.InterventionReviews);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<GoverningBody>(e =>
        {
            e.ToTable(GovernanceSchema.GoverningBodies);
            e.HasKey(b => b.Urn);
            e.Property(b => b.Urn).ValueGeneratedNever();
            JsonList(e.Property(b => b.Constitution));
            JsonList(e.Property(b => b.SkillsGaps));
            JsonList(e.Property(b => b.TrainingGaps));
        });
        modelBuilder.Entity<Governor>(e =>
        {
            e.ToTable(GovernanceSchema.Governors);
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.HasIndex(g => g.Urn).HasDatabaseName("ix_governors_urn");
        });
        modelBuilder.Entity<GovernanceReview>(e =>
        {
            e.ToTable(GovernanceSchema.Reviews);
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            JsonList(e.Property(r => r.Recommendations));
            e.HasIndex(r => r.Urn).HasDatabaseName("ix_governance_reviews_urn");
        });
        modelBuilder.Entity<GovernanceConcern>(e =>
        {
            e.ToTable(GovernanceSchema.Concerns);
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.Urn).HasDatabaseName("ix_governance_concerns_urn");
        });
        modelBuilder.Entity<TimelineEntry>(e =>
        {
            e.ToTable(GovernanceSchema.Timeline);
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.HasIndex(t => t.Urn).HasDatabaseName("ix_timeline_entries_urn");
        });
    }

    private static void JsonList<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(new JsonListConverter<T>(), new ListComparer<T>()).IsRequired();
}
