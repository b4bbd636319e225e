using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Infrastructure;

public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : ServiceDbContext(options)
{
    public DbSet<TimelineRow> Timeline => Set<TimelineRow>();
    public DbSet<SchoolRow> Schools => Set<SchoolRow>();
    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();
    public DbSet<DecisionHistoryRow> DecisionHistory => Set<DecisionHistoryRow>();
    public DbSet<SnapshotRow> Snapshots => Set<SnapshotRow>();

    /// <summary>True while <see cref="SaveReadAuditAsync"/> saves nothing but audit entries.</summary>
    internal bool SavingAuditOnly { get; private set; }

    /// <summary>
    /// Saves the audit entries of a read. Audit entries are no input to any list, so a save of
    /// nothing else leaves <see cref="HubDataVersion"/> alone: otherwise every audited list read
    /// would make the next reader rebuild the month's draft.
    /// </summary>
    public async Task SaveReadAuditAsync(CancellationToken ct)
    {
        SavingAuditOnly = ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || e.Entity is AuditEntry);
        try
        {
            await SaveChangesAsync(ct);
        }
        finally
        {
            SavingAuditOnly = false;
        }
    }

    /// <summary>
    /// The Hub's own interceptors, added where the context is registered (a pooled context cannot use
    /// OnConfiguring): they bump the host's <paramref name="version"/> after every committed write.
    /// </summary>
    public static void AddHubInterceptors(DbContextOptionsBuilder options, HubDataVersion version) =>
        options.AddInterceptors(new HubCommitInterceptor(version), new HubSaveInterceptor(version));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TimelineRow>(e =>
        {
            e.ToTable("hub_timeline");
            // Per-school look-ups by (Urn, OccurredAtMs); for the month build the timeline is also
            // stored in (Urn, OccurredAtMs, EventId) order, EventId unique: the physical layout is
            // per provider, see Migrations/TimelineStoredBySchool.
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).ValueGeneratedNever();
            e.HasIndex(x => new { x.Urn, x.OccurredAtMs });
            e.HasIndex(x => x.ReceivedAtMs);
        });
        modelBuilder.Entity<SchoolRow>(e =>
        {
            e.ToTable("hub_schools");
            e.HasKey(x => x.Urn);
            e.Property(x => x.Urn).ValueGeneratedNever();
        });
        modelBuilder.Entity<DecisionRow>(e =>
        {
            e.ToTable("hub_decisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.Month, x.Urn }).IsUnique();
        });
        modelBuilder.Entity<DecisionHistoryRow>(e =>
        {
            e.ToTable("hub_decision_history");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            // The default is what migration 2026112303 gave the versions kept before the column existed (all replaced
            // by a re-recorded decision); the hub always sets the column itself.
            e.Property(x => x.ReplacedByChange).HasDefaultValue(DecisionHistoryRow.ByDecision);
            e.HasIndex(x => x.Urn);
        });
        modelBuilder.Entity<SnapshotRow>(e =>
        {
            e.ToTable("hub_snapshots");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Month).IsUnique();
        });
    }
}
