namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>
/// One line of a service's append-only audit log: who (organisation, subject) did what
/// (action) to which record, and when. Deliberately no payloads: the log must not become a
/// second copy of sensitive data.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTime At { get; set; }

    public string Organisation { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>A stable verb such as "notice.issued" or "case.read".</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>The entity id of a list read filtered by school: the URN, or "all" when the read had no school filter.</summary>
    public static string SchoolFilterId(int? urn) => urn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";
}
