using System.Text.Json;
using EducationHub.Whistleblowing.Crypto;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// A report's first answer (receipt code and dates) as kept for its idempotency key: sealed under a
/// sub-key of that key, so the service can give it back to whoever repeats the request while the
/// database alone cannot reveal the code (the service otherwise keeps only its slow hash).
/// </summary>
public sealed record IdempotentReceipt(string Code, DateTimeOffset ReceivedAt, DateTimeOffset AcknowledgementDueAt)
{
    private const string Purpose = "report-receipt.v1";

    public byte[] Seal(IdempotencyKey key) => key.Seal(Purpose, JsonSerializer.SerializeToUtf8Bytes(this));

    public static IdempotentReceipt Open(IdempotencyKey key, byte[] sealedReceipt) =>
        JsonSerializer.Deserialize<IdempotentReceipt>(key.Open(Purpose, sealedReceipt))
        ?? throw new InvalidOperationException("Empty idempotent receipt.");
}
