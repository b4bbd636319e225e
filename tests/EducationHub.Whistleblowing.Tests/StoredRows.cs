using System.Security.Cryptography;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// What a host's database holds, read straight from it: through the API (ListCases, GetAuditLog)
/// the read would itself be audited and change what the test counts.
/// </summary>
public static class StoredRows
{
    /// <summary>A fresh idempotency key as the portal makes one: 128 random bits, base64url (22 characters).</summary>
    public static string NewIdempotencyKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Task<List<WhistleblowingCase>> CasesAsync(WhistleblowingHost wb) => Read(wb, db => db.Cases.AsNoTracking().ToListAsync());

    public static Task<List<CaseMessage>> ReporterMessagesAsync(WhistleblowingHost wb) =>
        Read(wb, db => db.Messages.AsNoTracking().Where(m => m.Author == MessageAuthor.Reporter).ToListAsync());

    public static Task<List<IdempotencyRecord>> IdempotencyRecordsAsync(WhistleblowingHost wb) => Read(wb, db => db.IdempotencyRecords.AsNoTracking().ToListAsync());

    /// <summary>Every audit entry, oldest first.</summary>
    public static async Task<List<(string Organisation, string Subject, string Action, string EntityType, string EntityId)>> AuditAsync(WhistleblowingHost wb)
    {
        var all = await Read(wb, db => db.AuditEntries.AsNoTracking().ToListAsync());
        return [.. all.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => (a.Organisation, a.Subject, a.Action, a.EntityType, a.EntityId))];
    }

    private static async Task<T> Read<T>(WhistleblowingHost wb, Func<WhistleblowingDbContext, Task<T>> read)
    {
        await using var scope = wb.Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WhistleblowingDbContext>());
    }
}
