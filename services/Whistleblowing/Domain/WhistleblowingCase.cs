namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// One whistleblowing report and its handling. Holds only ciphertext for anything the reporter
/// wrote or that could identify them; the plaintext columns (category, URN, dates, status) are
/// the metadata the service needs to run clocks and publish events.
/// </summary>
public sealed class WhistleblowingCase
{
    private WhistleblowingCase()
    {
    }

    public Guid Id { get; private set; }
    public CaseStatus Status { get; private set; }
    public ConcernCategory Category { get; private set; }
    /// <summary>The school, when the reporter knew its URN or triage confirmed it.</summary>
    public int? Urn { get; private set; }
    public Severity? Severity { get; private set; }
    public string? AssignedTo { get; private set; }
    public ReferralAgency? ReferredTo { get; private set; }
    public Substantiation? Substantiation { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset AcknowledgementDueAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? FeedbackDueAt { get; private set; }
    public DateTimeOffset? FeedbackGivenAt { get; private set; }
    public DateTimeOffset? TriagedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? PurgedAt { get; private set; }

    public ReminderState AcknowledgementReminder { get; private set; }
    public ReminderState FeedbackReminder { get; private set; }

    /// <summary>Which master key wraps <see cref="WrappedDataKey"/> (for rotation).</summary>
    public string? MasterKeyId { get; private set; }
    /// <summary>The per-case AES-256 data key, encrypted under the master key. Deleted on purge (crypto-shredding).</summary>
    public byte[]? WrappedDataKey { get; private set; }
    /// <summary>School name, what happened, when, who else knows (one encrypted JSON document).</summary>
    public byte[]? ContentCipher { get; private set; }
    /// <summary>Contact details, only when the reporter chose to give them.</summary>
    public byte[]? IdentityCipher { get; private set; }
    public bool HasIdentity { get; private set; }
    public byte[]? ReferralNoteCipher { get; private set; }
    public byte[]? OutcomeSummaryCipher { get; private set; }

    /// <summary>
    /// The receipt code's lookup key: its slow keyed hash (see ReceiptHasher) once hashed; while
    /// <see cref="ReceiptPendingSince"/> is set, the fast pending lookup (see PendingReceiptLookup).
    /// </summary>
    public byte[] ReceiptIndex { get; private set; } = [];
    public byte[]? PassphraseSalt { get; private set; }
    public byte[]? PassphraseHash { get; private set; }
    /// <summary>The receipt code and passphrase sealed under the data key until their slow hashes exist; then erased.</summary>
    public byte[]? PendingReceiptCipher { get; private set; }
    /// <summary>Set from submission until the background worker has stored the slow hashes (the worker's queue).</summary>
    public DateTimeOffset? ReceiptPendingSince { get; private set; }

    /// <summary>Optimistic concurrency: two handlers acting at once must not overwrite each other.</summary>
    public int Version { get; private set; }

    public string Reference => FormatReference(Id);

    public static string FormatReference(Guid id) => "WB-" + id.ToString("N")[..8].ToUpperInvariant();

    public bool IsPurged => PurgedAt is not null;

    public static WhistleblowingCase Receive(
        Guid id,
        DateTimeOffset receivedAt,
        ConcernCategory category,
        int? urn,
        SealedDataKey dataKey,
        byte[] contentCipher,
        byte[]? identityCipher,
        byte[] pendingReceiptLookup,
        byte[] pendingReceiptCipher,
        TimeSpan acknowledgementPeriod) => new()
        {
            Id = id,
            Status = CaseStatus.New,
            Category = category,
            Urn = urn,
            ReceivedAt = receivedAt,
            AcknowledgementDueAt = receivedAt + acknowledgementPeriod,
            MasterKeyId = dataKey.MasterKeyId,
            WrappedDataKey = dataKey.WrappedKey,
            ContentCipher = contentCipher,
            IdentityCipher = identityCipher,
            HasIdentity = identityCipher is not null,
            ReceiptIndex = pendingReceiptLookup,
            PendingReceiptCipher = pendingReceiptCipher,
            ReceiptPendingSince = receivedAt,
        };

    public bool IsReceiptHashPending => PendingReceiptCipher is not null;

    public SealedDataKey DataKey =>
        WrappedDataKey is null || MasterKeyId is null
            ? throw new InvalidOperationException($"Case {Reference} has been purged; its data key is gone.")
            : new SealedDataKey(MasterKeyId, WrappedDataKey);

    public void Assign(string? handler) => Touch(() => AssignedTo = string.IsNullOrWhiteSpace(handler) ? null : handler);

    public void Acknowledge(DateTimeOffset now, int feedbackMonths)
    {
        CaseWorkflow.Ensure("acknowledge", Status, CaseWorkflow.AcknowledgeFrom);
        Touch(() =>
        {
            Status = CaseStatus.Acknowledged;
            AcknowledgedAt = now;
            FeedbackDueAt = now.AddMonths(feedbackMonths);
        });
    }

    public void BeginTriage()
    {
        CaseWorkflow.Ensure("begin triage of", Status, CaseWorkflow.BeginTriageFrom);
        Touch(() => Status = CaseStatus.InTriage);
    }

    /// <summary>
    /// Triage places the concern on the school's record (the triage event goes to the Hub), so the case must
    /// end up with a URN: the reporter's, or <paramref name="confirmedUrn"/>. Throws <see cref="TriageNeedsSchoolException"/> otherwise.
    /// </summary>
    public void RecordTriage(DateTimeOffset now, Severity severity, int? confirmedUrn, ConcernCategory? correctedCategory)
    {
        CaseWorkflow.Ensure("record triage for", Status, CaseWorkflow.RecordTriageFrom);
        if (confirmedUrn is null && Urn is null)
        {
            throw new TriageNeedsSchoolException();
        }
        Touch(() =>
        {
            Status = CaseStatus.Investigating;
            Severity = severity;
            Urn = confirmedUrn ?? Urn;
            Category = correctedCategory ?? Category;
            TriagedAt = now;
        });
    }

    public void Refer(ReferralAgency agency, byte[]? noteCipher)
    {
        CaseWorkflow.Ensure("refer", Status, CaseWorkflow.ReferFrom);
        Touch(() =>
        {
            Status = CaseStatus.Referred;
            ReferredTo = agency;
            ReferralNoteCipher = noteCipher ?? ReferralNoteCipher;
        });
    }

    public void Close(DateTimeOffset now, Substantiation substantiation, byte[]? outcomeCipher)
    {
        CaseWorkflow.Ensure("close", Status, CaseWorkflow.CloseFrom);
        Touch(() =>
        {
            Status = CaseStatus.Closed;
            Substantiation = substantiation;
            OutcomeSummaryCipher = outcomeCipher;
            ClosedAt = now;
        });
    }

    /// <summary>A handler told the reporter how the concern is being handled: the feedback clock stops.</summary>
    public void RecordFeedback(DateTimeOffset now)
    {
        if (AcknowledgedAt is not null && FeedbackGivenAt is null)
        {
            Touch(() => FeedbackGivenAt = now);
        }
    }

    /// <summary>The clock currently running, if any: acknowledgement first, then feedback.</summary>
    public (ClockKind Kind, DateTimeOffset DueAt, ReminderState Sent)? RunningClock()
    {
        if (Status == CaseStatus.Closed)
        {
            return null;
        }

        if (AcknowledgedAt is null)
        {
            return (ClockKind.Acknowledgement, AcknowledgementDueAt, AcknowledgementReminder);
        }

        return FeedbackGivenAt is null && FeedbackDueAt is { } due ? (ClockKind.Feedback, due, FeedbackReminder) : null;
    }

    public void MarkReminderSent(ClockKind kind, ReminderState state) => Touch(() =>
    {
        if (kind == ClockKind.Acknowledgement)
        {
            AcknowledgementReminder = state;
        }
        else
        {
            FeedbackReminder = state;
        }
    });

    public void ReplaceDataKey(SealedDataKey rewrapped) => Touch(() =>
    {
        MasterKeyId = rewrapped.MasterKeyId;
        WrappedDataKey = rewrapped.WrappedKey;
    });

    /// <summary>
    /// Deletes everything the reporter wrote and the data key itself; keeps the metadata
    /// (category, URN, dates, outcome) the authority needs for its statistics.
    /// </summary>
    public void PurgeContent(DateTimeOffset now) => Touch(() =>
    {
        ContentCipher = null;
        IdentityCipher = null;
        ReferralNoteCipher = null;
        OutcomeSummaryCipher = null;
        WrappedDataKey = null;
        MasterKeyId = null;
        PurgedAt = now;
    });

    private void Touch(Action change)
    {
        change();
        Version++;
    }
}
