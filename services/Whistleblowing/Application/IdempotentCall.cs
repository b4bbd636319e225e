using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// A request made with an idempotency key: what it is (operation and keyed fingerprint) and, for a
/// message, the case the reporter proved they may write to (a key used on another case is refused,
/// so a repeat can never show one reporter another's conversation).
/// </summary>
public sealed record IdempotentCall(IdempotencyKey Key, IdempotentOperation Operation, byte[] Fingerprint, Guid? CaseId)
{
    public static IdempotentCall ForReport(IdempotencyKey key, NewReport report)
    {
        using var fingerprint = key.NewFingerprint()
            .Add(nameof(IdempotentOperation.Report))
            .Add(report.Urn?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(report.SchoolName)
            .Add(report.Category.ToString())
            .Add(report.WhatHappened)
            .Add(report.WhenItHappened)
            .Add(report.WhoElseKnows)
            .Add(report.ContactDetails)
            .Add(report.Passphrase);
        return new IdempotentCall(key, IdempotentOperation.Report, WithAttachments(fingerprint, report.Attachments), null);
    }

    public static IdempotentCall ForMessage(IdempotencyKey key, IdempotentOperation operation, Guid caseId, string body, IReadOnlyList<IncomingAttachment> attachments)
    {
        using var fingerprint = key.NewFingerprint()
            .Add(operation.ToString())
            .Add(caseId.ToString("N"))
            .Add(body);
        return new IdempotentCall(key, operation, WithAttachments(fingerprint, attachments), caseId);
    }

    private static byte[] WithAttachments(RequestFingerprint fingerprint, IReadOnlyList<IncomingAttachment> attachments)
    {
        fingerprint.Add(attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in attachments)
        {
            fingerprint.Add(file.FileName).Add(file.ContentType).Add(file.Content);
        }

        return fingerprint.Finish();
    }
}
