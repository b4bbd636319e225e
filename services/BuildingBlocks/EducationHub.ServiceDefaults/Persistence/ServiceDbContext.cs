using EducationHub.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's DbContext: adds the outbox, inbox and audit tables
/// (created by <c>migrationBuilder.CreateServiceInfrastructureTables()</c> in the first migration,
/// changed since by <c>PartialOutboxPendingIndex()</c> in a later one).
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Appends an audit entry, saved with the next SaveChanges (so with the change it records).</summary>
    public AuditEntry Audit(string organisation, string subject, string action, string entityType, string entityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = DateTime.UtcNow,
            Organisation = organisation ?? "",
            Subject = subject ?? "",
            Action = action,
            EntityType = entityType ?? "",
            EntityId = entityId ?? "",
        };
        AuditEntries.Add(entry);
        return entry;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.MapOutboxAndInbox();
        modelBuilder.MapAuditLog();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Refuses a save that would change or delete an audit entry. Only the audit entries are
    /// scanned for changes here: <c>Entries()</c> with automatic detection would scan every tracked
    /// entity, and SaveChanges then scans them all again (about 1 % of the messaging benchmark's CPU).
    /// </summary>
    private void GuardAppendOnly()
    {
        var tracker = ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<AuditEntry>())
            {
                if (detect)
                    entry.DetectChanges();
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException(PersistenceSchema.Audit.AppendOnlyMessage);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
