using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

public sealed record NewReport(
    int? Urn,
    string SchoolName,
    ConcernCategory Category,
    string WhatHappened,
    string WhenItHappened,
    string WhoElseKnows,
    string? ContactDetails,
    string? Passphrase,
    IReadOnlyList<IncomingAttachment> Attachments);

public sealed record SubmissionReceipt(Guid CaseId, string ReceiptCode, DateTimeOffset ReceivedAt, DateTimeOffset AcknowledgementDueAt);

public sealed record ReporterSessionToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>How a reporter proves who they are on each call.</summary>
public abstract record ReporterCredential
{
    public sealed record Receipt(string Code, string? Passphrase) : ReporterCredential;
    public sealed record Session(string Token) : ReporterCredential;
}

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes);

public sealed record MessageView(Guid Id, MessageAuthor Author, MessageKind Kind, string? HandlerSubject, DateTimeOffset SentAt, string Body, IReadOnlyList<AttachmentView> Attachments);

public sealed record ReporterConversationView(CaseStatus Status, DateTimeOffset ReceivedAt, ConcernCategory Category, IReadOnlyList<MessageView> Messages, bool CanReply);

/// <summary>The reporter is not who they claim (wrong code, passphrase or an expired session): one error for all.</summary>
public sealed class ReporterAuthenticationException() : Exception("The receipt code or passphrase is not right, or the session has ended.");

/// <summary>The case can no longer take messages from the reporter (closed, or content purged).</summary>
public sealed class CaseClosedException() : Exception("This report is closed: it can no longer receive messages.");

/// <summary>
/// An idempotency key already used for a different request (another report or message, another
/// operation or another case). Refused rather than answered: the first answer belongs to the first request.
/// </summary>
public sealed class IdempotencyKeyReusedException() : Exception("This idempotency key was already used for a different request: send a new request with a new key.");
