using EducationHub.Whistleblowing.Infrastructure;

namespace EducationHub.Whistleblowing.Application;

/// <summary>Fixed audit verbs (no free text ever enters the audit log).</summary>
public static class AuditActions
{
    // Intake writes, made by the portal on a reporter's behalf: the actor is the portal's service
    // identity, never the reporter (who is anonymous), and the entry names only the case.
    public const string Reported = "case.reported";
    public const string ReporterReplied = "case.reporter-replied";
    public const string InformationAdded = "case.information-added";
    // A repeat of one of those with the same idempotency key: nothing was written but this entry (no key, no receipt).
    public const string ReportReplayed = "case.report-replayed";
    public const string MessageReplayed = "case.message-replayed";

    public const string CasesListed = "cases.listed";
    public const string DueListed = "cases.due-listed";
    public const string CaseRead = "case.read";
    public const string AttachmentRead = "attachment.read";
    public const string AuditRead = "audit.read";
    public const string Assigned = "case.assigned";
    public const string Acknowledged = "case.acknowledged";
    public const string TriageBegun = "case.triage-begun";
    public const string Triaged = "case.triaged";
    public const string Referred = "case.referred";
    public const string Closed = "case.closed";
    public const string NoteAdded = "case.note-added";
    public const string MessageSent = "case.message-sent";
    public const string IdentityRequested = "identity.requested";
    public const string IdentityRequestsListed = "identity.requests-listed";
    public const string IdentityApproved = "identity.approved";
    public const string IdentityRefused = "identity.refused";
    public const string IdentityRevealed = "identity.revealed";
    public const string Purged = "case.content-purged";
    public const string MaintenanceRun = "maintenance.run";
    public const string Rewrapped = "case.key-rewrapped";

    public static readonly Actor System = new("system", "whistleblowing");

    /// <summary>The audit log's entity type for cases (entity id = case id; "" for list reads).</summary>
    public const string CaseEntity = "whistleblowing-case";

    // The building block's audit log (append-only, saved with the change it records).
    public static void Audit(this WhistleblowingDbContext db, Actor actor, string action, Guid? caseId, DateTimeOffset at)
    {
        _ = at;
        db.Audit(actor.Organisation, actor.Subject, action, CaseEntity, caseId?.ToString() ?? "");
    }
}
