using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Application;

/// <summary>
/// Audits the hub's sensitive reads: one school's profile (its whole timeline of concerns, from
/// whistleblowing, complaints, governance and partners), the monthly risk list (which schools the
/// council thinks may need support) and risk-list exports (the list leaving the system as a file).
/// A paged list read is audited once, on its first page; see docs/hub.md.
/// </summary>
public sealed class ReadAudit(HubDbContext db)
{
    public const string SchoolProfileRead = "school_profile.read";
    public const string RiskListRead = "risklist.read";
    public const string RiskListExported = "risklist.exported";

    public async Task SchoolProfileAsync(int urn, CallerIdentity reader, CancellationToken ct)
    {
        db.Audit(reader, SchoolProfileRead, "school", urn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveReadAuditAsync(ct);
    }

    /// <summary>Entity id: the month, e.g. <c>2026-11</c>.</summary>
    public async Task RiskListAsync(RiskMonth month, CallerIdentity reader, CancellationToken ct)
    {
        db.Audit(reader, RiskListRead, "risklist", month.ToString());
        await db.SaveReadAuditAsync(ct);
    }

    /// <summary>Entity id: the month and the file format, e.g. <c>2026-11.csv</c>.</summary>
    public async Task RiskListExportAsync(RiskMonth month, string format, CallerIdentity reader, CancellationToken ct)
    {
        db.Audit(reader, RiskListExported, "risklist", $"{month}.{format}");
        await db.SaveReadAuditAsync(ct);
    }
}
