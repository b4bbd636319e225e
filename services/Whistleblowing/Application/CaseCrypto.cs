using System.Text.Json;
using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

/// <summary>The service's keys in one place: opens and creates per-case ciphers, hashes receipts.</summary>
public sealed class CaseCrypto(MasterKeyRing keys, ReceiptHasher receipts)
{
    public MasterKeyRing Keys { get; } = keys;
    public ReceiptHasher Receipts { get; } = receipts;
    public PendingReceiptLookup PendingLookup { get; } = new(keys);

    public (SealedDataKey Sealed, CaseCipher Cipher) NewCase(Guid caseId)
    {
        var dataKey = CaseCipher.NewDataKey();
        var sealedKey = Keys.Wrap(dataKey);
        return (sealedKey, new CaseCipher(dataKey, caseId));
    }

    public CaseCipher Open(WhistleblowingCase @case) => Open(@case.Id, @case.DataKey);

    public CaseCipher Open(Guid caseId, SealedDataKey dataKey) => new(Keys.Unwrap(dataKey), caseId);
}

/// <summary>Purposes bound into each ciphertext's associated data.</summary>
public static class Purpose
{
    public const string Content = "content";
    public const string Identity = "identity";
    public const string ReferralNote = "referral-note";
    public const string Outcome = "outcome";
    public const string IdentityReason = "identity-reason";
    public const string PendingReceipt = "pending-receipt";

    public static string Message(Guid id) => "message/" + id.ToString("N");
    public static string AttachmentName(Guid id) => "attachment-name/" + id.ToString("N");
    public static string AttachmentContent(Guid id) => "attachment/" + id.ToString("N");
}

/// <summary>What the reporter wrote in the report form: stored as one encrypted JSON document.</summary>
public sealed record ReportContent(string SchoolName, string WhatHappened, string WhenItHappened, string WhoElseKnows)
{
    public byte[] Seal(CaseCipher cipher) => cipher.Encrypt(Purpose.Content, JsonSerializer.SerializeToUtf8Bytes(this));

    public static ReportContent Open(CaseCipher cipher, byte[] sealedContent) =>
        JsonSerializer.Deserialize<ReportContent>(cipher.Decrypt(Purpose.Content, sealedContent))
        ?? throw new InvalidOperationException("Empty report content.");
}

/// <summary>A file as received from the reporter, before encryption.</summary>
public sealed record IncomingAttachment(string FileName, string ContentType, byte[] Content);
