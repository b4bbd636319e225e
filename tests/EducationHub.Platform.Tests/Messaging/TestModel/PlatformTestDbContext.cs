using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

public sealed class PlatformTestDbContext(DbContextOptions<PlatformTestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ReceivedEvent> Received => Set<ReceivedEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReceivedEvent>(e =>
        {
            e.ToTable("received_events");
            e.HasKey(r => r.Id).HasName("pk_received_events");
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.EventId).HasColumnName("event_id");
            e.Property(r => r.Kind).HasColumnName("kind").IsRequired();
            e.Property(r => r.Sequence).HasColumnName("sequence").HasDefaultValue(0);
            e.Property(r => r.ReceivedAt).HasColumnName("received_at");
            e.HasIndex(r => r.EventId).HasDatabaseName("ix_received_events_event_id");
        });
    }
}
