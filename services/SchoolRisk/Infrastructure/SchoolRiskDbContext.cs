using EducationHub.SchoolRisk.Domain;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.SchoolRisk.Infrastructure;

/// <summary>SchoolRisk's own database: the register, indicators, partner signals, published assessments, import runs (+ outbox/inbox/audit).</summary>
public sealed class SchoolRiskDbContext(DbContextOptions<SchoolRiskDbContext> options) : ServiceDbContext(options)
{
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolLink> SchoolLinks => Set<SchoolLink>();
    public DbSet<RegisterChange> RegisterChanges => Set<RegisterChange>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Ks2Result> Ks2Results => Set<Ks2Result>();
    public DbSet<Ks4Result> Ks4Results => Set<Ks4Result>();
    public DbSet<Ks5Result> Ks5Results => Set<Ks5Result>();
    public DbSet<FinanceReturn> FinanceReturns => Set<FinanceReturn>();
    public DbSet<PartnerSignal> PartnerSignals => Set<PartnerSignal>();
    public DbSet<StoredAssessment> Assessments => Set<StoredAssessment>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<School>(e =>
        {
            e.ToTable("schools");
            e.HasKey(s => s.Urn);
            e.Property(s => s.Urn).ValueGeneratedNever();
            e.HasIndex(s => s.LaCode).HasDatabaseName("ix_schools_la_code");
        });
        modelBuilder.Entity<SchoolLink>(e =>
        {
            e.ToTable("school_links");
            e.HasKey(l => new { l.Urn, l.LinkedUrn, l.LinkType });
            e.HasIndex(l => l.LinkedUrn).HasDatabaseName("ix_school_links_linked_urn");
            e.Ignore(l => l.LinkedIsPredecessor);
            e.Ignore(l => l.LinkedIsSuccessor);
        });
        modelBuilder.Entity<RegisterChange>(e =>
        {
            e.ToTable("register_changes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.Urn).HasDatabaseName("ix_register_changes_urn");
        });
        modelBuilder.Entity<Inspection>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(i => new { i.Urn, i.InspectedOn });
            e.Ignore(i => i.PublishedOn);
        });
        modelBuilder.Entity<Ks2Result>(e =>
        {
            e.ToTable("ks2_results");
            e.HasKey(r => new { r.Urn, r.Year });
            e.Ignore(r => r.AverageProgress);
        });
        modelBuilder.Entity<Ks4Result>(e =>
        {
            e.ToTable("ks4_results");
            e.HasKey(r => new { r.Urn, r.Year });
        });
        modelBuilder.Entity<Ks5Result>(e =>
        {
            e.ToTable("ks5_results");
            e.HasKey(r => new { r.Urn, r.Year });
        });
        modelBuilder.Entity<FinanceReturn>(e =>
        {
            e.ToTable("finance_returns");
            e.HasKey(r => new { r.Urn, r.Year });
        });
        modelBuilder.Entity<PartnerSignal>(e =>
        {
            e.ToTable("partner_signals");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => s.Urn).HasDatabaseName("ix_partner_signals_urn");
            e.Ignore(s => s.IsCurrent);
        });
        modelBuilder.Entity<StoredAssessment>(e =>
        {
            e.ToTable("assessments");
            e.HasKey(a => a.Urn);
            e.Property(a => a.Urn).ValueGeneratedNever();
        });
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
        });
    }
}
