namespace EducationHub.Whistleblowing;

/// <summary>
/// Configuration section "Whistleblowing" (environment: Whistleblowing__Receipt__Iterations=...).
/// Defaults are the production values; secrets (master keys, pepper) have no default and fall
/// back to a local key file only when none is configured (see docs/whistleblowing.md).
/// </summary>
public sealed class WhistleblowingOptions
{
    public const string Section = "Whistleblowing";

    public EncryptionOptions Encryption { get; set; } = new();
    public ReceiptOptions Receipt { get; set; } = new();
    public ClockOptions Clocks { get; set; } = new();
    public RetentionOptions Retention { get; set; } = new();
    public AttachmentOptions Attachments { get; set; } = new();
    public IdempotencyOptions Idempotency { get; set; } = new();

    /// <summary>How often the reminder and retention sweeps run in the background.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(15);
    public bool RunMaintenanceInBackground { get; set; } = true;
}

public sealed class EncryptionOptions
{
    /// <summary>The key new data keys are wrapped under (and that rotation re-wraps to).</summary>
    public string? ActiveKeyId { get; set; }
    /// <summary>Key id → base64 of 32 random bytes. Old keys stay until rotation has re-wrapped every case.</summary>
    public Dictionary<string, string> MasterKeys { get; set; } = [];
    /// <summary>Used only when no master key and no pepper are configured: created on first start, mode 0600.</summary>
    public string LocalKeyFile { get; set; } = "./data/whistleblowing.keys.json";
}

public sealed class ReceiptOptions
{
    /// <summary>Per-deployment secret (base64, ≥ 32 bytes) salting the receipt-code index. Never stored in the database.</summary>
    public string? Pepper { get; set; }
    /// <summary>PBKDF2-HMAC-SHA256 iterations for receipt codes and passphrases (OWASP 2023: 600,000).</summary>
    public int Iterations { get; set; } = 600_000;
    /// <summary>
    /// Run the worker that replaces pending receipts with their slow hashes. Off only in tests that
    /// drive ReceiptHashingService by hand; with it off, receipts stay pending (logins still work).
    /// </summary>
    public bool HashInBackground { get; set; } = true;
    /// <summary>How often the worker looks for pending receipts without being woken (after a restart, or written by another replica).</summary>
    public TimeSpan HashingPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Linux nice value of the worker's thread (0 = same priority as requests, 19 = lowest).</summary>
    public int HashingNice { get; set; } = 10;
    /// <summary>A reporter's session ends after this long without a request; every use extends it (an idle timeout, as GlobaLeaks has).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>However often it is used, a session ends this long after sign-in.</summary>
    public TimeSpan SessionMaximumLifetime { get; set; } = TimeSpan.FromHours(4);
    public int MinimumPassphraseLength { get; set; } = 10;
}

public sealed class ClockOptions
{
    public int AcknowledgementDays { get; set; } = 7;
    public int FeedbackMonths { get; set; } = 3;
    public int AcknowledgementDueSoonDays { get; set; } = 2;
    public int FeedbackDueSoonDays { get; set; } = 14;
}

public sealed class RetentionOptions
{
    /// <summary>Content (everything the reporter wrote, notes, files, the data key) is destroyed this long after closure.</summary>
    public int PurgeAfterDays { get; set; } = 365;
}

public sealed class IdempotencyOptions
{
    /// <summary>
    /// How long a used idempotency key answers repeats with the first response (covers a double click, a browser
    /// re-sending a form, a retry hours later); after that the key is free again and the sweep deletes its record.
    /// </summary>
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);
}

public sealed class AttachmentOptions
{
    public int MaxCount { get; set; } = 3;
    // 3 × 1 MiB plus text stays under the gRPC layer's 4 MiB message limit.
    public int MaxBytes { get; set; } = 1024 * 1024;
    public List<string> AllowedContentTypes { get; set; } = ["application/pdf", "image/png", "image/jpeg", "text/plain"];
}
