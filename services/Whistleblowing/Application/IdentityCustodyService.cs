using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Identity custody (as in GlobaLeaks): a reporter's contact details stay sealed until a
/// custodian approves a handler's reasoned request; only that handler may then reveal them,
/// and every step is audited.
/// </summary>
public sealed class IdentityCustodyService(WhistleblowingDbContext db, CaseCrypto crypto, WhistleblowingClock clock)
{
    public sealed record RequestView(IdentityDisclosureRequest Request, string Reason);

    public async Task<RequestView> RequestAsync(Actor handler, Guid caseId, string reason, CancellationToken ct)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new CaseNotFoundException("The case");
        if (!@case.HasIdentity || @case.IsPurged)
        {
            throw new CaseActionRefusedException("The reporter gave no contact details for this case (or they have been purged).");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        using var cipher = crypto.Open(@case);
        var request = IdentityDisclosureRequest.Open(id, caseId, handler.Subject, handler.Organisation, cipher.EncryptText(Purpose.IdentityReason + "/" + id.ToString("N"), reason), now);
        db.IdentityRequests.Add(request);
        db.Audit(handler, AuditActions.IdentityRequested, caseId, now);
        await db.SaveChangesAsync(ct);
        return new RequestView(request, reason);
    }

    public async Task<IReadOnlyList<RequestView>> ListAsync(Actor custodian, IdentityRequestState state, CancellationToken ct)
    {
        var requests = await db.IdentityRequests.AsNoTracking().Where(r => r.State == state).ToListAsync(ct);
        var caseIds = requests.Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        db.Audit(custodian, AuditActions.IdentityRequestsListed, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return [.. requests.OrderBy(r => r.RequestedAt).Select(r => new RequestView(r, ReasonOf(cases.GetValueOrDefault(r.CaseId), r)))];
    }

    public async Task<RequestView> DecideAsync(Actor custodian, Guid requestId, bool approve, CancellationToken ct)
    {
        var request = await db.IdentityRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new CaseNotFoundException("The identity request");
        var now = clock.GetUtcNow();
        try
        {
            request.Decide(custodian.Subject, approve, now);
        }
        catch (InvalidOperationException e)
        {
            throw new CaseActionRefusedException(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CaseAccessDeniedException(e.Message);
        }

        db.Audit(custodian, approve ? AuditActions.IdentityApproved : AuditActions.IdentityRefused, request.CaseId, now);
        await db.SaveChangesAsync(ct);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == request.CaseId, ct);
        return new RequestView(request, ReasonOf(@case, request));
    }

    public async Task<string> RevealAsync(Actor handler, Guid caseId, Guid requestId, CancellationToken ct)
    {
        var request = await db.IdentityRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.CaseId == caseId, ct)
            ?? throw new CaseNotFoundException("The identity request");
        if (request.State != IdentityRequestState.Approved)
        {
            throw new CaseAccessDeniedException("The custodian has not approved this identity request.");
        }

        // A subject is only unique within its organisation's identity provider: the same "sub" from
        // another organisation is another person.
        if (!string.Equals(request.RequestedBy, handler.Subject, StringComparison.Ordinal)
            || !string.Equals(request.RequestedByOrganisation, handler.Organisation, StringComparison.Ordinal))
        {
            throw new CaseAccessDeniedException("Only the handler who made the request may use its approval.");
        }

        var @case = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
        if (@case.IdentityCipher is not { } sealedIdentity)
        {
            throw new CaseActionRefusedException("The reporter's contact details have been purged.");
        }

        db.Audit(handler, AuditActions.IdentityRevealed, caseId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        using var cipher = crypto.Open(@case);
        return cipher.DecryptText(Purpose.Identity, sealedIdentity);
    }

    private string ReasonOf(WhistleblowingCase? @case, IdentityDisclosureRequest request)
    {
        if (@case is null || @case.IsPurged)
        {
            return "";
        }

        using var cipher = crypto.Open(@case);
        return cipher.DecryptText(Purpose.IdentityReason + "/" + request.Id.ToString("N"), request.ReasonCipher);
    }
}
