namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>Names of the audit table; fixed so migrations and the model agree on both providers.</summary>
public static class PersistenceSchema
{
    public static class Audit
    {
        public const string Table = "audit_entries";
        public const string Id = "id";
        public const string At = "at";
        public const string Organisation = "organisation";
        public const string Subject = "subject";
        public const string Action = "action";
        public const string EntityType = "entity_type";
        public const string EntityId = "entity_id";
        public const string EntityIndex = "ix_audit_entries_entity_type_entity_id";
        public const string AtIndex = "ix_audit_entries_at";

        /// <summary>What a save (<see cref="ServiceDbContext"/>) and the database's triggers both say when refusing a change.</summary>
        public const string AppendOnlyMessage = "The audit log is append-only: audit entries cannot be changed or deleted.";
    }
}
