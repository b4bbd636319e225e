using EducationHub.ServiceDefaults.Persistence;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>Audit entries attributed to the calling partner (on top of <see cref="ServiceDbContext.Audit"/>).</summary>
public static class CallerAuditExtensions
{
    /// <summary>Appends an audit entry for <paramref name="caller"/>; saved with the next SaveChangesAsync.</summary>
    public static AuditEntry Audit(this ServiceDbContext db, CallerIdentity caller, string action, string entityType, string entityId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        return db.Audit(caller.Organisation, caller.Subject, action, entityType, entityId);
    }

    /// <summary>
    /// Short form: the entity type is the action's first dot-separated segment
    /// (<c>"notice.issued"</c> → <c>"notice"</c>).
    /// </summary>
    public static AuditEntry Audit(this ServiceDbContext db, CallerIdentity caller, string action, string entityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        return db.Audit(caller, action, dot > 0 ? action[..dot] : action, entityId);
    }
}
