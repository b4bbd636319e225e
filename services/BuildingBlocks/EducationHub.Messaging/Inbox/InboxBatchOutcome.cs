namespace EducationHub.Messaging.Inbox;

/// <summary>What a group commit did with one message.</summary>
internal enum InboxBatchOutcome
{
    /// <summary>Applied and committed with the rest of its batch.</summary>
    Applied,

    /// <summary>Its inbox row already existed: nothing was applied.</summary>
    Duplicate,

    /// <summary>Not committed (alone in its batch, or the batch failed): the consumer applies it in its own transaction.</summary>
    RunAlone,
}
