using EducationHub.Contracts.V1;
using EducationHub.Hub.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Application;

/// <summary>Keeps the hub's copy of the register current: the most recent registration event wins.</summary>
public static class SchoolRegister
{
    public static async Task UpsertAsync(HubDbContext db, SchoolRegistered e, CancellationToken ct)
    {
        var at = RowMapping.ToMs(e.OccurredAt);
        var row = db.Schools.Local.FirstOrDefault(s => s.Urn == e.Urn!.Value)
                  ?? await db.Schools.FirstOrDefaultAsync(s => s.Urn == e.Urn!.Value, ct);
        if (row is null) db.Schools.Add(row = new SchoolRow { Urn = e.Urn!.Value });
        else if (row.RegisteredAtMs > at) return; // an older registration arriving late changes nothing
        row.Name = e.Name;
        row.LaCode = e.LaCode;
        row.LaName = e.LaName;
        row.EstablishmentType = e.EstablishmentType;
        row.Phase = e.Phase;
        row.Status = e.Status;
        row.TrustName = e.TrustName;
        row.PredecessorUrns = string.Join(',', e.PredecessorUrns);
        row.RegisteredAtMs = at;
    }
}
