using EducationHub.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.ServiceDefaults.Persistence;

public static class ServiceInfrastructureMigration
{
    /// <summary>
    /// Creates the outbox, inbox and audit tables. Call from a service's first migration. Column
    /// types are left to the provider (Guid → TEXT/uuid, DateTime → TEXT/timestamptz), which is
    /// what the EF model maps them to, so one migration serves SQLite and PostgreSQL.
    /// </summary>
    public static MigrationBuilder CreateServiceInfrastructureTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MessagingSchema.Outbox.Table,
            columns: t => new
            {
                Id = t.Column<Guid>(name: MessagingSchema.Outbox.Id, nullable: false),
                Type = t.Column<string>(name: MessagingSchema.Outbox.Type, nullable: false),
                Payload = t.Column<string>(name: MessagingSchema.Outbox.Payload, nullable: false),
                TraceParent = t.Column<string>(name: MessagingSchema.Outbox.TraceParent, nullable: true),
                TraceState = t.Column<string>(name: MessagingSchema.Outbox.TraceState, nullable: true),
                CreatedAt = t.Column<DateTime>(name: MessagingSchema.Outbox.CreatedAt, nullable: false),
                DeliveredAt = t.Column<DateTime>(name: MessagingSchema.Outbox.DeliveredAt, nullable: true),
                Attempts = t.Column<int>(name: MessagingSchema.Outbox.Attempts, nullable: false),
                LockedBy = t.Column<Guid>(name: MessagingSchema.Outbox.LockedBy, nullable: true),
                LockedUntil = t.Column<DateTime>(name: MessagingSchema.Outbox.LockedUntil, nullable: true),
                LastError = t.Column<string>(name: MessagingSchema.Outbox.LastError, nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_" + MessagingSchema.Outbox.Table, x => x.Id));
        // As first released; PartialOutboxPendingIndex replaces it.
        migrationBuilder.CreateIndex(
            name: MessagingSchema.Outbox.FullPendingIndex,
            table: MessagingSchema.Outbox.Table,
            columns: [MessagingSchema.Outbox.DeliveredAt, MessagingSchema.Outbox.CreatedAt]);

        migrationBuilder.CreateTable(
            name: MessagingSchema.Inbox.Table,
            columns: t => new
            {
                MessageId = t.Column<Guid>(name: MessagingSchema.Inbox.MessageId, nullable: false),
                Consumer = t.Column<string>(name: MessagingSchema.Inbox.Consumer, nullable: false),
                ProcessedAt = t.Column<DateTime>(name: MessagingSchema.Inbox.ProcessedAt, nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_" + MessagingSchema.Inbox.Table, x => new { x.MessageId, x.Consumer }));
        migrationBuilder.CreateIndex(
            name: MessagingSchema.Inbox.ProcessedAtIndex,
            table: MessagingSchema.Inbox.Table,
            column: MessagingSchema.Inbox.ProcessedAt);

        migrationBuilder.CreateTable(
            name: PersistenceSchema.Audit.Table,
            columns: t => new
            {
                Id = t.Column<Guid>(name: PersistenceSchema.Audit.Id, nullable: false),
                At = t.Column<DateTime>(name: PersistenceSchema.Audit.At, nullable: false),
                Organisation = t.Column<string>(name: PersistenceSchema.Audit.Organisation, nullable: false),
                Subject = t.Column<string>(name: PersistenceSchema.Audit.Subject, nullable: false),
                Action = t.Column<string>(name: PersistenceSchema.Audit.Action, nullable: false),
                EntityType = t.Column<string>(name: PersistenceSchema.Audit.EntityType, nullable: false),
                EntityId = t.Column<string>(name: PersistenceSchema.Audit.EntityId, nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_" + PersistenceSchema.Audit.Table, x => x.Id));
        migrationBuilder.CreateIndex(
            name: PersistenceSchema.Audit.EntityIndex,
            table: PersistenceSchema.Audit.Table,
            columns: [PersistenceSchema.Audit.EntityType, PersistenceSchema.Audit.EntityId]);
        migrationBuilder.CreateIndex(
            name: PersistenceSchema.Audit.AtIndex,
            table: PersistenceSchema.Audit.Table,
            column: PersistenceSchema.Audit.At);
        return migrationBuilder;
    }

    /// <summary>
    /// Replaces the outbox's pending index on (delivered_at, created_at) with one on created_at of
    /// pending rows only. The full index took a second entry for every row when it was marked
    /// delivered (delivered_at is indexed, so that UPDATE cannot be HOT) and kept every delivered
    /// row until cleanup; a delivered row's new version has no entry in the partial index. In a
    /// pgbench of the write transaction (32 clients, marks of 200) the outbox INSERT took 0.18 ms
    /// with the full index and 0.11 ms with the partial one, and a mark 28 ms against 15 ms.
    /// Cleanup (hourly, delivered rows older than the retention) scans the table instead. Call from
    /// one migration of every service that called <see cref="CreateServiceInfrastructureTables"/>.
    /// </summary>
    public static MigrationBuilder PartialOutboxPendingIndex(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: MessagingSchema.Outbox.FullPendingIndex, table: MessagingSchema.Outbox.Table);
        migrationBuilder.CreateIndex(
            name: MessagingSchema.Outbox.PendingIndex,
            table: MessagingSchema.Outbox.Table,
            column: MessagingSchema.Outbox.CreatedAt,
            filter: MessagingSchema.Outbox.PendingFilter);
        return migrationBuilder;
    }

    /// <summary>
    /// Makes the audit log append-only in the database itself, not only in <see cref="ServiceDbContext"/>:
    /// the context's guard sees only tracked entities, so <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> or raw
    /// SQL from a future change (or a hand-run fix) could still rewrite history. Triggers refuse UPDATE
    /// and DELETE (and TRUNCATE on PostgreSQL). The table's owner can still drop them: this guards
    /// against mistakes in the application and its maintenance, not against the database administrator.
    /// Call from one migration of every service that called <see cref="CreateServiceInfrastructureTables"/>.
    /// </summary>
    public static MigrationBuilder AuditLogAppendOnlyTriggers(this MigrationBuilder migrationBuilder)
    {
        const string table = PersistenceSchema.Audit.Table;
        const string message = PersistenceSchema.Audit.AppendOnlyMessage;
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';
                END
                $$;
                CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
                CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;");
            migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;");
        }

        return migrationBuilder;
    }
}
