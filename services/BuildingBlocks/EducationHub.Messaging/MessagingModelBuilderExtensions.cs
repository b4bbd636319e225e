using EducationHub.Messaging.Inbox;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Messaging;

/// <summary>Maps the outbox and inbox into a service's DbContext (called by ServiceDbContext).</summary>
public static class MessagingModelBuilderExtensions
{
    public static ModelBuilder MapOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(MessagingSchema.Outbox.Table);
            e.HasKey(m => m.Id).HasName("pk_" + MessagingSchema.Outbox.Table);
            e.Property(m => m.Id).HasColumnName(MessagingSchema.Outbox.Id).ValueGeneratedNever();
            e.Property(m => m.Type).HasColumnName(MessagingSchema.Outbox.Type).IsRequired();
            e.Property(m => m.Payload).HasColumnName(MessagingSchema.Outbox.Payload).IsRequired();
            e.Property(m => m.TraceParent).HasColumnName(MessagingSchema.Outbox.TraceParent);
            e.Property(m => m.TraceState).HasColumnName(MessagingSchema.Outbox.TraceState);
            e.Property(m => m.CreatedAt).HasColumnName(MessagingSchema.Outbox.CreatedAt);
            e.Property(m => m.DeliveredAt).HasColumnName(MessagingSchema.Outbox.DeliveredAt);
            e.Property(m => m.Attempts).HasColumnName(MessagingSchema.Outbox.Attempts);
            e.Property(m => m.LockedBy).HasColumnName(MessagingSchema.Outbox.LockedBy);
            e.Property(m => m.LockedUntil).HasColumnName(MessagingSchema.Outbox.LockedUntil);
            e.Property(m => m.LastError).HasColumnName(MessagingSchema.Outbox.LastError);
            e.Ignore(m => m.Event);
            e.HasIndex(m => m.CreatedAt).HasDatabaseName(MessagingSchema.Outbox.PendingIndex).HasFilter(MessagingSchema.Outbox.PendingFilter);
        });

        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(MessagingSchema.Inbox.Table);
            e.HasKey(m => new { m.MessageId, m.Consumer }).HasName("pk_" + MessagingSchema.Inbox.Table);
            e.Property(m => m.MessageId).HasColumnName(MessagingSchema.Inbox.MessageId).ValueGeneratedNever();
            e.Property(m => m.Consumer).HasColumnName(MessagingSchema.Inbox.Consumer);
            e.Property(m => m.ProcessedAt).HasColumnName(MessagingSchema.Inbox.ProcessedAt);
            e.HasIndex(m => m.ProcessedAt).HasDatabaseName(MessagingSchema.Inbox.ProcessedAtIndex);
        });
        return modelBuilder;
    }
}
