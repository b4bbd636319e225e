using EducationHub.Whistleblowing.Domain;

namespace EducationHub.Whistleblowing.Application;

public sealed record CaseDetailView(
    WhistleblowingCase Case,
    ReportContent? Content,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<AttachmentView> Attachments,
    string? ReferralNote,
    string? OutcomeSummary);

public sealed record DueClock(WhistleblowingCase Case, ClockKind Clock, DateTimeOffset DueAt, bool Overdue);

public sealed record DueLists(IReadOnlyList<DueClock> Overdue, IReadOnlyList<DueClock> DueSoon);

public sealed record CasePage(IReadOnlyList<WhistleblowingCase> Cases, string? NextPageToken);

public sealed record AttachmentDownload(AttachmentView Info, byte[] Content);

public sealed class CaseNotFoundException(string what) : Exception(what + " was not found.");

/// <summary>The action is not possible in the current state (FAILED_PRECONDITION).</summary>
public sealed class CaseActionRefusedException(string message) : Exception(message);

/// <summary>The caller may not do this, whatever their scopes (PERMISSION_DENIED).</summary>
public sealed class CaseAccessDeniedException(string message) : Exception(message);
