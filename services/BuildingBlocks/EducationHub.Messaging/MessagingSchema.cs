namespace EducationHub.Messaging;

/// <summary>
/// Table and column names of the outbox and inbox. Fixed, snake_case and provider-neutral so
/// that hand-written migrations, the EF model and the dispatcher's SQL all agree.
/// </summary>
public static class MessagingSchema
{
    public static class Outbox
    {
        public const string Table = "outbox_messages";
        public const string Id = "id";
        public const string Type = "type";
        public const string Payload = "payload";
        public const string TraceParent = "trace_parent";
        public const string TraceState = "trace_state";
        public const string CreatedAt = "created_at";
        public const string DeliveredAt = "delivered_at";
        public const string Attempts = "attempts";
        public const string LockedBy = "locked_by";
        public const string LockedUntil = "locked_until";
        public const string LastError = "last_error";
        /// <summary>Pending rows by age, for the claim: partial (<see cref="PendingFilter"/>), so a delivered row leaves it.</summary>
        public const string PendingIndex = "ix_outbox_messages_pending_created_at";

        public const string PendingFilter = "delivered_at IS NULL";

        /// <summary>The first migration's pending index on (delivered_at, created_at), every row in it; replaced by <see cref="PendingIndex"/>.</summary>
        public const string FullPendingIndex = "ix_outbox_messages_delivered_at_created_at";
    }

    public static class Inbox
    {
        public const string Table = "inbox_messages";
        public const string MessageId = "message_id";
        public const string Consumer = "consumer";
        public const string ProcessedAt = "processed_at";
        public const string ProcessedAtIndex = "ix_inbox_messages_processed_at";
    }
}
