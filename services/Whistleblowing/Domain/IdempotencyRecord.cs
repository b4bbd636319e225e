namespace EducationHub.Whistleblowing.Domain;

/// <summary>
/// That an idempotency key has been used, so a repeat of the request creates nothing and gets the
/// first answer again. Written in the same transaction as what the request created; deleted by the
/// maintenance sweep after <see cref="ExpiresAt"/>. Holds nothing readable about the request or its
/// answer: the key's SHA-256, a keyed fingerprint of the request and, for a report, the receipt
/// sealed under a key derived from the idempotency key (see Crypto/IdempotencyKey).
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    /// <summary>SHA-256 of the key; the primary key, so two concurrent first uses cannot both commit.</summary>
    public byte[] KeyHash { get; private set; } = [];
    public IdempotentOperation Operation { get; private set; }
    /// <summary>HMAC of the request under a sub-key of the idempotency key: tells a repeat from another request.</summary>
    public byte[] RequestFingerprint { get; private set; } = [];
    /// <summary>The case the request created or wrote to.</summary>
    public Guid CaseId { get; private set; }
    /// <summary>The first answer, sealed under a sub-key of the idempotency key (reports: the receipt); null when the answer is re-read instead.</summary>
    public byte[]? ResponseCipher { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>From then on the key is free again: a request with it is new, and the sweep deletes the row.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Create(byte[] keyHash, IdempotentOperation operation, byte[] requestFingerprint, Guid caseId, byte[]? responseCipher, DateTimeOffset now, TimeSpan lifetime) =>
        new()
        {
            KeyHash = keyHash,
            Operation = operation,
            RequestFingerprint = requestFingerprint,
            CaseId = caseId,
            ResponseCipher = responseCipher,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

    public bool IsLiveAt(DateTimeOffset now) => now < ExpiresAt;
}
